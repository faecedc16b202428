// Setting a requisition's team: the recruiters and hiring managers who are its members (admins
// see every requisition and need no membership, so their memberships are left alone). Whoever
// may edit the requisition (its recruiters, admins) sets it, when creating it and later on the
// Settings tab. Every change is audited with the e-mails before → after. Guarded: a recruiter
// cannot remove themselves (they would lose the page under their hands; another member or an
// admin can), and only active recruiters and hiring managers can be added.
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { ROLE_LABELS } from "../auth/permissions.ts";
import { TEAM_ROLES, type TeamPerson } from "./list-team.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const PERSON = { id: true, name: true, email: true, role: true, disabled: true } as const;

/** The people named, each an active recruiter or hiring manager; otherwise an invalid_input naming the field. */
export async function assignableUsers(tx: Tx | Db, userIds: readonly string[], keep: readonly string[] = []) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: PERSON });
  const allowed = users.filter(
    (u) => (TEAM_ROLES as readonly Role[]).includes(u.role) && (!u.disabled || keep.includes(u.id)),
  );
  if (allowed.length !== ids.length) {
    const message = "Only active recruiters and hiring managers can join a team. Reload the page and choose again.";
    throw new AppError("invalid_input", message, { issues: [{ path: "memberId", message }] });
  }
  return allowed;
}

/** "Sam Sourcer (Recruiter), Jordan Lead (Hiring manager)": recruiters first, then by name. */
const describe = (people: TeamPerson[]) =>
  [...people]
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "RECRUITER" ? -1 : 1))
    .map((p) => `${p.name} (${ROLE_LABELS[p.role]})`)
    .join(", ");

export interface TeamChange {
  added: TeamPerson[];
  removed: TeamPerson[];
}

/** Makes exactly these recruiters and hiring managers the requisition's team. */
export async function setRequisitionTeam(
  db: Db,
  requisitionId: string,
  userIds: readonly string[],
  options: { actor: AuditActor; actorRole: Role; ip?: string | null },
): Promise<TeamChange> {
  return db.$transaction(async (tx) => {
    const requisition = await tx.requisition.findUnique({ where: { id: requisitionId }, select: { id: true } });
    if (!requisition) throw new AppError("not_found", "This requisition does not exist.");
    const current = (
      await tx.requisitionMember.findMany({
        where: { requisitionId, user: { role: { in: [...TEAM_ROLES] } } },
        select: { user: { select: PERSON } },
      })
    ).map((m) => m.user);
    const currentIds = current.map((p) => p.id);
    // A disabled account already on the team may stay; it cannot be added anew.
    const wanted = await assignableUsers(tx, userIds, currentIds);
    const wantedIds = wanted.map((p) => p.id);
    const added = wanted.filter((p) => !currentIds.includes(p.id));
    const removed = current.filter((p) => !wantedIds.includes(p.id));
    if (options.actorRole !== "ADMIN" && options.actor.id && removed.some((p) => p.id === options.actor.id)) {
      const message =
        "You cannot remove yourself from the team: you would lose access to this requisition. " +
        "Another member of the team or an admin can.";
      throw new AppError("conflict", message, { issues: [{ path: "memberId", message }] });
    }
    if (added.length === 0 && removed.length === 0) return { added, removed };
    if (removed.length > 0)
      await tx.requisitionMember.deleteMany({ where: { requisitionId, userId: { in: removed.map((p) => p.id) } } });
    if (added.length > 0)
      await tx.requisitionMember.createMany({ data: added.map((p) => ({ requisitionId, userId: p.id })) });
    const parts = [
      added.length > 0 ? `added ${describe(added)}` : null,
      removed.length > 0 ? `removed ${describe(removed)}` : null,
    ].filter(Boolean);
    await recordAudit(tx, options.actor, {
      action: "requisition.team",
      summary: `Team changed: ${parts.join("; ")}`,
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      before: { members: currentIds.length ? current.map((p) => p.email).sort() : [] },
      after: { members: wanted.map((p) => p.email).sort() },
      ip: options.ip ?? null,
    });
    return { added, removed };
  });
}
