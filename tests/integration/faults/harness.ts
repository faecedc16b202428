// Shared set-up and assertions of the fault tests: a fresh database and queue prefix, a batch of
// generated résumés stored exactly as an upload stores them, real worker processes with short
// timings, and the invariant every fault must keep — every application ends DONE or FAILED with
// a reason, none is processed twice, none is lost.
import { expect } from "vitest";
import type { Db } from "../../../server/db/client.ts";
import { intakeResume, type IntakeFile } from "../../../server/intake/intake-resume.ts";
import { createParseQueue, enqueueParseResume, type ParseQueue } from "../../../server/queue/parse-queue.ts";
import { createProducerConnection } from "../../../server/queue/redis.ts";
import { freePort, startWorker, waitFor, waitForHttp, type ManagedProcess } from "../../support/processes.ts";
import { createTestDatabase, uniqueName, type TestDatabase } from "../../support/test-database.ts";

/** Short timings so faults are detected and recovered within seconds (production: see server/config.ts). */
export const FAST_RECOVERY_ENV = {
  RECONCILE_INTERVAL_MS: "1500",
  JOB_LOCK_MS: "4000",
  JOB_ATTEMPTS: "10",
  JOB_BACKOFF_MS: "250",
  WORKER_CONCURRENCY: "2",
  PARSE_TIMEOUT_MS: "20000",
  LOG_LEVEL: "info",
} as const;

export const BATCH_SIZE = 200;
/** Generous: a loaded 2-core machine runs several test files at once. */
export const FINISH_TIMEOUT_MS = 210_000;

export interface SceneWorker extends ManagedProcess {
  /** The worker's own health server: /healthz, /readyz. */
  healthUrl: string;
}

export interface FaultScene {
  testDb: TestDatabase;
  db: Db;
  prefix: string;
  redisUrl: string;
  requisitionId: string;
  queue: ParseQueue;
  workers: SceneWorker[];
  /** Env for a worker of this scene (database URL overridable, e.g. through a proxy). */
  workerEnv: (overrides?: Record<string, string>) => Promise<Record<string, string>>;
  startWorker: (overrides?: Record<string, string>) => Promise<SceneWorker>;
  /** Starts `count` workers at once and waits until each is ready. */
  startWorkers: (count: number, overrides?: Record<string, string>) => Promise<SceneWorker[]>;
  close: () => Promise<void>;
}

export async function createFaultScene(options: { redisUrl: string }): Promise<FaultScene> {
  const testDb = await createTestDatabase();
  const prefix = uniqueName("mle_fault");
  const connection = createProducerConnection(options.redisUrl);
  connection.on("error", () => {});
  const queue = createParseQueue(connection, prefix);
  const requisition = await testDb.db.requisition.create({ data: { title: "ML Engineer (fault test)" } });
  const workers: SceneWorker[] = [];

  const workerEnv = async (overrides: Record<string, string> = {}) => ({
    ...FAST_RECOVERY_ENV,
    DATABASE_URL: testDb.url,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: prefix,
    WORKER_HEALTH_PORT: String(await freePort()),
    ...overrides,
  });

  const scene: FaultScene = {
    testDb,
    db: testDb.db,
    prefix,
    redisUrl: options.redisUrl,
    requisitionId: requisition.id,
    queue,
    workers,
    workerEnv,
    startWorker: async (overrides = {}) => {
      const env = await workerEnv(overrides);
      const worker: SceneWorker = Object.assign(startWorker(env, `worker-${workers.length + 1}`), {
        healthUrl: `http://127.0.0.1:${env.WORKER_HEALTH_PORT}`,
      });
      workers.push(worker);
      // Ready = its threads are warm, PostgreSQL and Redis answer (the worker's own /readyz).
      await waitForHttp(`${worker.healthUrl}/readyz`, { timeoutMs: 90_000, process: worker });
      return worker;
    },
    startWorkers: (count, overrides = {}) =>
      Promise.all(Array.from({ length: count }, () => scene.startWorker(overrides))),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.stop(10_000)));
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close().catch(() => {});
      connection.disconnect();
      await testDb.drop();
    },
  };
  return scene;
}

/**
 * Stores the files as uploads do (one transaction each, then enqueue), several at a time like
 * concurrent upload requests; returns the application ids in file order.
 */
export async function intakeBatch(scene: FaultScene, files: IntakeFile[], concurrency = 8): Promise<string[]> {
  const ids: string[] = new Array(files.length);
  const deps = {
    db: scene.db,
    enqueue: (id: string) => enqueueParseResume(scene.queue, id),
    maxBytes: 10 * 1024 * 1024,
  };
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const outcome = await intakeResume(deps, { requisitionId: scene.requisitionId, file });
      if (!outcome.accepted) throw new Error(`${file.name} refused: ${outcome.reason.code}`);
      ids[index] = outcome.applicationId;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return ids;
}

export async function countFinished(db: Db, ids: string[]): Promise<number> {
  return db.application.count({ where: { id: { in: ids }, status: { in: ["DONE", "FAILED"] } } });
}

export async function waitUntilFinished(
  scene: FaultScene,
  ids: string[],
  timeoutMs = FINISH_TIMEOUT_MS,
): Promise<void> {
  await waitFor(async () => (await countFinished(scene.db, ids)) === ids.length, {
    timeoutMs,
    intervalMs: 250,
    what: `all ${ids.length} applications to finish`,
    details: () => describeScene(scene),
  });
}

/** Waits until at least `count` of the batch have finished (the "middle of the batch"). */
export async function waitUntilSomeFinished(scene: FaultScene, ids: string[], count: number): Promise<number> {
  return waitFor(
    async () => {
      const finished = await countFinished(scene.db, ids);
      return finished >= count ? finished : undefined;
    },
    {
      timeoutMs: FINISH_TIMEOUT_MS,
      intervalMs: 50,
      what: `${count} applications to finish`,
      details: () => describeScene(scene),
    },
  );
}

export function describeScene(scene: FaultScene): string {
  return scene.workers
    .map((worker) => `--- ${worker.name} (running: ${worker.isRunning()})\n${worker.output().slice(-3_000)}`)
    .join("\n");
}

/**
 * The invariant of every fault: each application ends DONE (with exactly one analysis) or FAILED
 * with a named reason; no job completed twice across all workers; attempts stay small.
 */
export async function expectEachProcessedOnce(
  scene: FaultScene,
  ids: string[],
  expected: { failedIds?: string[]; maxAttempts: number },
): Promise<void> {
  const rows = await scene.db.application.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, failureCode: true, failureMessage: true, attempts: true },
  });
  expect(rows).toHaveLength(ids.length);
  const failedIds = new Set(expected.failedIds ?? []);
  for (const row of rows) {
    if (failedIds.has(row.id)) {
      expect(row, `application ${row.id}`).toMatchObject({ status: "FAILED" });
      expect(row.failureCode).toMatch(/^[a-z_]+$/);
      expect(row.failureMessage).toBeTruthy();
    } else {
      expect(row, `application ${row.id}`).toMatchObject({ status: "DONE", failureCode: null });
    }
    expect(row.attempts, `attempts of ${row.id}`).toBeGreaterThanOrEqual(1);
    expect(row.attempts, `attempts of ${row.id}`).toBeLessThanOrEqual(expected.maxAttempts);
  }
  const analyses = await scene.db.resumeAnalysis.groupBy({
    by: ["applicationId"],
    where: { applicationId: { in: ids } },
    _count: true,
  });
  expect(analyses.every((analysis) => analysis._count === 1)).toBe(true);
  expect(analyses).toHaveLength(ids.length); // broken PDFs are stored too (format known, reason named)

  // Across every worker that ever ran (killed ones included): no job produced a result twice.
  const doneByJob = new Map<string, number>();
  for (const worker of scene.workers) {
    for (const line of worker.logs()) {
      if (line.msg === "parse job completed" && line.outcome === "done") {
        const jobId = String(line.jobId);
        doneByJob.set(jobId, (doneByJob.get(jobId) ?? 0) + 1);
      }
    }
  }
  const twice = [...doneByJob].filter(([, count]) => count > 1);
  expect(twice, "jobs completed with a result more than once").toEqual([]);
}
