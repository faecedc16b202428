// The consistency check as a background job (issue 16, item 4), against the real PostgreSQL and
// Redis: a compliance user starts a run (a queued row and its audit entry, then a BullMQ job whose
// id comes from the run); the worker re-scores every stored résumé text of the requisition with
// identity cues swapped and stores the counts, the share identical and the résumés that moved;
// a second start while one runs is refused; a queue that is down fails the run at once with the
// reason; a failure inside the job marks the run failed, except a database outage, which is
// retried; an abandoned run does not block a new one.
import { UnrecoverableError, type Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scores } from "../../server/fairness/check-consistency.ts";
import {
  ABANDONED_AFTER_MS,
  latestConsistencyRun,
  startConsistencyRun,
} from "../../server/fairness/consistency-runs.ts";
import { runConsistencyCheck } from "../../server/fairness/run-consistency-check.ts";
import { consistencyCheckJobId } from "../../server/queue/consistency-check.job.ts";
import {
  createConsistencyQueue,
  enqueueConsistencyCheck,
  type ConsistencyQueue,
} from "../../server/queue/consistency-queue.ts";
import { createProducerConnection, createWorkerConnection } from "../../server/queue/redis.ts";
import { SCREENING_VERSION } from "../../server/screening/screening-version.ts";
import { processConsistencyCheck } from "../../workers/processors/consistency-check.processor.ts";
import { createConsistencyWorker } from "../../workers/consistency-worker.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { createApplication } from "../support/access-fixtures.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../support/test-database.ts";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const prefix = uniqueName("mle_consistency");
const connections: Array<{ disconnect: () => void }> = [];
let testDb: TestDatabase;
let queue: ConsistencyQueue;
let worker: Worker | null = null;
let requisitionId: string;
let actor: { id: string; label: string };
const withText: string[] = [];

function connection(kind: "producer" | "worker") {
  const made = kind === "producer" ? createProducerConnection(TEST_REDIS_URL) : createWorkerConnection(TEST_REDIS_URL);
  made.on("error", () => {});
  connections.push(made);
  return made;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not reached in ${timeoutMs} ms`);
}

const WRITTEN = [
  // Third person, a fraternity and a chairman: every cue kind has something to swap.
  "Daniel Brooks\ndaniel.brooks@example.com\nMachine Learning Engineer\n\nExperience\nAcme Corp, ML Engineer, 2019 - present\n" +
    "He built recommendation models in PyTorch and served them on Kubernetes. He was chairman of the ML guild.\n" +
    "Member of Sigma Chi fraternity.\nSkills: Python, PyTorch, Kubernetes, Docker, SQL\n",
  "Aisha Rahman\naisha@example.com\nData Scientist\n\nExperience\nBeta Ltd, Data Scientist, 2020 - present\n" +
    "She trained gradient boosting models with scikit-learn and XGBoost; she led the women's coding club.\n" +
    "Skills: Python, pandas, scikit-learn, XGBoost, Airflow\n",
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  queue = createConsistencyQueue(connection("producer"), prefix, { attempts: 2, backoffMs: 100 });
  const user = await db.user.create({
    data: { email: "casey@example.test", name: "Casey Compliance", role: "COMPLIANCE" },
  });
  actor = { id: user.id, label: user.email };
  requisitionId = (await db.requisition.create({ data: { title: "Consistency: ML Engineer" } })).id;
  const texts = [...WRITTEN, ...PROFILES.slice(0, 3).map((profile) => makeResumeText(profile))];
  for (const [index, text] of texts.entries()) {
    const bytes = new TextEncoder().encode(text);
    const app = await createApplication(db, requisitionId, { name: `r${index}.txt`, bytes, type: "TXT" });
    await db.resumeAnalysis.create({
      data: { applicationId: app.id, parserVersion: SCREENING_VERSION, format: "TXT", text, result: {} },
    });
    withText.push(app.id);
  }
  // A file that could not be read: no text, nothing to check.
  await createApplication(db, requisitionId, { name: "broken.gif", bytes: new Uint8Array([71, 73, 70]), type: null });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  for (const made of connections) made.disconnect();
  await testDb?.drop();
}, 30_000);

describe("starting a consistency check", () => {
  it("writes a queued run with its audit entry and enqueues one job named after the run; a second start is refused", async () => {
    const { db } = testDb;
    const run = await startConsistencyRun(db, actor, requisitionId, {
      enqueue: (runId) => enqueueConsistencyCheck(queue, runId),
    });
    expect(run).toMatchObject({
      status: "queued",
      requisitionId,
      startedBy: "Casey Compliance",
      scorerVersion: SCREENING_VERSION,
      weightsVersion: 1,
    });
    expect(await queue.getJob(consistencyCheckJobId(run.id))).toBeDefined();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "fairness.consistency.start" } });
    expect(entry).toMatchObject({ actorId: actor.id, targetId: run.id, requisitionId });

    await expect(
      startConsistencyRun(db, actor, requisitionId, { enqueue: (runId) => enqueueConsistencyCheck(queue, runId) }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already running/) });
    expect(await db.consistencyRun.count({ where: { requisitionId } })).toBe(1);
  });

  it("the worker re-scores every stored résumé and stores N of M identical (100 %), skipping files without text", async () => {
    worker = createConsistencyWorker({ db: testDb.db, connection: connection("worker"), prefix, log: quiet });
    await waitFor(async () => (await latestConsistencyRun(testDb.db, requisitionId))?.status === "done");
    const run = (await latestConsistencyRun(testDb.db, requisitionId))!;
    expect(run).toMatchObject({
      status: "done",
      resumes: withText.length,
      checked: withText.length,
      identical: withText.length,
      shareIdentical: 1,
      skipped: 1,
      moved: [],
      error: null,
    });
    // Names, pronouns, gendered words and the combined swaps: many variants per résumé.
    expect(run.variants).toBeGreaterThan(withText.length * 10);
    expect(run.startedAt).not.toBeNull();
    expect(run.finishedAt).not.toBeNull();
    await worker.close();
    worker = null;
  }, 90_000);

  it("unknown requisition: not_found, nothing written", async () => {
    await expect(
      startConsistencyRun(testDb.db, actor, "cnosuchrequisition0000000", { enqueue: async () => {} }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("with the job queue down the run is marked failed at once and the caller gets `unavailable`", async () => {
    const { db } = testDb;
    const other = (await db.requisition.create({ data: { title: "Queue down" } })).id;
    const unreachable = createProducerConnection("redis://127.0.0.1:1");
    unreachable.on("error", () => {});
    connections.push(unreachable);
    const down = createConsistencyQueue(unreachable, uniqueName("mle_down"));
    await expect(
      startConsistencyRun(db, actor, other, { enqueue: (runId) => enqueueConsistencyCheck(down, runId) }),
    ).rejects.toMatchObject({ code: "unavailable", message: expect.stringMatching(/could not start/) });
    await down.close().catch(() => {});
    const run = (await latestConsistencyRun(db, other))!;
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^Not started: Redis is not reachable/);
    // The failed run does not block the next try.
    const next = await startConsistencyRun(db, actor, other, { enqueue: async () => {} });
    expect(next.status).toBe("queued");
  });

  it("a run abandoned for 15 minutes (its worker gone) is marked failed and a new one starts", async () => {
    const { db } = testDb;
    const other = (await db.requisition.create({ data: { title: "Abandoned" } })).id;
    const stuck = await startConsistencyRun(db, actor, other, { enqueue: async () => {} });
    const later = new Date(Date.now() + ABANDONED_AFTER_MS + 1_000);
    const fresh = await startConsistencyRun(db, actor, other, { enqueue: async () => {}, now: later });
    expect(fresh.id).not.toBe(stuck.id);
    const old = await db.consistencyRun.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(old.status).toBe("FAILED");
    expect(old.error).toMatch(/Abandoned/);
  });
});

describe("the job's result when a scorer reads identity, and its failures", () => {
  /** A scorer that docks 5 overall points from a résumé that says "she": the check must name the cue. */
  const biased = (text: string): Scores => {
    const penalty = /\bshe\b/i.test(text) ? 5 : 0;
    return { production: 50, ml: 60, overall: 55 - penalty };
  };

  it("lists each résumé that moved with its application id and the cue that moved it", async () => {
    const { db } = testDb;
    const run = await startConsistencyRun(db, actor, requisitionId, { enqueue: async () => {} });
    const outcome = await runConsistencyCheck(db, run.id, { score: biased, batchSize: 2 });
    expect(outcome).toMatchObject({ outcome: "done", resumes: withText.length });
    const view = (await latestConsistencyRun(db, requisitionId))!;
    expect(view.status).toBe("done");
    expect(view.identical).toBeLessThan(view.resumes);
    expect(view.shareIdentical).toBeCloseTo(view.identical / view.resumes, 10);
    const daniel = view.moved.find((m) => m.applicationId === withText[0])!;
    expect(daniel.original).toEqual({ production: 50, ml: 60, overall: 55 });
    expect(daniel.cues.map((cue) => cue.description)).toContain("pronouns → she/her/her");
    expect(daniel.cues.every((cue) => cue.moved.join() === "overall" && cue.scores.overall === 50)).toBe(true);
    // Aisha's résumé says "she" already: swapping to he or they moves it the other way.
    const aisha = view.moved.find((m) => m.applicationId === withText[1])!;
    expect(aisha.cues.map((cue) => cue.description)).toContain("pronouns → he/him/his");
    // A job delivered again after the run finished changes nothing.
    expect(await runConsistencyCheck(db, run.id)).toEqual({ outcome: "finished" });
  });

  it("refuses a bad payload for good, and does nothing for a run that no longer exists", async () => {
    await expect(processConsistencyCheck(testDb.db, { version: 2 }, { lastAttempt: false })).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    expect(
      await processConsistencyCheck(
        testDb.db,
        { version: 1, runId: "cgone000000000000000000000" },
        { lastAttempt: false },
      ),
    ).toEqual({ outcome: "missing" });
  });

  it("a failure inside the check marks the run failed with its reason; a database outage is retried first", async () => {
    const { db } = testDb;
    const broken = () => {
      throw new Error("scorer exploded");
    };
    const run = await startConsistencyRun(db, actor, requisitionId, { enqueue: async () => {} });
    await expect(
      processConsistencyCheck(db, { version: 1, runId: run.id }, { lastAttempt: false, options: { score: broken } }),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    const failed = (await latestConsistencyRun(db, requisitionId))!;
    expect(failed).toMatchObject({ id: run.id, status: "failed", error: "The check stopped: scorer exploded" });

    const outage = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
    const retried = await startConsistencyRun(db, actor, requisitionId, { enqueue: async () => {} });
    const unreachable = () => {
      throw outage;
    };
    await expect(
      processConsistencyCheck(
        db,
        { version: 1, runId: retried.id },
        { lastAttempt: false, options: { score: unreachable } },
      ),
    ).rejects.toBe(outage);
    expect((await latestConsistencyRun(db, requisitionId))!.status).toBe("running");
    // The last try gives up and says why.
    await expect(
      processConsistencyCheck(
        db,
        { version: 1, runId: retried.id },
        { lastAttempt: true, options: { score: unreachable } },
      ),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect((await latestConsistencyRun(db, requisitionId))!).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/Can't reach database server/),
    });
  });
});
