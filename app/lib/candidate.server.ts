// The candidate page's server side: the candidate (blind-review filtered), where it sits in the
// table's order, and the table's URL state to carry on every link. Domain code lives in
// server/candidates.
import {
  candidatesQueryToParams,
  parseCandidatesQuery,
  type CandidatesQuery,
} from "@server/candidates/candidates-query.ts";
import { findNeighbours } from "@server/candidates/list-candidates.ts";
import { isAppError } from "@server/errors/app-error.ts";
import { recordAudit, type AuditActor } from "@server/audit/record-audit.ts";
import type { Db } from "@server/db/client.ts";
import { retryApplication } from "@server/queue/retry-application.ts";
import { getParseQueue } from "@server/services.ts";
import { notFound } from "./app-error.server.ts";

export { getCandidate, type CandidateDetail } from "@server/candidates/get-candidate.ts";
export { changeStage } from "@server/candidates/change-stage.ts";
export { addNote, MAX_NOTE_LENGTH } from "@server/candidates/notes.ts";
export { downloadResume } from "@server/candidates/download-resume.ts";
export { candidateDuplicates, duplicateMarks, keepBoth } from "@server/candidates/duplicates.ts";
export { mergeCandidates } from "@server/candidates/merge-candidates.ts";
export { compareCandidates, parseCompareIds } from "@server/candidates/compare-candidates.ts";
export {
  MAX_REVEAL_REASON,
  MIN_REVEAL_REASON,
  recordIdentitySeen,
  revealIdentity,
  rowsForViewer,
} from "@server/privacy/identity-reveal.ts";

export function candidateNotFound(): never {
  notFound(
    "Candidate not found",
    "This candidate is not part of this requisition. It may have been erased, or the link is incomplete.",
  );
}

/**
 * The table's view from the candidate page's URL. A link with a table setting that is no longer
 * valid still opens the candidate, in the table's default order.
 */
export function tableQueryFrom(request: Request): { query: CandidatesQuery; valid: boolean } {
  const params = new URL(request.url).searchParams;
  try {
    return { query: parseCandidatesQuery(params), valid: true };
  } catch (error) {
    if (isAppError(error)) return { query: parseCandidatesQuery(new URLSearchParams()), valid: false };
    throw error;
  }
}

export interface CandidateNavigation {
  /** "?sort=…&page=…" for the table and for this candidate's own links ("" for the default view). */
  search: string;
  position: number | null;
  total: number;
  previous: { id: string; search: string } | null;
  next: { id: string; search: string } | null;
}

/** Previous / next candidate in the table's order, with links that keep (and page) the table's view. */
export async function candidateNavigation(
  db: Db,
  requisitionId: string,
  applicationId: string,
  query: CandidatesQuery,
): Promise<CandidateNavigation> {
  const neighbours = await findNeighbours(db, requisitionId, query, applicationId);
  // The page of the table that holds a given position, so "Back to table" lands on it.
  const searchAt = (position: number | null) => {
    const params = candidatesQueryToParams(
      position === null ? query : { ...query, page: Math.ceil(position / query.pageSize) },
    );
    const text = params.toString();
    return text ? `?${text}` : "";
  };
  const position = neighbours.position;
  return {
    search: searchAt(position),
    position,
    total: neighbours.total,
    previous:
      neighbours.previousId && position !== null ? { id: neighbours.previousId, search: searchAt(position - 1) } : null,
    next: neighbours.nextId && position !== null ? { id: neighbours.nextId, search: searchAt(position + 1) } : null,
  };
}

/**
 * "Retry" on a failed résumé: retryApplication (server/queue/retry-application.ts) on the web
 * process's queue, audited like the table's bulk retry.
 */
export async function retryParse(
  db: Db,
  actor: AuditActor,
  applicationId: string,
  requisitionId: string,
  ip: string | null,
): Promise<{ ok: true; enqueued: boolean } | { ok: false; message: string }> {
  const outcome = await retryApplication(db, getParseQueue(), applicationId);
  if (!outcome.retried) {
    return {
      ok: false,
      message:
        outcome.reason === "not_failed"
          ? "This résumé is no longer failed: it is already queued or read."
          : "This candidate no longer exists.",
    };
  }
  await recordAudit(db, actor, {
    action: "application.retry",
    summary: "Résumé queued to be read again after a failure",
    targetType: "application",
    targetId: applicationId,
    requisitionId,
    ip,
  });
  return { ok: true, enqueued: outcome.enqueued };
}
