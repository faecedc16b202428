// The web process when a dependency is down (real processes, the production build):
// - Redis down: pages still load and uploads are still accepted — stored QUEUED, at once, no
//   hang — and a worker started once Redis is back processes them (the reconciler enqueues them);
// - PostgreSQL down: a clear 503 "temporarily unavailable" page (JSON for the API), never a stack
//   trace, nothing stored; readiness reports which dependency is missing; back to normal after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureFreshRemixBuild } from "../../support/web-app.ts";
import {
  freePort,
  startWeb,
  startWorker,
  stopAll,
  waitFor,
  waitForHttp,
  type ManagedProcess,
} from "../../support/processes.ts";
import { startTestRedisServer, type TestRedisServer } from "../../support/redis-server.ts";
import { makeResumeBatch } from "../../support/resume-batch.ts";
import { signedInAdminCookie } from "../../support/sign-in.ts";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../../support/test-database.ts";
import { FAST_RECOVERY_ENV } from "./harness.ts";

let testDb: TestDatabase;
let cookie: string;
let requisitionId: string;
let redis: TestRedisServer | undefined;
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  ensureFreshRemixBuild();
  testDb = await createTestDatabase();
  ({ cookie } = await signedInAdminCookie(testDb.db));
  requisitionId = (await testDb.db.requisition.create({ data: { title: "Degraded-mode requisition" } })).id;
}, 180_000);

afterAll(async () => {
  await stopAll();
  await redis?.destroy();
  await proxy?.close();
  await testDb?.drop();
}, 60_000);

async function startWebProcess(env: Record<string, string>): Promise<{ web: ManagedProcess; url: string }> {
  const port = await freePort();
  const web = startWeb({ PORT: String(port), QUEUE_PREFIX: uniqueName("mle_web"), LOG_LEVEL: "warn", ...env });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, { timeoutMs: 60_000, process: web });
  return { web, url };
}

function uploadForm(count: number, tag: string): FormData {
  const form = new FormData();
  for (const file of makeResumeBatch(count, { tag }))
    form.append("resumes", new Blob([Buffer.from(file.bytes)]), file.name);
  return form;
}

describe("web process with Redis down", () => {
  it("still loads pages and accepts uploads (stored QUEUED); a worker started later processes them", async () => {
    const redisPort = await freePort(); // nothing listens here yet
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const prefix = uniqueName("mle_web");
    const { url } = await startWebProcess({ DATABASE_URL: testDb.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "degraded",
      checks: { postgres: { ok: true }, redis: { ok: false } },
    });

    const page = await fetch(`${url}/requisitions/${requisitionId}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Degraded-mode requisition");

    const upload = await fetch(`${url}/api/requisitions/${requisitionId}/resumes`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: uploadForm(6, "no-redis"),
    });
    expect(upload.status).toBe(200);
    const { outcomes } = (await upload.json()) as {
      outcomes: Array<{ accepted: boolean; status: string; enqueued: boolean; applicationId: string }>;
    };
    expect(outcomes).toHaveLength(6);
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ accepted: true, status: "QUEUED", enqueued: false });
    const ids = outcomes.map((outcome) => outcome.applicationId);
    expect(await testDb.db.application.count({ where: { id: { in: ids }, status: "QUEUED" } })).toBe(6);

    // Redis comes back (empty: the jobs never reached it); a worker's reconciler finds the rows.
    redis = await startTestRedisServer({ port: redisPort });
    const worker = startWorker({
      ...FAST_RECOVERY_ENV,
      DATABASE_URL: testDb.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: "0",
    });
    await waitFor(
      async () => (await testDb.db.application.count({ where: { id: { in: ids }, status: "DONE" } })) === 6,
      {
        timeoutMs: 120_000,
        what: "the uploads to be processed once Redis is back",
        details: () => worker.output().slice(-3_000),
      },
    );
    await waitFor(
      async () => ((await (await fetch(`${url}/readyz`)).json()) as { status: string }).status === "ready",
      {
        timeoutMs: 30_000,
        what: "the web's readiness to see Redis again",
      },
    );
  }, 180_000);
});

describe("web process with PostgreSQL down", () => {
  it("answers 503 'temporarily unavailable' (page and API), stores nothing, and recovers", async () => {
    const target = new URL(testDb.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const { url } = await startWebProcess({ DATABASE_URL: proxy.viaProxy(testDb.url), REDIS_URL: TEST_REDIS_URL });
    const pageUrl = `${url}/requisitions/${requisitionId}`;
    expect((await fetch(pageUrl, { headers: { Cookie: cookie } })).status).toBe(200);
    const filesBefore = await testDb.db.resumeFile.count();
    const batchesBefore = await testDb.db.uploadBatch.count();

    await proxy.cut();

    const page = await fetch(pageUrl, { headers: { Cookie: cookie, Accept: "text/html" } });
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("Temporarily unavailable");
    expect(html).toMatch(/cannot reach its database/);
    expect(html).not.toMatch(/PrismaClient|ECONNREFUSED|\bat [\w$.<>]+ \(/);

    const upload = await fetch(`${url}/api/requisitions/${requisitionId}/resumes`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: uploadForm(3, "no-pg"),
    });
    expect(upload.status).toBe(503);
    expect(await upload.json()).toMatchObject({ title: "Temporarily unavailable" });

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "unavailable", checks: { postgres: { ok: false } } });

    await proxy.restore();
    await waitFor(async () => (await fetch(pageUrl, { headers: { Cookie: cookie } })).status === 200, {
      timeoutMs: 30_000,
      what: "the page to load again once PostgreSQL is back",
    });
    // Nothing of the refused upload was written.
    expect(await testDb.db.resumeFile.count()).toBe(filesBefore);
    expect(await testDb.db.uploadBatch.count()).toBe(batchesBefore);
  }, 120_000);
});
