// Server-side sessions. The browser holds a random 256-bit token in an httpOnly cookie; the
// database stores only its SHA-256, so a leaked database dump cannot be replayed as a cookie.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { Role } from "../generated/prisma/enums.ts";

export const SESSION_COOKIE = "mle_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt/expiry are refreshed at most this often, so page views do not each write a row. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The session token from the Cookie header (Remix routes and the Express queue dashboard both
 * read it here); null for a malformed value.
 */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      try {
        return value ? decodeURIComponent(value) : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt, createdAt: now, lastSeenAt: now } });
  return { token, expiresAt };
}

/** The signed-in user for a cookie token, or null (unknown, expired, or the account is disabled). */
export async function getSessionUser(
  db: Db,
  token: string | null | undefined,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!session || session.expiresAt <= now || session.user.disabled) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  const { disabled: _disabled, ...user } = session.user;
  return { ...user, sessionId: session.id };
}

export async function destroySession(db: Db, token: string | null | undefined): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
