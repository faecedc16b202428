// Merging two applications of one requisition that are the same person (issue 14, item 7): one
// candidate remains, with both files and the history of both. The kept application keeps its
// résumé, scores and stage; the other's file is kept beside it (ResumeFile.mergedIntoApplicationId,
// downloadable from the candidate page), its notes, stage changes and audit entries move to the
// kept application, and its row goes. When the two were different Candidate rows (the usual case:
// each upload makes one), the person's other applications move to the kept candidate and the
// empty row goes. All in one transaction with its audit entry; erasing the kept application later
// erases the merged file too (the foreign key cascades) and scrubs the moved audit entries.
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { prismaSql, readDuplicatePair, recordDuplicates } from "./duplicates.ts";

export interface MergeResult {
  keptId: string;
  mergedId: string;
  notesMoved: number;
  stageChangesMoved: number;
  auditEntriesMoved: number;
  filesKept: number;
}

export async function mergeCandidates(
  db: Db,
  actor: AuditActor,
  input: { requisitionId: string; keepId: string; mergeId: string; ip?: string | null },
): Promise<MergeResult> {
  const result = await db.$transaction(async (tx) => {
    // Read inside the transaction: a concurrent merge or erasure of either makes this a clear 404.
    const [keep, merge] = await readDuplicatePair(tx, input.requisitionId, input.keepId, input.mergeId);
    const notes = await tx.note.updateMany({ where: { applicationId: merge.id }, data: { applicationId: keep.id } });
    const stageChanges = await tx.stageChange.updateMany({
      where: { applicationId: merge.id },
      data: { applicationId: keep.id },
    });
    const audit = await tx.auditEntry.updateMany({
      where: { targetType: "application", targetId: merge.id },
      data: { targetId: keep.id },
    });
    const mergedAt = new Date();
    // Files merged into the merged application earlier come along; then its own file.
    await tx.resumeFile.updateMany({
      where: { mergedIntoApplicationId: merge.id },
      data: { mergedIntoApplicationId: keep.id },
    });
    await tx.resumeFile.update({
      where: { id: merge.resumeFileId },
      data: { mergedIntoApplicationId: keep.id, mergedAt },
    });
    // Its analysis and duplicate flags go with the row (cascades); the file stays (it is the parent).
    await tx.application.delete({ where: { id: merge.id } });

    if (merge.candidateId !== keep.candidateId) {
      const [kept, merged] = await Promise.all([
        tx.candidate.findUniqueOrThrow({
          where: { id: keep.candidateId },
          select: { name: true, email: true, phone: true },
        }),
        tx.candidate.findUniqueOrThrow({
          where: { id: merge.candidateId },
          select: { name: true, email: true, phone: true },
        }),
      ]);
      await tx.application.updateMany({
        where: { candidateId: merge.candidateId },
        data: { candidateId: keep.candidateId },
      });
      await tx.candidate.update({
        where: { id: keep.candidateId },
        data: { name: kept.name ?? merged.name, email: kept.email ?? merged.email, phone: kept.phone ?? merged.phone },
      });
      await tx.candidate.delete({ where: { id: merge.candidateId } });
    }
    const filesKept = 1 + (await tx.resumeFile.count({ where: { mergedIntoApplicationId: keep.id } }));

    // Ids and stages only: names stay out of the log (erasure scrubs entries by target id).
    await recordAudit(tx, actor, {
      action: "candidate.merge",
      summary: "Duplicate applications merged into one candidate (both files kept, history joined)",
      targetType: "application",
      targetId: keep.id,
      requisitionId: input.requisitionId,
      before: {
        kept: { applicationId: keep.id, stage: keep.stage, uploadedAt: keep.createdAt.toISOString() },
        merged: { applicationId: merge.id, stage: merge.stage, uploadedAt: merge.createdAt.toISOString() },
      },
      after: {
        applicationId: keep.id,
        filesKept,
        notesMoved: notes.count,
        stageChangesMoved: stageChanges.count,
        auditEntriesMoved: audit.count,
      },
      ip: input.ip ?? null,
    });
    return {
      keptId: keep.id,
      mergedId: merge.id,
      notesMoved: notes.count,
      stageChangesMoved: stageChanges.count,
      auditEntriesMoved: audit.count,
      filesKept,
    };
  });
  // Pairs the merged application had with a third one now belong to the kept one.
  await recordDuplicates(prismaSql(db), result.keptId);
  return result;
}
