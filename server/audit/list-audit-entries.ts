// Reading the audit log for the admin page: filters from the URL, newest first, paginated.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

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
