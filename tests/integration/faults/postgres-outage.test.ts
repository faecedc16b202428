// PostgreSQL unreachable for a few seconds in the middle of a 200-résumé batch. The shared
// PostgreSQL is never stopped: the workers reach it through a TCP proxy the test controls, which
// drops every connection and refuses new ones. Jobs that fail meanwhile are retried with
// exponential backoff; the workers stay up, report not-ready, and finish the batch afterwards.
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { makeResumeBatch } from "../../support/resume-batch.ts";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy.ts";
import { TEST_REDIS_URL } from "../../support/test-database.ts";
import { waitFor } from "../../support/processes.ts";
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

const OUTAGE_MS = 4_000;

let scene: FaultScene | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await proxy?.restore();
  await scene?.close();
  await proxy?.close();
  scene = proxy = undefined;
}, 60_000);

describe("PostgreSQL down briefly in the middle of a batch", () => {
  it("failed tries are retried with backoff; every application ends DONE or FAILED with a reason, none twice, none lost", async () => {
    scene = await createFaultScene({ redisUrl: TEST_REDIS_URL });
    const target = new URL(scene.testDb.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const databaseUrl = proxy.viaProxy(scene.testDb.url);
    const files = makeResumeBatch(BATCH_SIZE, { brokenEvery: 50, tag: "pg" });
    // Workers start while the batch is stored, so the fault below lands early in the processing.
    const [workers, ids] = await Promise.all([
      scene.startWorkers(2, { DATABASE_URL: databaseUrl }),
      intakeBatch(scene, files),
    ]);
    const failedIds = ids.filter((_, i) => files[i]!.name.endsWith("-broken.pdf"));

    await waitUntilSomeFinished(scene, ids, 20);
    await proxy.cut();
    expect(await countFinished(scene.db, ids)).toBeLessThan(ids.length); // really mid-batch
    // The workers notice: their readiness says which dependency is missing.
    for (const worker of workers) {
      const report = await waitFor(
        async () => {
          const response = await fetch(`${worker.healthUrl}/readyz`);
          const body = (await response.json()) as { checks: { postgres: { ok: boolean } } };
          return response.status === 503 && !body.checks.postgres.ok ? body : undefined;
        },
        { timeoutMs: 30_000, what: "the worker's /readyz to report PostgreSQL down" },
      );
      expect(report.checks.postgres.ok).toBe(false);
    }
    await delay(OUTAGE_MS);
    await proxy.restore();

    await waitUntilFinished(scene, ids);
    await expectEachProcessedOnce(scene, ids, { failedIds, maxAttempts: 2 });
    for (const worker of scene.workers) expect(worker.isRunning(), `${worker.name} survived the outage`).toBe(true);
    // Jobs taken during the outage failed on the database and were retried, not marked FAILED.
    const retriedOnDatabase = scene.workers
      .flatMap((worker) => worker.logs())
      .filter((line) => line.msg === "parse job failed" && line.databaseDown === true && line.final === false);
    expect(retriedOnDatabase.length).toBeGreaterThan(0);
  }, 300_000);
});
