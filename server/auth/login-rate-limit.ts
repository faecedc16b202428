// Sign-in rate limiting on LoginAttempt rows (in PostgreSQL, so every web process shares it):
// a few failures per e-mail address and more per client address within a sliding window.
// A successful sign-in clears the e-mail's failures; the address's failures stand.
import type { Db } from "../db/client.ts";

export interface LoginLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowMinutes: number;
}

export type RateLimitDecision =
  { limited: false } | { limited: true; retryAfterMinutes: number; scope: "email" | "ip" };

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** When the oldest failure that keeps `key` over its limit leaves the window, or null when under it. */
async function blockedUntil(
  db: Db,
  key: string,
  limit: number,
  since: Date,
  resetBySuccess: boolean,
): Promise<Date | null> {
  let from = since;
  if (resetBySuccess) {
    const success = await db.loginAttempt.findFirst({
      where: { key, succeeded: true, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (success) from = success.createdAt;
  }
  // Only the newest `limit` failures matter: the block ends when the oldest of them ages out.
  const failures = await db.loginAttempt.findMany({
    where: { key, succeeded: false, createdAt: { gt: from } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (failures.length < limit) return null;
  return failures[failures.length - 1]!.createdAt;
}

export async function checkLoginRateLimit(
  db: Db,
  input: { email: string; ip: string | null },
  limits: LoginLimits,
  now = new Date(),
): Promise<RateLimitDecision> {
  const windowMs = limits.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const checks: Array<{ scope: "email" | "ip"; oldest: Date | null }> = [
    { scope: "email", oldest: await blockedUntil(db, emailKey(input.email), limits.maxFailuresPerEmail, since, true) },
  ];
  if (input.ip)
    checks.push({
      scope: "ip",
      oldest: await blockedUntil(db, ipKey(input.ip), limits.maxFailuresPerIp, since, false),
    });
  const blocked = checks.filter((c): c is { scope: "email" | "ip"; oldest: Date } => c.oldest !== null);
  if (blocked.length === 0) return { limited: false };
  const latest = blocked.reduce((a, b) => (a.oldest > b.oldest ? a : b));
  const retryAfterMs = latest.oldest.getTime() + windowMs - now.getTime();
  return { limited: true, scope: latest.scope, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) };
}

export async function recordLoginAttempt(
  db: Db,
  input: { email: string; ip: string | null; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  const rows = [{ key: emailKey(input.email), succeeded: input.succeeded, createdAt: now }];
  if (input.ip) rows.push({ key: ipKey(input.ip), succeeded: input.succeeded, createdAt: now });
  await db.loginAttempt.createMany({ data: rows });
}

/** Attempts older than a day say nothing about rate limits any more (the retention job calls this). */
export async function deleteOldLoginAttempts(db: Db, now = new Date(), keepMs = 24 * 60 * 60 * 1000): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - keepMs) } },
  });
  return count;
}
