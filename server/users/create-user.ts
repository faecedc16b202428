// An admin creates an account with a first password (to hand over; the user changes it).
import type { Db } from "../db/client.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { hashPassword, passwordProblem } from "../auth/password.ts";
import { AppError, issuesFromZod } from "../errors/app-error.ts";
import { NewUserSchema } from "./user-input.ts";

export async function createUser(db: Db, input: unknown, actor: AuditActor, ip: string | null = null) {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error.issues);
    throw new AppError("invalid_input", issues[0]!.message, { issues });
  }
  const { email, name, role, password } = parsed.data;
  const problem = passwordProblem(password);
  if (problem) throw new AppError("invalid_input", problem, { issues: [{ path: "password", message: problem }] });
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    const message = `An account for ${email} already exists.`;
    throw new AppError("conflict", message, { issues: [{ path: "email", message }] });
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
