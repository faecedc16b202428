// Upload → queue → worker → stored result, against the real PostgreSQL and Redis.
import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { createParseQueue, enqueueParseResume, type ParseQueue } from "../../server/queue/parse-queue.ts";
import { PARSE_RESUME_QUEUE, parseResumeJobId } from "../../server/queue/parse-resume.job.ts";
import { createWorkerConnection } from "../../server/queue/redis.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import { reconcileUnfinishedApplications } from "../../workers/reconcile.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const prefix = uniqueName("mle_it");
let testDb: TestDatabase;
let queue: ParseQueue;
let worker: Worker;
let requisitionId: string;

async function waitForFinalStatus(applicationId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const app = await testDb.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    if (app.status === "DONE" || app.status === "FAILED") return app;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`application ${applicationId} did not finish in ${timeoutMs} ms`);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = createParseQueue(createWorkerConnection(TEST_REDIS_URL), prefix);
  worker = new Worker(PARSE_RESUME_QUEUE, async (job) => processParseResume({ db: testDb.db, limits }, job.data), {
    connection: createWorkerConnection(TEST_REDIS_URL),
    prefix,
    concurrency: 2,
  });
  const requisition = await testDb.db.requisition.create({ data: { title: "ML Engineer (integration)" } });
  requisitionId = requisition.id;
});

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await testDb?.drop();
});

const deps = () => ({
  db: testDb.db,
  enqueue: (id: string, options?: { scan?: boolean }) => enqueueParseResume(queue, id, options),
  maxBytes: limits.maxBytes,
});

describe("résumé pipeline", () => {
  it("stores the file, creates the application in one go, and the worker takes it to DONE", async () => {
    const profile = PROFILES[0]!;
    const bytes = makePdf(makeResumeText(profile).split("\n"));
    const outcome = await intakeResume(deps(), { requisitionId, file: { name: "../../etc/jane.pdf", bytes } });
    expect(outcome).toMatchObject({ accepted: true, status: "QUEUED", enqueued: true, fileName: "jane.pdf" });
    if (!outcome.accepted) throw new Error("refused");

    const stored = await testDb.db.application.findUniqueOrThrow({
      where: { id: outcome.applicationId },
      include: { resumeFile: true },
    });
    expect(stored.resumeFile.detectedType).toBe("PDF");
    expect(stored.resumeFile.sizeBytes).toBe(bytes.byteLength);
    expect(stored.resumeFile.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.compare(Buffer.from(stored.resumeFile.bytes), Buffer.from(bytes))).toBe(0);

    const done = await waitForFinalStatus(outcome.applicationId);
    expect(done.status).toBe("DONE");
    expect(done.failureCode).toBeNull();
    const analysis = await testDb.db.resumeAnalysis.findUniqueOrThrow({
      where: { applicationId: outcome.applicationId },
    });
    expect(analysis.format).toBe("PDF");
    expect(analysis.text).toContain(profile.email);
    expect(analysis.parserVersion).toMatch(/\d+\.\d+\.\d+/);
    const candidate = await testDb.db.candidate.findUniqueOrThrow({ where: { id: done.candidateId } });
    expect(candidate.email).toBe(profile.email);
    expect(candidate.name).toBe(profile.name);
    expect(done.displayName).toBe(profile.name);
  });

  it("reads a plain-text résumé", async () => {
    const profile = PROFILES[1]!;
    const outcome = await intakeResume(deps(), {
      requisitionId,
      file: { name: "cv.txt", bytes: new TextEncoder().encode(makeResumeText(profile)) },
    });
    if (!outcome.accepted) throw new Error("refused");
    const done = await waitForFinalStatus(outcome.applicationId);
    expect(done.status).toBe("DONE");
    const analysis = await testDb.db.resumeAnalysis.findUniqueOrThrow({
      where: { applicationId: outcome.applicationId },
    });
    expect(analysis.format).toBe("TXT");
  });

  it("records an unreadable file as FAILED with a named reason and queues nothing", async () => {
    // PNG scans are read by OCR; these 16 bytes are only a PNG's start, refused from the header.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const outcome = await intakeResume(deps(), { requisitionId, file: { name: "resume.pdf", bytes: png } });
    expect(outcome).toMatchObject({ accepted: true, status: "FAILED", reason: { code: "corrupt" } });
    if (!outcome.accepted) throw new Error("refused");
    const app = await testDb.db.application.findUniqueOrThrow({ where: { id: outcome.applicationId } });
    expect(app.failureCode).toBe("corrupt");
    expect(app.failureMessage).toMatch(/PNG image is cut short/);
    const gif = new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000");
    const refused = await intakeResume(deps(), { requisitionId, file: { name: "photo.gif", bytes: gif } });
    expect(refused).toMatchObject({ accepted: true, status: "FAILED", reason: { code: "unsupported_type" } });
    expect(await queue.getJob(parseResumeJobId(outcome.applicationId))).toBeUndefined();
  });

  it("queues a PNG scan behind text résumés (a BullMQ priority), and the worker reads it by OCR", async () => {
    // A valid 1 × 1 PNG: accepted, read by OCR, which finds no text in it.
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001" +
        "0d0a2db40000000049454e44ae426082",
      "hex",
    );
    const outcome = await intakeResume(deps(), { requisitionId, file: { name: "photo.png", bytes: png } });
    expect(outcome).toMatchObject({ accepted: true, status: "QUEUED" });
    if (!outcome.accepted) throw new Error("refused");
    const job = await queue.getJob(parseResumeJobId(outcome.applicationId));
    expect(job?.opts.priority).toBeGreaterThan(0);
    const text = await intakeResume(deps(), {
      requisitionId,
      file: { name: "jane.txt", bytes: new TextEncoder().encode("Jane Doe\nEngineer") },
    });
    if (!text.accepted) throw new Error("refused");
    expect((await queue.getJob(parseResumeJobId(text.applicationId)))?.opts.priority ?? 0).toBe(0);
    // The screens say "Waiting for OCR" for the photo from the start, nothing of the kind for the text.
    const rows = await testDb.db.application.findMany({
      where: { id: { in: [outcome.applicationId, text.applicationId] } },
    });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.scanPages]))).toEqual({
      [outcome.applicationId]: 1,
      [text.applicationId]: null,
    });
    const app = await waitForFinalStatus(outcome.applicationId, 50_000);
    expect(app).toMatchObject({ status: "FAILED", failureCode: "no_text" });
  }, 60_000);

  it("marks a broken PDF FAILED with its reason, without retrying it", async () => {
    const broken = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF");
    const outcome = await intakeResume(deps(), { requisitionId, file: { name: "broken.pdf", bytes: broken } });
    if (!outcome.accepted) throw new Error("refused");
    const failed = await waitForFinalStatus(outcome.applicationId);
    expect(failed.status).toBe("FAILED");
    expect(["corrupt", "no_text"]).toContain(failed.failureCode);
    expect(failed.attempts).toBe(1);
  });

  it("refuses empty and oversized files at the door, storing nothing", async () => {
    const before = await testDb.db.resumeFile.count();
    const empty = await intakeResume(deps(), { requisitionId, file: { name: "empty.pdf", bytes: new Uint8Array() } });
    expect(empty).toMatchObject({ accepted: false, reason: { code: "empty" } });
    const big = await intakeResume(
      { ...deps(), maxBytes: 1024 },
      { requisitionId, file: { name: "big.txt", bytes: new Uint8Array(2048).fill(65) } },
    );
    expect(big).toMatchObject({ accepted: false, reason: { code: "too_large" } });
    expect(await testDb.db.resumeFile.count()).toBe(before);
  });

  it("keeps the application QUEUED when Redis is unreachable, and the reconciler enqueues it later", async () => {
    const outcome = await intakeResume(
      { ...deps(), enqueue: async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")) },
      { requisitionId, file: { name: "later.txt", bytes: new TextEncoder().encode(makeResumeText(PROFILES[2]!)) } },
    );
    expect(outcome).toMatchObject({ accepted: true, status: "QUEUED", enqueued: false });
    if (!outcome.accepted) throw new Error("refused");
    const enqueueMany = async (ids: string[]) => {
      for (const id of ids) await enqueueParseResume(queue, id);
    };
    const count = await reconcileUnfinishedApplications(testDb.db, enqueueMany, { olderThanMs: 0, batch: 100 });
    expect(count).toBeGreaterThanOrEqual(1);
    expect((await waitForFinalStatus(outcome.applicationId)).status).toBe("DONE");
  });

  it("processes the same application twice into one result", async () => {
    const outcome = await intakeResume(deps(), {
      requisitionId,
      file: { name: "twice.txt", bytes: new TextEncoder().encode(makeResumeText(PROFILES[3]!)) },
    });
    if (!outcome.accepted) throw new Error("refused");
    await waitForFinalStatus(outcome.applicationId);
    // A re-delivered job (e.g. after a stalled worker) runs again: still exactly one analysis row.
    await testDb.db.application.update({ where: { id: outcome.applicationId }, data: { status: "QUEUED" } });
    const payload = { version: 1, applicationId: outcome.applicationId };
    expect(await processParseResume({ db: testDb.db, limits }, payload)).toBe("done");
    expect(await processParseResume({ db: testDb.db, limits }, payload)).toBe("skipped");
    expect(await testDb.db.resumeAnalysis.count({ where: { applicationId: outcome.applicationId } })).toBe(1);
  });

  it("rejects a malformed job payload without touching the database", async () => {
    await expect(processParseResume({ db: testDb.db, limits }, { applicationId: 42 })).rejects.toThrow(
      /Invalid job payload/,
    );
  });
});
