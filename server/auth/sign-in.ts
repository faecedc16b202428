// Signing in with e-mail and password. Unknown addresses, wrong passwords and disabled accounts
// all get the same answer after the same work (a scrypt verification), so neither the message
// nor the timing tells whether an account exists. A refusal is an AppError: `unauthenticated`, or
// `rate_limited` with the wait in retryAfterSeconds. The limits (per address, per e-mail and
// address, and a per-e-mail backoff that never holds back an address without recent failures)
// are server/auth/login-rate-limit.ts.
import type { Db } from "../db/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import { guardPasswordAttempt, waitInWords, type LoginLimits } from "./login-rate-limit.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: Role };
}

const INVALID_CREDENTIALS_MESSAGE =
  "That e-mail and password do not match an active account. Check both and try again.";

function rateLimited(seconds: number): AppError {
  const message = `Too many failed sign-ins. Try again in ${waitInWords(seconds)}.`;
  return new AppError("rate_limited", message, { retryAfterSeconds: seconds });
}

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  limits: LoginLimits,
  now = new Date(),
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabled: true },
  });
  const attempt = await guardPasswordAttempt(
    db,
    { email, ip: input.ip },
    limits,
    async () => {
      const hash = user?.passwordHash ?? (await dummyPasswordHash());
      const matches = await verifyPassword(input.password, hash);
      return matches && user !== null && user.passwordHash !== null && !user.disabled;
    },
    now,
  );
  if (attempt.limited) throw rateLimited(attempt.retryAfterSeconds);
  if (!attempt.ok || !user) throw new AppError("unauthenticated", INVALID_CREDENTIALS_MESSAGE);

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
    token: session.token,
    expiresAt: session.expiresAt,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
}
