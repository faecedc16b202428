// Duplicate detection and merging against the real PostgreSQL, through the real entry points:
// intake refuses the same bytes in the same requisition (and says where they are), the worker's
// processor flags the same e-mail or phone, the table's marks and the candidate page's view
// (membership and blind review), "keep both" and merge (files, notes, stage history and audit
// joined; both audited), and bad input: self, another requisition, ids that do not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeStage } from "../../server/candidates/change-stage.ts";
import {
  candidateDuplicates,
  duplicateMarks,
  keepBoth,
  prismaSql,
  recordDuplicates,
} from "../../server/candidates/duplicates.ts";
import { downloadResume } from "../../server/candidates/download-resume.ts";
import { mergeCandidates } from "../../server/candidates/merge-candidates.ts";
import { addNote, listNotes } from "../../server/candidates/notes.ts";
import { isAppError } from "../../server/errors/app-error.ts";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { getUploadBatch } from "../../server/intake/get-upload-batch.ts";
import { intakeUpload } from "../../server/intake/intake-upload.ts";
import { eraseApplication } from "../../server/privacy/erase-candidate.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { BACKEND_ENGINEER, DATA_SCIENTIST, makeResumeText, ML_ENGINEER } from "../factories/resume-factory.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
let testDb: TestDatabase;
let actor: { id: string; label: string };
let member: { id: string; role: "RECRUITER" };
let reqA: string;
let reqB: string;
let reqHidden: string;
let reqBlind: string;

const encode = (text: string) => new TextEncoder().encode(text);

async function upload(requisitionId: string, name: string, bytes: Uint8Array) {
  const outcome = await intakeResume(
    { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
    { requisitionId, file: { name, bytes } },
  );
  if (outcome.accepted) {
    await processParseResume({ db: testDb.db, limits }, { version: 1, applicationId: outcome.applicationId });
  }
  return outcome;
}

async function uploaded(requisitionId: string, name: string, bytes: Uint8Array): Promise<string> {
  const outcome = await upload(requisitionId, name, bytes);
  if (!outcome.accepted) throw new Error(`refused ${name}: ${outcome.reason.message}`);
  return outcome.applicationId;
}

async function appError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected an AppError");
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const user = await db.user.create({ data: { email: "rec@example.test", name: "Rec", role: "RECRUITER" } });
  actor = { id: user.id, label: user.email };
  member = { id: user.id, role: "RECRUITER" };
  reqA = (await db.requisition.create({ data: { title: "ML Engineer" } })).id;
  reqB = (await db.requisition.create({ data: { title: "ML Platform" } })).id;
  reqHidden = (await db.requisition.create({ data: { title: "Secret team" } })).id;
  reqBlind = (await db.requisition.create({ data: { title: "Blind one", blindReview: true } })).id;
  for (const requisitionId of [reqA, reqB, reqBlind]) {
    await db.requisitionMember.create({ data: { requisitionId, userId: user.id } });
  }
}, 60_000);

afterAll(() => testDb?.drop());

describe("the same file in the same requisition", () => {
  it("is refused at intake with when and as whom the person applied, linking to that candidate; no second row", async () => {
    const bytes = makePdf(makeResumeText(ML_ENGINEER).split("\n"));
    const first = await uploaded(reqA, "priya.pdf", bytes);
    const before = await testDb.db.application.count({ where: { requisitionId: reqA } });
    const again = await upload(reqA, "priya (copy).pdf", bytes);
    expect(again.accepted).toBe(false);
    if (again.accepted) return;
    expect(again.reason.code).toBe("duplicate");
    expect(again.reason.applicationId).toBe(first);
    const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(
      new Date(),
    );
    expect(again.reason.message).toBe(
      `Already applied on ${day} as ${ML_ENGINEER.name}: this exact file is in this requisition, so no second candidate was created.`,
    );
    expect(await testDb.db.application.count({ where: { requisitionId: reqA } })).toBe(before);
  });

  it("keeps the link in the upload batch's refusals, also for a copy within one upload", async () => {
    const bytes = encode(makeResumeText(DATA_SCIENTIST));
    const receipt = await intakeUpload(
      {
        db: testDb.db,
        enqueue: async () => {},
        limits: { maxFileBytes: limits.maxBytes, maxFiles: 10, maxZipBytes: 1e8 },
      },
      {
        requisitionId: reqA,
        uploadedById: actor.id,
        files: [
          { name: "sofia.txt", source: { bytes }, size: bytes.byteLength },
          { name: "sofia-again.txt", source: { bytes }, size: bytes.byteLength },
        ],
      },
    );
    const stored = receipt.outcomes.find((o) => o.accepted);
    expect(stored?.accepted && stored.applicationId).toBeTruthy();
    const view = await getUploadBatch(testDb.db, { requisitionId: reqA, batchId: receipt.batchId, viewerId: actor.id });
    expect(view?.refused).toEqual([
      expect.objectContaining({ code: "duplicate", applicationId: stored?.accepted ? stored.applicationId : "" }),
    ]);
    const batch = await testDb.db.uploadBatch.findUniqueOrThrow({ where: { id: receipt.batchId } });
    expect(batch.refused).toEqual([
      expect.objectContaining({
        fileName: "sofia-again.txt",
        code: "duplicate",
        applicationId: stored?.accepted ? stored.applicationId : "",
      }),
    ]);
  });

  it("is accepted in another requisition (each requisition has its own candidates)", async () => {
    const bytes = makePdf(makeResumeText(ML_ENGINEER).split("\n"));
    const outcome = await upload(reqB, "priya.pdf", bytes);
    expect(outcome.accepted).toBe(true);
  });

  it("masks the name in the refusal under blind review", async () => {
    const bytes = encode(makeResumeText(BACKEND_ENGINEER));
    const first = await uploaded(reqBlind, "marcus.txt", bytes);
    const again = await upload(reqBlind, "marcus.txt", bytes);
    expect(again.accepted).toBe(false);
    if (again.accepted) return;
    expect(again.reason.message).toContain(
      `as Candidate ${first
        .replace(/[^a-z0-9]/gi, "")
        .slice(-6)
        .toUpperCase()}:`,
    );
    expect(again.reason.message).not.toContain(BACKEND_ENGINEER.name);
  });
});

describe("the same e-mail or phone (a new version of the résumé)", () => {
  let original: string;
  let newer: string;

  beforeAll(async () => {
    const base = makeResumeText(BACKEND_ENGINEER);
    original = await uploaded(reqA, "marcus-2025.txt", encode(base));
    newer = await uploaded(reqA, "marcus-2026.txt", encode(`${base}\nAlso: Kubernetes operators in production.\n`));
  }, 60_000);

  it("is flagged by the worker after reading the contact, on both rows, the earlier one named", async () => {
    const marks = await duplicateMarks(testDb.db, [original, newer]);
    expect(marks[newer]).toEqual([
      expect.objectContaining({ otherId: original, earlier: true, label: BACKEND_ENGINEER.name }),
    ]);
    expect(marks[newer]![0]!.reasons).toEqual(["email", "phone"]);
    expect(marks[original]).toEqual([expect.objectContaining({ otherId: newer, earlier: false })]);
    // Idempotent: re-reading either application writes no second pair.
    await recordDuplicates(prismaSql(testDb.db), original);
    await recordDuplicates(prismaSql(testDb.db), newer);
    expect(await testDb.db.duplicateFlag.count({ where: { OR: [{ applicationId: newer }, { matchId: newer }] } })).toBe(
      1,
    );
  });

  it("'keep both' clears the flag and is audited; a second 'keep both' is a conflict", async () => {
    await keepBoth(testDb.db, actor, { requisitionId: reqA, applicationId: newer, otherId: original });
    expect(await duplicateMarks(testDb.db, [original, newer])).toEqual({});
    const page = await candidateDuplicates(testDb.db, { applicationId: newer, viewer: member, identityShown: true });
    expect(page.inRequisition).toEqual([expect.objectContaining({ otherId: original, keptBoth: true })]);
    const audit = await testDb.db.auditEntry.findFirstOrThrow({ where: { action: "candidate.duplicate_kept" } });
    expect(audit).toMatchObject({ targetId: newer, requisitionId: reqA, actorLabel: actor.label });
    expect(audit.after).toEqual({ applicationIds: [newer, original] });
    expect(
      await appError(keepBoth(testDb.db, actor, { requisitionId: reqA, applicationId: newer, otherId: original })),
    ).toMatchObject({ code: "conflict", status: 409 });
  });
});

describe("merge", () => {
  let keep: string;
  let merge: string;

  beforeAll(async () => {
    const base = makeResumeText(DATA_SCIENTIST)
      .replace(DATA_SCIENTIST.email, "sofia.h@example.net")
      .replace(DATA_SCIENTIST.phone, "+34 600 111 222");
    keep = await uploaded(reqA, "sofia-cv.txt", encode(base));
    merge = await uploaded(reqA, "sofia-cv-v2.txt", encode(`${base}\nRecent: PyTorch model serving.\n`));
    await addNote(testDb.db, { applicationId: merge, authorId: actor.id, body: "Called her on Monday." });
    await changeStage(testDb.db, actor, { requisitionId: reqA, applicationIds: [merge], toStage: "SCREENING" });
  }, 60_000);

  it("refuses a candidate with itself (400), another requisition's candidate (400) and unknown ids (404)", async () => {
    expect(
      await appError(mergeCandidates(testDb.db, actor, { requisitionId: reqA, keepId: keep, mergeId: keep })),
    ).toMatchObject({ code: "invalid_input", status: 400 });
    const elsewhere = await uploaded(reqB, "other.txt", encode(makeResumeText(DATA_SCIENTIST)));
    const across = await appError(
      mergeCandidates(testDb.db, actor, { requisitionId: reqA, keepId: keep, mergeId: elsewhere }),
    );
    expect(across).toMatchObject({ code: "invalid_input", status: 400 });
    expect(across.message).toMatch(/different requisitions/);
    expect(
      await appError(mergeCandidates(testDb.db, actor, { requisitionId: reqA, keepId: keep, mergeId: "nope" })),
    ).toMatchObject({ code: "not_found", status: 404 });
    expect(
      await appError(mergeCandidates(testDb.db, actor, { requisitionId: reqB, keepId: keep, mergeId: merge })),
    ).toMatchObject({ code: "not_found", status: 404 });
    expect(await testDb.db.application.count({ where: { id: { in: [keep, merge] } } })).toBe(2);
  });

  it("leaves one candidate with both files, the notes, stage history and audit entries of both, audited", async () => {
    const auditBefore = await testDb.db.auditEntry.count({ where: { targetId: merge } });
    expect(auditBefore).toBeGreaterThan(0);
    const mergeRow = await testDb.db.application.findUniqueOrThrow({
      where: { id: merge },
      select: { resumeFileId: true, candidateId: true },
    });
    const result = await mergeCandidates(testDb.db, actor, { requisitionId: reqA, keepId: keep, mergeId: merge });
    expect(result).toMatchObject({ keptId: keep, mergedId: merge, notesMoved: 1, stageChangesMoved: 1, filesKept: 2 });
    expect(result.auditEntriesMoved).toBe(auditBefore);

    expect(await testDb.db.application.findUnique({ where: { id: merge } })).toBeNull();
    expect(await testDb.db.candidate.findUnique({ where: { id: mergeRow.candidateId } })).toBeNull();
    const file = await testDb.db.resumeFile.findUniqueOrThrow({ where: { id: mergeRow.resumeFileId } });
    expect(file.mergedIntoApplicationId).toBe(keep);
    expect((await listNotes(testDb.db, keep)).map((n) => n.body)).toEqual(["Called her on Monday."]);
    expect(await testDb.db.stageChange.count({ where: { applicationId: keep } })).toBe(1);
    expect(await testDb.db.auditEntry.count({ where: { targetId: merge } })).toBe(0);

    const entry = await testDb.db.auditEntry.findFirstOrThrow({ where: { action: "candidate.merge" } });
    expect(entry).toMatchObject({ targetId: keep, requisitionId: reqA, actorLabel: actor.label });
    expect(entry.before).toMatchObject({
      kept: { applicationId: keep, stage: "NEW" },
      merged: { applicationId: merge, stage: "SCREENING" },
    });
    expect(JSON.stringify([entry.summary, entry.before, entry.after])).not.toContain(DATA_SCIENTIST.name);

    const page = await candidateDuplicates(testDb.db, { applicationId: keep, viewer: member, identityShown: true });
    expect(page.mergedFiles).toEqual([expect.objectContaining({ id: file.id, fileName: "sofia-cv-v2.txt" })]);
    expect(page.inRequisition).toEqual([]);
    const hidden = await candidateDuplicates(testDb.db, { applicationId: keep, viewer: member, identityShown: false });
    expect(hidden.mergedFiles[0]!.fileName).toBeNull();

    // The merged file downloads from the kept candidate, audited; a file of another candidate does not.
    const download = await downloadResume(testDb.db, actor, {
      requisitionId: reqA,
      applicationId: keep,
      fileId: file.id,
    });
    expect(new TextDecoder().decode(download.bytes)).toContain("Recent: PyTorch model serving.");
    expect(
      await appError(downloadResume(testDb.db, actor, { requisitionId: reqA, applicationId: keep, fileId: "x" })),
    ).toMatchObject({ status: 404 });

    // Re-uploading the merged file finds the kept candidate.
    const again = await upload(reqA, "sofia-cv-v2.txt", file.bytes);
    expect(again.accepted === false && again.reason.applicationId).toBe(keep);

    // A merged application is gone: merging it again is a clear 404.
    expect(
      await appError(mergeCandidates(testDb.db, actor, { requisitionId: reqA, keepId: keep, mergeId: merge })),
    ).toMatchObject({ status: 404 });
  });

  it("erasing the kept candidate erases the merged file too", async () => {
    const files = await testDb.db.resumeFile.findMany({
      where: { mergedIntoApplicationId: keep },
      select: { id: true },
    });
    await eraseApplication(testDb.db, keep, actor);
    expect(await testDb.db.resumeFile.count({ where: { id: { in: files.map((f) => f.id) } } })).toBe(0);
  });
});

describe("also applied to (other requisitions)", () => {
  it("lists the same person's applications only in requisitions the viewer is a member of, masked under blind review", async () => {
    const text = makeResumeText(ML_ENGINEER).replace(ML_ENGINEER.name, "Priya R. Raman");
    const here = await uploaded(reqB, "priya-platform.txt", encode(text));
    await uploaded(reqHidden, "priya-secret.txt", encode(`${text}\n`));
    const shown = await candidateDuplicates(testDb.db, { applicationId: here, viewer: member, identityShown: true });
    const titles = shown.elsewhere.map((other) => other.requisitionTitle);
    expect(titles).toContain("ML Engineer");
    expect(titles).not.toContain("Secret team");
    expect(shown.elsewhere.find((o) => o.requisitionTitle === "ML Engineer")).toMatchObject({
      label: ML_ENGINEER.name,
      linkable: true,
    });
    const admin = await candidateDuplicates(testDb.db, {
      applicationId: here,
      viewer: { id: "admin", role: "ADMIN" },
      identityShown: true,
    });
    expect(admin.elsewhere.map((o) => o.requisitionTitle)).toContain("Secret team");
    const masked = await candidateDuplicates(testDb.db, { applicationId: here, viewer: member, identityShown: false });
    for (const other of masked.elsewhere) {
      expect(other.label).toMatch(/^Candidate [A-Z0-9]{6}$/);
      expect(other.linkable).toBe(false);
    }
  });
});
