// Producer side of the parse queue, used by intake (web), the seed, retries and the worker's
// reconciler. Enqueueing never waits for a Redis that is down (redis-ready.ts): it fails fast
// with an `unavailable` AppError and the application stays QUEUED in PostgreSQL, where the
// reconciler finds it later.
import { type Job, type Queue } from "bullmq";
import type { Redis } from "ioredis";
import { PARSE_RESUME_JOB, PARSE_RESUME_QUEUE, parseResumeJobId, type ParseResumePayload } from "./parse-resume.job.ts";
import { createJobQueue, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./create-job-queue.ts";
import { redisOf, whenRedisReady, withQueueTimeout } from "./redis-ready.ts";

export type ParseQueue = Queue<ParseResumePayload>;

export { DEFAULT_RETRY_POLICY, type RetryPolicy };

/** Background re-processing (a newer parser) waits behind fresh uploads. */
const BACKGROUND_PRIORITY = 100;
/**
 * A scan (seconds of OCR per page) waits behind fresh text uploads (no priority: BullMQ takes
 * those first), so a batch of scans does not hold up the résumés that read in milliseconds. A
 * PNG/JPEG is queued at it from the start; a PDF is known to need OCR only once its text layer is
 * read, and its job is then put back at this priority (queueBehindTextResumes).
 */
export const SCAN_PRIORITY = 50;

export function createParseQueue(
  connection: Redis,
  prefix: string,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): ParseQueue {
  return createJobQueue<ParseResumePayload>(PARSE_RESUME_QUEUE, connection, prefix, retry);
}

function priorityOf(options: { background?: boolean; scan?: boolean }): { priority?: number } {
  if (options.background) return { priority: BACKGROUND_PRIORITY };
  return options.scan ? { priority: SCAN_PRIORITY } : {};
}

/** Adds the parse job for an application. Adding it again while it exists is a no-op. */
export async function enqueueParseResume(
  queue: ParseQueue,
  applicationId: string,
  options: { background?: boolean; scan?: boolean } = {},
): Promise<void> {
  await enqueueParseResumes(queue, [applicationId], options);
}

/** Adds the parse jobs of many applications in one round trip; existing jobs are left as they are. */
export async function enqueueParseResumes(
  queue: ParseQueue,
  applicationIds: readonly string[],
  options: { background?: boolean; scan?: boolean } = {},
): Promise<void> {
  if (applicationIds.length === 0) return;
  const redis = redisOf(queue);
  if (redis) await whenRedisReady(redis);
  const jobs = applicationIds.map((applicationId) => ({
    name: PARSE_RESUME_JOB,
    data: { version: 1 as const, applicationId },
    opts: { jobId: parseResumeJobId(applicationId), ...priorityOf(options) },
  }));
  const adding: Promise<unknown> =
    jobs.length === 1 ? queue.add(jobs[0]!.name, jobs[0]!.data, jobs[0]!.opts) : queue.addBulk(jobs);
  await withQueueTimeout(adding, `adding ${jobs.length} parse job(s)`);
}

/**
 * Whether a job may OCR now: it already waits behind fresh text uploads (a scan, or background
 * re-processing, which is lower still). Any other job reads text only first (queueBehindTextResumes).
 * BullMQ keeps the current priority in the job's hash (`job.priority`, a string once fetched).
 */
export function mayOcrNow(job: Pick<Job, "priority">): boolean {
  return Number(job.priority || 0) >= SCAN_PRIORITY;
}

/**
 * Puts an active job that turned out to need OCR back in the queue at SCAN_PRIORITY, without
 * counting an attempt (moveToDelayed skips it); it is promoted at once, in order behind the scans
 * already waiting and after every text job. The caller must then throw BullMQ's DelayedError so
 * the worker neither completes nor fails the job. Should the worker die in between, the stalled
 * job comes back at whichever priority its hash holds, and is either deferred again or OCR'd.
 */
export async function queueBehindTextResumes(job: Job, token: string): Promise<void> {
  await job.changePriority({ priority: SCAN_PRIORITY });
  await job.moveToDelayed(Date.now(), token);
}
