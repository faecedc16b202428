// A signed-in user changes their own password: the current one is required, the new one must be
// acceptable, and every other session of the account is signed out. A refusal is an
// `invalid_input` AppError whose one issue names the field to correct. Guesses of the current
// password are limited like sign-ins and share their counters (server/auth/login-rate-limit.ts):
// a wrong current password counts as a failed sign-in for the account's e-mail from that address,
// so a stolen session cannot be used to guess the password, and /login and /account together get
// no more guesses than /login alone. Past the limit: a `rate_limited` AppError with the wait.
import type { Db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import { guardPasswordAttempt, waitInWords, type LoginLimits } from "./login-rate-limit.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";

type PasswordField = "currentPassword" | "newPassword" | "confirmPassword";

const refused = (path: PasswordField, message: string) =>
  new AppError("invalid_input", message, { issues: [{ path, message }] });

export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; confirmPassword: string },
  actor: AuditActor & { ip?: string | null },
  limits: LoginLimits,
  now = new Date(),
): Promise<{ otherSessionsEnded: number }> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true, email: true } });
  if (!user) throw refused("currentPassword", "The current password is not correct.");
  const attempt = await guardPasswordAttempt(
    db,
    { email: user.email, ip: actor.ip ?? null },
    limits,
    async () => user.passwordHash !== null && (await verifyPassword(input.currentPassword, user.passwordHash)),
    now,
  );
  if (attempt.limited) {
    const message = `Too many wrong passwords. Try again in ${waitInWords(attempt.retryAfterSeconds)}.`;
    throw new AppError("rate_limited", message, {
      retryAfterSeconds: attempt.retryAfterSeconds,
      issues: [{ path: "currentPassword", message }],
    });
  }
  if (!attempt.ok) throw refused("currentPassword", "The current password is not correct.");
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
