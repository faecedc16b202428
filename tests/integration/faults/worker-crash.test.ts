// Several real worker processes share a 200-résumé batch, and one of them is SIGKILLed in the
// middle of it. Its jobs keep their lock until it expires, then the others' stalled-job check
// hands them out again; a replacement worker joins. Nothing is lost and nothing is processed
// twice: only the applications the dead worker was holding run a second time.
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../support/processes.ts";
import { makeResumeBatch } from "../../support/resume-batch.ts";
import { TEST_REDIS_URL } from "../../support/test-database.ts";
import {
  BATCH_SIZE,
  countFinished,
  createFaultScene,
  expectEachProcessedOnce,
  intakeBatch,
  waitUntilFinished,
  waitUntilSomeFinished,
  type FaultScene,
  type SceneWorker,
} from "./harness.ts";

let scene: FaultScene | undefined;
afterEach(async () => {
  await scene?.close();
  scene = undefined;
}, 60_000);

const completedBy = (worker: SceneWorker) => worker.logs().filter((line) => line.msg === "parse job completed").length;

describe("worker processes sharing a batch", () => {
  it("a worker SIGKILLed mid-batch: its jobs are taken over, the others share the rest; none lost, none twice", async () => {
    scene = await createFaultScene({ redisUrl: TEST_REDIS_URL });
    // Every 25th file is a broken PDF: those must end FAILED with a named reason, the rest DONE.
    const files = makeResumeBatch(BATCH_SIZE, { brokenEvery: 25, tag: "kill" });
    const failedIds = (ids: string[]) => ids.filter((_, i) => files[i]!.name.endsWith("-broken.pdf"));
    const [[doomed, survivor], ids] = await Promise.all([scene.startWorkers(2), intakeBatch(scene, files)]);

    await waitUntilSomeFinished(scene, ids, 20);
    // The work is shared: both workers have completed jobs (a late starter catches up quickly).
    await waitFor(() => completedBy(doomed!) > 0 && completedBy(survivor!) > 0, {
      timeoutMs: 60_000,
      what: "both workers to complete a job",
    });
    doomed!.kill("SIGKILL");
    await doomed!.exited;
    // What the killed worker held: PROCESSING rows whose job is locked by a dead process.
    const processing = await scene.db.application.findMany({
      where: { id: { in: ids }, status: "PROCESSING" },
      select: { id: true },
    });
    expect(await countFinished(scene.db, ids)).toBeLessThan(ids.length); // really mid-batch

    const replacement = await scene.startWorker();
    await waitUntilFinished(scene, ids);

    await expectEachProcessedOnce(scene, ids, { failedIds: failedIds(ids), maxAttempts: 2 });
    // Only what was in flight at the kill ran a second time; everything else ran exactly once.
    const ranTwice = await scene.db.application.findMany({
      where: { id: { in: ids }, attempts: 2 },
      select: { id: true },
    });
    const inFlight = new Set(processing.map((row) => row.id));
    expect(ranTwice.filter((row) => !inFlight.has(row.id))).toEqual([]);
    expect(replacement.isRunning()).toBe(true);
  }, 300_000);
});
