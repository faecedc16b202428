import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { assignableUsers } from "./change-team.ts";
import type { RequisitionInput } from "./requisition-input.ts";

/**
 * Creates a requisition. The creator becomes its first member (so a recruiter can see what they
 * just created), and so do the recruiters and hiring managers named in `memberIds` (the form's
 * Team checkboxes): a new requisition's hiring manager can open it at once. With an actor the
 * creation is audited, team included.
 */
export async function createRequisition(
  db: Db,
  input: RequisitionInput,
  createdById?: string | null,
  options: { actor?: AuditActor; ip?: string | null; memberIds?: readonly string[] } = {},
) {
  return db.$transaction(async (tx) => {
    const team = await assignableUsers(
      tx,
      (options.memberIds ?? []).filter((id) => id !== createdById),
    );
    const memberIds = [...(createdById ? [createdById] : []), ...team.map((p) => p.id)];
    const requisition = await tx.requisition.create({
      data: {
        ...input,
        createdById: createdById ?? null,
        ...(memberIds.length > 0 ? { members: { create: memberIds.map((userId) => ({ userId })) } } : {}),
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
        after: { ...input, ...(team.length > 0 ? { members: team.map((p) => p.email).sort() } : {}) },
        ip: options.ip ?? null,
      });
    }
    return requisition;
  });
}
