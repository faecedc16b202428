// The reconciler against the real PostgreSQL and Redis: it finds every unfinished application
// whose job is missing (paging through large tables), re-adds each job once, leaves finished ones
// alone, and when several workers reconcile at the same moment only one of them does the round.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeResume } from "../../../server/intake/intake-resume.ts";
import { createParseQueue, enqueueParseResumes, type ParseQueue } from "../../../server/queue/parse-queue.ts";
import { createProducerConnection } from "../../../server/queue/redis.ts";
import { reconcileUnfinishedApplications } from "../../../workers/reconcile.ts";
import { Reconciler } from "../../../workers/reconciler.ts";
import { makeResumeBatch } from "../../support/resume-batch.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../../support/test-database.ts";

const quiet = { info: () => {}, warn: () => {} };
let testDb: TestDatabase;
let prefix: string;
let queue: ParseQueue;
const connections: ReturnType<typeof createProducerConnection>[] = [];
let unfinished: string[] = [];
let done: string;

function producer() {
  const connection = createProducerConnection(TEST_REDIS_URL);
  connection.on("error", () => {});
  connections.push(connection);
  return connection;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  prefix = uniqueName("mle_reconcile");
  queue = createParseQueue(producer(), prefix);
  const requisition = await testDb.db.requisition.create({ data: { title: "Reconcile" } });
  // Stored as an upload would be, but the enqueue "failed" (Redis down at upload): no jobs.
  const ids: string[] = [];
  for (const file of makeResumeBatch(31, { tag: "reconcile" })) {
    const outcome = await intakeResume(
      { db: testDb.db, enqueue: async () => Promise.reject(new Error("Redis down")), maxBytes: 10 * 1024 * 1024 },
      { requisitionId: requisition.id, file },
    );
    if (outcome.accepted) ids.push(outcome.applicationId);
  }
  [done, ...unfinished] = ids as [string, ...string[]];
  await testDb.db.application.update({ where: { id: done }, data: { status: "DONE" } });
  // A worker died while these were PROCESSING and Redis lost their jobs.
  await testDb.db.application.updateMany({
    where: { id: { in: unfinished.slice(0, 10) } },
    data: { status: "PROCESSING" },
  });
  // All of them untouched for two minutes.
  await testDb.db.$executeRaw`UPDATE "Application" SET "updatedAt" = "updatedAt" - interval '2 minutes'`;
}, 120_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  for (const connection of connections) connection.disconnect();
  await testDb?.drop();
}, 60_000);

describe("reconciling applications whose job is missing", () => {
  it("pages through every unfinished application and re-adds each job once; finished ones are left alone", async () => {
    const enqueued: string[] = [];
    const count = await reconcileUnfinishedApplications(
      testDb.db,
      async (ids) => {
        enqueued.push(...ids);
        await enqueueParseResumes(queue, ids);
      },
      { olderThanMs: 60_000, batch: 7 },
    );
    expect(count).toBe(30);
    expect(new Set(enqueued)).toEqual(new Set(unfinished));
    expect(enqueued).not.toContain(done);
    expect(await queue.getWaitingCount()).toBe(30);

    // Again: the jobs exist, so adding them is a no-op.
    await reconcileUnfinishedApplications(testDb.db, (ids) => enqueueParseResumes(queue, ids), { olderThanMs: 60_000 });
    expect(await queue.getWaitingCount()).toBe(30);
  });

  it("when several workers reconcile at once, one of them does the round", async () => {
    await queue.obliterate({ force: true });
    const reconcilers = Array.from(
      { length: 3 },
      () =>
        new Reconciler({
          db: testDb.db,
          queue: createParseQueue(producer(), prefix),
          redis: connections.at(-1)!,
          prefix,
          intervalMs: 60_000,
          parserVersion: "any",
          log: quiet,
        }),
    );
    const rounds = await Promise.all(reconcilers.map((reconciler) => reconciler.runOnce()));
    expect(rounds.filter((round) => round.ran)).toHaveLength(1);
    expect(rounds.find((round) => round.ran)).toMatchObject({ missing: 30 });
    expect(await queue.getWaitingCount()).toBe(30);
    // Within the same interval nobody runs another round.
    expect((await Promise.all(reconcilers.map((reconciler) => reconciler.runOnce()))).some((round) => round.ran)).toBe(
      false,
    );
  });
});
