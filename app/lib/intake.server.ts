// Upload glue between Remix and server/intake. The multipart request (read by
// server/http/multipart.ts, which keeps file names with ";" or "=") is streamed to a private
// temporary folder (never into memory), with hard limits on the request, each file and the file
// count; then server/intake stores the files one at a time (ZIP archives entry by entry) into
// one UploadBatch, and the folder is removed. Memory holds one résumé at a time whatever the
// upload's size; disk holds at most MAX_UPLOAD_REQUEST_BYTES per request, briefly.
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { countBatchStatuses, getUploadBatch, listRecentBatches } from "@server/intake/get-upload-batch.ts";
import { AppError } from "@server/errors/app-error.ts";
import {
  assertRequisitionTakesUploads,
  intakeUpload,
  isArchiveName,
  type ReceivedFile,
  type UploadReceipt,
} from "@server/intake/intake-upload.ts";
import { sanitizeFileName } from "@server/intake/sanitize-file-name.ts";
import {
  multipartBoundary,
  MultipartFormatError,
  MultipartTruncatedError,
  readMultipart,
} from "@server/http/multipart.ts";
import { logger } from "@server/logger.ts";
import { enqueueParse, getConfig, getPrisma } from "@server/services.ts";
import { formatMegabytes } from "~/lib/format.ts";

export const RESUME_FIELD = "resumes";

function uploadDeps() {
  const config = getConfig();
  return {
    db: getPrisma(),
    enqueue: enqueueParse,
    limits: {
      maxFileBytes: config.MAX_UPLOAD_BYTES,
      maxFiles: config.MAX_FILES_PER_UPLOAD,
      maxZipBytes: config.MAX_ZIP_UNCOMPRESSED_BYTES,
    },
    log: (message: string, error?: unknown) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error ?? "") }, message),
  };
}

/** Most names listed in a refusal's message; the rest are counted. */
const LISTED_NAMES = 12;

function listNames(names: string[]): string {
  const quoted = names.slice(0, LISTED_NAMES).map((name) => `“${name}”`);
  const more = names.length - quoted.length;
  return more > 0 ? `${quoted.join(", ")} and ${more} more` : quoted.join(", ");
}

/**
 * The upload stopped arriving before its end (a dropped connection, a client that sent a
 * shorter body than it announced). Nothing is stored; the message and `arrived` name the files
 * that came in whole, `cutOff` the one that was being received.
 */
export class UploadCutOffError extends AppError {
  constructor(
    readonly arrived: string[],
    readonly cutOff: string | null,
  ) {
    super(
      "invalid_input",
      [
        "The upload was cut off before it ended, so nothing was stored.",
        cutOff ? `It stopped while “${cutOff}” was arriving.` : null,
        arrived.length > 0 ? `Arrived complete: ${listNames(arrived)}.` : "No file arrived complete.",
        "Send the upload again.",
      ]
        .filter(Boolean)
        .join(" "),
    );
  }
}

/** A file whose name the browser sent in a form we cannot read keeps its bytes under this name. */
export function fallbackFileName(position: number): string {
  return `unnamed-file-${position}`;
}

/**
 * Reads the multipart upload (field `resumes`: résumés and .zip archives) and stores it as one
 * batch. Refuses the whole request, storing nothing, when the requisition is closed (`conflict`),
 * when it is over the total size or file count (`too_large`), or when it is not a multipart form
 * or was cut off before its end (`invalid_input`, UploadCutOffError naming what arrived);
 * everything else is decided per file in the receipt. Every file part is kept: one whose name
 * cannot be read is stored as `unnamed-file-N` with its bytes.
 */
export async function receiveUpload(
  request: Request,
  input: { requisitionId: string; uploadedById: string | null },
): Promise<UploadReceipt> {
  const { MAX_UPLOAD_BYTES, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_REQUEST_BYTES } = getConfig();
  // Before a byte of the body is read: a closed requisition takes no résumés.
  await assertRequisitionTakesUploads(getPrisma(), input.requisitionId);
  const tooBig =
    `This upload is larger than ${formatMegabytes(MAX_UPLOAD_REQUEST_BYTES)} in total. ` +
    "Nothing was uploaded; send the files in smaller batches.";
  // Refuse before reading anything when the client says the body is too big...
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_REQUEST_BYTES) throw new AppError("too_large", tooBig);
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary || !request.body) {
    throw new AppError("invalid_input", "The upload could not be read: send the form as multipart/form-data.");
  }

  const folder = await mkdtemp(path.join(os.tmpdir(), "mle-upload-"));
  try {
    const files: ReceivedFile[] = [];
    // ...and count what actually arrives, since the header can be absent or wrong.
    let receivedBytes = 0;
    let receiving: string | null = null;
    try {
      for await (const part of readMultipart(request.body, boundary)) {
        if (part.field !== RESUME_FIELD || (part.filename === null && !part.filenameUnreadable)) continue;
        const position = files.length + 1;
        const name = part.filenameUnreadable ? fallbackFileName(position) : (part.filename ?? "");
        receiving = name || fallbackFileName(position);
        if (files.length >= MAX_FILES_PER_UPLOAD) {
          throw new AppError(
            "too_large",
            `Too many files in one upload: the limit is ${MAX_FILES_PER_UPLOAD}. ` +
              "Nothing was uploaded; send them in smaller batches, or as a ZIP archive.",
          );
        }
        // An archive may be as big as the request; a résumé stops being written one byte past its
        // limit (and is refused as too large) while the rest of its bytes are read and dropped.
        const limit = isArchiveName(name) ? MAX_UPLOAD_REQUEST_BYTES : MAX_UPLOAD_BYTES;
        const target = path.join(folder, String(files.length));
        const handle = await open(target, "wx", 0o600);
        let size = 0;
        let overLimit = false;
        try {
          for await (const chunk of part.data) {
            receivedBytes += chunk.byteLength;
            if (receivedBytes > MAX_UPLOAD_REQUEST_BYTES) throw new AppError("too_large", tooBig);
            size += chunk.byteLength;
            if (overLimit) continue;
            if (size > limit) {
              overLimit = true;
              continue;
            }
            await handle.write(chunk);
          }
        } finally {
          await handle.close();
        }
        receiving = null;
        // A file input with nothing chosen sends one empty part with an empty name: not a file.
        if (name === "" && size === 0) continue;
        files.push({ name: name || fallbackFileName(position), source: { path: target }, size, overLimit });
      }
    } catch (error) {
      if (error instanceof MultipartTruncatedError) {
        throw new UploadCutOffError(
          files.map((file) => sanitizeFileName(file.name)),
          receiving === null ? null : sanitizeFileName(receiving),
        );
      }
      if (error instanceof MultipartFormatError) {
        throw new AppError("invalid_input", `The upload could not be read: ${error.message}`);
      }
      throw error;
    }
    if (files.length === 0) {
      throw new AppError(
        "invalid_input",
        "Choose at least one résumé (PDF, DOCX, TXT or MD) or a ZIP archive of them.",
      );
    }
    const receipt = await intakeUpload(uploadDeps(), { ...input, files });
    logger.info(
      {
        batchId: receipt.batchId,
        files: receipt.fileCount,
        refused: receipt.outcomes.filter((o) => !o.accepted).length,
      },
      "upload batch received",
    );
    return receipt;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function getBatchView(requisitionId: string, batchId: string, viewerId: string) {
  return getUploadBatch(getPrisma(), { requisitionId, batchId, viewerId });
}

export function getBatchCounts(batchId: string) {
  return countBatchStatuses(getPrisma(), batchId);
}

export function getRecentBatches(requisitionId: string) {
  return listRecentBatches(getPrisma(), requisitionId);
}

/** Does the batch belong to the requisition? (The event stream checks once, then only counts.) */
export async function batchExists(requisitionId: string, batchId: string): Promise<boolean> {
  const batch = await getPrisma().uploadBatch.findFirst({
    where: { id: batchId, requisitionId },
    select: { id: true },
  });
  return batch !== null;
}
