// Sign-out: POST only (a link or an image must not be able to sign someone out). Destroys the
// session row, clears the cookie and records it.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "@server/audit/record-audit.ts";
import { destroySession } from "@server/auth/sessions.ts";
import { auditActor, clearedSessionCookie, clientIp, getUser, readSessionToken } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

export async function loader() {
  return redirect("/requisitions");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const db = getPrisma();
  const user = await getUser(request);
  await destroySession(db, readSessionToken(request));
  if (user) {
    await recordAudit(db, auditActor(user), {
      action: "auth.sign_out",
      summary: `${user.email} signed out`,
      targetType: "user",
      targetId: user.id,
      ip: clientIp(request, context),
    });
  }
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": clearedSessionCookie(request) } });
}
