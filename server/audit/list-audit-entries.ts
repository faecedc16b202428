// Reading the audit log for the admin page: filters from the URL, newest first, paginated.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Stage } from "../generated/prisma/enums.ts";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "is not a date");

export const AuditQuerySchema = z.object({
  /** An action ("user.role") or a family ("user." or "user" matches every user.* action). */
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/, "use letters, dots and underscores")
    .default(""),
  /** Part of the actor's e-mail ("system" for jobs). */
  actor: z.string().trim().max(254).default(""),
  requisitionId: z.string().trim().max(40).default(""),
  targetId: z.string().trim().max(40).default(""),
  from: day.or(z.literal("")).default(""),
  to: day.or(z.literal("")).default(""),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AUDIT_PAGE_SIZE = 50;

export function auditWhere(query: AuditQuery): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput = {};
  if (query.action) {
    // "user" or "user." → every user.* action; "user.role" → exactly that one.
    const name = query.action.replace(/\.+$/, "");
    where.OR = [{ action: name }, { action: { startsWith: `${name}.` } }];
  }
  if (query.actor) where.actorLabel = { contains: query.actor.toLowerCase(), mode: "insensitive" };
  if (query.requisitionId) where.requisitionId = query.requisitionId;
  if (query.targetId) where.targetId = query.targetId;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
      // "to" includes the whole day.
      ...(query.to ? { lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  return where;
}

/**
 * What an entry's target is today, for the page to name it: an application's shown name, file name,
 * stage and its requisition's blind review (the page applies blind review, server/privacy), or an
 * account's name and e-mail. A target that no longer exists has no subject (an erased candidate).
 */
export type AuditSubject =
  | { kind: "application"; name: string | null; fileName: string | null; stage: Stage; blindReview: boolean }
  | { kind: "user"; name: string; email: string };

/** The subjects of a page of entries: two queries whatever the page size. */
async function loadSubjects(
  db: Db,
  entries: Array<{ targetType: string | null; targetId: string | null }>,
): Promise<Record<string, AuditSubject>> {
  const ids = (type: string) => [
    ...new Set(entries.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!)),
  ];
  const applicationIds = ids("application");
  const userIds = ids("user");
  const [applications, users] = await Promise.all([
    applicationIds.length === 0
      ? []
      : db.application.findMany({
          where: { id: { in: applicationIds } },
          select: {
            id: true,
            displayName: true,
            stage: true,
            candidate: { select: { name: true } },
            resumeFile: { select: { originalName: true } },
            requisition: { select: { blindReview: true } },
          },
        }),
    userIds.length === 0
      ? []
      : db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
  ]);
  const subjects: Record<string, AuditSubject> = {};
  for (const a of applications) {
    subjects[a.id] = {
      kind: "application",
      name: a.displayName ?? a.candidate.name,
      fileName: a.resumeFile.originalName,
      stage: a.stage,
      blindReview: a.requisition.blindReview,
    };
  }
  for (const u of users) subjects[u.id] = { kind: "user", name: u.name, email: u.email };
  return subjects;
}

export async function listAuditEntries(db: Db, query: AuditQuery) {
  const where = auditWhere(query);
  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    entries,
    subjects: await loadSubjects(db, entries),
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/** The distinct actions recorded so far, for the filter's list. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
