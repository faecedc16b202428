// Never wait for a Redis that is down. BullMQ's Queue.add waits for its connection to be ready
// (forever, when Redis is unreachable at start), which would hang an upload request. So before
// a command we look at the connection: ready → go; still making its very first connection →
// wait briefly for it; anything else (reconnecting, closed) → fail at once with an `unavailable`
// AppError. The caller keeps the application QUEUED and the reconciler enqueues it.
import { Redis } from "ioredis";
import type { Queue } from "bullmq";
import { AppError } from "../errors/app-error.ts";

/** How long a fresh connection may take to come up before commands give up on it. */
export const FIRST_CONNECT_WAIT_MS = 2_000;
/** Longest a queue command may take once connected (a Redis that accepts but does not answer). */
export const QUEUE_COMMAND_TIMEOUT_MS = 5_000;

interface ConnectionState {
  firstSeenAt: number;
  wasReady: boolean;
}
const states = new WeakMap<Redis, ConnectionState>();

function stateOf(redis: Redis): ConnectionState {
  let state = states.get(redis);
  if (!state) {
    state = { firstSeenAt: Date.now(), wasReady: redis.status === "ready" };
    const current = state;
    redis.on("ready", () => {
      current.wasReady = true;
    });
    states.set(redis, state);
  }
  return state;
}

/** Start tracking a connection as soon as it is created, so its first connect gets the grace period. */
export function trackRedis(redis: Redis): Redis {
  stateOf(redis);
  return redis;
}

/** The ioredis connection a BullMQ queue was given, if it was given one. */
export function redisOf(queue: Queue): Redis | null {
  const connection = queue.opts.connection as unknown;
  return connection instanceof Redis ? connection : null;
}

export async function whenRedisReady(redis: Redis, firstConnectWaitMs = FIRST_CONNECT_WAIT_MS): Promise<void> {
  const state = stateOf(redis);
  if (redis.status === "ready") return;
  const firstConnect = !state.wasReady && ["wait", "connecting", "connect"].includes(redis.status);
  const remaining = firstConnectWaitMs - (Date.now() - state.firstSeenAt);
  if (firstConnect && remaining > 0) {
    if (redis.status === "wait") redis.connect().catch(() => {});
    const ready = await new Promise<boolean>((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        redis.off("ready", onReady);
        resolve(value);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), remaining);
      redis.once("ready", onReady);
    });
    if (ready) return;
  }
  throw new AppError(
    "unavailable",
    `Redis is not reachable (connection ${redis.status}); the job queue is unavailable`,
  );
}

/** Rejects with an `unavailable` AppError when `work` takes longer than the command timeout. */
export async function withQueueTimeout<T>(
  work: Promise<T>,
  what: string,
  timeoutMs = QUEUE_COMMAND_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("unavailable", `Redis did not answer within ${timeoutMs} ms (${what})`)),
      timeoutMs,
    );
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
