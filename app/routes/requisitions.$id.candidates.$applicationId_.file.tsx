// GET /requisitions/:id/candidates/:applicationId/file — the original résumé, as an attachment
// (headers in server/candidates/download-resume.ts). Refused while blind review hides identity.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditActor, clientIp, requireApplicationPermission } from "~/lib/auth.server.ts";
import { downloadResume } from "~/lib/candidate.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { user, application } = await requireApplicationPermission(request, params.applicationId, "download");
  const outcome = await downloadResume(getPrisma(), auditActor(user), {
    // A mismatched :id is "not found" (downloadResume checks the pair).
    requisitionId: params.id ?? "",
    applicationId: application.id,
    ip: clientIp(request, context),
  });
  if (!outcome.ok) {
    // A resource route answers with plain text: the browser shows it as is.
    const hidden = outcome.reason === "identity_hidden";
    return new Response(
      hidden
        ? "Original file hidden by blind review: it shows the candidate's identity, so it can be downloaded once the candidate is shortlisted.\n"
        : "Candidate not found: this candidate is not part of this requisition.\n",
      {
        status: hidden ? 403 : 404,
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      },
    );
  }
  return new Response(outcome.bytes, { status: 200, headers: outcome.headers });
}
