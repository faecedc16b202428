// Redis connections for BullMQ. Workers must retry forever (maxRetriesPerRequest: null);
// producers in the web process fail fast so an upload never hangs when Redis is down.
import { Redis } from "ioredis";

export function createWorkerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: false });
}

export function createProducerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
  });
}
