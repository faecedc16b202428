// End-to-end intake: 1,000 generated résumés POSTed to the HTTP upload endpoint
// (/api/requisitions/:id/resumes, 10 requests of 100 files, 4 at a time, like a script or four
// recruiters) of a real web process, until every application is DONE or FAILED, with 1 and then
// 2 real worker processes. Each run has a fresh database and queue prefix. Also the peak RSS of
// the web and of each worker.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { Db } from "../server/db/client.ts";
import { createProducerConnection } from "../server/queue/redis.ts";
import { createParseQueue } from "../server/queue/parse-queue.ts";
import {
  freePort,
  ROOT,
  startWeb,
  startWorker,
  waitFor,
  waitForHttp,
  type ManagedProcess,
} from "../tests/support/processes.ts";
import { makeResumeBatch } from "../tests/support/resume-batch.ts";
import { signedInAdminCookie } from "../tests/support/sign-in.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName } from "../tests/support/test-database.ts";
import { cpuSeconds, watchPeakRss } from "./rss.ts";
import { round } from "./stats.ts";

const TOTAL = Number(process.env.BENCH_INTAKE_TOTAL ?? 1_000);
const FILES_PER_REQUEST = 100;
const PARALLEL_REQUESTS = Number(process.env.BENCH_INTAKE_PARALLEL ?? 4);

interface IntakeRun {
  /** CPU used per résumé by the web process, all workers together, and PostgreSQL (where the time goes). */
  webCpuMs: number | null;
  workersCpuMs: number | null;
  postgresCpuMs: number | null;
  seconds: number;
  perSecond: number;
  uploadSeconds: number;
  webRssMb: number | null;
  workerRssMb: number | null;
}

export async function benchIntake(): Promise<Record<string, number | null>> {
  const build = spawnSync("npx", ["remix", "build"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) {
    console.error(`intake bench skipped: remix build failed\n${build.stderr}`);
    return {};
  }
  const one = await runIntake(1);
  const two = await runIntake(2);
  const max = (...values: Array<number | null>) =>
    values.every((v) => v === null) ? null : Math.max(...values.map((v) => v ?? 0));
  return {
    intake_per_s_1worker: one.perSecond,
    intake_1000_s_1worker: one.seconds,
    intake_per_s_2workers: two.perSecond,
    intake_1000_s_2workers: two.seconds,
    intake_upload_s_2workers: two.uploadSeconds,
    intake_web_cpu_ms_per_resume: two.webCpuMs,
    intake_workers_cpu_ms_per_resume: two.workersCpuMs,
    intake_postgres_cpu_ms_per_resume: two.postgresCpuMs,
    web_rss_mb: max(one.webRssMb, two.webRssMb),
    worker_rss_mb: max(one.workerRssMb, two.workerRssMb),
  };
}

/**
 * CPU seconds so far of each PostgreSQL backend serving the benchmark's database (readable when
 * PostgreSQL runs on this machine).
 */
async function postgresBackendCpu(db: Db): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<
    Array<{ pid: number }>
  >`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = cpuSeconds(Number(pid));
    if (seconds !== null) cpu.set(Number(pid), seconds);
  }
  return cpu;
}

async function runIntake(workerCount: number): Promise<IntakeRun> {
  const testDb = await createTestDatabase();
  const prefix = uniqueName("mle_bench");
  const env = { DATABASE_URL: testDb.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, LOG_LEVEL: "warn" };
  const processes: ManagedProcess[] = [];
  try {
    const port = await freePort();
    const web = startWeb({ ...env, PORT: String(port) });
    processes.push(web);
    const url = `http://127.0.0.1:${port}`;
    const workers: ManagedProcess[] = [];
    const healthPorts: number[] = [];
    for (let i = 0; i < workerCount; i++) {
      const healthPort = await freePort();
      healthPorts.push(healthPort);
      const worker = startWorker({ ...env, WORKER_HEALTH_PORT: String(healthPort) }, `worker-${i + 1}`);
      workers.push(worker);
      processes.push(worker);
    }
    await waitForHttp(`${url}/readyz`, { timeoutMs: 120_000, process: web });
    await Promise.all(
      workers.map((worker, i) =>
        waitForHttp(`http://127.0.0.1:${healthPorts[i]}/readyz`, { timeoutMs: 120_000, process: worker }),
      ),
    );
    const rss = watchPeakRss(() => processes.filter((p) => p.isRunning()).map((p) => p.pid));

    const { cookie } = await signedInAdminCookie(testDb.db);
    const requisition = await testDb.db.requisition.create({ data: { title: "Intake benchmark" } });
    const warmUp = await testDb.db.requisition.create({ data: { title: "Warm-up" } });
    const upload = async (requisitionId: string, files: ReturnType<typeof makeResumeBatch>) => {
      const form = new FormData();
      for (const file of files) form.append("resumes", new Blob([Buffer.from(file.bytes)]), file.name);
      const response = await fetch(`${url}/api/requisitions/${requisitionId}/resumes`, {
        method: "POST",
        headers: { Cookie: cookie },
        body: form,
      });
      if (response.status !== 200)
        throw new Error(`upload answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
      const body = (await response.json()) as { outcomes: Array<{ accepted: boolean }> };
      if (body.outcomes.some((o) => !o.accepted)) throw new Error("a generated résumé was refused");
    };
    const finished = (requisitionId: string) =>
      testDb.db.application.count({ where: { requisitionId, status: { in: ["DONE", "FAILED"] } } });

    // Warm the web (routes, database pool) and the workers once, as on a running system.
    await upload(warmUp.id, makeResumeBatch(4, { tag: "warm" }));
    await waitFor(async () => (await finished(warmUp.id)) === 4, { timeoutMs: 60_000, what: "the warm-up uploads" });

    const files = makeResumeBatch(TOTAL, { tag: `bench${workerCount}` });
    const cpu = () => ({
      web: cpuSeconds(web.pid),
      workers: workers.reduce((sum, w) => sum + (cpuSeconds(w.pid) ?? 0), 0),
    });
    const cpuBefore = cpu();
    const postgresBefore = await postgresBackendCpu(testDb.db);
    const requests = Array.from({ length: TOTAL / FILES_PER_REQUEST }, (_, i) =>
      files.slice(i * FILES_PER_REQUEST, (i + 1) * FILES_PER_REQUEST),
    );
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL_REQUESTS }, async () => {
        while (next < requests.length) await upload(requisition.id, requests[next++]!);
      }),
    );
    const uploaded = performance.now();
    await waitFor(async () => (await finished(requisition.id)) === TOTAL, {
      timeoutMs: 600_000,
      intervalMs: 100,
      what: `${TOTAL} applications to finish`,
      details: () => workers.map((w) => w.output().slice(-2_000)).join("\n"),
    });
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpu();
    const postgresAfter = await postgresBackendCpu(testDb.db);
    let postgresSeconds = 0;
    for (const [pid, seconds] of postgresAfter) postgresSeconds += seconds - (postgresBefore.get(pid) ?? 0);
    const perResumeMs = (after: number | null, before: number | null) =>
      after === null || before === null ? null : round(((after - before) * 1000) / TOTAL, 1);
    const failed = await testDb.db.application.count({ where: { requisitionId: requisition.id, status: "FAILED" } });
    if (failed) console.error(`intake bench: ${failed} generated résumés FAILED`);

    const peaks = rss.stop();
    return {
      webCpuMs: perResumeMs(cpuAfter.web, cpuBefore.web),
      workersCpuMs: perResumeMs(cpuAfter.workers, cpuBefore.workers),
      postgresCpuMs: postgresAfter.size ? perResumeMs(postgresSeconds, 0) : null,
      seconds: round(seconds, 1),
      perSecond: round(TOTAL / seconds, 1),
      uploadSeconds: round((uploaded - started) / 1000, 1),
      webRssMb: peaks.get(web.pid) ?? null,
      workerRssMb: Math.max(...workers.map((w) => peaks.get(w.pid) ?? 0)) || null,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop(15_000)));
    const connection = createProducerConnection(TEST_REDIS_URL);
    connection.on("error", () => {});
    const queue = createParseQueue(connection, prefix);
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close().catch(() => {});
    connection.disconnect();
    await testDb.drop();
  }
}
