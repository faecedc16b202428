// Requisition settings that are not ranking weights: blind review, and open/closed (closing
// starts the retention clock of server/privacy/retention.ts). Each change is audited. Blind review
// is switched by recruiters and admins ("edit", server/auth/permissions.ts); the last switch (who,
// when) is read back from the audit log and shown to the whole team on the Settings tab.
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";

interface ChangeOptions {
  actor: AuditActor;
  ip?: string | null;
  now?: Date;
}

export async function setBlindReview(
  db: Db,
  requisitionId: string,
  blindReview: boolean,
  options: ChangeOptions,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.requisition.findUniqueOrThrow({
      where: { id: requisitionId },
      select: { blindReview: true },
    });
    if (before.blindReview === blindReview) return;
    await tx.requisition.update({ where: { id: requisitionId }, data: { blindReview } });
    await recordAudit(tx, options.actor, {
      action: "requisition.blind_review",
      summary: `Blind review turned ${blindReview ? "on" : "off"}`,
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      before: { blindReview: before.blindReview },
      after: { blindReview },
      ip: options.ip ?? null,
    });
  });
}

/** Closes (or reopens) a requisition; `closedAt` is when retention starts counting. */
export async function setRequisitionOpen(
  db: Db,
  requisitionId: string,
  open: boolean,
  options: ChangeOptions,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.requisition.findUniqueOrThrow({
      where: { id: requisitionId },
      select: { status: true, closedAt: true },
    });
    const status = open ? "OPEN" : "CLOSED";
    if (before.status === status) return;
    const closedAt = open ? null : (options.now ?? new Date());
    await tx.requisition.update({ where: { id: requisitionId }, data: { status, closedAt } });
    await recordAudit(tx, options.actor, {
      action: open ? "requisition.reopen" : "requisition.close",
      summary: open ? "Requisition reopened" : "Requisition closed",
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      before: { status: before.status, closedAt: before.closedAt?.toISOString() ?? null },
      after: { status, closedAt: closedAt?.toISOString() ?? null },
      ip: options.ip ?? null,
    });
  });
}

export interface BlindReviewSwitch {
  /** What it was switched to. */
  on: boolean;
  at: Date;
  /** The person's name (their e-mail when the account is gone, "system" for jobs). */
  by: string;
}

/** The latest time blind review was switched on or off, from the audit log; null when never. */
export async function lastBlindReviewSwitch(db: Db, requisitionId: string): Promise<BlindReviewSwitch | null> {
  const entry = await db.auditEntry.findFirst({
    where: { requisitionId, action: "requisition.blind_review" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actorId: true, actorLabel: true, after: true },
  });
  if (!entry) return null;
  const actor = entry.actorId
    ? await db.user.findUnique({ where: { id: entry.actorId }, select: { name: true } })
    : null;
  const after = entry.after as { blindReview?: unknown } | null;
  return { on: after?.blindReview === true, at: entry.createdAt, by: actor?.name || entry.actorLabel };
}
