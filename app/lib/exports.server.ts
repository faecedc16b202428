// The export routes' server side (GET /requisitions/:id/export.csv and .json): the same query
// string as the table (filters + sort; page is ignored) plus `scope=shortlist`, permission
// "export", and the file streamed as an attachment. Domain code lives in server/exports.
import { createReadableStreamFromReadable, type AppLoadContext } from "@remix-run/node";
import { parseCandidatesQuery } from "@server/candidates/candidates-query.ts";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import { startCandidatesExport, type ExportFormat, type ExportScope } from "@server/exports/export-candidates.ts";
import { auditActor, clientIp, requireRequisitionPermission } from "./auth.server.ts";
import { getPrisma } from "./db.server.ts";

const TEXT_HEADERS = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

/** A resource route answers a refusal with plain text (the browser shows it as is), not a page. */
function plainText(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: TEXT_HEADERS });
}

/** A `data({title, message}, {status})` thrown by the auth helpers, as plain text. */
function asPlainText(thrown: unknown): Response | null {
  if (!thrown || typeof thrown !== "object" || !("init" in thrown) || !("data" in thrown)) return null;
  const { data, init } = thrown as { data: { title?: string; message?: string } | null; init: ResponseInit | null };
  const status = init?.status ?? 500;
  const text = [data?.title, data?.message].filter(Boolean).join(": ");
  return plainText(status, text || "Request refused.");
}

function scopeOf(params: URLSearchParams): ExportScope {
  const scope = params.get("scope");
  if (scope === null || scope === "" || scope === "view") return "view";
  if (scope === "shortlist") return "shortlist";
  throw new AppError("invalid_input", "scope must be shortlist or view");
}

export async function exportResponse(
  args: { request: Request; params: { id?: string }; context?: Partial<AppLoadContext> },
  format: ExportFormat,
): Promise<Response> {
  const { request, params, context } = args;
  let user;
  try {
    user = await requireRequisitionPermission(request, params.id, "export");
  } catch (thrown) {
    // A redirect to the sign-in page stays a redirect.
    if (thrown instanceof Response) throw thrown;
    const response = asPlainText(thrown);
    if (response) return response;
    throw thrown;
  }
  const search = new URL(request.url).searchParams;
  let query;
  let scope: ExportScope;
  try {
    query = parseCandidatesQuery(search);
    scope = scopeOf(search);
  } catch (error) {
    if (isAppError(error)) return plainText(400, `This export link has an invalid table setting: ${error.message}.`);
    throw error;
  }
  try {
    const started = await startCandidatesExport(getPrisma(), {
      requisitionId: params.id!,
      query,
      scope,
      format,
      actor: auditActor(user),
      ip: clientIp(request, context),
    });
    return new Response(createReadableStreamFromReadable(started.body), {
      status: 200,
      headers: {
        "Content-Type": started.contentType,
        "Content-Disposition": `attachment; filename="${started.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Export-Row-Count": String(started.header.rowCount),
      },
    });
  } catch (error) {
    if (isAppError(error)) return plainText(error.status, error.message);
    throw error;
  }
}
