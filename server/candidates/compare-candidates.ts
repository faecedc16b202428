// Side-by-side comparison of 2–4 candidates of one requisition (issue 14, item 8). Each candidate
// is read by getCandidate, the candidate page's own reader, so the comparison shows exactly what
// the page shows: the scores through server/ranking/shown-scores.ts under the current weights,
// their bands (server/ranking/score-band.ts), gaps, must-haves and minimum years
// (server/ranking/gaps-and-flags.ts), background, years and degree, and identity filtered by blind
// review. Added here: the strongest evidence lines of each area as short text, taken from the
// page's (already masked) résumé segments, so a hidden name never leaves this module either.
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { scoreBand, type ScoreBand } from "../ranking/score-band.ts";
import { getCandidate, type CandidateDetail, type EvidenceSpan } from "./get-candidate.ts";
import { HIDDEN_LABELS, type TextSegment } from "./mask-identity.ts";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;
/** Evidence lines shown per area and candidate: the strongest (getCandidate keeps them strongest first). */
const EVIDENCE_LINES_PER_AREA = 2;
const MAX_LINE_CHARS = 180;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** `?ids=a,b,c` → distinct ids, 2 to 4, or an invalid_input AppError saying what is wrong. */
export function parseCompareIds(value: string | null): string[] {
  const ids = [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.some((id) => !ID_PATTERN.test(id))) {
    throw new AppError("invalid_input", "The link names a candidate id that is not valid.");
  }
  if (ids.length < MIN_COMPARE) {
    throw new AppError("invalid_input", `Choose ${MIN_COMPARE} to ${MAX_COMPARE} candidates to compare.`);
  }
  if (ids.length > MAX_COMPARE) {
    throw new AppError(
      "invalid_input",
      `At most ${MAX_COMPARE} candidates can be compared side by side; ${ids.length} were chosen.`,
    );
  }
  return ids;
}

export interface ComparedArea {
  id: string;
  score: number;
  band: ScoreBand;
  /** The strongest evidence lines, as shown text (hidden parts replaced by their label). */
  lines: string[];
}

export interface ComparedCandidate {
  id: string;
  label: string;
  identityVisible: boolean;
  stage: CandidateDetail["application"]["stage"];
  status: CandidateDetail["application"]["status"];
  scores: (NonNullable<CandidateDetail["scores"]> & { productionBand: ScoreBand; mlBand: ScoreBand }) | null;
  yearsExperience: number | null;
  highestDegree: string | null;
  background: CandidateDetail["background"];
  ranking: CandidateDetail["ranking"];
  areas: ComparedArea[];
}

export interface AreaHeading {
  id: string;
  name: string;
  dimension: CandidateDetail["areas"][number]["dimension"];
  guideLabel: string;
  weight: number;
}

export interface Comparison {
  /** The areas in the candidate page's order, with the requisition's weight. */
  areas: AreaHeading[];
  candidates: ComparedCandidate[];
}

/** The text of `span` from the page's segments: shown parts as they are, hidden ones as "[name]". */
export function spanText(segments: readonly TextSegment[], span: EvidenceSpan): string {
  let text = "";
  for (const segment of segments) {
    if (segment.end <= span.start || segment.start >= span.end) continue;
    if ("text" in segment) {
      text += segment.text.slice(
        Math.max(0, span.start - segment.start),
        Math.min(segment.text.length, span.end - segment.start),
      );
    } else {
      text += `[${HIDDEN_LABELS[segment.hidden]}]`;
    }
  }
  const line = text
    .replace(/\s+/g, " ")
    .replace(/^[\s•·*–-]+/, "")
    .trim();
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1).trimEnd()}…` : line;
}

/**
 * The candidates named by `ids`, in that order. Every id must be an application of this
 * requisition: one that is not (another requisition's, erased, mistyped) is a not_found AppError,
 * worded the same either way so an id of a requisition the user cannot see reveals nothing.
 */
export async function compareCandidates(db: Db, input: { requisitionId: string; ids: string[] }): Promise<Comparison> {
  const ids = parseCompareIds(input.ids.join(","));
  const details = await Promise.all(
    ids.map((applicationId) => getCandidate(db, { requisitionId: input.requisitionId, applicationId })),
  );
  const missing = details.filter((detail) => detail === null).length;
  if (missing > 0) {
    throw new AppError(
      "not_found",
      `${missing === 1 ? "One of the candidates is" : `${missing} of the candidates are`} not part of this ` +
        "requisition: they may have been merged or erased, or the link is incomplete.",
    );
  }
  const candidates = details as CandidateDetail[];
  return {
    areas: candidates[0]!.areas.map((area) => ({
      id: area.id,
      name: area.name,
      dimension: area.dimension,
      guideLabel: area.guideLabel,
      weight: area.weight,
    })),
    candidates: candidates.map((c) => ({
      id: c.application.id,
      label: c.identity.label,
      identityVisible: c.identity.visible,
      stage: c.application.stage,
      status: c.application.status,
      scores: c.scores
        ? { ...c.scores, productionBand: scoreBand(c.scores.production), mlBand: scoreBand(c.scores.ml) }
        : null,
      yearsExperience: c.yearsExperience,
      highestDegree: c.highestDegree,
      background: c.background,
      ranking: c.ranking,
      areas: c.areas.map((area) => ({
        id: area.id,
        score: area.score,
        band: scoreBand(area.score),
        lines: c.resume
          ? area.evidence
              .slice(0, EVIDENCE_LINES_PER_AREA)
              .map((span) => spanText(c.resume!.segments, span))
              .filter(Boolean)
          : [],
      })),
    })),
  };
}
