// GET /requisitions/:id/export.json — the same rows as the CSV export, with a header block:
// requisition, weights version and weights, filters, who exported and when, row count.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "~/lib/exports.server.ts";

export function loader(args: LoaderFunctionArgs) {
  return exportResponse(args, "json");
}
