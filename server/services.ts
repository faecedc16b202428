// Process-wide infrastructure for the web process: one Prisma client, one producer queue.
import { getConfig } from "./config.ts";
import { getPrisma } from "./db/client.ts";
import { createParseQueue, enqueueParseResume, type ParseQueue } from "./queue/parse-queue.ts";
import { createProducerConnection } from "./queue/redis.ts";
import { logger } from "./logger.ts";

const globalForQueue = globalThis as unknown as { __parseQueue?: ParseQueue };

export function getParseQueue(): ParseQueue {
  if (!globalForQueue.__parseQueue) {
    const config = getConfig();
    const connection = createProducerConnection(config.REDIS_URL);
    // Without a listener ioredis reports every failed reconnect as an unhandled error.
    connection.on("error", (error) => logger.warn({ err: error.message }, "redis connection error"));
    globalForQueue.__parseQueue = createParseQueue(connection, config.QUEUE_PREFIX);
  }
  return globalForQueue.__parseQueue;
}

export function enqueueParse(applicationId: string): Promise<void> {
  return enqueueParseResume(getParseQueue(), applicationId);
}

export { getPrisma, getConfig };
