// The audit log: who did what, when, before -> after. Write entries in the same transaction as
// the change they describe (pass the transaction client), so a change never exists without its entry.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface AuditActor {
  id: string | null;
  /** The actor's e-mail, or "system" for jobs such as retention. */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: "system" };

export interface AuditInput {
  action: string;
  summary: string;
  targetType?: string;
  targetId?: string;
  requisitionId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
}

type AuditWriter = Pick<Db, "auditEntry">;

export async function recordAudit(db: AuditWriter, actor: AuditActor, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      summary: entry.summary,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      requisitionId: entry.requisitionId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ip: entry.ip ?? null,
    },
  });
}

export function actorOf(user: { id: string; email: string }): AuditActor {
  return { id: user.id, label: user.email };
}
