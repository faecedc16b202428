// THE score formula: a requisition's weights compiled once, then an application's stored area
// scores → its production, ML and overall scores. Changing weights re-ranks without re-parsing.
// Its one SQL twin is score-formula-sql.ts (used while stored columns catch up, by re-ranking and
// by the preview); tests/integration/score-formula-agreement.test.ts checks the two agree.
// Change the formula here and there, nowhere else. Pure and allocation-light.
//
// 1. A dimension is a COVERAGE score of its seven areas, not their mean: nobody shows all seven,
//    so a mean let every unmentioned area drag a strong candidate down. The weighted power mean
//    with exponent COVERAGE_EXPONENT > 1 lets the strongest areas count most while breadth adds
//    with diminishing returns; the requisition's area weights still apply. COVERAGE_GAIN sets
//    each dimension's scale. Both are calibrated on the labelled real set so that expert levels 0–4 land in
//    their bands (docs/scoring.md, scripts/calibrate-dimensions.ts).
// 2. The guide's asymmetry: "If you have strong ML knowledge but weak engineering skills, the
//    engineering gap is significant and takes time to close. If you have strong engineering skills
//    but limited ML knowledge, the ML gap is real but more bounded." With gapAsymmetry a > 0 an
//    ML gap is narrowed by a × (production − ml) before the two are combined (a < 0 does the same
//    for a production gap), so at equal imbalance strong production with weak ML ranks higher.
// 3. The overall is the weighted power mean of the two (balance strictness → exponent), plus a
//    small ONE_SIDED_CREDIT of their weighted arithmetic mean, so a strong one-sided candidate
//    never ties an empty or unrelated résumé at 0, while balanced candidates still come first.
// 4. Its low end is compressed (scaleLowOverall): below LOW_OVERALL_KNEE a share rising from
//    LOW_OVERALL_SHARE at 0 to 1 at the knee is kept, so two dimensions that are each only
//    "little" do not add up to an overall above 20, where the unrelated résumés must stay,
//    while a typical data-science résumé (25 and up) keeps its number. A strictly rising map:
//    every order (the table's sort, the ranks, the AUCs) is unchanged. With all the weight on one
//    dimension nothing is combined, and the overall is that dimension's score.
import type { Dimension } from "../contract/screening-result.ts";
import { AREAS, AREA_IDS, type AreaId } from "../taxonomy/areas.ts";
import { weightedPowerMean } from "./power-mean.ts";
import { areaWeight, balanceExponent, type RequisitionWeights } from "./weights-schema.ts";

/** Exponent of the coverage mean over a dimension's areas (> 1: the strongest areas count most). */
export const COVERAGE_EXPONENT = 2;
/** Scale of each dimension's coverage score (capped at 100), calibrated per dimension. */
export const COVERAGE_GAIN = { production: 1.15, ml: 1.1 } as const;
/**
 * The least a dimension scores when any of its weighted areas shows evidence: the bottom of the
 * "little" level's band (level 1 → 5–35 in the calibration table, docs/scoring.md). Some evidence is
 * never read as none at all; with no evidence the dimension stays 0.
 */
export const EVIDENCE_FLOOR = 5;
/** Share of the weighted arithmetic mean in the overall score: one-sided is not irrelevant. */
export const ONE_SIDED_CREDIT = 0.1;
/**
 * The overall below which it is compressed: the bottom of a typical data-science résumé's overall
 * (the issue: "a real data-science résumé typically scores overall ≥ 25").
 */
export const LOW_OVERALL_KNEE = 25;
/** The share of the combined score kept near 0; it rises linearly to 1 at the knee. */
export const LOW_OVERALL_SHARE = 0.3;
/** 1 − LOW_OVERALL_SHARE: the share gained from 0 to the knee (the SQL twin uses it as it is). */
export const LOW_OVERALL_RISE = 1 - LOW_OVERALL_SHARE;

/** Area scores (0–100) in AREA_IDS order. */
export type AreaVector = ArrayLike<number>;

export interface CompiledWeights {
  /** Per area: its share of its dimension's score (0 for the other dimension). */
  production: Float64Array;
  ml: Float64Array;
  areaWeights: Float64Array;
  productionWeight: number;
  exponent: number;
  /** > 0: an ML gap counts less than a production gap of the same size (the guide's default). */
  gapAsymmetry: number;
  mustHave: readonly string[];
  minYears: number | null;
}

export function compileWeights(weights: RequisitionWeights): CompiledWeights {
  const production = new Float64Array(AREA_IDS.length);
  const ml = new Float64Array(AREA_IDS.length);
  const raw = new Float64Array(AREA_IDS.length);
  AREAS.forEach((area) => {
    const index = AREA_IDS.indexOf(area.id);
    raw[index] = areaWeight(weights, area.id);
  });
  for (const [target, dimension] of [
    [production, "production"],
    [ml, "ml"],
  ] as const) {
    const indexes = AREAS.filter((a) => a.dimension === dimension).map((a) => AREA_IDS.indexOf(a.id));
    const total = indexes.reduce((sum, i) => sum + raw[i]!, 0);
    // All areas of a dimension switched off: fall back to equal weights rather than divide by 0.
    for (const i of indexes) target[i] = total > 0 ? raw[i]! / total : 1 / indexes.length;
  }
  return {
    production,
    ml,
    areaWeights: raw,
    productionWeight: weights.productionWeight,
    exponent: balanceExponent(weights.balanceStrictness),
    gapAsymmetry: weights.gapAsymmetry,
    mustHave: weights.mustHave,
    minYears: weights.minYears,
  };
}

export interface DimensionScores {
  production: number;
  ml: number;
  overall: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The coverage score of one dimension: its areas' weighted power mean (weights sum to 1), scaled,
 * capped at 100 and, when any weighted area shows evidence, at least EVIDENCE_FLOOR.
 */
export function coverageScore(areas: AreaVector, weights: Float64Array, gain: number): number {
  let sum = 0;
  for (let i = 0; i < AREA_IDS.length; i++) sum += weights[i]! * (areas[i] ?? 0) ** COVERAGE_EXPONENT;
  const scaled = Math.min(100, gain * sum ** (1 / COVERAGE_EXPONENT));
  return sum > 0 ? Math.max(EVIDENCE_FLOOR, scaled) : scaled;
}

/** The score every area of a dimension needs for that dimension score (0 or EVIDENCE_FLOOR–100): seed data and tests. */
export function uniformAreaScore(dimensionScore: number, dimension: Dimension): number {
  return dimensionScore / COVERAGE_GAIN[dimension];
}

/** What the overall score depends on besides the two dimension scores. */
export interface OverallShape {
  productionWeight: number;
  exponent: number;
  gapAsymmetry: number;
}

/**
 * The overall score of two dimension scores (unrounded): their combination with its low end
 * compressed. Above LOW_OVERALL_KNEE it is the combination itself. With all the weight on one
 * dimension nothing is combined: the overall is that dimension's score, as it stands.
 */
export function overallScore(production: number, ml: number, shape: OverallShape): number {
  const combined = combinedScore(production, ml, shape);
  return weighsOneDimension(shape) ? combined : scaleLowOverall(combined);
}

/** Whether all the weight is on one dimension (production weight 0 or 1). */
export function weighsOneDimension(shape: Pick<OverallShape, "productionWeight">): boolean {
  return shape.productionWeight <= 0 || shape.productionWeight >= 1;
}

/**
 * Below the knee, x × (share + (1 − share) × x / knee): 0 stays 0, the knee stays the knee, and
 * the map rises strictly (its slope is at least the share), so no two scores change places.
 */
export function scaleLowOverall(combined: number): number {
  return combined >= LOW_OVERALL_KNEE
    ? combined
    : combined * (LOW_OVERALL_SHARE + (LOW_OVERALL_RISE * combined) / LOW_OVERALL_KNEE);
}

/**
 * The two dimension scores combined (the overall before its low end is compressed);
 * homogeneous: combined(t·p, t·m) = t·combined(p, m), so the plot's iso-lines are exact.
 */
export function combinedScore(production: number, ml: number, shape: OverallShape): number {
  // All weight on one dimension: the overall is that dimension (no gap to weigh).
  const wp = Math.min(1, Math.max(0, shape.productionWeight));
  if (wp === 0) return ml;
  if (wp === 1) return production;
  const a = shape.gapAsymmetry;
  const p = a < 0 && production < ml ? production + -a * (ml - production) : production;
  const m = a > 0 && ml < production ? ml + a * (production - ml) : ml;
  const balanced = weightedPowerMean(p, m, wp, shape.exponent);
  return (1 - ONE_SIDED_CREDIT) * balanced + ONE_SIDED_CREDIT * (wp * production + (1 - wp) * ml);
}

/** The formula: dimension scores (coverage of their areas) and overall, rounded to 1 decimal. */
export function dimensionScores(areas: AreaVector, compiled: CompiledWeights): DimensionScores {
  const production = coverageScore(areas, compiled.production, COVERAGE_GAIN.production);
  const ml = coverageScore(areas, compiled.ml, COVERAGE_GAIN.ml);
  const overall = overallScore(production, ml, compiled);
  return { production: round1(production), ml: round1(ml), overall: round1(overall) };
}

export function toAreaVector(scores: Partial<Record<AreaId, number>>): Float64Array {
  return Float64Array.from(AREA_IDS, (id) => scores[id] ?? 0);
}
