// A signed-in user changes their own password: the current one is required, the new one must be
// acceptable, and every other session of the account is signed out. A refusal is an
// `invalid_input` AppError whose one issue names the field to correct.
import type { Db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

type PasswordField = "currentPassword" | "newPassword" | "confirmPassword";

const refused = (path: PasswordField, message: string) =>
  new AppError("invalid_input", message, { issues: [{ path, message }] });

export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; confirmPassword: string },
  actor: AuditActor & { ip?: string | null },
): Promise<{ otherSessionsEnded: number }> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true, email: true } });
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw refused("currentPassword", "The current password is not correct.");
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw refused("newPassword", problem);
  if (input.newPassword !== input.confirmPassword) {
    throw refused("confirmPassword", "The two new passwords are not the same.");
  }
  if (input.newPassword === input.currentPassword) {
    throw refused("newPassword", "Choose a password different from the current one.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const otherSessions = await db.session.count({ where: { userId: input.userId, id: { not: input.sessionId } } });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: input.userId, id: { not: input.sessionId } } });
    await recordAudit(tx, actor, {
      action: "auth.password_change",
      summary: `${user.email} changed their password; ${otherSessions} other session(s) signed out`,
      targetType: "user",
      targetId: input.userId,
      ip: actor.ip ?? null,
    });
  });
  return { otherSessionsEnded: otherSessions };
}
