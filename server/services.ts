// Process-wide infrastructure for the web process: one Prisma client, one producer queue.
import { getConfig } from "./config.ts";
import { getPrisma } from "./db/client.ts";
import { createParseQueue, enqueueParseResume, type ParseQueue } from "./queue/parse-queue.ts";
import { createProducerConnection, logRedisOutages } from "./queue/redis.ts";
import { logger } from "./logger.ts";

const globalForQueue = globalThis as unknown as { __parseQueue?: ParseQueue };

export function getParseQueue(): ParseQueue {
  if (!globalForQueue.__parseQueue) {
    const config = getConfig();
    // Fails fast when Redis is down: uploads are stored QUEUED and the reconciler enqueues them later.
    const connection = createProducerConnection(config.REDIS_URL);
    logRedisOutages(connection, logger, "web producer");
    globalForQueue.__parseQueue = createParseQueue(connection, config.QUEUE_PREFIX, {
      attempts: config.JOB_ATTEMPTS,
      backoffMs: config.JOB_BACKOFF_MS,
    });
  }
  return globalForQueue.__parseQueue;
}

/** Throws an `unavailable` AppError at once (no waiting) when Redis is down. */
export function enqueueParse(applicationId: string): Promise<void> {
  return enqueueParseResume(getParseQueue(), applicationId);
}

export { getPrisma, getConfig };
