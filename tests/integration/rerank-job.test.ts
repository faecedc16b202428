// Re-ranking after a weight save is a BullMQ job, against the real PostgreSQL and Redis: the save
// commits, then enqueues one job per saved version (id from requisition and version); the worker
// re-validates the payload and rewrites the stored score columns; with Redis down the save still
// stands and the reconcile loop's rerankStaleRequisitions finishes the work.
import { UnrecoverableError, type Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { createProducerConnection, createWorkerConnection } from "../../server/queue/redis.ts";
import { createRerankQueue, enqueueRerankRequisition, type RerankQueue } from "../../server/queue/rerank-queue.ts";
import { rerankRequisitionJobId } from "../../server/queue/rerank-requisition.job.ts";
import { rerankStaleRequisitions } from "../../server/ranking/rerank-requisition.ts";
import { updateRequisitionWeights } from "../../server/ranking/save-requisition-weights.ts";
import { dimensionScores, compileWeights } from "../../server/ranking/score-formula.ts";
import { RequisitionWeightsSchema } from "../../server/ranking/weights-schema.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import { processRerankRequisition } from "../../workers/processors/rerank-requisition.processor.ts";
import { createRerankWorker } from "../../workers/rerank-worker.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const prefix = uniqueName("mle_rerank");
let testDb: TestDatabase;
let queue: RerankQueue;
let requisitionId: string;
const connections: Array<{ disconnect: () => void }> = [];

function connection(kind: "producer" | "worker", url = TEST_REDIS_URL) {
  const made = kind === "producer" ? createProducerConnection(url) : createWorkerConnection(url);
  made.on("error", () => {});
  connections.push(made);
  return made;
}

async function storedVersions() {
  const apps = await testDb.db.application.findMany({ where: { requisitionId, status: "DONE" } });
  return apps.map((app) => app.weightsVersion);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not reached in ${timeoutMs} ms`);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = createRerankQueue(connection("producer"), prefix);
  requisitionId = (await testDb.db.requisition.create({ data: { title: "Re-rank job" } })).id;
  for (const profile of PROFILES.slice(0, 4)) {
    const outcome = await intakeResume(
      { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
      { requisitionId, file: { name: `${profile.key}.txt`, bytes: new TextEncoder().encode(makeResumeText(profile)) } },
    );
    if (!outcome.accepted) throw new Error("refused");
    await processParseResume(
      { db: testDb.db, limits, now: () => new Date("2026-11-22T00:00:00Z") },
      { version: 1, applicationId: outcome.applicationId },
    );
  }
}, 60_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  for (const made of connections) made.disconnect();
  await testDb?.drop();
}, 30_000);

describe("the re-rank job", () => {
  it("is enqueued once the save commits, with its id from requisition and version, and nothing runs in the request", async () => {
    const saved = await updateRequisitionWeights(
      testDb.db,
      requisitionId,
      { productionWeight: 1 },
      { rerank: { enqueue: (request) => enqueueRerankRequisition(queue, request) } },
    );
    expect(saved).toMatchObject({ version: 2, reranked: null, enqueued: true });
    const job = await queue.getJob(rerankRequisitionJobId(requisitionId, 2));
    expect(job?.id).toBe(`rerank-${requisitionId}-v2`);
    expect(job?.data).toEqual({ version: 1, requisitionId, weightsVersion: 2 });
    // No worker yet: the stored columns still hold version 1 (the screens rank with SQL meanwhile).
    expect(await storedVersions()).toEqual([1, 1, 1, 1]);
    // The same save's job is not added twice.
    await enqueueRerankRequisition(queue, { requisitionId, weightsVersion: 2 });
    expect(await queue.getWaitingCount()).toBe(1);
  });

  it("is run by the worker, which brings the stored scores to the saved version", async () => {
    let worker: Worker | null = null;
    try {
      worker = createRerankWorker({ db: testDb.db, connection: connection("worker"), prefix, log: quiet });
      await waitFor(async () => (await storedVersions()).every((version) => version === 2));
      const apps = await testDb.db.application.findMany({ where: { requisitionId, status: "DONE" } });
      const compiled = compileWeights(RequisitionWeightsSchema.parse({ productionWeight: 1 }));
      for (const app of apps) {
        const expected = dimensionScores(app.areaScores, compiled);
        expect(app.overallScore).toBe(expected.overall);
        expect(app.overallScore).toBe(app.productionScore);
      }
    } finally {
      await worker?.close();
    }
  });

  it("re-validates its payload in the worker, and a superseded version does nothing", async () => {
    await expect(processRerankRequisition(testDb.db, { version: 1, requisitionId })).rejects.toThrow(
      UnrecoverableError,
    );
    await expect(
      processRerankRequisition(testDb.db, { version: 1, requisitionId, weightsVersion: 1 }),
    ).resolves.toEqual({ outcome: "superseded", reranked: 0 });
    await expect(
      processRerankRequisition(testDb.db, { version: 1, requisitionId: "gone", weightsVersion: 1 }),
    ).resolves.toEqual({ outcome: "not_found", reranked: 0 });
  });

  it("with Redis down, the save still succeeds at once and the reconcile loop finishes the re-rank", async () => {
    const down = createRerankQueue(connection("producer", "redis://127.0.0.1:1"), uniqueName("mle_down"));
    try {
      const started = Date.now();
      const saved = await updateRequisitionWeights(
        testDb.db,
        requisitionId,
        { productionWeight: 0, balanceStrictness: 0.3 },
        { rerank: { enqueue: (request) => enqueueRerankRequisition(down, request) } },
      );
      expect(saved).toMatchObject({ version: 3, reranked: null, enqueued: false });
      expect(Date.now() - started).toBeLessThan(5_000);
      const requisition = await testDb.db.requisition.findUniqueOrThrow({ where: { id: requisitionId } });
      expect(requisition.weightsVersion).toBe(3);
      expect(await storedVersions()).toEqual([2, 2, 2, 2]);

      expect(await rerankStaleRequisitions(testDb.db)).toBe(4);
      expect(await storedVersions()).toEqual([3, 3, 3, 3]);
      const apps = await testDb.db.application.findMany({ where: { requisitionId, status: "DONE" } });
      for (const app of apps) expect(app.overallScore).toBe(app.mlScore);
    } finally {
      await down.close();
    }
  });
});
