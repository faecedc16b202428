// Duplicate detection (issue 14, item 7). Three ways one person shows up twice:
// - the same bytes in the same requisition: caught at intake (server/intake/find-same-file.ts),
//   before a second row exists, so re-uploading a file never silently makes a second candidate;
// - the same e-mail or phone in the same requisition (a new version of the résumé, or another
//   format): known only once the worker has read the contact, so the worker calls recordDuplicates
//   after storing it, and a DuplicateFlag pairs the two applications until the recruiter merges
//   them (merge-candidates.ts) or keeps both (keepBoth);
// - the same person in another requisition: read on the candidate page (alsoAppliedTo), limited to
//   the requisitions the viewer is a member of, and masked while blind review hides identity.
// Labels follow blind review everywhere (server/privacy/blind-review.ts): a hidden candidate is
// "Candidate 7F3K2Q", never a name or a file name.
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { Role, Stage } from "../generated/prisma/enums.ts";
import { anonymousLabel, identityVisible } from "../privacy/blind-review.ts";

export const DUPLICATE_REASONS = ["file", "email", "phone"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  file: "the same file",
  email: "the same e-mail",
  phone: "the same phone",
};

/** One parameterised statement ($1, $2, …) → rows: the worker's node-postgres pool, or Prisma's raw query. */
export interface SqlQuery {
  query<T>(text: string, values: unknown[]): Promise<T[]>;
}

/** The candidate's name as this viewer may see it: the shown name, or the neutral label under blind review. */
function labelOf(row: { id: string; displayName: string | null; stage: Stage; blindReview: boolean }): string {
  return identityVisible(row.blindReview, row.stage)
    ? (row.displayName ?? "Unnamed candidate")
    : anonymousLabel(row.id);
}

// The e-mail compared case-insensitively, the phone by its last ten digits (so "+1 (555) 010-2030"
// and "555.010.2030" match); both are served by expression indexes (migration 20261206072000).
const PHONE_KEY = (column: string) => String.raw`right(regexp_replace(${column}, '\D', '', 'g'), 10)`;

/**
 * Flags the applications of the same requisition that share this one's e-mail, phone or file.
 * Called by the worker once the contact is stored (and again when a job finds the application
 * already done, so a retry after a failure here still records them). One statement; idempotent:
 * a pair is stored once (later upload → earlier one) and its reasons are merged; a pair the
 * recruiter chose to keep stays kept. Returns the number of pairs written.
 */
export async function recordDuplicates(sql: SqlQuery, applicationId: string): Promise<number> {
  const rows = await sql.query<{ written: number }>(
    `WITH me AS (
       SELECT a.id, a."requisitionId", a."createdAt", lower(c.email) AS email, ${PHONE_KEY("c.phone")} AS phone, f.sha256
       FROM "Application" a
       JOIN "Candidate" c ON c.id = a."candidateId"
       JOIN "ResumeFile" f ON f.id = a."resumeFileId"
       WHERE a.id = $1
     ),
     matches AS (
       SELECT o.id, o."createdAt", 'email' AS reason
       FROM me JOIN "Candidate" c2 ON lower(c2.email) = me.email
       JOIN "Application" o ON o."candidateId" = c2.id
       WHERE me.email IS NOT NULL AND me.email <> '' AND o."requisitionId" = me."requisitionId" AND o.id <> me.id
       UNION ALL
       SELECT o.id, o."createdAt", 'phone'
       FROM me JOIN "Candidate" c2 ON ${PHONE_KEY("c2.phone")} = me.phone
       JOIN "Application" o ON o."candidateId" = c2.id
       WHERE length(me.phone) >= 7 AND o."requisitionId" = me."requisitionId" AND o.id <> me.id
       UNION ALL
       SELECT o.id, o."createdAt", 'file'
       FROM me JOIN "ResumeFile" f2 ON f2.sha256 = me.sha256
       JOIN "Application" o ON o."resumeFileId" = f2.id
       WHERE o."requisitionId" = me."requisitionId" AND o.id <> me.id
     ),
     grouped AS (
       SELECT id, "createdAt", array_agg(DISTINCT reason ORDER BY reason) AS reasons FROM matches GROUP BY id, "createdAt"
     ),
     written AS (
       INSERT INTO "DuplicateFlag" ("id", "applicationId", "matchId", "reasons", "createdAt")
       SELECT gen_random_uuid()::text,
              CASE WHEN (g."createdAt", g.id) > (me."createdAt", me.id) THEN g.id ELSE me.id END,
              CASE WHEN (g."createdAt", g.id) > (me."createdAt", me.id) THEN me.id ELSE g.id END,
              g.reasons, now()
       FROM grouped g CROSS JOIN me
       ON CONFLICT ("applicationId", "matchId") DO UPDATE SET "reasons" = (
         SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest("DuplicateFlag"."reasons" || EXCLUDED."reasons") AS r
       )
       RETURNING 1
     )
     SELECT count(*)::int AS written FROM written`,
    [applicationId],
  );
  return rows[0]?.written ?? 0;
}

/** Prisma's raw query as a SqlQuery (the web process and tests; the worker passes node-postgres). */
export function prismaSql(db: Db): SqlQuery {
  return { query: <T>(text: string, values: unknown[]) => db.$queryRawUnsafe<T[]>(text, ...values) };
}

export interface DuplicateMatch {
  flagId: string;
  /** The other application of the pair. */
  otherId: string;
  label: string;
  /** When the other application was uploaded. */
  appliedAt: string;
  /** The other is the earlier upload ("already applied on …") or the later one ("applied again on …"). */
  earlier: boolean;
  stage: Stage;
  reasons: DuplicateReason[];
  keptBoth: boolean;
}

/**
 * Open duplicate pairs of these applications (the table's rows, a batch's files), by application
 * id. Two index probes (applicationId, matchId); pairs kept by the recruiter are left out.
 */
export async function duplicateMarks(db: Db, applicationIds: string[]): Promise<Record<string, DuplicateMatch[]>> {
  if (applicationIds.length === 0) return {};
  const marks = await listPairs(db, applicationIds, false);
  const byId: Record<string, DuplicateMatch[]> = {};
  for (const mark of marks) (byId[mark.ownerId] ??= []).push(mark.match);
  return byId;
}

async function listPairs(db: Db, ids: string[], includeKept: boolean) {
  const rows = await db.$queryRaw<
    Array<{
      flagId: string;
      ownerId: string;
      otherId: string;
      earlier: boolean;
      reasons: string[];
      keptBothAt: Date | null;
      createdAt: Date;
      displayName: string | null;
      stage: Stage;
      blindReview: boolean;
    }>
  >`
    SELECT p."flagId", p."ownerId", p."otherId", p.earlier, p.reasons, p."keptBothAt",
           o."createdAt", o."displayName", o.stage, r."blindReview"
    FROM (
      SELECT id AS "flagId", "applicationId" AS "ownerId", "matchId" AS "otherId", true AS earlier, reasons, "keptBothAt"
      FROM "DuplicateFlag" WHERE "applicationId" = ANY(${ids})
      UNION ALL
      SELECT id, "matchId", "applicationId", false, reasons, "keptBothAt"
      FROM "DuplicateFlag" WHERE "matchId" = ANY(${ids})
    ) p
    JOIN "Application" o ON o.id = p."otherId"
    JOIN "Requisition" r ON r.id = o."requisitionId"
    WHERE ${includeKept} OR p."keptBothAt" IS NULL
    ORDER BY o."createdAt", o.id`;
  return rows.map((row) => ({
    ownerId: row.ownerId,
    match: {
      flagId: row.flagId,
      otherId: row.otherId,
      label: labelOf({ id: row.otherId, ...row }),
      appliedAt: row.createdAt.toISOString(),
      earlier: row.earlier,
      stage: row.stage,
      reasons: row.reasons.filter((r): r is DuplicateReason => (DUPLICATE_REASONS as readonly string[]).includes(r)),
      keptBoth: row.keptBothAt !== null,
    } satisfies DuplicateMatch,
  }));
}

export interface OtherApplication {
  applicationId: string;
  requisitionId: string;
  requisitionTitle: string;
  appliedAt: string;
  stage: Stage;
  /** The label in that requisition (masked there under its blind review, or here under ours). */
  label: string;
  /** False while this page hides identity: a link would lead to a page that may show it. */
  linkable: boolean;
  reasons: Array<DuplicateReason | "person">;
}

export interface MergedFile {
  id: string;
  fileName: string | null;
  sizeBytes: number;
  type: string | null;
  uploadedAt: string;
  mergedAt: string;
}

export interface CandidateDuplicates {
  /** Pairs in this requisition (open ones, and those kept as two candidates). */
  inRequisition: DuplicateMatch[];
  /** The same person in other requisitions the viewer is a member of. */
  elsewhere: OtherApplication[];
  /** Files of applications merged into this one. */
  mergedFiles: MergedFile[];
}

/**
 * What the candidate page shows about duplicates of one application. `identityShown` is whether
 * this page shows the candidate's identity (blind review): when it does not, other requisitions'
 * entries carry neutral labels and no links, and merged files no names.
 */
export async function candidateDuplicates(
  db: Db,
  input: { applicationId: string; viewer: { id: string; role: Role }; identityShown: boolean },
): Promise<CandidateDuplicates> {
  const [pairs, elsewhere, files] = await Promise.all([
    listPairs(db, [input.applicationId], true),
    alsoAppliedTo(db, input),
    db.resumeFile.findMany({
      where: { mergedIntoApplicationId: input.applicationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, originalName: true, sizeBytes: true, detectedType: true, createdAt: true, mergedAt: true },
    }),
  ]);
  return {
    inRequisition: pairs.map((pair) => pair.match),
    elsewhere,
    mergedFiles: files.map((file) => ({
      id: file.id,
      fileName: input.identityShown ? file.originalName : null,
      sizeBytes: file.sizeBytes,
      type: file.detectedType,
      uploadedAt: file.createdAt.toISOString(),
      mergedAt: (file.mergedAt ?? file.createdAt).toISOString(),
    })),
  };
}

/**
 * The same person's applications in other requisitions: the same candidate row, e-mail, phone or
 * file, only in requisitions the viewer may see (admins: all; others: their memberships).
 */
async function alsoAppliedTo(
  db: Db,
  input: { applicationId: string; viewer: { id: string; role: Role }; identityShown: boolean },
): Promise<OtherApplication[]> {
  const everyRequisition = input.viewer.role === "ADMIN";
  const rows = await db.$queryRawUnsafe<
    Array<{
      id: string;
      requisitionId: string;
      title: string;
      blindReview: boolean;
      createdAt: Date;
      stage: Stage;
      displayName: string | null;
      reasons: string[];
    }>
  >(
    `WITH me AS (
       SELECT a.id, a."requisitionId", a."candidateId", lower(c.email) AS email, ${PHONE_KEY("c.phone")} AS phone, f.sha256
       FROM "Application" a
       JOIN "Candidate" c ON c.id = a."candidateId"
       JOIN "ResumeFile" f ON f.id = a."resumeFileId"
       WHERE a.id = $1
     ),
     matches AS (
       SELECT o.id, 'person' AS reason FROM me JOIN "Application" o ON o."candidateId" = me."candidateId"
       UNION ALL
       SELECT o.id, 'email' FROM me JOIN "Candidate" c2 ON lower(c2.email) = me.email
       JOIN "Application" o ON o."candidateId" = c2.id WHERE me.email IS NOT NULL AND me.email <> ''
       UNION ALL
       SELECT o.id, 'phone' FROM me JOIN "Candidate" c2 ON ${PHONE_KEY("c2.phone")} = me.phone
       JOIN "Application" o ON o."candidateId" = c2.id WHERE length(me.phone) >= 7
       UNION ALL
       SELECT o.id, 'file' FROM me JOIN "ResumeFile" f2 ON f2.sha256 = me.sha256
       JOIN "Application" o ON o."resumeFileId" = f2.id OR o.id = f2."mergedIntoApplicationId"
     )
     SELECT o.id, o."requisitionId", r.title, r."blindReview", o."createdAt", o.stage, o."displayName",
            array_agg(DISTINCT m.reason ORDER BY m.reason) AS reasons
     FROM matches m
     JOIN "Application" o ON o.id = m.id
     JOIN "Requisition" r ON r.id = o."requisitionId"
     CROSS JOIN me
     WHERE o."requisitionId" <> me."requisitionId"
       AND ($2::boolean OR EXISTS (SELECT 1 FROM "RequisitionMember" rm WHERE rm."requisitionId" = o."requisitionId" AND rm."userId" = $3::text))
     GROUP BY o.id, r.id
     ORDER BY o."createdAt", o.id
     LIMIT 20`,
    input.applicationId,
    everyRequisition,
    input.viewer.id,
  );
  return rows.map((row) => ({
    applicationId: row.id,
    requisitionId: row.requisitionId,
    requisitionTitle: row.title,
    appliedAt: row.createdAt.toISOString(),
    stage: row.stage,
    label: input.identityShown ? labelOf(row) : anonymousLabel(row.id),
    linkable: input.identityShown,
    reasons: row.reasons as OtherApplication["reasons"],
  }));
}

/** The two applications of a pair, in this requisition; AppError when the pair is not one. */
export async function readDuplicatePair(
  db: Pick<Db, "application">,
  requisitionId: string,
  applicationId: string,
  otherId: string,
) {
  if (applicationId === otherId) {
    throw new AppError(
      "invalid_input",
      "A candidate cannot be a duplicate of itself: choose two different candidates.",
    );
  }
  const rows = await db.application.findMany({
    where: { id: { in: [applicationId, otherId] } },
    select: { id: true, requisitionId: true, stage: true, candidateId: true, resumeFileId: true, createdAt: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const first = byId.get(applicationId);
  const second = byId.get(otherId);
  if (!first || first.requisitionId !== requisitionId) {
    throw new AppError("not_found", "Candidate not found: this candidate is not part of this requisition.");
  }
  if (!second)
    throw new AppError("not_found", "The other candidate does not exist: it may have been merged or erased.");
  if (second.requisitionId !== requisitionId) {
    throw new AppError(
      "invalid_input",
      "Candidates of different requisitions cannot be merged or paired: each requisition keeps its own candidates.",
    );
  }
  return [first, second] as const;
}

/** "Keep both": the pair stays two candidates and is no longer flagged. Audited. */
export async function keepBoth(
  db: Db,
  actor: AuditActor,
  input: { requisitionId: string; applicationId: string; otherId: string; ip?: string | null },
): Promise<void> {
  await readDuplicatePair(db, input.requisitionId, input.applicationId, input.otherId);
  await db.$transaction(async (tx) => {
    const kept = await tx.duplicateFlag.updateMany({
      where: {
        OR: [
          { applicationId: input.applicationId, matchId: input.otherId },
          { applicationId: input.otherId, matchId: input.applicationId },
        ],
        keptBothAt: null,
      },
      data: { keptBothAt: new Date(), keptBothById: actor.id },
    });
    if (kept.count === 0) {
      throw new AppError("conflict", "These two candidates are not flagged as duplicates (any more).");
    }
    await recordAudit(tx, actor, {
      action: "candidate.duplicate_kept",
      summary: "Possible duplicates kept as two candidates",
      targetType: "application",
      targetId: input.applicationId,
      requisitionId: input.requisitionId,
      after: { applicationIds: [input.applicationId, input.otherId] },
      ip: input.ip ?? null,
    });
  });
}
