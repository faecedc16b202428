// Process-wide infrastructure for the web process: one Prisma client, one producer connection
// to Redis shared by the parse, re-rank and consistency-check queues.
import { getConfig } from "./config.ts";
import { getPrisma } from "./db/client.ts";
import { createConsistencyQueue, enqueueConsistencyCheck, type ConsistencyQueue } from "./queue/consistency-queue.ts";
import { createParseQueue, enqueueParseResume, type ParseQueue } from "./queue/parse-queue.ts";
import { createProducerConnection, logRedisOutages } from "./queue/redis.ts";
import { createRerankQueue, enqueueRerankRequisition, type RerankQueue } from "./queue/rerank-queue.ts";
import { logger } from "./logger.ts";

const globalForQueue = globalThis as unknown as {
  __parseQueue?: ParseQueue;
  __rerankQueue?: RerankQueue;
  __consistencyQueue?: ConsistencyQueue;
  __producer?: ReturnType<typeof createProducerConnection>;
};

function producer() {
  if (!globalForQueue.__producer) {
    // Fails fast when Redis is down: uploads are stored QUEUED and weight saves stand; the
    // worker's reconciler enqueues the uploads and finishes the re-ranks later.
    globalForQueue.__producer = createProducerConnection(getConfig().REDIS_URL);
    logRedisOutages(globalForQueue.__producer, logger, "web producer");
  }
  return globalForQueue.__producer;
}

export function getParseQueue(): ParseQueue {
  if (!globalForQueue.__parseQueue) {
    const config = getConfig();
    globalForQueue.__parseQueue = createParseQueue(producer(), config.QUEUE_PREFIX, {
      attempts: config.JOB_ATTEMPTS,
      backoffMs: config.JOB_BACKOFF_MS,
    });
  }
  return globalForQueue.__parseQueue;
}

export function getRerankQueue(): RerankQueue {
  if (!globalForQueue.__rerankQueue) {
    const config = getConfig();
    globalForQueue.__rerankQueue = createRerankQueue(producer(), config.QUEUE_PREFIX, {
      attempts: config.JOB_ATTEMPTS,
      backoffMs: config.JOB_BACKOFF_MS,
    });
  }
  return globalForQueue.__rerankQueue;
}

export function getConsistencyQueue(): ConsistencyQueue {
  if (!globalForQueue.__consistencyQueue) {
    const config = getConfig();
    globalForQueue.__consistencyQueue = createConsistencyQueue(producer(), config.QUEUE_PREFIX, {
      attempts: config.JOB_ATTEMPTS,
      backoffMs: config.JOB_BACKOFF_MS,
    });
  }
  return globalForQueue.__consistencyQueue;
}

/** Enqueues a fairness consistency run's job; throws an `unavailable` AppError at once when Redis is down. */
export function enqueueConsistency(runId: string): Promise<void> {
  return enqueueConsistencyCheck(getConsistencyQueue(), runId);
}

/** Enqueues the re-rank job of a saved weights version; throws at once when Redis is down. */
export function enqueueRerank(request: { requisitionId: string; weightsVersion: number }): Promise<void> {
  return enqueueRerankRequisition(getRerankQueue(), request);
}

/** Throws an `unavailable` AppError at once (no waiting) when Redis is down. `scan`: behind text résumés. */
export function enqueueParse(applicationId: string, options: { scan?: boolean } = {}): Promise<void> {
  return enqueueParseResume(getParseQueue(), applicationId, { scan: options.scan });
}

export { getPrisma, getConfig };
