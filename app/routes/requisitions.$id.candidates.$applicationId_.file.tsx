// GET /requisitions/:id/candidates/:applicationId/file — the original résumé, as an attachment
// (headers in server/candidates/download-resume.ts). Refused while blind review hides identity.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isAppError } from "@server/errors/app-error.ts";
import { auditActor, clientIp, requireApplicationPermission } from "~/lib/auth.server.ts";
import { downloadResume } from "~/lib/candidate.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { user, application } = await requireApplicationPermission(request, params.applicationId, "download");
  try {
    const file = await downloadResume(getPrisma(), auditActor(user), {
      // A mismatched :id is "not found" (downloadResume checks the pair).
      requisitionId: params.id ?? "",
      applicationId: application.id,
      // ?file=<id>: a file merged into this candidate from a duplicate (server/candidates/merge-candidates.ts).
      fileId: new URL(request.url).searchParams.get("file"),
      ip: clientIp(request, context),
    });
    return new Response(file.bytes, { status: 200, headers: file.headers });
  } catch (error) {
    if (!isAppError(error)) throw error;
    // A resource route answers with plain text: the browser shows it as is (404, or 403 under blind review).
    return new Response(`${error.message}\n`, {
      status: error.status,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
}
