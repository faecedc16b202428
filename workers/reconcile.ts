// The row in PostgreSQL is the source of truth; the queue only carries ids. Applications left
// QUEUED or PROCESSING without a job (Redis was down at upload, Redis lost its memory, a job was
// removed, a worker died while Redis was away) are enqueued again. Re-adding a job that still
// exists is a no-op because the job id is derived from the application id, so a row whose job is
// waiting, delayed (backoff) or running on a live worker is not processed twice.
import type { Db } from "../server/db/client.ts";

type EnqueueMany = (applicationIds: string[]) => Promise<void>;

const PAGE = 1_000;

/**
 * Enqueues every QUEUED or PROCESSING application untouched for `olderThanMs`, in pages of
 * `batch`, at most `maxPages` pages per call. Returns how many were handed to the queue.
 */
export async function reconcileUnfinishedApplications(
  db: Db,
  enqueueMany: EnqueueMany,
  options: { olderThanMs: number; batch?: number; maxPages?: number },
): Promise<number> {
  const batch = options.batch ?? PAGE;
  const before = new Date(Date.now() - options.olderThanMs);
  let cursor: string | undefined;
  let total = 0;
  for (let page = 0; page < (options.maxPages ?? 50); page++) {
    const rows = await db.application.findMany({
      where: { status: { in: ["QUEUED", "PROCESSING"] }, updatedAt: { lt: before } },
      orderBy: { id: "asc" },
      take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true },
    });
    if (rows.length === 0) break;
    await enqueueMany(rows.map((row) => row.id));
    total += rows.length;
    cursor = rows.at(-1)!.id;
    if (rows.length < batch) break;
  }
  return total;
}

/**
 * Applications read by an older parser version are processed again in the background (at low
 * priority), so improvements to extraction reach old applications without anyone re-uploading.
 */
export async function reprocessOutdatedApplications(
  db: Db,
  enqueue: (applicationId: string) => Promise<void>,
  options: { parserVersion: string; batch: number },
): Promise<number> {
  const outdated = await db.application.findMany({
    where: {
      status: { in: ["DONE", "NEEDS_REVIEW", "FAILED"] },
      analysis: { is: { parserVersion: { not: options.parserVersion } } },
    },
    orderBy: { createdAt: "desc" },
    take: options.batch,
    select: { id: true },
  });
  for (const { id } of outdated) await enqueue(id);
  return outdated.length;
}
