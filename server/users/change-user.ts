// An admin changes an account: role, disabled, password reset, requisition memberships.
// Each change is audited with before → after. The last active admin cannot be demoted or
// disabled, so the installation can always be administered.
import type { Db } from "../db/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { hashPassword, passwordProblem } from "../auth/password.ts";
import { AppError } from "../errors/app-error.ts";
import { ROLES } from "./user-input.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function targetUser(db: Db | Tx, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, disabled: true },
  });
  if (!user) throw new AppError("not_found", "This account does not exist.");
  return user;
}

async function assertAnotherActiveAdmin(tx: Tx, userId: string, what: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: userId } } });
  if (others === 0)
    throw new AppError("conflict", `This is the last active admin: ${what} would leave nobody to manage accounts.`);
}

export async function changeUserRole(
  db: Db,
  userId: string,
  role: string,
  actor: AuditActor,
  ip: string | null = null,
) {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AppError("invalid_input", "Choose a role.", { issues: [{ path: "role", message: "Choose a role." }] });
  await db.$transaction(async (tx) => {
    const user = await targetUser(tx, userId);
    if (user.role === role) return;
    if (user.role === "ADMIN" && !user.disabled) await assertAnotherActiveAdmin(tx, userId, "changing its role");
    await tx.user.update({ where: { id: userId }, data: { role: role as Role } });
    await recordAudit(tx, actor, {
      action: "user.role",
      summary: `${user.email}: role ${user.role} → ${role}`,
      targetType: "user",
      targetId: userId,
      before: { role: user.role },
      after: { role },
      ip,
    });
  });
}

/** Disabling signs the account out everywhere; its history (audit, decisions) stays. */
export async function setUserDisabled(
  db: Db,
  userId: string,
  disabled: boolean,
  actor: AuditActor,
  ip: string | null = null,
) {
  await db.$transaction(async (tx) => {
    const user = await targetUser(tx, userId);
    if (user.disabled === disabled) return;
    if (disabled && user.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId, "disabling it");
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      summary: `${user.email} ${disabled ? "disabled" : "enabled again"}`,
      targetType: "user",
      targetId: userId,
      before: { disabled: user.disabled },
      after: { disabled },
      ip,
    });
  });
}

/** Sets a new password chosen by the admin and signs the account out everywhere. */
export async function resetUserPassword(
  db: Db,
  userId: string,
  password: string,
  actor: AuditActor,
  ip: string | null = null,
) {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("invalid_input", problem, { issues: [{ path: "password", message: problem }] });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await targetUser(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      summary: `Password of ${user.email} reset by an admin; ${count} session(s) signed out`,
      targetType: "user",
      targetId: userId,
      ip,
    });
  });
}

/** Makes the user a member of exactly these requisitions. */
export async function setUserMemberships(
  db: Db,
  userId: string,
  requisitionIds: string[],
  actor: AuditActor,
  ip: string | null = null,
) {
  const wanted = [...new Set(requisitionIds)];
  await db.$transaction(async (tx) => {
    const user = await targetUser(tx, userId);
    const existing = await tx.requisition.findMany({ where: { id: { in: wanted } }, select: { id: true } });
    if (existing.length !== wanted.length)
      throw new AppError("conflict", "One of the requisitions no longer exists. Reload the page.");
    const current = (await tx.requisitionMember.findMany({ where: { userId }, select: { requisitionId: true } })).map(
      (m) => m.requisitionId,
    );
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return;
    if (removed.length > 0)
      await tx.requisitionMember.deleteMany({ where: { userId, requisitionId: { in: removed } } });
    if (added.length > 0)
      await tx.requisitionMember.createMany({ data: added.map((requisitionId) => ({ userId, requisitionId })) });
    await recordAudit(tx, actor, {
      action: "user.memberships",
      summary: `${user.email}: member of ${wanted.length} requisition(s) (+${added.length} −${removed.length})`,
      targetType: "user",
      targetId: userId,
      before: { requisitionIds: [...current].sort() },
      after: { requisitionIds: [...wanted].sort() },
      ip,
    });
  });
}
