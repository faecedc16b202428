// The candidates table's server side: URL state validation, one sorted page of rows with the
// labels the table shows, the counts the filter bar shows, and the bulk actions.
import { throwAppError } from "./app-error.server.ts";
import { parseCandidatesQuery, type CandidatesQuery } from "@server/candidates/candidates-query.ts";
import { countCandidates, type CandidateRow, type RankingContext } from "@server/candidates/list-candidates.ts";
import type { Db } from "@server/db/client.ts";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import type { Stage } from "@server/generated/prisma/enums.ts";
import { retryApplication } from "@server/queue/retry-application.ts";
import { getParseQueue } from "@server/services.ts";
import { BackgroundSchema } from "@server/contract/screening-result.ts";
import { STAGES, zeroCounts } from "@server/contract/vocabulary.ts";
import { getArea, getSkill } from "@server/taxonomy/index.ts";
import { backgroundLabel } from "./format.ts";

export { listCandidates, loadRankingContext } from "@server/candidates/list-candidates.ts";
export { hasFilters, PAGE_SIZES } from "@server/candidates/candidates-query.ts";
export {
  bulkActionInputFrom,
  MAX_BULK_CANDIDATES,
  runBulkAction,
  type BulkActionResult,
} from "@server/candidates/run-bulk-action.ts";

/** Reads the table's URL state; a bad value becomes a 400 that the route's ErrorBoundary explains. */
export function candidatesQueryFrom(request: Request) {
  try {
    return parseCandidatesQuery(new URL(request.url).searchParams);
  } catch (error) {
    if (isAppError(error)) {
      const message = `${error.message}. Reset the view to see the table with its default sorting and no filters.`;
      throwAppError(new AppError(error.code, message, { issues: error.issues }), {
        invalid_input: "This link has an invalid table setting",
      });
    }
    throw error;
  }
}

/** Applications per stage over the whole requisition (one grouped count), for the filter chips. */
export async function stageCounts(db: Db, requisitionId: string): Promise<Record<Stage, number>> {
  const grouped = await db.application.groupBy({ by: ["stage"], where: { requisitionId }, _count: { _all: true } });
  const counts = zeroCounts(STAGES);
  for (const row of grouped) counts[row.stage] = row._count._all;
  return counts;
}

/**
 * Failed résumés in the table's filtered view that a retry can help, for "Retry all failed". Skipped (0) when the
 * requisition has none, so the common case costs nothing.
 */
export async function failedInView(
  db: Db,
  context: RankingContext,
  query: CandidatesQuery,
  failedInRequisition: number,
): Promise<number> {
  if (failedInRequisition === 0) return 0;
  const status = query.filters.status;
  if (status?.length && !status.includes("FAILED")) return 0;
  // Only failures a retry can help; the rest need a new version from the candidate.
  return countCandidates(db, context, { ...query.filters, status: ["FAILED"], retryableFailuresOnly: true });
}

/** The backgrounds the filter offers, with their labels. */
export function backgroundOptions(): Array<{ id: string; label: string }> {
  return BackgroundSchema.options.map((id) => ({ id, label: backgroundLabel(id) }));
}

/** retryApplication bound to the web process's parse queue. */
export function retryWithQueue(db: Db) {
  return (applicationId: string) => retryApplication(db, getParseQueue(), applicationId);
}

/** Area names for gaps (short, with the guide's wording for a tooltip) and skill names for flags. */
export function withLabels<Row extends CandidateRow>(rows: Row[]) {
  return rows.map((row) => ({
    ...row,
    gapAreas: row.gaps.flatMap((id) => {
      const area = getArea(id);
      return area ? [{ id, name: shortAreaName(area.name), title: `${area.name} — ${area.guideLabel}` }] : [];
    }),
    missingMustHaveNames: row.missingMustHaves.map((id) => getSkill(id)?.name ?? id),
  }));
}

export type LabelledCandidateRow = ReturnType<typeof withLabels<CandidateRow>>[number];

/** "Monitoring, reliability and incident response" → "Monitoring"; "Cloud and infrastructure as code" → "Cloud". */
function shortAreaName(name: string): string {
  return name.split(/,| and /)[0]!.trim();
}
