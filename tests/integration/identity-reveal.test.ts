// Blind review per person (issue 13, defect 6), against the real PostgreSQL: "Reveal contact for
// this file" on an unreadable file (reason required, audited, shown to the team, to that person
// only, refused cleanly otherwise), and "seen once, stays seen" when a shortlisted candidate is
// moved back to Screening. See server/privacy/identity-reveal.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeStage } from "../../server/candidates/change-stage.ts";
import { downloadResume } from "../../server/candidates/download-resume.ts";
import { getCandidate } from "../../server/candidates/get-candidate.ts";
import {
  IDENTITY_REVEAL_ACTION,
  IDENTITY_SEEN_ACTION,
  recordIdentitySeen,
  revealIdentity,
  rowsForViewer,
} from "../../server/privacy/identity-reveal.ts";
import { makeResumeText, ML_ENGINEER } from "../factories/resume-factory.ts";
import { addResume as addParsedResume } from "../support/add-resume.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const now = new Date("2026-11-22T00:00:00Z");
let testDb: TestDatabase;
let riley: { id: string; label: string };
let sam: { id: string; label: string };
let blindId: string;
let openId: string;
let failedApp: string;
let readApp: string;
let openFailedApp: string;

const addResume = (requisitionId: string, name: string, bytes: Uint8Array) =>
  addParsedResume({ db: testDb.db, limits, now }, requisitionId, { name, bytes });

/** A file that passes intake but cannot be read: a PDF header and nothing a parser can use. */
const brokenPdf = () => new TextEncoder().encode("%PDF-1.7\n" + "garbage ".repeat(64));

const audit = (action: string, targetId: string) =>
  testDb.db.auditEntry.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const users = await Promise.all(
    ["riley", "sam"].map((who) =>
      db.user.create({ data: { email: `${who}@example.test`, name: who, role: "RECRUITER" } }),
    ),
  );
  riley = { id: users[0]!.id, label: users[0]!.email };
  sam = { id: users[1]!.id, label: users[1]!.email };
  blindId = (await db.requisition.create({ data: { title: "ML Engineer (blind)", blindReview: true } })).id;
  openId = (await db.requisition.create({ data: { title: "ML Engineer" } })).id;
  failedApp = await addResume(blindId, "Quentin Secretname CV.pdf", brokenPdf());
  readApp = await addResume(blindId, "Priya Raman CV.txt", new TextEncoder().encode(makeResumeText(ML_ENGINEER)));
  openFailedApp = await addResume(openId, "Open CV.pdf", brokenPdf());
}, 120_000);

afterAll(() => testDb?.drop());

describe("Reveal contact for this file (blind review, unreadable file)", () => {
  it("is set up with a failed file whose identity is hidden", async () => {
    const row = await testDb.db.application.findUniqueOrThrow({ where: { id: failedApp } });
    expect(row.status).toBe("FAILED");
    const page = (await getCandidate(testDb.db, {
      requisitionId: blindId,
      applicationId: failedApp,
      viewerId: riley.id,
    }))!;
    expect(page.identity).toMatchObject({ visible: false, revealed: false, fileName: null });
    expect(JSON.stringify(page)).not.toContain("Secretname");
  });

  it.each([
    ["no reason", "", /at least 10 characters/],
    ["a too short reason", "   why   ", /at least 10 characters/],
    ["a too long reason", "x".repeat(501), /under 500 characters/],
  ])("refuses %s with a clear message and writes nothing", async (_case, reason, message) => {
    await expect(
      revealIdentity(testDb.db, riley, { requisitionId: blindId, applicationId: failedApp, reason }),
    ).rejects.toMatchObject({ code: "invalid_input", message: expect.stringMatching(message) });
    expect(await audit(IDENTITY_REVEAL_ACTION, failedApp)).toHaveLength(0);
  });

  it("refuses a file that was read, a candidate of another requisition, and a requisition without blind review", async () => {
    const reason = "Need to ask for a PDF copy";
    await expect(
      revealIdentity(testDb.db, riley, { requisitionId: blindId, applicationId: readApp, reason }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Only a file that could not be read/) });
    await expect(
      revealIdentity(testDb.db, riley, { requisitionId: openId, applicationId: failedApp, reason }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      revealIdentity(testDb.db, riley, { requisitionId: openId, applicationId: openFailedApp, reason }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already shown/) });
    expect(await audit(IDENTITY_REVEAL_ACTION, readApp)).toHaveLength(0);
  });

  it("shows the identity and the file to that person only, audited with the reason and listed for the team", async () => {
    const reason = "  The PDF is damaged; asking the candidate for another copy  ";
    await revealIdentity(testDb.db, riley, {
      requisitionId: blindId,
      applicationId: failedApp,
      reason,
      ip: "203.0.113.7",
    });

    const forRiley = (await getCandidate(testDb.db, {
      requisitionId: blindId,
      applicationId: failedApp,
      viewerId: riley.id,
    }))!;
    expect(forRiley.identity).toMatchObject({
      visible: true,
      revealed: true,
      fileName: "Quentin Secretname CV.pdf",
    });
    expect(forRiley.file.downloadable).toBe(true);
    await expect(
      downloadResume(testDb.db, riley, { requisitionId: blindId, applicationId: failedApp }),
    ).resolves.toMatchObject({ fileName: expect.stringContaining("Secretname") });

    // Sam, on the same team, still sees a neutral label, cannot download, but sees who revealed it and why.
    const forSam = (await getCandidate(testDb.db, {
      requisitionId: blindId,
      applicationId: failedApp,
      viewerId: sam.id,
    }))!;
    expect(forSam.identity).toMatchObject({ visible: false, revealed: false, fileName: null });
    expect(forSam.reveals).toEqual([
      { by: riley.label, at: expect.any(String), kind: "revealed", reason: reason.trim() },
    ]);
    expect(JSON.stringify(forSam)).not.toContain("Secretname");
    await expect(
      downloadResume(testDb.db, sam, { requisitionId: blindId, applicationId: failedApp }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const [entry, ...more] = await audit(IDENTITY_REVEAL_ACTION, failedApp);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: riley.id,
      targetType: "application",
      requisitionId: blindId,
      after: { reason: reason.trim() },
      ip: "203.0.113.7",
    });
    expect(entry!.summary).not.toContain("Secretname");

    // The table: Riley's row carries the file name, Sam's the neutral label.
    const row = {
      id: failedApp,
      stage: "NEW" as const,
      name: null,
      fileName: null,
      label: "Candidate X",
      identityHidden: true,
    };
    const blind = { id: blindId, blindReview: true };
    expect(await rowsForViewer(testDb.db, riley, blind, [row])).toEqual([
      expect.objectContaining({ identityHidden: false, fileName: "Quentin Secretname CV.pdf" }),
    ]);
    expect(await rowsForViewer(testDb.db, sam, blind, [row])).toEqual([row]);
  });

  it("refuses a second reveal by the same person (nothing new written)", async () => {
    await expect(
      revealIdentity(testDb.db, riley, {
        requisitionId: blindId,
        applicationId: failedApp,
        reason: "Asking again for another copy",
      }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already revealed/) });
    expect(await audit(IDENTITY_REVEAL_ACTION, failedApp)).toHaveLength(1);
  });
});

describe("moving a shortlisted candidate back (seen once, stays seen)", () => {
  it("keeps the identity shown to those who saw it while shortlisted, and hides it from the others", async () => {
    await changeStage(testDb.db, riley, { requisitionId: blindId, applicationIds: [readApp], toStage: "SHORTLISTED" });
    // Riley opens the shortlisted candidate (the page records it once, even when opened twice).
    const application = { id: readApp, requisitionId: blindId, stage: "SHORTLISTED" as const, blindReview: true };
    await recordIdentitySeen(testDb.db, riley, [application]);
    await recordIdentitySeen(testDb.db, riley, [application]);
    expect(await audit(IDENTITY_SEEN_ACTION, readApp)).toHaveLength(1);

    await changeStage(testDb.db, riley, { requisitionId: blindId, applicationIds: [readApp], toStage: "SCREENING" });
    const forRiley = (await getCandidate(testDb.db, {
      requisitionId: blindId,
      applicationId: readApp,
      viewerId: riley.id,
    }))!;
    expect(forRiley.identity).toMatchObject({ visible: true, revealed: true, name: ML_ENGINEER.name });
    const forSam = (await getCandidate(testDb.db, {
      requisitionId: blindId,
      applicationId: readApp,
      viewerId: sam.id,
    }))!;
    expect(forSam.identity).toMatchObject({ visible: false, name: null });
    expect(JSON.stringify(forSam.resume?.segments)).not.toContain(ML_ENGINEER.name);
    expect(forSam.reveals).toEqual([expect.objectContaining({ by: riley.label, kind: "seen", reason: null })]);

    // Not shortlisted any more: looking again records nothing new for anyone.
    await recordIdentitySeen(testDb.db, sam, [{ ...application, stage: "SCREENING" }]);
    expect(await audit(IDENTITY_SEEN_ACTION, readApp)).toHaveLength(1);
  });

  it("records nothing on a requisition without blind review", async () => {
    await recordIdentitySeen(testDb.db, riley, [
      { id: openFailedApp, requisitionId: openId, stage: "SHORTLISTED", blindReview: false },
    ]);
    expect(await audit(IDENTITY_SEEN_ACTION, openFailedApp)).toHaveLength(0);
  });
});
