// The consistency check (issue 16, item 4): re-score a résumé with its identity cues swapped
// (identity-variants.ts) and report whether the production, ML and overall scores stay exactly
// the same, naming the cue that moved any of them. The goal is 100 % identical; an outside
// auditor's usual bar is 95 %. Pure and deterministic: the scorer runs on text in memory.
import { extractResumeFacts } from "../resume/extract-resume-facts.ts";
import type { RequisitionWeights } from "../ranking/weights-schema.ts";
import { scoreResume } from "../scoring/score-resume.ts";
import { identityVariants, type IdentityCue } from "./identity-variants.ts";

export const CHECKED_SCORES = ["production", "ml", "overall"] as const;
export type CheckedScore = (typeof CHECKED_SCORES)[number];
export type Scores = Record<CheckedScore, number>;

export interface VariantOutcome {
  cue: IdentityCue;
  scores: Scores;
  /** The scores that differ from the original's (empty when identical). */
  moved: CheckedScore[];
}

export interface ConsistencyResult {
  /** The name the variants replaced; null when none was found (no name variants then). */
  name: string | null;
  original: Scores;
  variants: VariantOutcome[];
  /** Every variant scored exactly as the original. */
  identical: boolean;
}

export interface ConsistencyOptions {
  now: Date;
  weights?: RequisitionWeights;
  /** The scorer under test; the screening scorer by default (tests pass a biased one to see it caught). */
  score?: (text: string, options: ConsistencyOptions) => Scores;
}

function scoresOf(text: string, options: ConsistencyOptions): Scores {
  const facts = extractResumeFacts(text, { now: options.now });
  const { scores } = scoreResume(text, facts, { now: options.now, weights: options.weights });
  return { production: scores.production, ml: scores.ml, overall: scores.overall };
}

export function checkConsistency(text: string, options: ConsistencyOptions): ConsistencyResult {
  const name = extractResumeFacts(text, { now: options.now }).contact.name?.value ?? null;
  const score = options.score ?? scoresOf;
  const original = score(text, options);
  const variants = identityVariants(text, { name }).map(({ cue, text: variant }) => {
    const scores = score(variant, options);
    return { cue, scores, moved: CHECKED_SCORES.filter((key) => scores[key] !== original[key]) };
  });
  return { name, original, variants, identical: variants.every((variant) => variant.moved.length === 0) };
}

export interface ConsistencySummary {
  resumes: number;
  identical: number;
  /** identical / résumés; null for none. */
  shareIdentical: number | null;
  /** Each résumé that moved, with the cues that moved it and how. */
  moved: Array<{ id: string; original: Scores; variants: VariantOutcome[] }>;
}

/** Over a requisition's résumés (or any set): the share whose scores all stayed identical. */
export function summariseConsistency(
  results: ReadonlyArray<{ id: string; result: ConsistencyResult }>,
): ConsistencySummary {
  const moved = results
    .filter(({ result }) => !result.identical)
    .map(({ id, result }) => ({
      id,
      original: result.original,
      variants: result.variants.filter((variant) => variant.moved.length > 0),
    }));
  return {
    resumes: results.length,
    identical: results.length - moved.length,
    shareIdentical: results.length ? (results.length - moved.length) / results.length : null,
    moved,
  };
}
