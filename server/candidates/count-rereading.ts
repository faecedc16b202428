// How many of a requisition's résumés were read by an older screening version and are waiting to
// be read again (workers/reconcile.ts re-reads them in the background after the reader or the
// scorer improves), so the table can say so while it happens. Served by the index on
// ResumeAnalysis.parserVersion: in the steady state (nothing outdated) two empty range scans.
import type { Db } from "../db/client.ts";
import { SCREENING_VERSION } from "../screening/screening-version.ts";

/** Counted up to this many: "more than 10,000" is all a banner needs. */
export const REREADING_COUNT_LIMIT = 10_000;

export async function countRereading(db: Db, requisitionId: string, version = SCREENING_VERSION): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM "ResumeAnalysis" an JOIN "Application" a ON a.id = an."applicationId"
      WHERE a."requisitionId" = ${requisitionId}
        AND (an."parserVersion" < ${version} OR an."parserVersion" > ${version})
      LIMIT ${REREADING_COUNT_LIMIT}
    ) AS outdated`;
  return row?.count ?? 0;
}
