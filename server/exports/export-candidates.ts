// Exporting a requisition's shortlist, or the table's current filtered view, as CSV or JSON.
//
// Each export is an audit packet (issue 5): the rows carry scores, area breakdown, gaps, reasons,
// weights version, stage and who decided it; the JSON adds a header block with the weights
// themselves, the filters, who exported and when. Identity follows blind review exactly as the
// table does (rows come from selectCandidateRows). The export itself is an audit entry "export".
//
// Consistency: the count, the audit entry's row count and the rows come from ONE database
// snapshot (a REPEATABLE READ transaction held while the file streams), so a stage change made
// during a long download can neither duplicate nor drop a row of the file.
// Memory: rows are read and written EXPORT_CHUNK_SIZE at a time, so 100,000 rows stream in
// bounded memory.
import { PassThrough, pipeline, type Readable } from "node:stream";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { CandidateFilters, CandidatesQuery, SortKey } from "../candidates/candidates-query.ts";
import { countCandidates, loadRankingContext } from "../candidates/list-candidates.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { logger } from "../logger.ts";
import type { RequisitionWeights } from "../ranking/weights-schema.ts";
import { AREAS } from "../taxonomy/areas.ts";
import { csvStream } from "./csv.ts";
import { exportRowChunks } from "./export-rows.ts";
import { jsonStream } from "./json.ts";

export type ExportFormat = "csv" | "json";
/** `shortlist`: the shortlisted candidates (stage SHORTLISTED); `view`: the table's filtered view. */
export type ExportScope = "shortlist" | "view";

export interface ExportRequest {
  requisitionId: string;
  query: Pick<CandidatesQuery, "sorts" | "filters">;
  scope: ExportScope;
  format: ExportFormat;
  /** Who exports (recorded in the file's header and in the audit entry). */
  actor: AuditActor;
  ip?: string | null;
  now?: Date;
}

export interface ExportHeader {
  requisition: { id: string; title: string; blindReview: boolean };
  scope: ExportScope;
  format: ExportFormat;
  weightsVersion: number;
  weights: RequisitionWeights;
  /** Filters applied (the shortlist scope adds stage SHORTLISTED). */
  filters: CandidateFilters;
  sort: SortKey[];
  exportedBy: string;
  exportedAt: string;
  rowCount: number;
  /** The areas of the area scores, in order, with their dimension. */
  areas: Array<{ id: string; name: string; dimension: string; guideLabel: string }>;
}

export interface StartedExport {
  header: ExportHeader;
  fileName: string;
  contentType: string;
  /** The file's bytes; reading it to the end (or destroying it) ends the snapshot. */
  body: Readable;
}

/** Longest time one export may hold its snapshot (a very slow download of a huge file). */
const EXPORT_TIMEOUT_MS = 15 * 60_000;

/** "ML Engineer, Platform (Berlin)" → "ml-engineer-platform-berlin". */
export function requisitionSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "requisition";
}

/** "<requisition-slug>-shortlist-YYYY-MM-DD.csv" (or "-candidates-" for a filtered view). */
export function exportFileName(title: string, scope: ExportScope, format: ExportFormat, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  return `${requisitionSlug(title)}-${scope === "shortlist" ? "shortlist" : "candidates"}-${day}.${format}`;
}

/** The filters an export applies: the shortlist scope narrows any filters to stage SHORTLISTED. */
export function exportFilters(filters: CandidateFilters, scope: ExportScope): CandidateFilters {
  return scope === "shortlist" ? { ...filters, stage: ["SHORTLISTED"] } : filters;
}

function summary(scope: ExportScope, format: ExportFormat, rowCount: number): string {
  const what = scope === "shortlist" ? "the shortlist" : "a filtered view";
  return `Exported ${what} as ${format.toUpperCase()}: ${rowCount} candidate${rowCount === 1 ? "" : "s"}`;
}

/**
 * Starts an export: opens the snapshot, counts the rows, records the audit entry, and returns
 * the header and a stream of the file. Throws a `not_found` AppError before any byte.
 */
export async function startCandidatesExport(db: Db, request: ExportRequest): Promise<StartedExport> {
  const exportedAt = request.now ?? new Date();
  const query = { sorts: request.query.sorts, filters: exportFilters(request.query.filters, request.scope) };
  const body = new PassThrough();
  let isStarted = false;
  let resolveReady: (value: { header: ExportHeader; fileName: string }) => void = () => {};
  let rejectReady: (error: unknown) => void = () => {};
  const ready = new Promise<{ header: ExportHeader; fileName: string }>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  const transaction = db.$transaction(
    async (tx) => {
      // Nothing in an export writes through this snapshot.
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      const requisition = await tx.requisition.findUnique({
        where: { id: request.requisitionId },
        select: { id: true, title: true },
      });
      if (!requisition) throw new AppError("not_found", "Requisition not found.");
      // The list's functions take the client type; inside the callback the transaction client
      // has the same query methods (only $transaction/$connect are missing, and they are unused).
      const snapshot = tx as unknown as Db;
      const context = await loadRankingContext(snapshot, requisition.id);
      const rowCount = await countCandidates(snapshot, context, query.filters);
      const fileName = exportFileName(requisition.title, request.scope, request.format, exportedAt);
      const header: ExportHeader = {
        requisition: { id: requisition.id, title: requisition.title, blindReview: context.blindReview },
        scope: request.scope,
        format: request.format,
        weightsVersion: context.version,
        weights: context.weights,
        filters: query.filters,
        sort: query.sorts,
        exportedBy: request.actor.label,
        exportedAt: exportedAt.toISOString(),
        rowCount,
        areas: AREAS.map(({ id, name, dimension, guideLabel }) => ({ id, name, dimension, guideLabel })),
      };
      // Recorded (and committed, on the main client) before the first byte leaves: an export is
      // never delivered without its entry.
      await recordAudit(db, request.actor, {
        action: "export",
        summary: summary(request.scope, request.format, rowCount),
        targetType: "requisition",
        targetId: requisition.id,
        requisitionId: requisition.id,
        after: {
          format: request.format,
          scope: request.scope,
          filters: query.filters as Prisma.InputJsonValue,
          sort: query.sorts as unknown as Prisma.InputJsonValue,
          rowCount,
          weightsVersion: context.version,
          blindReview: context.blindReview,
          fileName,
        },
        ip: request.ip ?? null,
      });
      isStarted = true;
      resolveReady({ header, fileName });

      const chunks = exportRowChunks(snapshot, context, query);
      const file = request.format === "csv" ? csvStream(chunks) : jsonStream(header, chunks);
      await new Promise<void>((resolve, reject) => {
        pipeline(file, body, (error) => (error ? reject(error) : resolve()));
      });
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: EXPORT_TIMEOUT_MS },
  );
  transaction.catch((error: unknown) => {
    if (!isStarted) {
      rejectReady(error);
      body.destroy();
      return;
    }
    // A download the client cancelled is not a failure worth a log line.
    const cancelled = (error as { code?: string } | null)?.code === "ERR_STREAM_PREMATURE_CLOSE";
    if (!cancelled)
      logger.error(
        { err: error, requisitionId: request.requisitionId, format: request.format },
        "export failed mid-file",
      );
    // A failure mid-file cuts the download short (the reader sees the error) rather than ending
    // it as if it were complete.
    if (!body.destroyed) body.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  const { header, fileName } = await ready;
  return {
    header,
    fileName,
    contentType: request.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    body,
  };
}
