// The labelled development postings (tests/fixtures/jd-labelled/labels.json, labelled by reading
// the real postings in ../shared/jd) and the figures of issue 15 measured on them: required-skill
// recall and precision, preferred skills promoted to must-haves, lean, minimum years, and the
// proxy phrases and degrees flagged. Only skills the taxonomy knows are labelled.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { draftRequisition } from "../../server/jd/draft-requisition.ts";
import { getSkill } from "../../server/taxonomy/index.ts";
import type { Lean, RequisitionDraft } from "../../server/jd/types.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const sharedRoot = resolve(repoRoot, "../shared");
export const postingsPresent = existsSync(resolve(sharedRoot, "jd/MANIFEST.tsv"));

export interface PostingLabel {
  path: string;
  required: string[];
  preferred: string[];
  lean: Lean;
  minYears: number | null;
  proxyPhrases: string[];
  degree: string | null;
  unscored: string[];
}

/**
 * The labels, keeping only skills the taxonomy knows: the figures are "for skills the
 * taxonomy knows", and the taxonomy grows as data (a skill labelled before it exists counts once
 * it does).
 */
export function readPostingLabels(): PostingLabel[] {
  const file = resolve(repoRoot, "tests/fixtures/jd-labelled/labels.json");
  const postings = (JSON.parse(readFileSync(file, "utf8")) as { postings: PostingLabel[] }).postings;
  const known = (ids: string[]) => ids.filter((id) => getSkill(id) !== undefined);
  return postings.map((label) => ({ ...label, required: known(label.required), preferred: known(label.preferred) }));
}

export interface DraftedPosting {
  label: PostingLabel;
  text: string;
  draft: RequisitionDraft;
}

export function draftLabelled(labels: readonly PostingLabel[]): DraftedPosting[] {
  return labels.map((label) => {
    const text = readFileSync(resolve(sharedRoot, label.path), "utf8");
    return { label, text, draft: draftRequisition(text) };
  });
}

export interface PostingReport {
  path: string;
  missedRequired: string[];
  extraRequired: string[];
  promoted: string[];
  lean: { expected: Lean; got: Lean };
  years: { expected: number | null; got: number | null };
  proxiesMissed: string[];
  degreeMissed: boolean;
}

export interface JdSetReport {
  count: number;
  recall: number;
  precision: number;
  /** Preferred skills (labelled, and found by the draft at all) that ended up as must-haves. */
  promotionRate: number;
  promotions: number;
  preferredSeen: number;
  leanAccuracy: number;
  yearsExact: number;
  proxiesFlagged: { flagged: number; total: number };
  degreesFlagged: { flagged: number; total: number };
  postings: PostingReport[];
}

export function reportJdSet(drafted: readonly DraftedPosting[]): JdSetReport {
  let truePositive = 0;
  let labelledRequired = 0;
  let draftedRequired = 0;
  let promotions = 0;
  let preferredSeen = 0;
  let leanRight = 0;
  let yearsRight = 0;
  const proxies = { flagged: 0, total: 0 };
  const degrees = { flagged: 0, total: 0 };
  const postings: PostingReport[] = [];
  for (const { label, draft } of drafted) {
    const must = new Set(draft.weights.mustHave);
    const nice = new Set(draft.weights.niceToHave);
    const required = new Set(label.required);
    const hits = label.required.filter((id) => must.has(id));
    truePositive += hits.length;
    labelledRequired += label.required.length;
    draftedRequired += must.size;
    const preferredOnly = label.preferred.filter((id) => !required.has(id));
    const promoted = preferredOnly.filter((id) => must.has(id));
    promotions += promoted.length;
    preferredSeen += preferredOnly.filter((id) => must.has(id) || nice.has(id)).length;
    if (draft.lean === label.lean) leanRight += 1;
    if (draft.weights.minYears === label.minYears) yearsRight += 1;
    const proxiesMissed = label.proxyPhrases.filter(
      (phrase) =>
        !draft.warnings.some(
          (warning) => warning.code.startsWith("proxy_") && warning.text.toLowerCase().includes(phrase.toLowerCase()),
        ),
    );
    proxies.total += label.proxyPhrases.length;
    proxies.flagged += label.proxyPhrases.length - proxiesMissed.length;
    const degreeMissed = label.degree !== null && !draft.warnings.some((warning) => warning.code === "degree_required");
    if (label.degree !== null) {
      degrees.total += 1;
      if (!degreeMissed) degrees.flagged += 1;
    }
    postings.push({
      path: label.path,
      missedRequired: label.required.filter((id) => !must.has(id)),
      extraRequired: [...must].filter((id) => !required.has(id)),
      promoted,
      lean: { expected: label.lean, got: draft.lean },
      years: { expected: label.minYears, got: draft.weights.minYears },
      proxiesMissed,
      degreeMissed,
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    count: drafted.length,
    recall: ratio(truePositive, labelledRequired),
    precision: ratio(truePositive, draftedRequired),
    promotionRate: ratio(promotions, preferredSeen),
    promotions,
    preferredSeen,
    leanAccuracy: ratio(leanRight, drafted.length),
    yearsExact: ratio(yearsRight, drafted.length),
    proxiesFlagged: proxies,
    degreesFlagged: degrees,
    postings,
  };
}
