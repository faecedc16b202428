// Redis keys the tests create: every queue prefix a test makes with uniqueName() (test-database.ts)
// is remembered, and its keys (`<prefix>:*`, BullMQ's queues, jobs, meta and locks) are deleted
// when the test file ends (tests/support/vitest-setup.ts), so `npm test` leaves Redis as it found
// it. Only names made by this process are touched: the default `mle` prefix of a running demo
// never is.
import { Redis } from "ioredis";

/** The same default as test-database.ts's TEST_REDIS_URL (not imported: that module imports this one). */
const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const store = globalThis as unknown as { __mleTestNames?: Set<string> };

/** Remembers a generated name (a queue prefix, or a database name, whose Redis keys are none). */
export function trackTestName(name: string): void {
  store.__mleTestNames ??= new Set();
  store.__mleTestNames.add(name);
}

export function trackedTestNames(): string[] {
  return [...(store.__mleTestNames ?? [])];
}

/** Keys under `<prefix>:`, listed with SCAN (never KEYS, which blocks a shared server). */
export async function listQueueKeys(prefix: string, redisUrl = TEST_REDIS_URL): Promise<string[]> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return await scan(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

async function scan(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}:*`;
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}

/** Deletes every key under the given prefixes; returns how many were deleted. Redis being down is not an error. */
export async function removeQueueKeys(prefixes: readonly string[], redisUrl = TEST_REDIS_URL): Promise<number> {
  if (prefixes.length === 0) return 0;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on("error", () => {});
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    return 0;
  }
  try {
    let removed = 0;
    for (const prefix of prefixes) {
      const keys = await scan(redis, prefix);
      for (let i = 0; i < keys.length; i += 500) removed += await redis.unlink(...keys.slice(i, i + 500));
    }
    return removed;
  } finally {
    redis.disconnect();
  }
}
