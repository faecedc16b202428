// Requisition settings that are not ranking weights: blind review, and open/closed (closing
// starts the retention clock of server/privacy/retention.ts). Each change is audited.
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
