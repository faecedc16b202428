// Gaps and flags of one application under a requisition's weights, from its stored area scores,
// skills and years: computed on every read (they depend on the current weights and are cheap),
// never stored. Scores themselves come from score-formula.ts (or its SQL twin), not from here.
import { AREA_IDS, type AreaId } from "../taxonomy/areas.ts";
import { dimensionScores, type AreaVector, type CompiledWeights, type DimensionScores } from "./score-formula.ts";

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

export interface StoredScores {
  areaScores: ArrayLike<number>;
  skillIds: readonly string[];
  yearsExperience: number | null;
}

export interface GapsAndFlags {
  gaps: AreaId[];
  missingMustHaves: string[];
  meetsMinYears: boolean | null;
}

/** Gaps and flags of one application (shown beside its scores; never sorted by). */
export function gapsAndFlags(stored: StoredScores, compiled: CompiledWeights): GapsAndFlags {
  return {
    gaps: findGaps(stored.areaScores, compiled),
    missingMustHaves: missingMustHaves(stored.skillIds, compiled),
    meetsMinYears: meetsMinYears(stored.yearsExperience, compiled),
  };
}

export interface Ranking extends DimensionScores, GapsAndFlags {}

/**
 * Scores, gaps and flags computed in TypeScript, for a screen with no database (the CLI's result)
 * and for tests. A screen backed by the database shows the scores it sorts by (shown-scores.ts).
 */
export function rankStored(stored: StoredScores, compiled: CompiledWeights): Ranking {
  return { ...dimensionScores(stored.areaScores, compiled), ...gapsAndFlags(stored, compiled) };
}
