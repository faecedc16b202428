// The row in PostgreSQL is the source of truth; the queue only carries ids. Applications left
// QUEUED without a job (Redis was down at upload, Redis lost its memory) are enqueued again.
// Re-adding an existing job is a no-op because the job id is derived from the application id.
import type { Db } from "../server/db/client.ts";

export async function reconcileQueuedApplications(
  db: Db,
  enqueue: (applicationId: string) => Promise<void>,
  options: { olderThanMs: number; batch: number },
): Promise<number> {
  const stale = await db.application.findMany({
    where: { status: "QUEUED", updatedAt: { lt: new Date(Date.now() - options.olderThanMs) } },
    orderBy: { createdAt: "asc" },
    take: options.batch,
    select: { id: true },
  });
  for (const { id } of stale) await enqueue(id);
  return stale.length;
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
      status: { in: ["DONE", "FAILED"] },
      analysis: { is: { parserVersion: { not: options.parserVersion } } },
    },
    orderBy: { createdAt: "desc" },
    take: options.batch,
    select: { id: true },
  });
  for (const { id } of outdated) await enqueue(id);
  return outdated.length;
}
