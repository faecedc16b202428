// Redis connections for BullMQ. Workers' consuming connections must retry forever
// (maxRetriesPerRequest: null); producers (the web's uploads, retries, the worker's reconciler)
// fail fast so a request never hangs when Redis is down (see redis-ready.ts).
import { Redis } from "ioredis";
import { trackRedis } from "./redis-ready.ts";

export function createWorkerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: false });
}

export function createProducerConnection(redisUrl: string): Redis {
  return trackRedis(
    new Redis(redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
    }),
  );
}

interface OutageLogger {
  warn: (details: object, message: string) => void;
  info: (details: object, message: string) => void;
}

/**
 * Logs when Redis becomes unreachable and when it is back, once each, instead of every
 * reconnect attempt. (A listener is needed anyway: ioredis reports unhandled errors loudly.)
 */
export function logRedisOutages(connection: Redis, log: OutageLogger, name: string): void {
  let down = false;
  connection.on("error", (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: error.message, connection: name }, "Redis unreachable; retrying in the background");
  });
  connection.on("ready", () => {
    if (!down) return;
    down = false;
    log.info({ connection: name }, "Redis reachable again");
  });
}
