// The production / ML lean of a role, in the guide's terms: a platform, MLOps or infrastructure
// role leans production; an applied-research or modelling role leans ML; the dual requirement
// (both, in equal measure) is the default. Measured as the production share of the posting's
// emphasis, counting the MLOps lifecycle with production because the guide puts MLOps with the
// infrastructure ML engineers build; the title's own words nudge it.
import { getArea } from "../taxonomy/index.ts";
import type { AreaEmphasis } from "./weigh-emphasis.ts";
import type { Lean, PostingSegment, PostingSpan } from "./types.ts";
import type { AreaId } from "../taxonomy/index.ts";

const PRODUCTION_TITLE =
  /\b(?:ml ?ops|mlops|operations|platform|infrastructure|infra|reliability|devops|sre|deployment|serving)\b/i;
const ML_TITLE = /\b(?:research|researcher|scientist|modell?ing)\b/i;

/** Below this much emphasis the posting says too little to lean: the default holds. */
const MIN_MASS = 2;
const ML_BELOW = 0.4;
const PRODUCTION_ABOVE = 0.62;
const TITLE_NUDGE = 0.15;

export interface LeanChoice {
  lean: Lean;
  productionShare: number;
  /** The title words that nudged the lean, or the title itself. */
  evidence: PostingSpan | null;
}

export function chooseLean(emphasis: ReadonlyMap<AreaId, AreaEmphasis>, title: PostingSegment | undefined): LeanChoice {
  let production = 0;
  let ml = 0;
  for (const { area, mass } of emphasis.values()) {
    if (getArea(area)?.dimension === "production" || area === "mlops_lifecycle") production += mass;
    else ml += mass;
  }
  const total = production + ml;
  let share = total === 0 ? 0.5 : production / total;
  let evidence: PostingSpan | null = title ? { text: title.text, start: title.start, end: title.end } : null;
  if (title !== undefined) {
    const cue = PRODUCTION_TITLE.exec(title.text) ?? ML_TITLE.exec(title.text);
    if (cue !== null) {
      share += PRODUCTION_TITLE.test(cue[0]) ? TITLE_NUDGE : -TITLE_NUDGE;
      const start = title.start + cue.index;
      evidence = { text: cue[0], start, end: start + cue[0].length };
    }
  }
  share = Math.min(1, Math.max(0, share));
  const lean: Lean =
    total < MIN_MASS && evidence?.text === title?.text
      ? "balanced"
      : share > PRODUCTION_ABOVE
        ? "production"
        : share < ML_BELOW
          ? "ml"
          : "balanced";
  return { lean, productionShare: Math.round(share * 100) / 100, evidence };
}
