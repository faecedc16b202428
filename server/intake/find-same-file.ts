// Re-uploading a file that is already in the requisition (issue 14, item 7): intake looks its
// SHA-256 up before storing anything, and refuses the copy with a reason that says when and as whom
// the person applied and links to that candidate, instead of silently creating a second row. The
// other duplicates (same e-mail or phone, a file merged earlier) are server/candidates/duplicates.ts.
// The label follows blind review: "as Candidate 7F3K2Q" while identity is hidden.
import type { Db } from "../db/client.ts";
import type { Stage } from "../generated/prisma/enums.ts";
import { anonymousLabel, identityVisible } from "../privacy/blind-review.ts";

/** "2 Dec" (this year) or "2 Dec 2025". */
export function shortDate(date: Date, now = new Date()): string {
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
    timeZone: "UTC",
  }).format(date);
}

export interface SameFile {
  applicationId: string;
  appliedAt: Date;
  label: string;
}

/**
 * The application of this requisition that already holds these exact bytes (its own file or one
 * merged into it), the earliest first; null when there is none. Served by the sha256 index.
 */
export async function findSameFile(db: Db, requisitionId: string, sha256: string): Promise<SameFile | null> {
  const [row] = await db.$queryRaw<
    Array<{ id: string; createdAt: Date; displayName: string | null; stage: Stage; blindReview: boolean }>
  >`
    SELECT a.id, a."createdAt", a."displayName", a.stage, r."blindReview"
    FROM "ResumeFile" f
    JOIN "Application" a ON a."resumeFileId" = f.id OR a.id = f."mergedIntoApplicationId"
    JOIN "Requisition" r ON r.id = a."requisitionId"
    WHERE f.sha256 = ${sha256} AND a."requisitionId" = ${requisitionId}
    ORDER BY a."createdAt", a.id
    LIMIT 1`;
  if (!row) return null;
  const label = identityVisible(row.blindReview, row.stage)
    ? (row.displayName ?? "Unnamed candidate")
    : anonymousLabel(row.id);
  return { applicationId: row.id, appliedAt: row.createdAt, label };
}

/** The intake reason for a file already in the requisition: "Already applied on 2 Dec as …". */
export function sameFileReason(same: SameFile, now = new Date()) {
  return {
    code: "duplicate",
    message:
      `Already applied on ${shortDate(same.appliedAt, now)} as ${same.label}: this exact file is in this ` +
      "requisition, so no second candidate was created.",
    applicationId: same.applicationId,
  };
}
