// One upload request (many files, one or more ZIP archives) → one UploadBatch. Each file, loose
// or inside an archive, is stored and queued (intakeResume) or refused with a named reason;
// the batch keeps the refusals so the progress view can show them after a reload. Files are
// handled one at a time and an archive's entries are read one at a time, so memory holds one
// résumé whatever the size of the upload.
import { readFile } from "node:fs/promises";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { intakeResume, type IntakeDeps } from "./intake-resume.ts";
import { expandZip, scanZip, type ZipLimits, type ZipSource } from "./read-zip.ts";
import { refusals, type Refusal } from "./refusals.ts";
import { sanitizeFileName } from "./sanitize-file-name.ts";

export interface ReceivedFile {
  /** The name the browser sent (sanitised before it is stored or shown). */
  name: string;
  /** A temporary file written while the request streamed in, or bytes in memory. */
  source: ZipSource;
  /** Bytes received. */
  size: number;
  /** Reading stopped at the per-file limit: refused as too large, never read. */
  overLimit?: boolean;
}

export interface UploadLimits {
  /** MAX_UPLOAD_BYTES: largest résumé, loose or inside an archive. */
  maxFileBytes: number;
  /** MAX_FILES_PER_UPLOAD: most files in one upload, archive entries included. */
  maxFiles: number;
  /** MAX_ZIP_UNCOMPRESSED_BYTES: most bytes one archive may inflate to. */
  maxZipBytes: number;
}

export interface UploadDeps {
  db: Db;
  enqueue: IntakeDeps["enqueue"];
  limits: UploadLimits;
  log?: (message: string, error?: unknown) => void;
}

/** What happened to one file; `archive` names the ZIP it came from. */
export type FileOutcome =
  | {
      fileName: string;
      archive: string | null;
      accepted: true;
      applicationId: string;
      status: "QUEUED" | "FAILED";
      reason: { code: string; message: string } | null;
      enqueued: boolean;
    }
  | {
      fileName: string;
      archive: string | null;
      accepted: false;
      reason: { code: string; message: string; applicationId?: string };
    };

/** A refused file as kept in UploadBatch.refused. */
export interface RefusedFile {
  fileName: string;
  archive: string | null;
  code: string;
  message: string;
  /** code "duplicate": the candidate that already has this file (server/intake/find-same-file.ts). */
  applicationId?: string;
}

export interface UploadReceipt {
  batchId: string;
  /** Files received, refused ones included (a refused archive counts as one). */
  fileCount: number;
  outcomes: FileOutcome[];
}

export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name.trim());
}

/** The words a recruiter reads when uploading to a closed requisition (form and API). */
export const CLOSED_REQUISITION_MESSAGE =
  "This requisition is closed, so it takes no new résumés and nothing was uploaded. " +
  "Reopen it in its Settings to upload, or upload to an open requisition.";

/** Refuses (conflict) an upload to a closed requisition, or to one that does not exist (not_found). */
export async function assertRequisitionTakesUploads(db: Db, requisitionId: string): Promise<void> {
  const requisition = await db.requisition.findUnique({ where: { id: requisitionId }, select: { status: true } });
  if (!requisition) throw new AppError("not_found", "This requisition does not exist.");
  if (requisition.status !== "OPEN") throw new AppError("conflict", CLOSED_REQUISITION_MESSAGE);
}

export async function intakeUpload(
  deps: UploadDeps,
  input: { requisitionId: string; uploadedById: string | null; files: ReceivedFile[] },
): Promise<UploadReceipt> {
  const { db, limits } = deps;
  // Checked again here (the route checks before reading the body): closing may have happened meanwhile.
  await assertRequisitionTakesUploads(db, input.requisitionId);
  const batch = await db.uploadBatch.create({
    data: { requisitionId: input.requisitionId, createdById: input.uploadedById, fileCount: 0, refused: [] },
    select: { id: true },
  });
  const intakeDeps: IntakeDeps = { db, enqueue: deps.enqueue, maxBytes: limits.maxFileBytes, log: deps.log };
  const outcomes: FileOutcome[] = [];
  const looseFiles = input.files.filter((file) => !isArchiveName(file.name)).length;
  let archivedFiles = 0;
  let fileCount = 0;

  const store = async (name: string, bytes: Uint8Array, archive: string | null) => {
    try {
      const outcome = await intakeResume(intakeDeps, {
        requisitionId: input.requisitionId,
        uploadedById: input.uploadedById,
        batchId: batch.id,
        file: { name, bytes },
      });
      outcomes.push({ ...outcome, archive });
    } catch (error) {
      // One file failing to store must not hide what happened to the others.
      deps.log?.(`Could not store ${name}`, error);
      outcomes.push({ fileName: sanitizeFileName(name), archive, accepted: false, reason: refusals.internal() });
    }
  };

  for (const file of input.files) {
    const fileName = sanitizeFileName(file.name);
    if (!isArchiveName(file.name)) {
      fileCount += 1;
      if (file.overLimit) {
        outcomes.push({
          fileName,
          archive: null,
          accepted: false,
          reason: refusals.fileTooLarge(null, limits.maxFileBytes),
        });
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = "bytes" in file.source ? file.source.bytes : new Uint8Array(await readFile(file.source.path));
      } catch (error) {
        deps.log?.(`Could not read the received file ${fileName}`, error);
        outcomes.push({ fileName, archive: null, accepted: false, reason: refusals.internal() });
        continue;
      }
      await store(file.name, bytes, null);
      continue;
    }

    const zipLimits: ZipLimits = {
      maxFiles: limits.maxFiles,
      maxEntryBytes: limits.maxFileBytes,
      maxArchiveBytes: limits.maxZipBytes,
    };
    const refuseArchive = (reason: Refusal) => {
      fileCount += 1;
      outcomes.push({ fileName, archive: null, accepted: false, reason });
    };
    try {
      const scan = await scanZip(file.source, zipLimits);
      if (!scan.ok) {
        refuseArchive(scan.refusal);
        continue;
      }
      const others = looseFiles + archivedFiles;
      if (others + scan.files > limits.maxFiles) {
        refuseArchive(refusals.tooManyInUpload(scan.files, others, limits.maxFiles));
        continue;
      }
      archivedFiles += scan.files;
      fileCount += scan.files;
      await expandZip(file.source, zipLimits, async (entry) => {
        if (entry.refusal) {
          outcomes.push({ fileName: entry.name, archive: fileName, accepted: false, reason: entry.refusal });
          return;
        }
        await store(entry.name, entry.bytes, fileName);
      });
    } catch (error) {
      deps.log?.(`Could not unpack ${fileName}`, error);
      refuseArchive(refusals.internal());
    }
  }

  const refused: RefusedFile[] = outcomes.flatMap((outcome) =>
    outcome.accepted
      ? []
      : [
          {
            fileName: outcome.fileName,
            archive: outcome.archive,
            code: outcome.reason.code,
            message: outcome.reason.message,
            ...("applicationId" in outcome.reason ? { applicationId: outcome.reason.applicationId } : {}),
          },
        ],
  );
  await db.uploadBatch.update({ where: { id: batch.id }, data: { fileCount, refused: refused as object[] } });
  return { batchId: batch.id, fileCount, outcomes };
}
