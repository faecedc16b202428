// Producer side of the consistency-check queue, used by the web process when a compliance user
// starts a check. Like the parse and re-rank queues, enqueueing never waits for a Redis that is
// down: it fails fast with an `unavailable` AppError, and the caller marks the run failed with
// that reason instead of leaving it queued forever.
import { type Queue } from "bullmq";
import type { Redis } from "ioredis";
import {
  CONSISTENCY_CHECK_JOB,
  CONSISTENCY_CHECK_QUEUE,
  consistencyCheckJobId,
  type ConsistencyCheckPayload,
} from "./consistency-check.job.ts";
import { createJobQueue, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./create-job-queue.ts";
import { redisOf, whenRedisReady, withQueueTimeout } from "./redis-ready.ts";

export type ConsistencyQueue = Queue<ConsistencyCheckPayload>;

export function createConsistencyQueue(
  connection: Redis,
  prefix: string,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): ConsistencyQueue {
  return createJobQueue<ConsistencyCheckPayload>(CONSISTENCY_CHECK_QUEUE, connection, prefix, retry);
}

/** Adds the job of one consistency run. Adding it again while it exists is a no-op. */
export async function enqueueConsistencyCheck(queue: ConsistencyQueue, runId: string): Promise<void> {
  const redis = redisOf(queue);
  if (redis) await whenRedisReady(redis);
  const payload: ConsistencyCheckPayload = { version: 1, runId };
  await withQueueTimeout(
    queue.add(CONSISTENCY_CHECK_JOB, payload, { jobId: consistencyCheckJobId(runId) }),
    "adding a consistency-check job",
  );
}
