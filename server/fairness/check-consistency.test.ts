// The consistency check on résumés written for it (third-person summaries, a fraternity, a
// chairman, "Mr.") and on the factory's profiles: every identity cue must leave the
// production, ML and overall scores exactly as they were.
import { describe, expect, it } from "vitest";
import { PROFILES, makeResumeText } from "../../tests/factories/resume-factory.ts";
import { checkConsistency, summariseConsistency } from "./check-consistency.ts";

const now = new Date("2026-12-01T00:00:00Z");

const WRITTEN: Record<string, string> = {
  "third person, fraternity, chairman": `Daniel Okafor
Machine Learning Engineer
Chicago, IL | daniel.okafor@example.com | (312) 555-0148

SUMMARY
Mr. Okafor is a machine learning engineer. He has shipped PyTorch ranking models to production and
his work on feature pipelines cut serving latency by 40%. He describes himself as a builder.

EXPERIENCE
Senior Machine Learning Engineer, Acme Marketplaces, Chicago, IL
Jan 2021 – Present
- Trained and deployed transformer rankers with PyTorch and Triton on Kubernetes; p99 under 30 ms.
- Built Airflow feature pipelines on Spark and Kafka; monitored drift with Prometheus and Grafana.

Data Scientist, Northbeam Analytics, Remote
Jun 2018 – Dec 2020
- Built XGBoost churn models in Python and scikit-learn, served with FastAPI and Docker on AWS.

EDUCATION
M.S. Computer Science, University of Illinois, 2018

LEADERSHIP
Chairman, Engineering Council; Treasurer, Alpha Phi Alpha Fraternity; Men's rugby captain.

SKILLS
Python, PyTorch, TensorFlow, Kubernetes, Docker, Spark, Kafka, Airflow, SQL, AWS
`,
  "first person, sorority, chairwoman": `Sofia Marquez-Lindqvist
ML Platform Engineer · sofia.ml@example.org · Seattle, WA

Summary
I build ML platforms. She/her. Former chairwoman of the Women in Machine Learning chapter and
member of Kappa Alpha Theta sorority. Ms. Marquez-Lindqvist mentors girls' coding clubs.

Work Experience
ML Platform Engineer — Cascade Health — 03/2020 to present
• Ran distributed training on Ray and GPUs; moved batch scoring to Kubeflow pipelines.
• Wrote the model registry service in Go with gRPC; CI/CD with GitHub Actions and Terraform.
Software Engineer — Pinegrove Systems — 07/2016 to 02/2020
• Backend services in Java and PostgreSQL; on-call for payments.

Education
B.S. Electrical Engineering, 2016

Skills
Python, Go, Java, Ray, Kubeflow, Terraform, Kubernetes, PostgreSQL, MLflow
`,
  "they/them, no dates": `Robin Achterberg
they/them
robin@example.net

Profile
Research engineer. They publish on reinforcement learning and their code is used by two labs.
Chair of the graduate student association; brother of a fellow engineer (not a cue, a test).

Publications
Achterberg R., et al. Offline RL for recommendation. NeurIPS workshop.

Skills
Python, JAX, PyTorch, NumPy, pandas, CUDA
`,
};

describe("checkConsistency", () => {
  it.each(Object.entries(WRITTEN))("%s: every variant scores exactly as the original", (_, text) => {
    const result = checkConsistency(text, { now });
    expect(result.variants.length).toBeGreaterThan(5);
    expect(result.variants.filter((variant) => variant.moved.length > 0)).toEqual([]);
    expect(result.identical).toBe(true);
  });

  it("swaps names, pronouns and gendered words in the written résumés", () => {
    const result = checkConsistency(WRITTEN["third person, fraternity, chairman"]!, { now });
    expect(result.name).toBe("Daniel Okafor");
    expect(new Set(result.variants.map((variant) => variant.cue.kind))).toEqual(
      new Set(["name", "pronouns", "gendered-words", "combined"]),
    );
    expect(result.original.overall).toBeGreaterThan(0);
  });

  it.each(PROFILES.map((profile) => [profile.key, profile] as const))("factory profile %s: identical", (_, profile) => {
    expect(checkConsistency(makeResumeText(profile), { now }).identical).toBe(true);
  });

  it("catches a scorer that reads identity, naming the cue", () => {
    // Docks 5 points from the overall score of any text with "she" or "sorority" in it.
    const biased = (text: string) => ({
      production: 50,
      ml: 50,
      overall: /\b(she|sorority)\b/i.test(text) ? 45 : 50,
    });
    const result = checkConsistency(WRITTEN["third person, fraternity, chairman"]!, { now, score: biased });
    expect(result.identical).toBe(false);
    expect(result.variants.filter((variant) => variant.moved.length).map((variant) => variant.cue.description)).toEqual(
      [
        "pronouns → she/her/her",
        "gendered words → feminine (sorority, chairwoman, Ms., …)",
        "all cues → Lakisha Washington, she, feminine words",
      ],
    );
    expect(result.variants.find((variant) => variant.moved.length)!.moved).toEqual(["overall"]);
  });

  it("reports the cue that moved a score, and the share identical", () => {
    // A made-up result where one cue moved the overall score.
    const moved = {
      name: "A B",
      original: { production: 50, ml: 60, overall: 55 },
      variants: [
        {
          cue: { kind: "pronouns" as const, description: "pronouns → she/her/her" },
          scores: { production: 50, ml: 60, overall: 54 },
          moved: ["overall" as const],
        },
      ],
      identical: false,
    };
    const same = { ...moved, variants: [], identical: true };
    const summary = summariseConsistency([
      { id: "a", result: same },
      { id: "b", result: moved },
    ]);
    expect(summary).toMatchObject({ resumes: 2, identical: 1, shareIdentical: 0.5 });
    expect(summary.moved).toEqual([{ id: "b", original: moved.original, variants: moved.variants }]);
    expect(summariseConsistency([]).shareIdentical).toBeNull();
  });
});
