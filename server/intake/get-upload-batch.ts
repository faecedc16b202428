// What the progress view of one upload batch shows: counts per processing status, every stored
// file with its state and reason, and the files refused at intake. Also the counts alone (for
// the event stream, once a second) and the recent batches of a requisition still in progress.
import { PROCESSING_STATES, zeroCounts } from "../contract/vocabulary.ts";
import type { Db } from "../db/client.ts";
import type { ProcessingStatus, Stage } from "../generated/prisma/enums.ts";
import { anonymousLabel, identityVisible } from "../privacy/blind-review.ts";
import type { RefusedFile } from "./intake-upload.ts";
import { withoutFileNames } from "./refusals.ts";

export type StatusCounts = Record<ProcessingStatus, number>;

export interface BatchCounts extends StatusCounts {
  /** Applications stored by the batch (refused files are not applications). */
  total: number;
  /** Still QUEUED or PROCESSING: the view keeps listening while this is above 0. */
  pending: number;
}

export interface BatchFile {
  applicationId: string;
  /** The uploaded file's name, or a neutral label when blind review hides it. */
  fileName: string;
  identityHidden: boolean;
  status: ProcessingStatus;
  failureCode: string | null;
  failureMessage: string | null;
  /** Pages found scanned by a first, text-only reading: the file waits for OCR (null: none). */
  scanPages: number | null;
}

export interface UploadBatchView {
  id: string;
  requisitionId: string;
  createdAt: Date;
  createdBy: string | null;
  fileCount: number;
  counts: BatchCounts;
  files: BatchFile[];
  refused: RefusedFile[];
}

export function emptyCounts(): BatchCounts {
  return { ...zeroCounts(PROCESSING_STATES), total: 0, pending: 0 };
}

function toCounts(groups: Array<{ status: ProcessingStatus; _count: { _all: number } }>): BatchCounts {
  const counts = emptyCounts();
  for (const group of groups) counts[group.status] = group._count._all;
  counts.total = PROCESSING_STATES.reduce((sum, status) => sum + counts[status], 0);
  counts.pending = counts.QUEUED + counts.PROCESSING;
  return counts;
}

/** Counts per status of one batch (one grouped query on the batchId index). */
export async function countBatchStatuses(db: Db, batchId: string): Promise<BatchCounts> {
  const groups = await db.application.groupBy({ by: ["status"], where: { batchId }, _count: { _all: true } });
  return toCounts(groups);
}

/**
 * The batch, or null when it does not exist in this requisition. Blind review hides file names
 * (they often carry the candidate's name) from everyone but the person who uploaded them, who
 * has the files anyway and needs to know which one to ask again for.
 */
export async function getUploadBatch(
  db: Db,
  input: { requisitionId: string; batchId: string; viewerId: string | null },
): Promise<UploadBatchView | null> {
  const batch = await db.uploadBatch.findFirst({
    where: { id: input.batchId, requisitionId: input.requisitionId },
    select: {
      id: true,
      requisitionId: true,
      createdAt: true,
      createdById: true,
      createdBy: { select: { name: true } },
      fileCount: true,
      refused: true,
      requisition: { select: { blindReview: true } },
    },
  });
  if (!batch) return null;
  const [counts, applications] = await Promise.all([
    countBatchStatuses(db, batch.id),
    db.application.findMany({
      where: { batchId: batch.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        stage: true,
        failureCode: true,
        failureMessage: true,
        scanPages: true,
        resumeFile: { select: { originalName: true } },
      },
    }),
  ]);
  const uploader = batch.createdById !== null && batch.createdById === input.viewerId;
  const visible = (stage: Stage) => uploader || identityVisible(batch.requisition.blindReview, stage);
  return {
    id: batch.id,
    requisitionId: batch.requisitionId,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy?.name ?? null,
    fileCount: batch.fileCount,
    counts,
    files: applications.map((application) => {
      const shown = visible(application.stage);
      return {
        applicationId: application.id,
        fileName: shown ? application.resumeFile.originalName : anonymousLabel(application.id),
        identityHidden: !shown,
        status: application.status,
        failureCode: application.failureCode,
        failureMessage: application.failureMessage,
        scanPages: application.scanPages,
      };
    }),
    refused: readRefused(batch.refused).map((file, index) =>
      uploader || !batch.requisition.blindReview
        ? file
        : { ...file, fileName: `Refused file ${index + 1}`, archive: null, message: withoutFileNames(file.message) },
    ),
  };
}

export interface RecentBatch {
  id: string;
  createdAt: Date;
  createdBy: string | null;
  fileCount: number;
  refusedCount: number;
  counts: BatchCounts;
}

/** The requisition's latest batches, newest first, with their counts (one grouped query). */
export async function listRecentBatches(db: Db, requisitionId: string, limit = 20): Promise<RecentBatch[]> {
  const batches = await db.uploadBatch.findMany({
    where: { requisitionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, createdBy: { select: { name: true } }, fileCount: true, refused: true },
  });
  if (batches.length === 0) return [];
  const groups = await db.application.groupBy({
    by: ["batchId", "status"],
    where: { batchId: { in: batches.map((batch) => batch.id) } },
    _count: { _all: true },
  });
  return batches.map((batch) => ({
    id: batch.id,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy?.name ?? null,
    fileCount: batch.fileCount,
    refusedCount: readRefused(batch.refused).length,
    counts: toCounts(groups.filter((group) => group.batchId === batch.id)),
  }));
}

/** UploadBatch.refused is JSON written by intakeUpload; anything else in it is ignored. */
function readRefused(value: unknown): RefusedFile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const { fileName, archive, code, message, applicationId } = item as Record<string, unknown>;
    if (typeof fileName !== "string" || typeof code !== "string" || typeof message !== "string") return [];
    const file: RefusedFile = { fileName, archive: typeof archive === "string" ? archive : null, code, message };
    // A copy of a file already in the requisition links to that candidate (find-same-file.ts).
    if (typeof applicationId === "string") file.applicationId = applicationId;
    return [file];
  });
}
