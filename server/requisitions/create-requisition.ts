import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import type { RequisitionInput } from "./requisition-input.ts";

/**
 * Creates a requisition. The creator becomes its first member (so a recruiter can see what they
 * just created), and with an actor the creation is audited.
 */
export async function createRequisition(
  db: Db,
  input: RequisitionInput,
  createdById?: string | null,
  options: { actor?: AuditActor; ip?: string | null } = {},
) {
  return db.$transaction(async (tx) => {
    const requisition = await tx.requisition.create({
      data: {
        ...input,
        createdById: createdById ?? null,
        ...(createdById ? { members: { create: { userId: createdById } } } : {}),
      },
      select: { id: true, title: true },
    });
    if (options.actor) {
      await recordAudit(tx, options.actor, {
        action: "requisition.create",
        summary: `Requisition “${requisition.title}” created`,
        targetType: "requisition",
        targetId: requisition.id,
        requisitionId: requisition.id,
        after: { ...input },
        ip: options.ip ?? null,
      });
    }
    return requisition;
  });
}
