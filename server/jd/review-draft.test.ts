import { describe, expect, it } from "vitest";
import { PLATFORM_POSTING } from "../../tests/factories/job-postings.ts";
import { RequisitionWeightsSchema } from "../ranking/weights-schema.ts";
import { draftRequisition } from "./draft-requisition.ts";
import { applyReview, listSuggestions } from "./review-draft.ts";

const draft = draftRequisition(PLATFORM_POSTING);
const suggestions = listSuggestions(draft);
const saved = RequisitionWeightsSchema.parse({
  productionWeight: 0.5,
  balanceStrictness: 0.5,
  areaWeights: { serving_apis: 0.2 },
  mustHave: ["scala"],
  minYears: 1,
  minDegree: "masters",
});
const byId = (id: string) => suggestions.find((suggestion) => suggestion.id === id);

describe("listSuggestions", () => {
  it("lists the lean, every drafted area, each must-have and nice-to-have and the minimum years, once each", () => {
    const ids = suggestions.map((suggestion) => suggestion.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe("lean");
    expect(ids).toContain("minYears");
    for (const skill of draft.weights.mustHave) expect(ids).toContain(`mustHave:${skill}`);
    for (const skill of draft.weights.niceToHave) expect(ids).toContain(`niceToHave:${skill}`);
    expect(ids.filter((id) => id.startsWith("area:"))).toHaveLength(Object.keys(draft.weights.areaWeights).length);
  });

  it("gives each suggestion the lines of the posting it came from", () => {
    expect(byId("minYears")!.spans.map((span) => span.text)).toEqual(["5+ years"]);
    const kubernetes = byId("mustHave:kubernetes")!;
    expect(kubernetes.spans.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) {
      for (const span of suggestion.spans) expect(PLATFORM_POSTING.slice(span.start, span.end)).toBe(span.text);
    }
    expect(byId("lean")!.value).toBe("production");
  });
});

describe("applyReview", () => {
  it("accepting everything gives the draft's weights, with the saved minimum degree (never drafted)", () => {
    const weights = applyReview(draft, saved, new Set());
    expect(weights).toEqual({ ...draft.weights, minDegree: "masters" });
    expect(RequisitionWeightsSchema.parse(weights)).toEqual(weights);
  });

  it("a rejected lean keeps the saved balance; a rejected area keeps its saved weight", () => {
    const weights = applyReview(draft, saved, new Set(["lean", "area:serving_apis"]));
    expect(weights.productionWeight).toBe(0.5);
    expect(weights.balanceStrictness).toBe(0.5);
    expect(weights.gapAsymmetry).toBe(saved.gapAsymmetry);
    expect(weights.areaWeights.serving_apis).toBe(0.2);
    expect(weights.areaWeights.containers_orchestration).toBe(draft.weights.areaWeights.containers_orchestration);
  });

  it("a rejected skill is not added, and the lists become the accepted skills", () => {
    const weights = applyReview(draft, saved, new Set(["mustHave:kubernetes", "niceToHave:mlflow"]));
    expect(weights.mustHave).toEqual(draft.weights.mustHave.filter((skill) => skill !== "kubernetes"));
    expect(weights.mustHave).not.toContain("scala");
    expect(weights.niceToHave).not.toContain("mlflow");
  });

  it("a rejected minimum keeps the saved one; ids it does not know change nothing", () => {
    expect(applyReview(draft, saved, new Set(["minYears"])).minYears).toBe(1);
    expect(applyReview(draft, saved, new Set(["nonsense"]))).toEqual(applyReview(draft, saved, new Set()));
  });
});
