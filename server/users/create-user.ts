// An admin creates an account with a first password (to hand over; the user changes it).
import type { Db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { hashPassword, passwordProblem } from "../auth/password.ts";
import { NewUserSchema, UserChangeError } from "./user-input.ts";

export async function createUser(db: Db, input: unknown, actor: AuditActor, ip: string | null = null) {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserChangeError(issue.message, String(issue.path[0] ?? ""));
  }
  const { email, name, role, password } = parsed.data;
  const problem = passwordProblem(password);
  if (problem) throw new UserChangeError(problem, "password");
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new UserChangeError(`An account for ${email} already exists.`, "email");
  }
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name, role, passwordHash, passwordChangedAt: new Date() },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, actor, {
      action: "user.create",
      summary: `Account ${email} created (${role})`,
      targetType: "user",
      targetId: user.id,
      after: { email, name, role },
      ip,
    });
    return user;
  });
}
