import { describe, expect, it } from "vitest";
import {
  INLINE_POSTING,
  MARKDOWN_POSTING,
  PLATFORM_POSTING,
  RESEARCH_POSTING,
} from "../../tests/factories/job-postings.ts";
import { PRESETS } from "../ranking/weights-presets.ts";
import { RequisitionWeightsSchema } from "../ranking/weights-schema.ts";
import { draftRequisition } from "./draft-requisition.ts";
import type { RequisitionDraft } from "./types.ts";

function expectSpansExact(posting: string, draft: RequisitionDraft) {
  for (const item of [...draft.evidence, ...draft.unscored, ...draft.warnings]) {
    expect(posting.slice(item.start, item.end)).toBe(item.text);
  }
}

describe("a platform role", () => {
  const draft = draftRequisition(PLATFORM_POSTING);

  it("leans production and starts from the platform preset", () => {
    const platform = PRESETS.find((preset) => preset.id === "platform")!;
    expect(draft.lean).toBe("production");
    expect(draft.weights.productionWeight).toBe(platform.weights.productionWeight);
    expect(draft.weights.balanceStrictness).toBe(platform.weights.balanceStrictness);
    expect(draft.evidence.find((item) => item.field === "productionWeight")?.text).toBe("Platform");
  });

  it("maps required skills to must-haves and preferred ones to nice-to-haves, never promoting", () => {
    expect(draft.weights.mustHave).toEqual(
      expect.arrayContaining(["python", "go", "docker", "kubernetes", "terraform", "aws"]),
    );
    expect(draft.weights.niceToHave).toEqual(expect.arrayContaining(["kubeflow", "mlflow", "pytorch"]));
    for (const id of draft.weights.niceToHave) expect(draft.weights.mustHave).not.toContain(id);
    // Named only in the duties: they weigh areas, they are not must-haves.
    expect(draft.weights.mustHave).not.toContain("prometheus");
    expect(draft.weights.mustHave).not.toContain("feature_store");
  });

  it("weighs the areas the posting stresses, and keeps silent areas above zero", () => {
    const areas = draft.weights.areaWeights;
    expect(areas.containers_orchestration).toBe(1);
    expect(areas.mlops_lifecycle).toBe(1);
    expect(areas.applied_specialisations).toBe(0.3);
    expect(draft.evidence.some((item) => item.field === "areaWeights.containers_orchestration")).toBe(true);
  });

  it("reads the years, warns about the degree and the proxy wording, and never sets minDegree", () => {
    expect(draft.weights.minYears).toBe(5);
    expect(draft.evidence.find((item) => item.field === "minYears")).toMatchObject({ value: 5, text: "5+ years" });
    expect(draft.weights.minDegree).toBeNull();
    const codes = draft.warnings.map((warning) => [warning.code, warning.text]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["degree_required", "Bachelor's degree"],
        ["proxy_age", "young"],
        ["proxy_age", "energetic"],
        ["proxy_culture_fit", "cultural fit"],
      ]),
    );
    const degree = draft.warnings.find((warning) => warning.code === "degree_required")!;
    expect(degree.message).toContain("is generally not a requirement");
  });

  it("gives weights the --requisition format accepts, with every span exact", () => {
    expect(RequisitionWeightsSchema.strict().parse(draft.weights)).toEqual(draft.weights);
    expectSpansExact(PLATFORM_POSTING, draft);
  });
});

describe("a research role", () => {
  const draft = draftRequisition(RESEARCH_POSTING);

  it("leans ML and starts from the research preset", () => {
    expect(draft.lean).toBe("ml");
    expect(draft.weights.productionWeight).toBe(
      PRESETS.find((preset) => preset.id === "research")!.weights.productionWeight,
    );
  });

  it("reads years written as words, flags the Ph.D., the school and the native speaker", () => {
    expect(draft.weights.minYears).toBe(3);
    const codes = draft.warnings.map((warning) => warning.code);
    expect(codes).toContain("degree_required");
    expect(codes).toContain("proxy_school_prestige");
    expect(codes).toContain("proxy_origin_language");
    expect(draft.warnings.find((warning) => warning.code === "degree_required")?.text).toBe("Ph.D.");
    expect(draft.weights.mustHave).toEqual(
      expect.arrayContaining(["pytorch", "jax", "fsdp", "deepspeed", "statistics"]),
    );
    expect(draft.weights.niceToHave).toEqual(["reinforcement_learning"]);
    expectSpansExact(RESEARCH_POSTING, draft);
  });
});

describe("inline markers and years forms", () => {
  it("reads 'required', 'a plus', 'ideally', 'preferably' and a range of years", () => {
    const draft = draftRequisition(INLINE_POSTING);
    expect(draft.weights.mustHave).toEqual(expect.arrayContaining(["python", "sql", "git"]));
    expect(draft.weights.niceToHave).toEqual(expect.arrayContaining(["spark", "airflow", "kafka"]));
    expect(draft.weights.mustHave).not.toContain("spark");
    expect(draft.weights.minYears).toBe(3);
    expect(draft.warnings.map((warning) => warning.text)).toEqual(["Digital natives", "recent graduates"]);
    expectSpansExact(INLINE_POSTING, draft);
  });

  it.each([
    ["Requirements\n- 5+ years of Python", 5],
    ["Requirements\n- At least three years of experience with Python", 3],
    ["Requirements\n- 3-5 years of experience", 3],
    ["Requirements\n- 4 to 6 years in industry", 4],
    ["Requirements\n- A minimum of 2 years of professional experience", 2],
    ["Requirements\n- 7 years' experience in ML", 7],
    ["Requirements\n- Five or more years building models", 5],
    ["Requirements\n- 10+ yrs building ML systems", 10],
    ["Requirements\n- Python and SQL", null],
  ])("%j → %s", (body, years) => {
    expect(draftRequisition(`ML Engineer\n\n${body}\n`).weights.minYears).toBe(years);
  });

  it("does not take a maximum of years as a minimum, and flags it", () => {
    const draft = draftRequisition("ML Engineer\n\nRequirements\n- Up to 2 years of experience with Python\n");
    expect(draft.weights.minYears).toBeNull();
    expect(draft.warnings.map((warning) => warning.code)).toContain("proxy_age");
  });

  it("warns that a high minimum of years can act as an age proxy", () => {
    const draft = draftRequisition("ML Engineer\n\nRequirements\n- 12+ years of experience with Python\n");
    expect(draft.warnings.find((warning) => warning.code === "high_min_years")?.text).toBe("12+ years");
  });
});

describe("what the ranking cannot score", () => {
  it("lists requirements without a taxonomy skill, by kind", () => {
    const draft = draftRequisition(MARKDOWN_POSTING);
    expect(draft.weights.minYears).toBe(2);
    expect(draft.weights.mustHave).toEqual(
      expect.arrayContaining(["recommender_systems", "python", "pytorch", "ab_testing"]),
    );
    expect(draft.weights.niceToHave).toEqual(["elasticsearch"]);
    const kinds = draft.unscored.map((item) => [item.kind, item.text]);
    expect(kinds).toEqual([
      ["soft_skill", "Excellent communication skills and a customer-first mindset"],
      ["clearance", "Active security clearance"],
    ]);
    expectSpansExact(MARKDOWN_POSTING, draft);
  });

  it("lists tools the taxonomy does not know when a requirement names them beside known ones", () => {
    const posting =
      "ML Training Engineer\n\nRequirements\n- Experience with DeepSpeed, MS-AMP and Megatron\n- Linux, QNX\n";
    const draft = draftRequisition(posting);
    expect(draft.weights.mustHave).toEqual(expect.arrayContaining(["deepspeed", "large_scale_training", "linux"]));
    expect(draft.unscored.map((item) => [item.kind, item.text])).toEqual([
      ["unknown_skill", "MS-AMP"],
      ["unknown_skill", "QNX"],
    ]);
    expectSpansExact(posting, draft);
  });

  it("does not flag the equal-opportunity statement, which names traits without asking for any", () => {
    const draft = draftRequisition(
      "ML Engineer\n\nRequirements\n- Python\n\nWe do not discriminate on the basis of race, religion, national origin, age, sex or disability.\n",
    );
    expect(draft.warnings).toEqual([]);
  });
});

describe("determinism", () => {
  it("gives the same draft for the same posting", () => {
    for (const posting of [PLATFORM_POSTING, RESEARCH_POSTING, INLINE_POSTING, MARKDOWN_POSTING]) {
      expect(JSON.stringify(draftRequisition(posting))).toBe(JSON.stringify(draftRequisition(posting)));
    }
  });

  it("drafts the balanced default from a posting that says nothing", () => {
    const draft = draftRequisition("Engineer\n\nWe are hiring.\n");
    expect(draft.lean).toBe("balanced");
    expect(draft.weights.mustHave).toEqual([]);
    expect(draft.weights.minYears).toBeNull();
  });
});

describe("other ways postings are written", () => {
  it("reads a posting whose line breaks were lost (inline headings and bullets)", async () => {
    const { RUN_ON_POSTING } = await import("../../tests/factories/job-postings.ts");
    const draft = draftRequisition(RUN_ON_POSTING);
    expect(draft.weights.mustHave).toEqual(["python", "sql", "docker", "aws"]);
    expect(draft.weights.niceToHave).toEqual(["kubernetes", "terraform"]);
    expect(draft.weights.minYears).toBe(3);
    expectSpansExact(RUN_ON_POSTING, draft);
  });

  it("reads basic and preferred qualifications in bold Markdown, degree abbreviations and 'an asset'", async () => {
    const { QUALIFICATIONS_POSTING } = await import("../../tests/factories/job-postings.ts");
    const draft = draftRequisition(QUALIFICATIONS_POSTING);
    expect(draft.weights.mustHave).toEqual(["java", "scala", "sql"]);
    expect(draft.weights.niceToHave).toEqual(
      expect.arrayContaining(["learning_to_rank", "elasticsearch", "kafka", "spark"]),
    );
    expect(draft.weights.minYears).toBe(5);
    const warnings = draft.warnings.map((warning) => [warning.code, warning.text]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        ["degree_required", "BS"],
        ["proxy_origin_language", "English as a first language"],
        ["proxy_school_prestige", "top universities"],
      ]),
    );
    expectSpansExact(QUALIFICATIONS_POSTING, draft);
  });

  it("reads requirements from running text when the posting has no headings", async () => {
    const { RUNNING_TEXT_POSTING } = await import("../../tests/factories/job-postings.ts");
    const draft = draftRequisition(RUNNING_TEXT_POSTING);
    // Sentence by sentence: the purpose named beside the tools ("fraud detection") comes along.
    expect(draft.weights.mustHave).toEqual(expect.arrayContaining(["python", "pytorch", "docker"]));
    expect(draft.weights.mustHave).not.toContain("airflow");
    expect(draft.weights.niceToHave).toEqual(["airflow"]);
    expect(draft.weights.minYears).toBeNull();
    expect(draft.warnings).toEqual([]);
  });
});

describe("more wording", () => {
  it.each([
    ["Requirements\n- BS in CS or equivalent experience", "degree_required", "BS"],
    ["Requirements\n- A relevant degree", "degree_required", "relevant degree"],
    [
      "Requirements\n- Python\n\nWe are a digital-native company hiring newly graduated engineers.",
      "proxy_age",
      "digital-native",
    ],
    ["Requirements\n- Native or bilingual proficiency in English", "proxy_origin_language", "Native or bilingual"],
    ["Requirements\n- Fresh out of college", "proxy_age", "Fresh out of college"],
  ])("%j → %s %j", (body, code, text) => {
    const draft = draftRequisition(`ML Engineer\n\n${body}\n`);
    expect(draft.warnings.map((warning) => [warning.code, warning.text])).toContainEqual([code, text]);
  });

  it("does not take 'a high degree of autonomy' for a degree", () => {
    const draft = draftRequisition("ML Engineer\n\nRequirements\n- A high degree of autonomy and Python\n");
    expect(draft.warnings).toEqual([]);
  });

  it("reads years from the title when the requirements give none, and 'YOE'", () => {
    expect(draftRequisition("Senior ML Engineer (5+ years)\n\nRequirements\n- Python\n").weights.minYears).toBe(5);
    expect(draftRequisition("ML Engineer\n\nRequirements\n- 4+ YOE with Python\n").weights.minYears).toBe(4);
  });

  it("reads 'What you'll bring', 'Ideally you have' and 'Education' headings", () => {
    const draft = draftRequisition(
      "ML Engineer\n\nWhat You'll Bring\n- Python and Docker\n\nIdeally You Have\n- Rust\n\nEducation\n- Master's degree\n",
    );
    expect(draft.weights.mustHave).toEqual(["python", "docker"]);
    expect(draft.weights.niceToHave).toEqual(["rust"]);
    expect(draft.warnings.map((warning) => warning.code)).toEqual(["degree_required"]);
  });
});

describe("a job board's fields", () => {
  it("reads 'Machine learning: 3 years (Required)' and leaves '(Preferred)' fields as a plus", () => {
    const posting =
      "Machine Learning Engineer\n\nResponsibilities:\n- Develop NLP models\n\nExperience:\n- Machine learning: 3 years (Required)\n- Python: 2 years (Preferred)\n\nEducation:\n- Bachelor's (Preferred)\n";
    const draft = draftRequisition(posting);
    expect(draft.weights.minYears).toBe(3);
    expect(draft.weights.niceToHave).toEqual(["python"]);
    expect(draft.warnings.map((warning) => [warning.code, warning.text])).toEqual([["degree_preferred", "Bachelor's"]]);
    expectSpansExact(posting, draft);
  });
});
