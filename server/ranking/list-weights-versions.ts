// The saved versions of a requisition's weights, newest first, with where each came from: set by
// hand in the editor, or drafted from the job posting and accepted by the person who saved it
// (with how many suggestions they accepted and rejected). For the editor's version note.
import type { Db } from "../db/client.ts";

export interface WeightsVersionView {
  version: number;
  createdAt: Date;
  /** Who saved it (for a posting draft: who accepted it); null for the first, default version or a removed user. */
  savedBy: string | null;
  origin: "editor" | "posting";
  /** For a posting draft: suggestions accepted and rejected, and the posting's file (null when pasted). */
  review: { accepted: number; rejected: string[]; postingFileName: string | null } | null;
}

export async function listWeightsVersions(db: Db, requisitionId: string, limit = 10): Promise<WeightsVersionView[]> {
  const rows = await db.requisitionWeightsVersion.findMany({
    where: { requisitionId },
    orderBy: { version: "desc" },
    take: limit,
    select: { version: true, createdAt: true, createdById: true, origin: true, review: true },
  });
  // createdById has no relation in the schema (a version outlives its author): names are read in one query.
  const ids = [...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : [])))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    savedBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
    origin: row.origin === "posting" ? "posting" : "editor",
    review: row.origin === "posting" ? readReview(row.review) : null,
  }));
}

function readReview(value: unknown): WeightsVersionView["review"] {
  const review = (value ?? {}) as { accepted?: unknown; rejected?: unknown; postingFileName?: unknown };
  return {
    accepted: Array.isArray(review.accepted) ? review.accepted.length : 0,
    rejected: Array.isArray(review.rejected)
      ? review.rejected.filter((id): id is string => typeof id === "string")
      : [],
    postingFileName: typeof review.postingFileName === "string" ? review.postingFileName : null,
  };
}
