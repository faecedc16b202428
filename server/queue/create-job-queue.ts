// The producer side every job queue shares: retries with exponential backoff for transient
// errors, finished jobs dropped (outcomes live in PostgreSQL, and a retry can reuse the job id),
// and connection errors left to where they matter (a failed enqueue, readiness) instead of being
// printed at each reconnect attempt.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

export interface RetryPolicy {
  /** Tries per job for transient errors (database or Redis unreachable). */
  attempts: number;
  /** First retry delay in ms, doubled at each further try. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, backoffMs: 1_000 };

export function createJobQueue<Payload>(
  name: string,
  connection: Redis,
  prefix: string,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Queue<Payload> {
  const queue = new Queue<Payload>(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: "exponential", delay: retry.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  queue.on("error", () => {});
  return queue;
}
