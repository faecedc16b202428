// Stores (or replaces) a requisition's job posting, audited as "requisition.posting" in the same
// transaction. The audit entry names the file and the size and hash of the text, not the text.
import { createHash } from "node:crypto";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";

export interface JobPostingInput {
  /** The text the draft is read from (extracted and normalised for a file). */
  text: string;
  /** The file's sanitised name; null when pasted. */
  fileName: string | null;
}

export async function saveJobPosting(
  db: Db,
  requisitionId: string,
  posting: JobPostingInput,
  options: { actor: AuditActor; ip?: string | null },
): Promise<{ uploadedAt: Date }> {
  return db.$transaction(async (tx) => {
    const previous = await tx.jobPosting.findUnique({
      where: { requisitionId },
      select: { text: true, fileName: true },
    });
    const data = {
      text: posting.text,
      fileName: posting.fileName,
      uploadedById: options.actor.id,
      uploadedAt: new Date(),
    };
    const saved = await tx.jobPosting.upsert({
      where: { requisitionId },
      create: { requisitionId, ...data },
      update: data,
      select: { uploadedAt: true },
    });
    const source = posting.fileName ? `from ${posting.fileName}` : "pasted";
    await recordAudit(tx, options.actor, {
      action: "requisition.posting",
      summary: `Job posting ${previous ? "replaced" : "added"} (${source}, ${posting.text.length} characters)`,
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      before: previous ? summarise(previous) : null,
      after: summarise(posting),
      ip: options.ip ?? null,
    });
    return saved;
  });
}

function summarise(posting: { text: string; fileName: string | null }) {
  return {
    fileName: posting.fileName,
    characters: posting.text.length,
    sha256: createHash("sha256").update(posting.text).digest("hex"),
  };
}
