// Scans queue behind text résumés (issue 17, item 3), through the worker's own wiring
// (createParseWorker) against the real PostgreSQL, Redis and BullMQ: an image-only PDF enqueued
// first, with text résumés, is read text-only, put back at scan priority without counting an
// attempt, and read by OCR only once every text résumé is done; the reconciler re-adding the
// waiting applications changes nothing.
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeOcrEngine } from "../../server/extraction/ocr-engine.ts";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import {
  createParseQueue,
  enqueueParseResumes,
  SCAN_PRIORITY,
  type ParseQueue,
} from "../../server/queue/parse-queue.ts";
import { parseResumeJobId } from "../../server/queue/parse-resume.job.ts";
import { createWorkerConnection } from "../../server/queue/redis.ts";
import { isOcrDeferred, screenJob } from "../../server/screening/screen-job.ts";
import { createParseWorker } from "../../workers/parse-worker.ts";
import type { ScreenFunction } from "../../workers/processors/parse-resume.processor.ts";
import { reconcileUnfinishedApplications } from "../../workers/reconcile.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { makeResumeLines, ML_ENGINEER, PROFILES } from "../factories/resume-factory.ts";
import { makeScannedPdf, renderGreyPage } from "../factories/scan-writer.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const prefix = uniqueName("mle_scanprio");
const silent = { info: () => {}, warn: () => {}, error: () => {} };
let testDb: TestDatabase;
let queue: ParseQueue;
let worker: Worker | undefined;
let requisitionId: string;

interface ScreenCall {
  file: string;
  ocrLater: boolean;
  deferred: boolean;
  started: number;
  ended: number;
  /** The scan's application while this file was read: its state and the pages it waits to OCR. */
  scanStatus?: string;
  scanPages?: number | null;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = createParseQueue(createWorkerConnection(TEST_REDIS_URL), prefix);
  requisitionId = (await testDb.db.requisition.create({ data: { title: "ML Engineer (scan priority)" } })).id;
});

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await closeOcrEngine();
  await testDb?.drop();
});

async function upload(name: string, bytes: Uint8Array): Promise<string> {
  // Not enqueued here: all the jobs are added together below, the scan first.
  const outcome = await intakeResume(
    { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
    { requisitionId, file: { name, bytes } },
  );
  if (!outcome.accepted) throw new Error(outcome.reason.message);
  return outcome.applicationId;
}

async function waitUntilFinished(ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const unfinished = await testDb.db.application.count({
      where: { id: { in: ids }, status: { in: ["QUEUED", "PROCESSING"] } },
    });
    if (unfinished === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`applications not finished within ${timeoutMs} ms`);
}

describe("scans wait behind text résumés", () => {
  it("reads an image-only PDF enqueued first only after the text résumés, by OCR, in one counted attempt", async () => {
    const scanProfile = ML_ENGINEER;
    const scan = makeScannedPdf([await renderGreyPage(makePdf(makeResumeLines(scanProfile)))]);
    const scanId = await upload("scan.pdf", scan);
    const texts = PROFILES.filter((profile) => profile.key !== scanProfile.key).slice(0, 4);
    const textIds: string[] = [];
    for (const profile of texts) textIds.push(await upload(`${profile.key}.pdf`, makePdf(makeResumeLines(profile))));
    const fileOf = new Map([[scanId, "scan.pdf"], ...textIds.map((id, i) => [id, `${texts[i]!.key}.pdf`] as const)]);

    const calls: ScreenCall[] = [];
    let reconciled = 0;
    const screen: ScreenFunction = async (bytes, options) => {
      const started = Date.now();
      const call: ScreenCall = {
        file: options.fileName,
        ocrLater: !!options.ocrLater,
        deferred: false,
        started,
        ended: 0,
      };
      if (options.fileName !== "scan.pdf") {
        const waiting = await testDb.db.application.findUniqueOrThrow({ where: { id: scanId } });
        call.scanStatus = waiting.status;
        call.scanPages = waiting.scanPages;
        // The reconciler's round while the scan waits: re-adding its job must be a no-op.
        reconciled += await reconcileUnfinishedApplications(testDb.db, (ids) => enqueueParseResumes(queue, ids), {
          olderThanMs: 0,
        });
      }
      const outcome = await screenJob(bytes, options);
      call.deferred = isOcrDeferred(outcome);
      call.ended = Date.now();
      calls.push(call);
      return outcome;
    };

    // Added together in one bulk, the scan at the head of the queue.
    await enqueueParseResumes(queue, [scanId, ...textIds]);
    // One slot, so "before" is strict: a text résumé never waits while the scan is read.
    worker = createParseWorker({
      db: testDb.db,
      screen,
      limits,
      connection: createWorkerConnection(TEST_REDIS_URL),
      prefix,
      concurrency: 1,
      lockMs: 30_000,
      log: silent,
    });
    // Jobs are removed once complete (create-job-queue.ts): what BullMQ counted is read as they complete.
    const completed = new Map<string, { attemptsMade: number; priority: number }>();
    worker.on("completed", (job) =>
      completed.set(job.data.applicationId, { attemptsMade: job.attemptsMade, priority: Number(job.priority) }),
    );
    await waitUntilFinished([scanId, ...textIds], 120_000);

    // First the scan's text-only reading, deferred; then every text résumé; then the scan's OCR.
    expect(calls.map(({ file, ocrLater, deferred }) => ({ file, ocrLater, deferred }))).toEqual([
      { file: "scan.pdf", ocrLater: true, deferred: true },
      ...textIds.map((id) => ({ file: fileOf.get(id), ocrLater: true, deferred: false })),
      { file: "scan.pdf", ocrLater: false, deferred: false },
    ]);
    const ocr = calls.at(-1)!;
    for (const text of calls.slice(1, -1)) expect(text.ended).toBeLessThanOrEqual(ocr.started);
    // The first reading took no OCR time.
    expect(calls[0]!.ended - calls[0]!.started).toBeLessThan(5_000);
    // While it waited, the scan was QUEUED (waiting in the queue, not "being read").
    expect(new Set(calls.slice(1, -1).map((call) => call.scanStatus))).toEqual(new Set(["QUEUED"]));
    // …and said it waits to OCR its one scanned page (what the screens show: "Waiting for OCR").
    expect(new Set(calls.slice(1, -1).map((call) => call.scanPages))).toEqual(new Set([1]));
    expect(reconciled).toBeGreaterThan(0);

    // Read in the end, by OCR, like its text version; the deferral counted as no attempt.
    const read = await testDb.db.application.findUniqueOrThrow({ where: { id: scanId }, include: { analysis: true } });
    expect(read.status).toBe("DONE");
    expect(read.attempts).toBe(1);
    expect(read.analysis?.textSource).toBe("ocr");
    expect(read.analysis?.text).toContain(scanProfile.email);
    // The row is DONE before BullMQ reports the job completed: wait for the event.
    await expect.poll(() => completed.get(scanId)).toEqual({ attemptsMade: 1, priority: SCAN_PRIORITY });
    expect(await queue.getJob(parseResumeJobId(scanId))).toBeUndefined();
    const done = await testDb.db.application.findMany({ where: { id: { in: textIds } } });
    // Text résumés never waited for OCR.
    expect(done.map((application) => [application.status, application.attempts, application.scanPages])).toEqual(
      textIds.map(() => ["DONE", 1, null]),
    );
  }, 150_000);
});
