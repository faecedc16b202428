// Compliance: the fairness report's summary of results (§ 5-303) as a file, `?format=csv|json`
// with the report's own query (requisition, from, to, stage, exclude). The report page's loader
// makes the file (and audits the export); it lives on this resource route because a page route
// cannot answer a browser's document request with a download. The JSON carries the
// requisition's latest consistency check. Compliance users and admins only ("fairness.read").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { AppError } from "@server/errors/app-error.ts";
import { appErrorJson } from "~/lib/app-error.server.ts";
import { requirePermission } from "~/lib/auth.server.ts";
import { loader as reportLoader } from "./compliance.report.tsx";

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args.request, "fairness.read");
  const format = new URL(args.request.url).searchParams.get("format");
  if (format !== "csv" && format !== "json") {
    return appErrorJson(new AppError("invalid_input", "The export format is csv or json."));
  }
  try {
    return await reportLoader(args);
  } catch (error) {
    // The report answers its errors with a thrown Response (for its page); a file request gets it as is.
    if (error instanceof Response) return error;
    throw error;
  }
}
