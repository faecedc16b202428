// Erasing an applicant (a data subject's request, or retention): the résumé bytes, the extracted
// text and results, notes and stage history of one application go, and the Candidate row too
// when it has no other application. The audit log keeps one anonymised entry (ids and the action
// only), and earlier entries about the application lose any personal data they held.
import type { Db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ErasureResult {
  applicationId: string;
  requisitionId: string;
  candidateId: string;
  candidateRemoved: boolean;
  auditEntriesScrubbed: number;
}

/** Strings short enough to match unrelated text ("Al", "CV") are not searched for. */
const MIN_NEEDLE = 4;

/** What identifies the person in free text: name, e-mail, phone, the shown name and the file name. */
function needlesOf(values: Array<string | null | undefined>): string[] {
  const needles = new Set<string>();
  for (const value of values) {
    const v = value?.trim();
    if (v && v.length >= MIN_NEEDLE) needles.add(v.toLowerCase());
  }
  return [...needles];
}

/**
 * Anonymises earlier audit entries: those about the application or candidate keep their ids and
 * action but lose summary and before/after; any other entry that mentions the person (e.g. an
 * export listing names) has the mention replaced and its before/after dropped.
 */
async function scrubAuditEntries(tx: Tx, ids: string[], needles: string[]): Promise<number> {
  const about = await tx.auditEntry.updateMany({
    where: { targetId: { in: ids } },
    data: { summary: "Entry about a candidate who was later erased", before: undefined, after: undefined },
  });
  // before/after are JSON: Prisma's updateMany cannot null them, so SQL does.
  await tx.$executeRaw`UPDATE "AuditEntry" SET "before" = NULL, "after" = NULL WHERE "targetId" = ANY(${ids})`;
  let mentioned = 0;
  for (const needle of needles) {
    mentioned += await tx.$executeRaw`
      UPDATE "AuditEntry"
      SET "summary" = regexp_replace("summary", ${escapeRegExp(needle)}, '[erased]', 'gi'),
          "before" = CASE WHEN strpos(lower(coalesce("before"::text, '')), ${needle}) > 0 THEN NULL ELSE "before" END,
          "after" = CASE WHEN strpos(lower(coalesce("after"::text, '')), ${needle}) > 0 THEN NULL ELSE "after" END
      WHERE strpos(lower("summary"), ${needle}) > 0
         OR strpos(lower(coalesce("before"::text, '')), ${needle}) > 0
         OR strpos(lower(coalesce("after"::text, '')), ${needle}) > 0`;
  }
  return about.count + mentioned;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
    const needles = needlesOf([
      application.candidate.name,
      application.candidate.email,
      application.candidate.phone,
      application.displayName,
      application.resumeFile.originalName,
    ]);

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
      needles,
    );
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
