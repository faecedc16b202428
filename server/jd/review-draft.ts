// The hiring manager's review of a posting draft: the draft as a list of suggestions the manager
// accepts or rejects one by one, and the weights that result. An accepted suggestion takes the
// draft's value; a rejected one leaves the field as it is saved now (a skill is simply not added).
// Pure and shared: the review page composes the live preview with it in the browser, and the save
// composes the weights again on the server from the stored posting and the rejected ids, so what
// is saved never depends on weights sent by the browser.
import type { RequisitionWeights } from "../ranking/weights-schema.ts";
import type { AreaId } from "../taxonomy/areas.ts";
import type { DraftEvidence, Lean, PostingSpan, RequisitionDraft } from "./types.ts";

export type SuggestionKind = "lean" | "area" | "mustHave" | "niceToHave" | "minYears";

export interface DraftSuggestion {
  /** Stable within one posting: "lean", "area:<area id>", "mustHave:<skill id>", "niceToHave:<skill id>", "minYears". */
  id: string;
  kind: SuggestionKind;
  /** The lean, an area weight, a skill id or a number of years. */
  value: string | number;
  /** For an area: its id. */
  area?: AreaId;
  /** The lines of the posting it came from; empty when the posting is silent (an area it never names). */
  spans: PostingSpan[];
}

/** The weights fields the lean sets: the preset's dual-requirement settings. */
const LEAN_FIELDS = ["productionWeight", "balanceStrictness", "gapAsymmetry"] as const;

function spansOf(evidence: readonly DraftEvidence[], field: string, value?: string | number): PostingSpan[] {
  const seen = new Set<string>();
  const spans: PostingSpan[] = [];
  for (const item of evidence) {
    if (item.field !== field || (value !== undefined && item.value !== value)) continue;
    const key = `${item.start}:${item.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ text: item.text, start: item.start, end: item.end });
  }
  return spans;
}

/** Every suggestion of a draft, in the order the review shows them. */
export function listSuggestions(draft: Pick<RequisitionDraft, "weights" | "evidence" | "lean">): DraftSuggestion[] {
  const { weights, evidence } = draft;
  const suggestions: DraftSuggestion[] = [
    { id: "lean", kind: "lean", value: draft.lean satisfies Lean, spans: spansOf(evidence, "productionWeight") },
  ];
  for (const [area, weight] of Object.entries(weights.areaWeights) as Array<[AreaId, number]>) {
    suggestions.push({
      id: `area:${area}`,
      kind: "area",
      area,
      value: weight,
      spans: spansOf(evidence, `areaWeights.${area}`),
    });
  }
  for (const kind of ["mustHave", "niceToHave"] as const) {
    for (const skill of weights[kind]) {
      suggestions.push({ id: `${kind}:${skill}`, kind, value: skill, spans: spansOf(evidence, kind, skill) });
    }
  }
  if (weights.minYears !== null) {
    suggestions.push({
      id: "minYears",
      kind: "minYears",
      value: weights.minYears,
      spans: spansOf(evidence, "minYears"),
    });
  }
  return suggestions;
}

/**
 * The weights a review gives: the draft's, except where a suggestion was rejected (the saved
 * value stays; a rejected skill is not added). Fields the draft never sets (minimum degree) keep
 * their saved value. Unknown ids in `rejected` are ignored.
 */
export function applyReview(
  draft: Pick<RequisitionDraft, "weights">,
  saved: RequisitionWeights,
  rejected: ReadonlySet<string>,
): RequisitionWeights {
  const proposed = draft.weights;
  const lean = rejected.has("lean") ? saved : proposed;
  const areaWeights: Partial<Record<AreaId, number>> = { ...saved.areaWeights };
  for (const [area, weight] of Object.entries(proposed.areaWeights) as Array<[AreaId, number]>) {
    if (!rejected.has(`area:${area}`)) areaWeights[area] = weight;
  }
  const weights: RequisitionWeights = {
    ...saved,
    areaWeights,
    mustHave: proposed.mustHave.filter((skill) => !rejected.has(`mustHave:${skill}`)),
    niceToHave: proposed.niceToHave.filter((skill) => !rejected.has(`niceToHave:${skill}`)),
    minYears: proposed.minYears !== null && !rejected.has("minYears") ? proposed.minYears : saved.minYears,
    minDegree: saved.minDegree,
  };
  for (const field of LEAN_FIELDS) weights[field] = lean[field];
  return weights;
}
