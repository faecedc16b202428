// Upload glue: reads the multipart request into memory with hard limits, then hands each file
// to server/intake one after the other (sequentially, so one request cannot flood the pool).
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { intakeResume, type IntakeFile, type IntakeOutcome } from "@server/intake/intake-resume.ts";
import { logger } from "@server/logger.ts";
import { formatMegabytes } from "~/lib/format.ts";
import { enqueueParse, getConfig, getPrisma } from "@server/services.ts";

export const RESUME_FIELD = "resumes";

export type UploadReadResult =
  | { ok: true; files: IntakeFile[] }
  | { ok: false; status: 400 | 413; message: string };

class UploadRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

/**
 * Reads the uploaded résumés. A file over the size limit stops the request with a message that
 * names it (nothing has been stored yet at that point), instead of a 500.
 */
export async function readResumeUploads(request: Request): Promise<UploadReadResult> {
  const { MAX_UPLOAD_BYTES, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_REQUEST_BYTES } = getConfig();
  const tooBig = `This upload is larger than ${formatMegabytes(MAX_UPLOAD_REQUEST_BYTES)} in total. Nothing was uploaded; send the files in smaller batches.`;
  // Refuse before reading anything when the client says the body is too big...
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_REQUEST_BYTES) return { ok: false, status: 413, message: tooBig };
  // ...and count what actually arrives, since the header can be absent or wrong.
  let receivedBytes = 0;
  // One byte over the limit still reaches intake, which refuses it per file (too_large) while
  // the other files go through; anything bigger is cut off here without buffering it all.
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES + 1 });
  let fileCount = 0;
  const handler: UploadHandler = async (part) => {
    if (part.name !== RESUME_FIELD) return undefined;
    // A file input with nothing chosen still sends one empty part without a file name.
    if (!part.filename) return undefined;
    fileCount += 1;
    if (fileCount > MAX_FILES_PER_UPLOAD) {
      throw new UploadRefused(
        `Too many files in one upload: the limit is ${MAX_FILES_PER_UPLOAD}. Nothing was uploaded; send them in smaller batches.`,
        413,
      );
    }
    try {
      const file = await memory(part);
      receivedBytes += file instanceof File ? file.size : 0;
      if (receivedBytes > MAX_UPLOAD_REQUEST_BYTES) throw new UploadRefused(tooBig, 413);
      return file;
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) {
        throw new UploadRefused(
          `File “${part.filename}” is larger than ${formatMegabytes(MAX_UPLOAD_BYTES)}, the limit per résumé. Nothing was uploaded; remove that file and try again.`,
          413,
        );
      }
      throw error;
    }
  };

  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof UploadRefused) return { ok: false, status: error.status, message: error.message };
    if (error instanceof TypeError && /parse content as FormData/.test(error.message)) {
      return { ok: false, status: 400, message: "The upload could not be read: send the form as multipart/form-data." };
    }
    throw error;
  }

  const files: IntakeFile[] = [];
  for (const value of formData.getAll(RESUME_FIELD)) {
    if (typeof value === "string") continue;
    files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  if (files.length === 0) {
    return { ok: false, status: 400, message: "Choose at least one résumé file (PDF, DOCX, TXT or MD)." };
  }
  return { ok: true, files };
}

/** Stores and enqueues each file in turn; every file gets its own outcome. */
export async function intakeResumes(requisitionId: string, files: IntakeFile[]): Promise<IntakeOutcome[]> {
  const deps = {
    db: getPrisma(),
    enqueue: enqueueParse,
    maxBytes: getConfig().MAX_UPLOAD_BYTES,
    log: (message: string, error?: unknown) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error ?? "") }, message),
  };
  const outcomes: IntakeOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push(await intakeResume(deps, { requisitionId, file }));
    } catch (error) {
      // One file failing to store must not hide what happened to the others.
      logger.error({ err: error instanceof Error ? error.message : String(error), file: file.name }, "intake failed");
      outcomes.push({
        fileName: file.name,
        accepted: false,
        reason: { code: "internal", message: "This file could not be stored because of a server error. Try it again." },
      });
    }
  }
  return outcomes;
}
