// POST /api/requisitions/:id/resumes — the upload endpoint for scripts and the benchmark:
// multipart/form-data with any number of files in the field `resumes` (résumés and ZIP archives,
// the same rules as the upload form). Answers JSON:
//   200 { batchId, fileCount, outcomes: [{ fileName, archive, accepted, applicationId?, status?, enqueued?, reason }] }
//   400/409/413 { error } when the request as a whole is refused (nothing stored): not multipart,
//     the requisition is closed (409), too big or too many files (413); a body cut off before its
//     end is a 400 that also lists `arrived` (the files that came in whole) and `cutOff`
//   401/403/404 { title, message } from the permission check; 503 when the database is unreachable.
// An accepted file is stored and QUEUED even when Redis is down (`enqueued: false`): the worker's
// reconciler enqueues it later.
import type { ActionFunctionArgs } from "@remix-run/node";
import { isAppError } from "@server/errors/app-error.ts";
import { requireRequisitionPermission } from "~/lib/auth.server.ts";
import { receiveUpload, UploadCutOffError } from "~/lib/intake.server.ts";

const USE_POST = { error: "Use POST with multipart/form-data (field: resumes)." };

export async function action({ params, request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json(USE_POST, { status: 405, headers: { Allow: "POST" } });
  const user = await asJsonResponse(() => requireRequisitionPermission(request, params.id, "upload"));
  try {
    const receipt = await receiveUpload(request, { requisitionId: params.id!, uploadedById: user.id });
    const { batchId, fileCount, outcomes } = receipt;
    return Response.json({ batchId, fileCount, outcomes });
  } catch (error) {
    if (error instanceof UploadCutOffError) {
      return Response.json(
        { error: error.message, arrived: error.arrived, cutOff: error.cutOff },
        { status: error.status },
      );
    }
    if (isAppError(error)) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}

export function loader() {
  return Response.json(USE_POST, { status: 405, headers: { Allow: "POST" } });
}

/**
 * A resource route must throw Responses: a thrown `data(...)` (what the auth helpers throw for
 * 401/403/404) would reach the client without its message.
 */
async function asJsonResponse<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (isDataWithInit(error)) throw Response.json(error.data, error.init ?? undefined);
    throw error;
  }
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}
