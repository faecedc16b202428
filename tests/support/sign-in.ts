// A signed-in admin for tests and the benchmark that talk to a real web process: the user and a
// session row are created directly (what POST /login does after checking the password), and the
// session cookie is returned for the Cookie header.
import { randomBytes } from "node:crypto";
import type { Db } from "../../server/db/client.ts";
import { createSession, SESSION_COOKIE } from "../../server/auth/sessions.ts";

export async function signedInAdminCookie(db: Db): Promise<{ cookie: string; userId: string }> {
  const user = await db.user.create({
    data: { email: `admin-${randomBytes(4).toString("hex")}@test.example`, name: "Test Admin", role: "ADMIN" },
  });
  const { token } = await createSession(db, user.id);
  return { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}`, userId: user.id };
}
