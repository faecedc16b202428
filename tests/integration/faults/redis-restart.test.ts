// Redis restarted in the middle of a 200-résumé batch, on a private redis-server (the shared one
// on 6379 serves other test files). Two variants: a clean restart that keeps its data, and a
// crash that loses everything (no persistence), after which only PostgreSQL knows what is left
// and the workers' reconciler must enqueue it again.
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startTestRedisServer, type TestRedisServer } from "../../support/redis-server.ts";
import { makeResumeBatch } from "../../support/resume-batch.ts";
import {
  BATCH_SIZE,
  countFinished,
  createFaultScene,
  expectEachProcessedOnce,
  intakeBatch,
  waitUntilFinished,
  waitUntilSomeFinished,
  type FaultScene,
} from "./harness.ts";

/** How long Redis stays away: long enough for every connection to notice and start reconnecting. */
const OUTAGE_MS = 2_000;

let scene: FaultScene | undefined;
let redis: TestRedisServer | undefined;
afterEach(async () => {
  await scene?.close();
  await redis?.destroy();
  scene = redis = undefined;
}, 60_000);

describe.each([
  { variant: "restarted cleanly (data kept)", keepData: true },
  { variant: "crashed and lost its memory", keepData: false },
])("Redis $variant in the middle of a batch", ({ keepData }) => {
  it("every application still ends DONE or FAILED with a reason, none twice, none lost", async () => {
    redis = await startTestRedisServer();
    scene = await createFaultScene({ redisUrl: redis.url });
    const files = makeResumeBatch(BATCH_SIZE, { brokenEvery: 40, tag: keepData ? "redis-kept" : "redis-lost" });
    // Workers start while the batch is stored, so the fault below lands early in the processing.
    const [, ids] = await Promise.all([scene.startWorkers(2), intakeBatch(scene, files)]);
    const failedIds = ids.filter((_, i) => files[i]!.name.endsWith("-broken.pdf"));

    await waitUntilSomeFinished(scene, ids, 20);
    await redis.stop({ keepData });
    expect(await countFinished(scene.db, ids)).toBeLessThan(ids.length); // really mid-batch
    await delay(OUTAGE_MS);
    await redis.start();

    await waitUntilFinished(scene, ids);
    await expectEachProcessedOnce(scene, ids, { failedIds, maxAttempts: 2 });
    if (!keepData) {
      // Nothing was left in Redis: the rest can only have come back through the reconciler.
      const reconciled = scene.workers
        .flatMap((worker) => worker.logs())
        .filter((line) => /handed to the queue again/.test(String(line.msg)));
      expect(reconciled.length).toBeGreaterThan(0);
    }
  }, 300_000);
});
