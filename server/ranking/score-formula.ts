// Ranking for a requisition from STORED area scores: changing weights re-ranks without
// re-parsing. Pure and allocation-light so 100,000 applications re-rank well under a second.
import { AREAS, AREA_IDS, type AreaId } from "../taxonomy/areas.ts";
import { weightedPowerMean } from "./power-mean.ts";
import { areaWeight, balanceExponent, type RequisitionWeights } from "./requisition-weights.ts";

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

/** Must-have skills the candidate does not show. */
export function missingMustHaves(skillIds: readonly string[], compiled: CompiledWeights): string[] {
  const missing: string[] = [];
  for (const id of compiled.mustHave) if (!skillIds.includes(id)) missing.push(id);
  return missing;
}

export function meetsMinYears(years: number | null, compiled: CompiledWeights): boolean | null {
  if (compiled.minYears === null) return null;
  if (years === null) return false;
  return years >= compiled.minYears;
}

/** Below this an area the requisition cares about is a gap. */
export const GAP_THRESHOLD = 40;
export const MAX_GAPS = 3;

/**
 * The weakest areas this requisition cares about — the guide's "where focused development would
 * close the most important gaps" — ordered by how much they matter times how far they fall short.
 */
export function findGaps(areas: AreaVector, compiled: CompiledWeights): AreaId[] {
  // Hot path of re-ranking: keep the MAX_GAPS most severe in a tiny insertion-sorted list
  // (ties keep AREA_IDS order because only a strictly greater severity moves ahead).
  const chosen: number[] = [];
  const severities: number[] = [];
  for (let i = 0; i < AREA_IDS.length; i++) {
    const weight = compiled.areaWeights[i]!;
    const score = areas[i] ?? 0;
    if (weight <= 0 || score >= GAP_THRESHOLD) continue;
    const severity = weight * (GAP_THRESHOLD - score + 10);
    let at = chosen.length;
    while (at > 0 && severities[at - 1]! < severity) at--;
    if (at >= MAX_GAPS) continue;
    chosen.splice(at, 0, i);
    severities.splice(at, 0, severity);
    if (chosen.length > MAX_GAPS) {
      chosen.pop();
      severities.pop();
    }
  }
  return chosen.map((i) => AREA_IDS[i]!);
}

export function toAreaVector(scores: Partial<Record<AreaId, number>>): Float64Array {
  return Float64Array.from(AREA_IDS, (id) => scores[id] ?? 0);
}

export interface StoredScores {
  areaScores: ArrayLike<number>;
  skillIds: readonly string[];
  yearsExperience: number | null;
}

export interface Ranking extends DimensionScores {
  gaps: AreaId[];
  missingMustHaves: string[];
  meetsMinYears: boolean | null;
}

/** Everything a requisition derives from an application's stored scores. */
export function rankStored(stored: StoredScores, compiled: CompiledWeights): Ranking {
  const { production, ml, overall } = dimensionScores(stored.areaScores, compiled);
  return {
    production,
    ml,
    overall,
    gaps: findGaps(stored.areaScores, compiled),
    missingMustHaves: missingMustHaves(stored.skillIds, compiled),
    meetsMinYears: meetsMinYears(stored.yearsExperience, compiled),
  };
}
