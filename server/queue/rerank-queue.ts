// Producer side of the re-rank queue, used by the web process after a weight save commits.
// Like the parse queue, enqueueing never waits for a Redis that is down: it fails fast with an
// `unavailable` AppError, the save stands, and the worker's reconcile loop (rerankStaleRequisitions)
// brings the stored scores up to date instead.
import { type Queue } from "bullmq";
import type { Redis } from "ioredis";
import { createJobQueue, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./create-job-queue.ts";
import { redisOf, whenRedisReady, withQueueTimeout } from "./redis-ready.ts";
import {
  RERANK_REQUISITION_JOB,
  RERANK_REQUISITION_QUEUE,
  rerankRequisitionJobId,
  type RerankRequisitionPayload,
} from "./rerank-requisition.job.ts";

export type RerankQueue = Queue<RerankRequisitionPayload>;

export function createRerankQueue(
  connection: Redis,
  prefix: string,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): RerankQueue {
  return createJobQueue<RerankRequisitionPayload>(RERANK_REQUISITION_QUEUE, connection, prefix, retry);
}

/** Adds the re-rank job of one saved weights version. Adding it again while it exists is a no-op. */
export async function enqueueRerankRequisition(
  queue: RerankQueue,
  request: { requisitionId: string; weightsVersion: number },
): Promise<void> {
  const redis = redisOf(queue);
  if (redis) await whenRedisReady(redis);
  const payload: RerankRequisitionPayload = { version: 1, ...request };
  await withQueueTimeout(
    queue.add(RERANK_REQUISITION_JOB, payload, {
      jobId: rerankRequisitionJobId(request.requisitionId, request.weightsVersion),
    }),
    "adding a re-rank job",
  );
}
