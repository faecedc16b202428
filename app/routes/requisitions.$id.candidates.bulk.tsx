// POST /requisitions/:id/candidates/bulk — the candidates table's bulk actions (stage changes for
// the selection or for every candidate matching the view, retrying failed résumés). Answers JSON
// for the table's fetcher; the table shows the message as a toast and its loader revalidates.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requireUser } from "~/lib/auth.server.ts";
import { bulkActionInputFrom, retryWithQueue, runBulkAction, type BulkActionResult } from "~/lib/candidates.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { isAppError } from "@server/errors/app-error.ts";

export type BulkActionData = { ok: true; result: BulkActionResult } | { ok: false; error: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  // Signed in (401 otherwise). runBulkAction then checks that the requisition exists, that the user
  // is a member, and that the role allows the intent ("stage" to move, "upload" to retry), through
  // server/auth/authorise-requisition.ts like every route; its refusals come back as JSON so the
  // table shows them in place instead of replacing the page with an error.
  const user = await requireUser(request);
  const db = getPrisma();
  try {
    const input = bulkActionInputFrom(await request.formData());
    const result = await runBulkAction({ db, retry: retryWithQueue(db) }, user, params.id!, input, {
      ip: clientIp(request, context),
    });
    // A Response (not `data()`): this route has no page, so a plain POST from a script gets the
    // real status too, not 200 with the status inside the body.
    return Response.json({ ok: true, result } satisfies BulkActionData);
  } catch (error) {
    if (isAppError(error)) {
      return Response.json({ ok: false, error: error.message } satisfies BulkActionData, { status: error.status });
    }
    throw error;
  }
}

/** A GET (someone followed the URL) goes back to the table. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/requisitions/${params.id}`);
}
