// Résumés OCR read with low confidence, against the real PostgreSQL and the worker's processor:
// they take the NEEDS_REVIEW processing state, are counted on the requisition and filtered, and stay
// out of every ranking (the table, a re-rank, the weights preview) until "Mark reviewed" moves them
// to DONE and ranks them from their stored area scores (audited, once); "Upload a new version" for a failed file
// (replaced, history kept, audited, queued) with its bad input: another requisition's id, an
// unsupported file (clear error, old file kept), the same bytes again, an application not failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import { listCandidates } from "../../server/candidates/list-candidates.ts";
import { markReviewed } from "../../server/candidates/mark-reviewed.ts";
import { countNeedsReview } from "../../server/candidates/count-needs-review.ts";
import { isRetryableFailure, replaceResume } from "../../server/candidates/replace-resume.ts";
import { isAppError } from "../../server/errors/app-error.ts";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { previewRanking } from "../../server/ranking/preview-ranking.ts";
import { rerankRequisition } from "../../server/ranking/rerank-requisition.ts";
import { DEFAULT_WEIGHTS } from "../../server/ranking/weights-schema.ts";
import { listRequisitions } from "../../server/requisitions/list-requisitions.ts";
import { AREA_IDS } from "../../server/taxonomy/areas.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import {
  BACKEND_ENGINEER,
  DATA_SCIENTIST,
  makeResumeText,
  ML_ENGINEER,
  RESEARCHER,
} from "../factories/resume-factory.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const encode = (text: string) => new TextEncoder().encode(text);
let testDb: TestDatabase;
let actor: { id: string; label: string };
let reqA: string;
let reqB: string;

async function appError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected an AppError");
}

/** Uploads a text résumé and processes it as if OCR had read it with `confidence`. */
async function uploadAsScan(requisitionId: string, name: string, text: string, confidence: number) {
  const outcome = await intakeResume(
    { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
    { requisitionId, file: { name, bytes: encode(text) } },
  );
  if (!outcome.accepted) throw new Error(outcome.reason.message);
  await processParseResume(
    {
      db: testDb.db,
      limits,
      screen: async (bytes, options) => {
        const screened = await screenResume(bytes, options);
        return { ...screened, textSource: "ocr", ocrConfidence: confidence, needsReview: confidence < 60 };
      },
    },
    { version: 1, applicationId: outcome.applicationId },
  );
  return outcome.applicationId;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = await testDb.db.user.create({ data: { email: "ocr@example.test", name: "Rec", role: "RECRUITER" } });
  actor = { id: user.id, label: user.email };
  reqA = (await testDb.db.requisition.create({ data: { title: "ML Engineer" } })).id;
  reqB = (await testDb.db.requisition.create({ data: { title: "Other" } })).id;
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
});

describe("needs review: a processing state, outside the ranking", () => {
  it("is counted on the requisition, filtered, and never ranked: not by the table, a re-rank or the preview", async () => {
    const { db } = testDb;
    const requisitionId = (await db.requisition.create({ data: { title: "Ranking without unsure scans" } })).id;
    const strong = await uploadAsScan(requisitionId, "strong.png", makeResumeText(ML_ENGINEER), 93);
    const unsure = await uploadAsScan(requisitionId, "unsure.png", makeResumeText(RESEARCHER), 38);
    expect(await db.application.findUniqueOrThrow({ where: { id: strong } })).toMatchObject({ status: "DONE" });
    expect(await db.application.findUniqueOrThrow({ where: { id: unsure } })).toMatchObject({
      status: "NEEDS_REVIEW",
      overallScore: null,
      productionScore: null,
      mlScore: null,
      areaScores: [],
    });
    // Even with a full area vector (as a future writer might store), the SQL formula skips the state.
    await db.application.update({ where: { id: unsure }, data: { areaScores: AREA_IDS.map(() => 90) } });

    const list = (params: string) =>
      listCandidates(db, requisitionId, parseCandidatesQuery(new URLSearchParams(params)));
    const page = await list("");
    expect(page.statusCounts).toMatchObject({ DONE: 1, NEEDS_REVIEW: 1 });
    expect(page.rows.map((row) => [row.id, row.status, row.overallScore === null])).toEqual([
      [strong, "DONE", false],
      [unsure, "NEEDS_REVIEW", true],
    ]);
    for (const params of ["status=NEEDS_REVIEW", "review=needed"]) {
      expect((await list(params)).rows.map((row) => row.id)).toEqual([unsure]);
    }
    // Scores above any threshold: only ranked résumés can match.
    expect((await list("overallMin=0")).rows.map((row) => row.id)).toEqual([strong]);
    const summary = (await listRequisitions(db)).find((r) => r.id === requisitionId)!;
    expect(summary.byStatus).toMatchObject({ DONE: 1, NEEDS_REVIEW: 1 });
    expect(await countNeedsReview(db, requisitionId)).toBe(1);

    // New weights: the re-rank scores the ranked résumé only; the table ranks from the formula
    // while the stored columns catch up, and skips the unsure scan there too.
    const weights = { ...DEFAULT_WEIGHTS, productionWeight: 0.8 };
    await db.requisition.update({ where: { id: requisitionId }, data: { weights, weightsVersion: 2 } });
    const whileRewriting = await list("");
    expect(whileRewriting.storedScoresCurrent).toBe(false);
    expect(whileRewriting.rows.find((row) => row.id === unsure)!.overallScore).toBeNull();
    expect(await rerankRequisition(db, requisitionId, weights, 2)).toBe(1);
    expect(await db.application.findUniqueOrThrow({ where: { id: unsure } })).toMatchObject({
      overallScore: null,
      weightsVersion: null,
    });
    const preview = await previewRanking(db, { id: requisitionId, blindReview: false }, weights, DEFAULT_WEIGHTS);
    expect(preview.scored).toBe(1);
    expect(preview.before.map((entry) => entry.id)).toEqual([strong]);

    // Reviewed: DONE, ranked under the current weights, counted as done.
    await markReviewed(db, actor, { requisitionId, applicationId: unsure });
    const ranked = await list("");
    expect(ranked.statusCounts).toMatchObject({ DONE: 2, NEEDS_REVIEW: 0 });
    expect(ranked.rows.every((row) => row.status === "DONE" && row.overallScore !== null)).toBe(true);
    expect((await previewRanking(db, { id: requisitionId, blindReview: false }, weights, DEFAULT_WEIGHTS)).scored).toBe(
      2,
    );
  }, 60_000);
});

describe("mark reviewed", () => {
  it("moves the application to DONE, ranks it from its analysis and audits it once", async () => {
    const { db } = testDb;
    const low = await uploadAsScan(reqA, "scan-low.png", makeResumeText(ML_ENGINEER), 41);
    const clear = await uploadAsScan(reqA, "scan-clear.png", makeResumeText(DATA_SCIENTIST), 92);
    const before = await db.application.findUniqueOrThrow({ where: { id: low }, include: { analysis: true } });
    expect(before.status).toBe("NEEDS_REVIEW");
    expect(before.overallScore).toBeNull();
    expect(before.analysis?.textSource).toBe("ocr");
    expect(before.analysis?.ocrConfidence).toBe(41);
    expect((await db.application.findUniqueOrThrow({ where: { id: clear } })).status).toBe("DONE");
    expect(await countNeedsReview(db, reqA)).toBe(1);
    expect(await countNeedsReview(db, reqB)).toBe(0);

    // Another requisition's id: not found, nothing changes.
    expect(await appError(markReviewed(db, actor, { requisitionId: reqB, applicationId: low }))).toMatchObject({
      code: "not_found",
    });
    // A clearly read résumé has nothing to review.
    expect(await appError(markReviewed(db, actor, { requisitionId: reqA, applicationId: clear }))).toMatchObject({
      code: "conflict",
    });

    const scores = await markReviewed(db, actor, { requisitionId: reqA, applicationId: low, ip: "10.0.0.1" });
    const after = await db.application.findUniqueOrThrow({ where: { id: low } });
    expect(after.status).toBe("DONE");
    expect(after.overallScore).toBeCloseTo(scores.overallScore, 6);
    expect(after.overallScore).toBeGreaterThan(0);
    expect(after.areaScores.length).toBeGreaterThan(0);
    expect(after.weightsVersion).toBe(1);
    expect(await countNeedsReview(db, reqA)).toBe(0);

    // Twice: the second is refused, one audit entry.
    expect(await appError(markReviewed(db, actor, { requisitionId: reqA, applicationId: low }))).toMatchObject({
      code: "conflict",
    });
    const audits = await db.auditEntry.findMany({ where: { action: "application.ocr_reviewed", targetId: low } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toContain("41% confidence");
    expect(audits[0]!.ip).toBe("10.0.0.1");
    expect(audits[0]).toMatchObject({ before: { status: "NEEDS_REVIEW" }, after: { status: "DONE" } });
  }, 60_000);
});

describe("upload a new version", () => {
  const deps = () => ({ db: testDb.db, enqueue: async () => {} });

  async function failedUpload(requisitionId: string, variant: number) {
    // An image format we do not read (GIF): kept as FAILED, unsupported_type.
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, variant, 0, 0, 0x3b]);
    const outcome = await intakeResume(
      { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
      { requisitionId, file: { name: "photo.gif", bytes: gif } },
    );
    if (!outcome.accepted || outcome.status !== "FAILED") throw new Error("expected a failed application");
    return outcome.applicationId;
  }

  it("says which failures a retry can fix", () => {
    expect(isRetryableFailure("timeout")).toBe(true);
    expect(isRetryableFailure("internal")).toBe(true);
    for (const code of ["unsupported_type", "encrypted", "empty", "no_text", "too_large", "corrupt"]) {
      expect(isRetryableFailure(code)).toBe(false);
    }
  });

  it("replaces the file, keeps the old one with the application, audits and queues it", async () => {
    const { db } = testDb;
    const id = await failedUpload(reqA, 1);
    const old = await db.application.findUniqueOrThrow({ where: { id }, include: { resumeFile: true } });
    expect(old.failureCode).toBe("unsupported_type");
    const queued: string[] = [];
    const result = await replaceResume({ db, enqueue: async (appId) => void queued.push(appId) }, actor, {
      requisitionId: reqA,
      applicationId: id,
      file: { name: "cv.txt", bytes: encode(makeResumeText(BACKEND_ENGINEER)) },
      maxBytes: limits.maxBytes,
    });
    expect(result).toEqual({ enqueued: true, fileName: "cv.txt" });
    expect(queued).toEqual([id]);
    const now = await db.application.findUniqueOrThrow({ where: { id }, include: { resumeFile: true } });
    expect(now.status).toBe("QUEUED");
    expect(now.failureCode).toBeNull();
    expect(now.resumeFile.originalName).toBe("cv.txt");
    expect(now.resumeFile.detectedType).toBe("TXT");
    expect(now.candidateId).toBe(old.candidateId);
    const kept = await db.resumeFile.findUniqueOrThrow({ where: { id: old.resumeFileId } });
    expect(kept.mergedIntoApplicationId).toBe(id);
    expect(kept.originalName).toBe("photo.gif");
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "application.file_replaced", targetId: id },
    });
    expect(audit.summary).toContain("“cv.txt” replaces “photo.gif”");
    // The worker reads the new file.
    await processParseResume({ db, limits }, { version: 1, applicationId: id });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
    // Now read: no longer replaceable here.
    expect(
      await appError(
        replaceResume(deps(), actor, {
          requisitionId: reqA,
          applicationId: id,
          file: { name: "again.txt", bytes: encode("x".repeat(50)) },
          maxBytes: limits.maxBytes,
        }),
      ),
    ).toMatchObject({ code: "conflict" });
  }, 60_000);

  it("replaces a scan waiting for review: its OCR reading goes with the old file, the new one is read", async () => {
    const { db } = testDb;
    const text = `${makeResumeText(DATA_SCIENTIST)}\nVolunteer: data clinic mentor.\n`;
    const id = await uploadAsScan(reqA, "blurry-scan.png", text, 38);
    const before = await db.application.findUniqueOrThrow({ where: { id } });
    expect(before.status).toBe("NEEDS_REVIEW");
    expect(await db.resumeAnalysis.count({ where: { applicationId: id } })).toBe(1);

    const queued: string[] = [];
    await replaceResume({ db, enqueue: async (appId) => void queued.push(appId) }, actor, {
      requisitionId: reqA,
      applicationId: id,
      file: { name: "cv.txt", bytes: encode(makeResumeText(ML_ENGINEER)) },
      maxBytes: limits.maxBytes,
    });
    expect(queued).toEqual([id]);
    const waiting = await db.application.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({
      status: "QUEUED",
      productionScore: null,
      overallScore: null,
      background: null,
      skillIds: [],
      areaScores: [],
      candidateId: before.candidateId,
    });
    expect(await db.resumeAnalysis.count({ where: { applicationId: id } })).toBe(0);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "application.file_replaced", targetId: id },
    });
    expect(audit.before).toMatchObject({ file: "blurry-scan.png", status: "NEEDS_REVIEW" });

    await processParseResume({ db, limits }, { version: 1, applicationId: id });
    const read = await db.application.findUniqueOrThrow({ where: { id } });
    expect(read.status).toBe("DONE");
    expect(read.overallScore).not.toBeNull();
    const analysis = await db.resumeAnalysis.findUniqueOrThrow({ where: { applicationId: id } });
    expect(analysis.textSource).toBe("text");
  }, 60_000);

  it("refuses bad input and keeps the old file", async () => {
    const { db } = testDb;
    const id = await failedUpload(reqA, 2);
    const old = await db.application.findUniqueOrThrow({ where: { id } });
    const attempt = (requisitionId: string, name: string, bytes: Uint8Array, maxBytes = limits.maxBytes) =>
      appError(replaceResume(deps(), actor, { requisitionId, applicationId: id, file: { name, bytes }, maxBytes }));

    // Another requisition's URL.
    expect(await attempt(reqB, "cv.txt", encode(makeResumeText(RESEARCHER)))).toMatchObject({
      code: "not_found",
    });
    // An unsupported type again: a clear reason, nothing replaced.
    const heic = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0]);
    const unsupported = await attempt(reqA, "photo.heic", heic);
    expect(unsupported.code).toBe("invalid_input");
    expect(unsupported.message).toMatch(/previous file was kept/);
    // Empty, too large.
    expect((await attempt(reqA, "empty.pdf", new Uint8Array())).message).toMatch(/empty/);
    expect((await attempt(reqA, "big.txt", encode("a".repeat(200)), 100)).message).toMatch(/limit/);
    // The same bytes as before.
    const sameBytes = (await db.resumeFile.findUniqueOrThrow({ where: { id: old.resumeFileId } })).bytes;
    expect((await attempt(reqA, "photo.gif", new Uint8Array(sameBytes))).code).toBe("invalid_input");

    const after = await db.application.findUniqueOrThrow({ where: { id } });
    expect(after.resumeFileId).toBe(old.resumeFileId);
    expect(after.status).toBe("FAILED");
    expect(await db.auditEntry.count({ where: { action: "application.file_replaced", targetId: id } })).toBe(0);
  }, 60_000);
});

describe("needs-review filter", () => {
  it("?review=needed lists only the flagged résumés; a bad value is a clear error", async () => {
    const { db } = testDb;
    const { parseCandidatesQuery } = await import("../../server/candidates/candidates-query.ts");
    const { listCandidates, loadRankingContext } = await import("../../server/candidates/list-candidates.ts");
    const req = (await db.requisition.create({ data: { title: "Scans" } })).id;
    const flagged = await uploadAsScan(req, "blurry.png", makeResumeText(DATA_SCIENTIST), 35);
    await uploadAsScan(req, "sharp.png", makeResumeText(ML_ENGINEER), 91);
    const requisition = await db.requisition.findUniqueOrThrow({ where: { id: req } });
    const ranking = await loadRankingContext(db, req, requisition);
    const only = await listCandidates(db, req, parseCandidatesQuery(new URLSearchParams("review=needed")), ranking);
    expect(only.rows.map((row) => row.id)).toEqual([flagged]);
    const all = await listCandidates(db, req, parseCandidatesQuery(new URLSearchParams()), ranking);
    expect(all.rows).toHaveLength(2);
    expect(await countNeedsReview(db, req)).toBe(1);
    expect(() => parseCandidatesQuery(new URLSearchParams("review=yes"))).toThrow(/review/);
  }, 60_000);
});
