// Erasing an applicant (a data subject's request, or retention): the résumé bytes, the extracted
// text and results, notes and stage history of one application go, and the Candidate row too
// when it has no other application. The audit log keeps one anonymised entry (ids and the action
// only), earlier entries about the application lose any personal data they held, and free text
// elsewhere that names the person (audit details and export filters, other candidates' notes,
// upload refusals) has their name, e-mail, phone and file name replaced (scrub-personal-data.ts).
import type { Db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { personalTerms, scrubberFor, type Scrubber } from "./scrub-personal-data.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ErasureResult {
  applicationId: string;
  requisitionId: string;
  candidateId: string;
  candidateRemoved: boolean;
  auditEntriesScrubbed: number;
}

/**
 * Anonymises earlier audit entries: those about the application, candidate or file keep their ids
 * and action but lose summary and before/after. Any other entry that mentions the person (an
 * export listing names, an export's search filter holding the surname) keeps its details with the
 * person's terms replaced by "[erased]". Name parts alone are scrubbed only within the person's
 * requisition (and entries of no requisition): another requisition's "Das" is someone else.
 */
async function scrubAuditEntries(
  tx: Tx,
  ids: string[],
  requisitionId: string,
  everywhere: Scrubber,
  nearby: Scrubber,
): Promise<number> {
  const about = await tx.auditEntry.updateMany({
    where: { targetId: { in: ids } },
    data: { summary: "Entry about a candidate who was later erased", before: undefined, after: undefined },
  });
  // before/after are JSON: Prisma's updateMany cannot null them, so SQL does.
  await tx.$executeRaw`UPDATE "AuditEntry" SET "before" = NULL, "after" = NULL WHERE "targetId" = ANY(${ids})`;
  if (nearby.sqlPattern === null) return about.count;
  const rows = await tx.$queryRaw<
    Array<{ id: string; requisitionId: string | null; summary: string; before: unknown; after: unknown }>
  >`
    SELECT "id", "requisitionId", "summary", "before", "after" FROM "AuditEntry"
    WHERE ("targetId" IS NULL OR NOT ("targetId" = ANY(${ids})))
      AND ("summary" ~* ${nearby.sqlPattern} OR coalesce("before"::text, '') ~* ${nearby.sqlPattern}
           OR coalesce("after"::text, '') ~* ${nearby.sqlPattern})`;
  let mentioned = 0;
  for (const row of rows) {
    const scrub = row.requisitionId === null || row.requisitionId === requisitionId ? nearby : everywhere;
    if (![row.summary, row.before, row.after].some(scrub.finds)) continue;
    await tx.auditEntry.update({
      where: { id: row.id },
      data: {
        summary: scrub.text(row.summary),
        before: row.before === null ? undefined : (scrub.json(row.before) as Prisma.InputJsonValue),
        after: row.after === null ? undefined : (scrub.json(row.after) as Prisma.InputJsonValue),
      },
    });
    mentioned += 1;
  }
  return about.count + mentioned;
}

/**
 * Notes on other applications that mention the person ("Stronger than D. Das on serving"), and
 * upload refusals that carry their file name. The person's remaining applications (another
 * requisition) keep their notes: they are still about a candidate who is there.
 */
async function scrubNotesAndRefusals(
  tx: Tx,
  candidateId: string,
  requisitionId: string,
  everywhere: Scrubber,
  nearby: Scrubber,
): Promise<void> {
  if (nearby.sqlPattern === null) return;
  const notes = await tx.$queryRaw<Array<{ id: string; body: string; requisitionId: string }>>`
    SELECT n."id", n."body", a."requisitionId" FROM "Note" n JOIN "Application" a ON a."id" = n."applicationId"
    WHERE a."candidateId" <> ${candidateId} AND n."body" ~* ${nearby.sqlPattern}`;
  for (const note of notes) {
    const scrub = note.requisitionId === requisitionId ? nearby : everywhere;
    const body = scrub.text(note.body);
    if (body !== note.body) await tx.note.update({ where: { id: note.id }, data: { body } });
  }
  const batches = await tx.$queryRaw<Array<{ id: string; refused: unknown }>>`
    SELECT "id", "refused" FROM "UploadBatch" WHERE "requisitionId" = ${requisitionId} AND "refused"::text ~* ${nearby.sqlPattern}`;
  for (const batch of batches) {
    await tx.uploadBatch.update({
      where: { id: batch.id },
      data: { refused: nearby.json(batch.refused) as Prisma.InputJsonValue },
    });
  }
}

export async function eraseApplication(
  db: Db,
  applicationId: string,
  actor: AuditActor,
  options: { ip?: string | null; reason?: "request" | "retention" } = {},
): Promise<ErasureResult> {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      select: {
        id: true,
        requisitionId: true,
        candidateId: true,
        resumeFileId: true,
        displayName: true,
        candidate: { select: { name: true, email: true, phone: true } },
        resumeFile: { select: { originalName: true } },
      },
    });
    if (!application) throw new AppError("not_found", `Application ${applicationId} does not exist (already erased?)`);
    const terms = personalTerms({
      names: [application.candidate.name, application.displayName],
      emails: [application.candidate.email],
      phones: [application.candidate.phone],
      fileNames: [application.resumeFile.originalName],
    });
    // Name parts alone only near the person (their requisition); full phrases everywhere.
    const nearby = scrubberFor(terms);
    const everywhere = scrubberFor({ phrases: terms.phrases, words: [] });

    // Explicit deletes (not only cascades) so the order and the scope are plain to read.
    await tx.note.deleteMany({ where: { applicationId } });
    await tx.stageChange.deleteMany({ where: { applicationId } });
    await tx.resumeAnalysis.deleteMany({ where: { applicationId } });
    await tx.application.delete({ where: { id: applicationId } });
    await tx.resumeFile.delete({ where: { id: application.resumeFileId } });
    const others = await tx.application.count({ where: { candidateId: application.candidateId } });
    if (others === 0) await tx.candidate.delete({ where: { id: application.candidateId } });

    const scrubbed = await scrubAuditEntries(
      tx,
      [applicationId, application.candidateId, application.resumeFileId],
      application.requisitionId,
      everywhere,
      nearby,
    );
    // When the candidate stays (another application), their name stays on that application's notes.
    if (others === 0)
      await scrubNotesAndRefusals(tx, application.candidateId, application.requisitionId, everywhere, nearby);
    await recordAudit(tx, actor, {
      action: "candidate.erase",
      summary:
        options.reason === "retention" ? "Application erased by the retention policy" : "Candidate erased on request",
      targetType: "application",
      targetId: applicationId,
      requisitionId: application.requisitionId,
      after: { applicationId, candidateId: application.candidateId, candidateRemoved: others === 0 },
      ip: options.ip ?? null,
    });
    return {
      applicationId,
      requisitionId: application.requisitionId,
      candidateId: application.candidateId,
      candidateRemoved: others === 0,
      auditEntriesScrubbed: scrubbed,
    };
  });
}
