// Area scores from evidence, with diminishing returns at two levels: repeated mentions of one
// skill add less and less, and each further skill in an area adds less than the one before.
// A long list of buzzwords therefore saturates low, while a few skills shown in real work
// score high. Scores are 0–100 and saturate smoothly (1 − e^(−x/k)).
import type { Dimension, Span } from "../contract/screening-result.ts";
import { AREAS, type AreaId } from "../taxonomy/areas.ts";
import type { Evidence } from "./evidence.ts";

export const REPEAT_DECAY = 0.35;
export const BREADTH_DECAY = 0.6;
export const SKILL_CAP = 1.6;
export const SATURATION = 1.5;
export const MAX_EVIDENCE_LINES = 5;

export interface AreaScore {
  id: AreaId;
  dimension: Dimension;
  score: number;
  evidence: Span[];
}

function decayedSum(values: number[], decay: number): number {
  return values.sort((a, b) => b - a).reduce((sum, value, index) => sum + value * decay ** index, 0);
}

export function scoreAreas(evidence: Evidence[]): AreaScore[] {
  return AREAS.map((area) => {
    const inArea = evidence.filter((e) => e.area === area.id);
    const bySkill = new Map<string, number[]>();
    for (const e of inArea) {
      const weights = bySkill.get(e.skillId);
      if (weights) weights.push(e.weight);
      else bySkill.set(e.skillId, [e.weight]);
    }
    const skillStrengths = [...bySkill.values()].map((weights) =>
      Math.min(SKILL_CAP, decayedSum(weights, REPEAT_DECAY)),
    );
    const raw = decayedSum(skillStrengths, BREADTH_DECAY);
    const score = Math.round(1000 * (1 - Math.exp(-raw / SATURATION))) / 10;

    // The lines that contributed most, one per line, strongest first.
    const lines = new Map<number, { span: Span; weight: number }>();
    for (const e of inArea) {
      const seen = lines.get(e.line.start);
      lines.set(e.line.start, { span: e.line, weight: (seen?.weight ?? 0) + e.weight });
    }
    const top = [...lines.values()]
      .sort((a, b) => b.weight - a.weight || a.span.start - b.span.start)
      .slice(0, MAX_EVIDENCE_LINES)
      .map((l) => l.span);
    return { id: area.id, dimension: area.dimension, score, evidence: top };
  });
}
