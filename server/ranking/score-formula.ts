// THE score formula: a requisition's weights compiled once, then an application's stored area
// scores → its production, ML and overall scores. Changing weights re-ranks without re-parsing.
// Its one SQL twin is score-formula-sql.ts (used while stored columns catch up, by re-ranking and
// by the preview); tests/integration/score-formula-agreement.test.ts checks the two agree.
// Change the formula here and there, nowhere else. Pure and allocation-light.
import { AREAS, AREA_IDS, type AreaId } from "../taxonomy/areas.ts";
import { weightedPowerMean } from "./power-mean.ts";
import { areaWeight, balanceExponent, type RequisitionWeights } from "./weights-schema.ts";

/** Area scores (0–100) in AREA_IDS order. */
export type AreaVector = ArrayLike<number>;

export interface CompiledWeights {
  /** Per area: its share of its dimension's score (0 for the other dimension). */
  production: Float64Array;
  ml: Float64Array;
  areaWeights: Float64Array;
  productionWeight: number;
  exponent: number;
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

/** The formula: dimension scores (weighted means of their areas) and overall (weighted power mean), 1 decimal. */
export function dimensionScores(areas: AreaVector, compiled: CompiledWeights): DimensionScores {
  let production = 0;
  let ml = 0;
  for (let i = 0; i < AREA_IDS.length; i++) {
    const score = areas[i] ?? 0;
    production += compiled.production[i]! * score;
    ml += compiled.ml[i]! * score;
  }
  const overall = weightedPowerMean(production, ml, compiled.productionWeight, compiled.exponent);
  return { production: round1(production), ml: round1(ml), overall: round1(overall) };
}

export function toAreaVector(scores: Partial<Record<AreaId, number>>): Float64Array {
  return Float64Array.from(AREA_IDS, (id) => scores[id] ?? 0);
}
