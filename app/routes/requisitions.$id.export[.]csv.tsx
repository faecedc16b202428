// GET /requisitions/:id/export.csv — the table's filtered view (or `?scope=shortlist`) as CSV:
// UTF-8 with BOM, formula-escaped, one row per candidate (columns in server/exports/csv.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "~/lib/exports.server.ts";

export function loader(args: LoaderFunctionArgs) {
  return exportResponse(args, "csv");
}
