// POST /requisitions/:id/candidates/:applicationId/duplicates — the candidate page's answer to a
// duplicate flag (issue 14, item 7): intent "merge" folds the other application into this one
// (server/candidates/merge-candidates.ts: one candidate, both files, joined history), intent "keep"
// keeps both as two candidates (server/candidates/duplicates.ts). Both are audited. Recruiters and
// admins (the "upload" permission: intake housekeeping). Answers JSON for the page's fetcher; a GET
// goes back to the candidate.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import { auditActor, clientIp, requireApplicationPermission } from "~/lib/auth.server.ts";
import { keepBoth, mergeCandidates } from "~/lib/candidate.server.ts";
import { getPrisma } from "~/lib/db.server.ts";

export type DuplicateActionData = { ok: true; message: string } | { ok: false; error: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { user, application } = await requireApplicationPermission(request, params.applicationId, "upload");
  const db = getPrisma();
  try {
    const form = await request.formData();
    const intent = form.get("intent");
    const otherId = String(form.get("otherId") ?? "").trim();
    if (!otherId) throw new AppError("invalid_input", "Choose the other candidate.");
    const input = { requisitionId: params.id ?? "", ip: clientIp(request, context) };
    if (intent === "merge") {
      const merged = await mergeCandidates(db, auditActor(user), {
        ...input,
        keepId: application.id,
        mergeId: otherId,
      });
      return Response.json({
        ok: true,
        message: `Merged: one candidate with ${merged.filesKept} files; notes and stage history joined.`,
      } satisfies DuplicateActionData);
    }
    if (intent === "keep") {
      await keepBoth(db, auditActor(user), { ...input, applicationId: application.id, otherId });
      return Response.json({ ok: true, message: "Kept as two candidates." } satisfies DuplicateActionData);
    }
    throw new AppError("invalid_input", "Unknown action: merge or keep.");
  } catch (error) {
    if (isAppError(error)) {
      return Response.json({ ok: false, error: error.message } satisfies DuplicateActionData, { status: error.status });
    }
    throw error;
  }
}

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/requisitions/${params.id}/candidates/${params.applicationId}`);
}
