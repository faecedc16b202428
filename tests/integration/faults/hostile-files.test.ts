// Hostile files in the worker's own wiring (createParseWorker + ParsePool), with a test-only parse
// task (tests/support/hostile-parse-task.ts) that makes chosen files loop forever, exhaust the
// heap or kill their thread. Each fails alone with a named reason; the other files of the batch
// are processed; a crashing parse is retried with backoff and then named `internal`; the retry
// button (retryApplication) brings an application back once its cause is fixed.
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParsePool } from "../../../server/screening/parse-pool.ts";
import { intakeResume } from "../../../server/intake/intake-resume.ts";
import { createParseQueue, enqueueParseResume, type ParseQueue } from "../../../server/queue/parse-queue.ts";
import { createProducerConnection, createWorkerConnection } from "../../../server/queue/redis.ts";
import { retryApplication } from "../../../server/queue/retry-application.ts";
import { createParseWorker } from "../../../workers/parse-worker.ts";
import { DEFAULT_OCR_LIMITS } from "../../../server/extraction/read-scans.ts";
import { makeImageOnlyPdf, makePdf } from "../../factories/pdf-writer.ts";
import { makeResumeLines, ML_ENGINEER } from "../../factories/resume-factory.ts";
import { encodeImage, makeOversizedPngHeader, renderGreyPage } from "../../factories/scan-writer.ts";
import { HOSTILE, HOSTILE_PARSE_TASK } from "../../support/hostile-files.ts";
import { waitFor } from "../../support/processes.ts";
import { makeResumeBatch } from "../../support/resume-batch.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 3_000 };
const UNSURE_SCAN = "unsure-scan.png";
const ATTEMPTS = 3;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let testDb: TestDatabase;
let pool: ParsePool;
let queue: ParseQueue;
let worker: Worker;
let requisitionId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // A small heap, so the allocating file hits the cap long before its time limit.
  pool = await ParsePool.start({ threads: 2, maxHeapMb: 64, taskModule: HOSTILE_PARSE_TASK });
  const prefix = uniqueName("mle_hostile");
  const producer = createProducerConnection(TEST_REDIS_URL);
  queue = createParseQueue(producer, prefix, { attempts: ATTEMPTS, backoffMs: 100 });
  worker = createParseWorker({
    db: testDb.db,
    screen: (bytes, options) =>
      // The allocating file gets a long time limit so it is its heap, not its time, that stops it.
      pool.screenJob(
        bytes,
        options.fileName === HOSTILE.allocate
          ? { ...options, limits: { ...options.limits, timeoutMs: 120_000 } }
          : options.fileName === UNSURE_SCAN
            ? // A threshold no OCR reaches, so this clean scan takes the "needs review" path.
              { ...options, limits: { ...options.limits, ocr: { ...DEFAULT_OCR_LIMITS, minConfidence: 99.9 } } }
            : options,
      ),
    limits,
    connection: createWorkerConnection(TEST_REDIS_URL),
    prefix,
    concurrency: 2,
    lockMs: 30_000,
    log: quiet,
  });
  requisitionId = (await testDb.db.requisition.create({ data: { title: "Hostile files" } })).id;
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await pool?.close();
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await testDb?.drop();
}, 60_000);

async function upload(name: string, bytes: Uint8Array): Promise<string> {
  const outcome = await intakeResume(
    { db: testDb.db, enqueue: (id) => enqueueParseResume(queue, id), maxBytes: limits.maxBytes },
    { requisitionId, file: { name, bytes } },
  );
  if (!outcome.accepted) throw new Error(`${name} refused`);
  return outcome.applicationId;
}

async function finished(ids: string[]) {
  return waitFor(
    async () => {
      const rows = await testDb.db.application.findMany({ where: { id: { in: ids } } });
      return rows.every((row) => ["DONE", "NEEDS_REVIEW", "FAILED"].includes(row.status))
        ? new Map(rows.map((row) => [row.id, row]))
        : undefined;
    },
    { timeoutMs: 150_000, what: `${ids.length} applications to finish` },
  );
}

describe("hostile files in the worker", () => {
  it("an endless loop and a memory bomb fail alone, named; the rest of the batch is processed once", async () => {
    const loopId = await upload(HOSTILE.loop, makePdf(["Loop Forever"]));
    const bombId = await upload(HOSTILE.allocate, makePdf(["Memory Bomb"]));
    const goodIds = [];
    for (const file of makeResumeBatch(10, { tag: "beside-hostile" }))
      goodIds.push(await upload(file.name, file.bytes));

    const rows = await finished([loopId, bombId, ...goodIds]);
    expect(rows.get(loopId)).toMatchObject({ status: "FAILED", failureCode: "timeout", attempts: 1 });
    expect(rows.get(loopId)!.failureMessage).toMatch(/longer than the 3 s limit/);
    expect(rows.get(bombId)).toMatchObject({ status: "FAILED", failureCode: "too_large", attempts: 1 });
    expect(rows.get(bombId)!.failureMessage).toMatch(/memory limit/);
    for (const id of goodIds) expect(rows.get(id)).toMatchObject({ status: "DONE", attempts: 1 });
    expect(pool.threadCount).toBe(2); // the killed threads were replaced
  }, 180_000);

  it("hostile images end with a named reason within the limits; a scan below the confidence threshold needs review, unranked", async () => {
    const photo = encodeImage(await renderGreyPage(makePdf(makeResumeLines(ML_ENGINEER))), "jpeg");
    const ids = {
      // 20,000 × 20,000 pixels declared in a 100-byte header: refused before anything decodes it.
      bomb: await upload("bomb.png", makeOversizedPngHeader(20_000, 20_000)),
      truncated: await upload("cut.jpg", photo.subarray(0, Math.floor(photo.length / 2))),
      // 300 image pages: over MAX_PDF_PAGES before any page is read; 6 scanned pages: over MAX_OCR_PAGES.
      pages300: await upload("scan-300.pdf", makeImageOnlyPdf(300)),
      pages6: await upload("scan-6.pdf", makeImageOnlyPdf(6)),
      unsure: await upload(
        UNSURE_SCAN,
        encodeImage(await renderGreyPage(makePdf(makeResumeLines(ML_ENGINEER))), "png"),
      ),
    };
    const rows = await finished(Object.values(ids));
    // Both images are refused from their headers at intake: never queued, never decoded.
    expect(rows.get(ids.bomb)).toMatchObject({ status: "FAILED", failureCode: "too_large", attempts: 0 });
    expect(rows.get(ids.bomb)!.failureMessage).toMatch(/20000 × 20000 pixels/);
    expect(rows.get(ids.truncated)).toMatchObject({ status: "FAILED", failureCode: "corrupt", attempts: 0 });
    expect(rows.get(ids.truncated)!.failureMessage).toMatch(/cut short/);
    expect(rows.get(ids.pages300)).toMatchObject({ status: "FAILED", failureCode: "too_large" });
    expect(rows.get(ids.pages300)!.failureMessage).toMatch(/300 pages; at most 30/);
    expect(rows.get(ids.pages6)).toMatchObject({ status: "FAILED", failureCode: "too_large" });
    expect(rows.get(ids.pages6)!.failureMessage).toMatch(/6 scanned pages.*at most 5 are read by OCR/);

    // Read, flagged, and kept out of the ranking: no score columns, no area vector to re-rank from.
    expect(rows.get(ids.unsure)).toMatchObject({
      status: "NEEDS_REVIEW",
      overallScore: null,
      productionScore: null,
      areaScores: [],
    });
    const analysis = await testDb.db.resumeAnalysis.findUniqueOrThrow({ where: { applicationId: ids.unsure } });
    expect(analysis).toMatchObject({ format: "PNG", textSource: "ocr" });
    expect(analysis.ocrConfidence).toBeGreaterThan(80);
    expect(analysis.text).toContain("priya.raman@example.com");
    const file = await testDb.db.application.findUniqueOrThrow({
      where: { id: ids.unsure },
      include: { resumeFile: true },
    });
    expect(file.resumeFile.detectedType).toBe("PNG");
  }, 240_000);

  it("a parse that keeps killing its thread is retried with backoff, then FAILED `internal`; retry brings it back after a fix", async () => {
    const crashId = await upload(HOSTILE.crash, makePdf(["Crash Test"]));
    const rows = await finished([crashId]);
    expect(rows.get(crashId)).toMatchObject({ status: "FAILED", failureCode: "internal", attempts: ATTEMPTS });
    expect(rows.get(crashId)!.failureMessage).toMatch(/after several attempts.*retry/i);

    // "After a fix": the stored file is replaced by a readable one (as a re-upload would), then retry.
    const application = await testDb.db.application.findUniqueOrThrow({
      where: { id: crashId },
      select: { resumeFileId: true },
    });
    const good = makeResumeBatch(1, { tag: "fixed" })[0]!;
    await testDb.db.resumeFile.update({
      where: { id: application.resumeFileId },
      data: { originalName: "fixed.pdf", bytes: Buffer.from(good.bytes) },
    });
    expect(await retryApplication(testDb.db, queue, crashId)).toEqual({ retried: true, enqueued: true });
    const retried = await finished([crashId]);
    expect(retried.get(crashId)).toMatchObject({
      status: "DONE",
      failureCode: null,
      failureMessage: null,
      attempts: 1,
    });
    expect(await testDb.db.resumeAnalysis.count({ where: { applicationId: crashId } })).toBe(1);
  }, 180_000);

  it("retry refuses applications that are not FAILED, and keeps a FAILED one QUEUED when Redis is down", async () => {
    const [file] = makeResumeBatch(1, { tag: "retry-rules" });
    const id = await upload(file!.name, file!.bytes);
    await finished([id]);
    expect(await retryApplication(testDb.db, queue, id)).toEqual({ retried: false, reason: "not_failed" });
    expect(await retryApplication(testDb.db, queue, "no-such-application")).toEqual({
      retried: false,
      reason: "not_found",
    });

    await testDb.db.application.update({
      where: { id },
      data: { status: "FAILED", failureCode: "internal", failureMessage: "x" },
    });
    const deadRedis = createProducerConnection("redis://127.0.0.1:1");
    deadRedis.on("error", () => {});
    const offline = createParseQueue(deadRedis, uniqueName("mle_offline"));
    expect(await retryApplication(testDb.db, offline, id)).toEqual({ retried: true, enqueued: false });
    expect(await testDb.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "QUEUED",
      failureCode: null,
    });
    await offline.close().catch(() => {});
    deadRedis.disconnect();
  }, 60_000);
});
