// Limits on password guesses (sign-in and the current password of a password change), kept as
// LoginAttempt rows in PostgreSQL so every web process shares them. They slow an attacker down
// without letting anyone lock the owner out of their account:
//
// 1. Per client address: `maxFailuresPerIp` failures within the window (any e-mail) refuse every
//    attempt from that address until the oldest of them leaves the window (password spraying).
// 2. Per e-mail and address: `maxFailuresPerEmail` failures for one e-mail from one address refuse
//    that e-mail from that address (a guesser at one place). A success from there clears them.
// 3. Per e-mail backoff: once an e-mail has `maxFailuresPerEmail` failures within the window from
//    anywhere (since its last success), an address that itself failed within the window waits
//    2^(failures − limit) seconds after the e-mail's latest failure, at most the window (a guesser
//    spread over many addresses gets one guess per fresh address). An address with no failure in
//    the window is not held back: its password is checked, so the owner signing in from their
//    usual place is let in while someone elsewhere guesses their password.
//
// Unknown e-mails are counted like known ones, so a refusal never says whether an account exists.
// Each attempt is written as a failure before the password is checked (under an advisory lock on
// its e-mail and address) and marked succeeded afterwards, so guesses sent in parallel are counted.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";

export interface LoginLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowMinutes: number;
}

export type LimitScope = "ip" | "email-address" | "email";

export type RateLimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number; scope: LimitScope };

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
/** An address never contains "|", so the pair key cannot be read two ways. */
export const emailAddressKey = (email: string, ip: string | null) =>
  `pair:${ip ?? "unknown"}|${email.trim().toLowerCase()}`;

/** The longest backoff exponent (2^20 s is far beyond any window). */
const MAX_BACKOFF_EXPONENT = 20;

type Reader = Pick<Db, "loginAttempt">;

/** Failures of `key` after `from` (newest first, at most `take`), and the key's latest success. */
async function failuresSince(db: Reader, key: string, since: Date, take: number, resetBySuccess: boolean) {
  let from = since;
  if (resetBySuccess) {
    const success = await db.loginAttempt.findFirst({
      where: { key, succeeded: true, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (success) from = success.createdAt;
  }
  return db.loginAttempt.findMany({
    where: { key, succeeded: false, createdAt: { gt: from } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });
}

/** The decision for one attempt at `email` from `ip`, before its password is checked. */
export async function checkLoginRateLimit(
  db: Reader,
  input: { email: string; ip: string | null },
  limits: LoginLimits,
  now = new Date(),
): Promise<RateLimitDecision> {
  const windowMs = limits.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const blocks: Array<{ scope: LimitScope; until: number }> = [];

  // 1. The address, whatever e-mail it tries (a success does not clear it).
  const ipFailures = input.ip ? await failuresSince(db, ipKey(input.ip), since, limits.maxFailuresPerIp, false) : [];
  if (ipFailures.length >= limits.maxFailuresPerIp) {
    blocks.push({ scope: "ip", until: ipFailures[ipFailures.length - 1]!.createdAt.getTime() + windowMs });
  }

  // 2. This e-mail from this address.
  const pair = await failuresSince(db, emailAddressKey(input.email, input.ip), since, limits.maxFailuresPerEmail, true);
  if (pair.length >= limits.maxFailuresPerEmail) {
    blocks.push({ scope: "email-address", until: pair[pair.length - 1]!.createdAt.getTime() + windowMs });
  }

  // 3. The e-mail from anywhere: a backoff for addresses that failed recently (an unknown address
  //    cannot show it has not).
  const addressFailedRecently = input.ip === null || ipFailures.length > 0 || pair.length > 0;
  if (addressFailedRecently) {
    const cap = limits.maxFailuresPerEmail + MAX_BACKOFF_EXPONENT;
    const failures = await failuresSince(db, emailKey(input.email), since, cap, true);
    if (failures.length >= limits.maxFailuresPerEmail) {
      const exponent = failures.length - limits.maxFailuresPerEmail;
      const delayMs = Math.min(windowMs, 1000 * 2 ** exponent);
      const until = failures[0]!.createdAt.getTime() + delayMs;
      if (until > now.getTime()) blocks.push({ scope: "email", until });
    }
  }

  if (blocks.length === 0) return { limited: false };
  const longest = blocks.reduce((a, b) => (b.until > a.until ? b : a));
  const seconds = Math.max(1, Math.ceil((longest.until - now.getTime()) / 1000));
  // A wait of a minute or more is said, and sent as Retry-After, in whole minutes rounded up.
  const retryAfterSeconds = seconds < 60 ? seconds : Math.ceil(seconds / 60) * 60;
  return { limited: true, scope: longest.scope, retryAfterSeconds };
}

/** The rows of one attempt: the e-mail, the e-mail from this address, and the address. */
function attemptRows(input: { email: string; ip: string | null }, succeeded: boolean, createdAt: Date) {
  const keys = [emailKey(input.email), emailAddressKey(input.email, input.ip)];
  if (input.ip) keys.push(ipKey(input.ip));
  return keys.map((key) => ({ id: randomUUID(), key, succeeded, createdAt }));
}

export async function recordLoginAttempt(
  db: Reader,
  input: { email: string; ip: string | null; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  await db.loginAttempt.createMany({ data: attemptRows(input, input.succeeded, now) });
}

export type GuardedOutcome =
  { limited: true; retryAfterSeconds: number; scope: LimitScope } | { limited: false; ok: boolean };

/**
 * One password guess under the limits: refused (without checking the password) when they say so;
 * otherwise recorded as a failure, `verify` runs, and the rows are marked succeeded when it says so.
 */
export async function guardPasswordAttempt(
  db: Db,
  input: { email: string; ip: string | null },
  limits: LoginLimits,
  verify: () => Promise<boolean>,
  now = new Date(),
): Promise<GuardedOutcome> {
  const rows = attemptRows(input, false, now);
  const decision = await db.$transaction(async (tx) => {
    // Attempts at one e-mail, and from one address, are decided one at a time (e-mail first,
    // then address, by everyone: no lock cycle); the lock ends with this short transaction.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${emailKey(input.email)}))`;
    if (input.ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ipKey(input.ip)}))`;
    const checked = await checkLoginRateLimit(tx, input, limits, now);
    if (!checked.limited) await tx.loginAttempt.createMany({ data: rows });
    return checked;
  });
  if (decision.limited) return decision;
  const ok = await verify();
  if (ok) {
    await db.loginAttempt.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { succeeded: true } });
  }
  return { limited: false, ok };
}

/** "15 minutes", "1 minute", "40 seconds": how long a refused guesser waits, in words. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Attempts older than a day say nothing about rate limits any more (the retention job calls this). */
export async function deleteOldLoginAttempts(db: Db, now = new Date(), keepMs = 24 * 60 * 60 * 1000): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - keepMs) } },
  });
  return count;
}
