// Server-only glue of the fairness screens (issue 16): the routes import the report, the import,
// the single entry, the consistency runs and the audit through this .server module so none of it
// (Prisma, node builtins) reaches the browser bundle.
export { recordAudit } from "@server/audit/record-audit.ts";
export { auditConsistencyView, latestConsistencyRun, startConsistencyRun } from "@server/fairness/consistency-runs.ts";
export { loadFairnessReport } from "@server/fairness/load-report.ts";
export {
  importSelfIdentification,
  MAX_SELF_IDENTIFICATION_CSV_BYTES,
  planSelfIdentificationImport,
} from "@server/fairness/import-self-identification.ts";
export {
  findApplicationsForEntry,
  recordSelfIdentification,
  selfIdentificationTemplate,
} from "@server/fairness/record-self-identification.ts";
export { summaryCsv } from "@server/fairness/summary-csv.ts";
export { summariseResults } from "@server/fairness/summary-of-results.ts";
export { multipartBoundary, readMultipart } from "@server/http/multipart.ts";
export { enqueueConsistency } from "@server/services.ts";
