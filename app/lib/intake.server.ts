// Upload glue between Remix and server/intake. The multipart request is streamed to a private
// temporary folder (never into memory), with hard limits on the request, each file and the file
// count; then server/intake stores the files one at a time (ZIP archives entry by entry) into
// one UploadBatch, and the folder is removed. Memory holds one résumé at a time whatever the
// upload's size; disk holds at most MAX_UPLOAD_REQUEST_BYTES per request, briefly.
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { countBatchStatuses, getUploadBatch, listRecentBatches } from "@server/intake/get-upload-batch.ts";
import { AppError } from "@server/errors/app-error.ts";
import { intakeUpload, isArchiveName, type ReceivedFile, type UploadReceipt } from "@server/intake/intake-upload.ts";
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

/**
 * Reads the multipart upload (field `resumes`: résumés and .zip archives) and stores it as one
 * batch. Refuses the whole request, storing nothing, only when it is over the total size or file
 * count or is not a multipart form (an AppError: `too_large` or `invalid_input`); everything
 * else is decided per file in the receipt.
 */
export async function receiveUpload(
  request: Request,
  input: { requisitionId: string; uploadedById: string | null },
): Promise<UploadReceipt> {
  const { MAX_UPLOAD_BYTES, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_REQUEST_BYTES } = getConfig();
  const tooBig =
    `This upload is larger than ${formatMegabytes(MAX_UPLOAD_REQUEST_BYTES)} in total. ` +
    "Nothing was uploaded; send the files in smaller batches.";
  // Refuse before reading anything when the client says the body is too big...
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_REQUEST_BYTES) throw new AppError("too_large", tooBig);

  const folder = await mkdtemp(path.join(os.tmpdir(), "mle-upload-"));
  try {
    const files: ReceivedFile[] = [];
    // ...and count what actually arrives, since the header can be absent or wrong.
    let receivedBytes = 0;
    const handler: UploadHandler = async (part) => {
      // A file input with nothing chosen still sends one empty part without a file name.
      if (part.name !== RESUME_FIELD || !part.filename) return undefined;
      if (files.length >= MAX_FILES_PER_UPLOAD) {
        throw new AppError(
          "too_large",
          `Too many files in one upload: the limit is ${MAX_FILES_PER_UPLOAD}. ` +
            "Nothing was uploaded; send them in smaller batches, or as a ZIP archive.",
        );
      }
      // An archive may be as big as the request; a résumé stops being written one byte past its
      // limit (and is refused as too large) while the rest of its bytes are read and dropped.
      const limit = isArchiveName(part.filename) ? MAX_UPLOAD_REQUEST_BYTES : MAX_UPLOAD_BYTES;
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
      files.push({ name: part.filename, source: { path: target }, size, overLimit });
      return undefined;
    };

    try {
      await unstable_parseMultipartFormData(request, handler);
    } catch (error) {
      if (error instanceof TypeError && /parse content as FormData/.test(error.message)) {
        throw new AppError("invalid_input", "The upload could not be read: send the form as multipart/form-data.");
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
