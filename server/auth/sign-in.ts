// Signing in with e-mail and password. Unknown addresses, wrong passwords and disabled accounts
// all get the same answer after the same work (a scrypt verification), so neither the message
// nor the timing tells whether an account exists.
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { checkLoginRateLimit, recordLoginAttempt, type LoginLimits } from "./login-rate-limit.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

export const INVALID_CREDENTIALS_MESSAGE =
  "That e-mail and password do not match an active account. Check both and try again.";

export function rateLimitedMessage(minutes: number): string {
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  limits: LoginLimits,
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const limit = await checkLoginRateLimit(db, { email, ip: input.ip }, limits, now);
  if (limit.limited) return { ok: false, reason: "rate_limited", retryAfterMinutes: limit.retryAfterMinutes };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabled: true },
  });
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const matches = await verifyPassword(input.password, hash);
  const ok = matches && user !== null && user.passwordHash !== null && !user.disabled;
  await recordLoginAttempt(db, { email, ip: input.ip, succeeded: ok }, now);
  if (!ok || !user) return { ok: false, reason: "invalid" };

  const session = await createSession(db, user.id, now);
  await recordAudit(
    db,
    { id: user.id, label: user.email },
    {
      action: "auth.sign_in",
      summary: `${user.email} signed in`,
      targetType: "user",
      targetId: user.id,
      ip: input.ip,
    },
  );
  return {
    ok: true,
    token: session.token,
    expiresAt: session.expiresAt,
    user: { id: user.id, email: user.email, name: user.name },
  };
}
