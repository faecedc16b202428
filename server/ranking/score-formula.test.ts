import { describe, expect, it } from "vitest";
import { AREAS } from "../taxonomy/areas.ts";
import {
  combinedScore,
  compileWeights,
  COVERAGE_GAIN,
  coverageScore,
  dimensionScores,
  EVIDENCE_FLOOR,
  LOW_OVERALL_KNEE,
  overallScore,
  scaleLowOverall,
  toAreaVector,
} from "./score-formula.ts";
import { RequisitionWeightsSchema, type RequisitionWeightsInput } from "./weights-schema.ts";

const compiled = (input: RequisitionWeightsInput = {}) => compileWeights(RequisitionWeightsSchema.parse(input));
const production = AREAS.filter((a) => a.dimension === "production").map((a) => a.id);
const ml = AREAS.filter((a) => a.dimension === "ml").map((a) => a.id);

/** An area vector with the given production and ML area scores, in area order. */
function vector(productionScores: number[], mlScores: number[]) {
  return toAreaVector({
    ...Object.fromEntries(production.map((id, i) => [id, productionScores[i] ?? 0])),
    ...Object.fromEntries(ml.map((id, i) => [id, mlScores[i] ?? 0])),
  });
}

describe("coverage score of a dimension", () => {
  const weights = compiled().production;
  const score = (areas: number[]) => coverageScore(vector(areas, []), weights, COVERAGE_GAIN.production);

  it("lets the strongest areas count most: unmentioned areas do not sink a strong candidate", () => {
    // Three strong areas of seven: a plain mean would give 36.
    expect(score([90, 80, 70])).toBeGreaterThan(45);
    expect(score([90, 80, 70])).toBeGreaterThan((90 + 80 + 70) / 7);
  });

  it("adds breadth with diminishing returns", () => {
    const steps = [1, 2, 3, 4, 5, 6, 7].map((n) => score(Array(n).fill(60)));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThanOrEqual(steps[i - 1]!);
    const gains = steps.slice(1).map((s, i) => s - steps[i]!);
    for (let i = 1; i < gains.length; i++) expect(gains[i]!).toBeLessThanOrEqual(gains[i - 1]! + 1e-9);
  });

  it("is 0 without evidence and never above 100", () => {
    expect(score([])).toBe(0);
    expect(score(Array(7).fill(100))).toBe(100);
  });

  it("reads any evidence as at least the bottom of the 'little' band, and none as 0", () => {
    expect(score([2])).toBe(EVIDENCE_FLOOR);
    expect(score([0.1, 0, 0.1])).toBe(EVIDENCE_FLOOR);
    expect(score([30])).toBeGreaterThan(EVIDENCE_FLOOR);
    // Evidence only in an area the requisition ignores is no evidence.
    const ignoreServing = compiled({ areaWeights: { serving_apis: 0 } }).production;
    expect(coverageScore(vector([40], []), ignoreServing, COVERAGE_GAIN.production)).toBe(0);
  });

  it("applies the requisition's area weights: an ignored area adds nothing", () => {
    const ignoreServing = compiled({ areaWeights: { serving_apis: 0 } }).production;
    const onlyServing = vector([100], []);
    expect(coverageScore(onlyServing, ignoreServing, 1)).toBe(0);
    expect(coverageScore(onlyServing, weights, 1)).toBeGreaterThan(0);
  });
});

describe("overall score", () => {
  const shape = compiled();

  it("ranks strong production with weak ML above strong ML with weak production (the guide's asymmetry)", () => {
    expect(overallScore(80, 20, shape)).toBeGreaterThan(overallScore(20, 80, shape));
    const symmetric = compiled({ gapAsymmetry: 0 });
    expect(overallScore(80, 20, symmetric)).toBeCloseTo(overallScore(20, 80, symmetric), 9);
    const reversed = compiled({ gapAsymmetry: -0.15 });
    expect(overallScore(20, 80, reversed)).toBeGreaterThan(overallScore(80, 20, reversed));
  });

  it("never ties a strong one-sided candidate with an empty résumé at 0", () => {
    expect(overallScore(0, 0, shape)).toBe(0);
    expect(overallScore(60, 0, shape)).toBeGreaterThan(0);
    expect(overallScore(0, 60, shape)).toBeGreaterThan(0);
    expect(overallScore(0, 60, compiled({ balanceStrictness: 1 }))).toBeGreaterThan(0);
  });

  it("still puts balanced candidates first under the default strictness", () => {
    expect(overallScore(50, 50, shape)).toBeGreaterThan(overallScore(90, 10, shape));
    expect(overallScore(50, 50, shape)).toBeGreaterThan(overallScore(10, 90, shape));
    expect(overallScore(45, 45, shape)).toBeGreaterThan(overallScore(100, 0, shape));
  });

  it("is the candidate's score when both dimensions agree, whatever the weights", () => {
    for (const input of [{}, { balanceStrictness: 0 }, { productionWeight: 0.8, balanceStrictness: 1 }])
      expect(overallScore(64, 64, compiled(input))).toBeCloseTo(64, 9);
  });

  it("is the one dimension that has all the weight", () => {
    expect(overallScore(20, 80, compiled({ productionWeight: 0 }))).toBe(80);
    expect(overallScore(80, 20, compiled({ productionWeight: 1 }))).toBe(80);
    // Nothing is combined, so the low end is not compressed either.
    expect(overallScore(80, 20, compiled({ productionWeight: 0 }))).toBe(20);
  });

  it("combines the dimensions homogeneously, so the plot's iso-line is exact", () => {
    expect(combinedScore(80, 30, shape) * 0.5).toBeCloseTo(combinedScore(40, 15, shape), 9);
    expect(overallScore(80, 30, shape)).toBe(combinedScore(80, 30, shape));
  });

  it("compresses its low end without changing any order: two 'little' dimensions stay at 20 or below", () => {
    expect(scaleLowOverall(0)).toBe(0);
    expect(scaleLowOverall(LOW_OVERALL_KNEE)).toBe(LOW_OVERALL_KNEE);
    expect(scaleLowOverall(40)).toBe(40);
    // Each dimension "little" (level 1's band is 5–35): a chemical technician's one statistics
    // project and process documentation (production 18, ML 23.7) combine to 20.5.
    expect(combinedScore(18, 23.7, shape)).toBeGreaterThan(20);
    expect(overallScore(18, 23.7, shape)).toBeLessThanOrEqual(20);
    // Strictly rising: 0.1 apart anywhere stays apart, and a trace of evidence stays above 0.
    for (let x = 0; x < 30; x += 0.1) expect(scaleLowOverall(x + 0.1)).toBeGreaterThan(scaleLowOverall(x));
    expect(Math.round(scaleLowOverall(0.2) * 10) / 10).toBeGreaterThan(0);
    expect(overallScore(60, 0, shape)).toBeGreaterThan(5);
  });
});

describe("dimensionScores", () => {
  it("rounds to one decimal and is deterministic", () => {
    const areas = vector([77.7, 12.3, 45], [66.6, 33.3]);
    const first = dimensionScores(areas, compiled());
    expect(dimensionScores(areas, compiled())).toEqual(first);
    for (const value of Object.values(first)) expect(Math.round(value * 10) / 10).toBe(value);
  });
});
