// "Retry" for an application that FAILED (the button in the candidates table): back to QUEUED
// with its failure cleared, and a parse job enqueued. The job id stays `parse-<applicationId>`
// (the one-job-per-application rule is what prevents double processing); a finished job still
// holding that id is removed first, so the new job is always a fresh one. If Redis is down the
// row is QUEUED anyway and the worker's reconciler enqueues it later.
import type { Db } from "../db/client.ts";
import { enqueueParseResume, type ParseQueue } from "./parse-queue.ts";
import { parseResumeJobId } from "./parse-resume.job.ts";
import { redisOf, whenRedisReady, withQueueTimeout } from "./redis-ready.ts";

export type RetryApplicationOutcome =
  { retried: true; enqueued: boolean } | { retried: false; reason: "not_found" | "not_failed" };

export async function retryApplication(
  db: Db,
  queue: ParseQueue,
  applicationId: string,
): Promise<RetryApplicationOutcome> {
  const { count } = await db.application.updateMany({
    where: { id: applicationId, status: "FAILED" },
    data: { status: "QUEUED", failureCode: null, failureMessage: null, processedAt: null, attempts: 0 },
  });
  if (count === 0) {
    const exists = await db.application.findUnique({ where: { id: applicationId }, select: { id: true } });
    return { retried: false, reason: exists ? "not_failed" : "not_found" };
  }
  try {
    await removeFinishedJob(queue, applicationId);
    await enqueueParseResume(queue, applicationId);
    return { retried: true, enqueued: true };
  } catch {
    // Redis unreachable: the row is QUEUED, which is all the reconciler needs.
    return { retried: true, enqueued: false };
  }
}

/** A completed or failed job kept under the id would swallow the new one; waiting or running ones are kept. */
export async function removeFinishedJob(queue: ParseQueue, applicationId: string): Promise<void> {
  const redis = redisOf(queue);
  if (redis) await whenRedisReady(redis);
  const job = await withQueueTimeout(queue.getJob(parseResumeJobId(applicationId)), "reading the previous job");
  if (!job) return;
  const state = await withQueueTimeout(job.getState(), "reading the previous job's state");
  if (state === "completed" || state === "failed") await withQueueTimeout(job.remove(), "removing the previous job");
}
