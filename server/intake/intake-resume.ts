// Intake of one uploaded résumé: sniff the type from the bytes, store file + candidate +
// application in ONE transaction, then enqueue a parse job carrying only the application id.
// If Redis is unreachable the application stays QUEUED in PostgreSQL and the worker's
// reconciler enqueues it later: nothing is lost.
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { detectFileType } from "../extraction/detect-file-type.ts";
import { unsupportedBytesError } from "../extraction/describe-bytes.ts";
import { ExtractionError } from "../extraction/errors.ts";
import { readImageHeader } from "../extraction/image-header.ts";
import { DEFAULT_OCR_LIMITS } from "../extraction/read-scans.ts";
import type { FileType } from "../generated/prisma/enums.ts";
import { findSameFile, sameFileReason } from "./find-same-file.ts";
import { refusals } from "./refusals.ts";
import { sanitizeFileName } from "./sanitize-file-name.ts";

export interface IntakeFile {
  name: string;
  bytes: Uint8Array;
}

export type IntakeOutcome =
  | {
      fileName: string;
      accepted: true;
      applicationId: string;
      status: "QUEUED" | "FAILED";
      reason: IntakeReason | null;
      enqueued: boolean;
    }
  | { fileName: string; accepted: false; reason: IntakeReason };

export interface IntakeReason {
  code: string;
  message: string;
  /** code "duplicate": the application that already holds these bytes (server/candidates/duplicates.ts). */
  applicationId?: string;
}

export interface IntakeDeps {
  db: Db;
  /** Enqueues the parse job; may throw when Redis is down (the row stays QUEUED). */
  /** `scan`: a PNG/JPEG, read by OCR: queued behind text résumés (server/queue/parse-queue.ts). */
  enqueue: (applicationId: string, options?: { scan?: boolean }) => Promise<void>;
  maxBytes: number;
  /** MAX_IMAGE_PIXELS (default 40 MP): larger PNG/JPEG scans fail at intake, undecoded. */
  maxImagePixels?: number;
  log?: (message: string, error?: unknown) => void;
}

function imageHeaderError(bytes: Uint8Array, format: string, maxPixels = DEFAULT_OCR_LIMITS.maxImagePixels) {
  if (format !== "png" && format !== "jpeg") return null;
  try {
    readImageHeader(bytes, maxPixels);
    return null;
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
}

const FORMAT_TO_FILE_TYPE = {
  pdf: "PDF",
  docx: "DOCX",
  txt: "TXT",
  png: "PNG",
  jpeg: "JPEG",
} as const satisfies Record<string, FileType>;

export async function intakeResume(
  deps: IntakeDeps,
  input: { requisitionId: string; file: IntakeFile; uploadedById?: string | null; batchId?: string | null },
): Promise<IntakeOutcome> {
  const fileName = sanitizeFileName(input.file.name);
  const { bytes } = input.file;

  if (bytes.byteLength === 0) {
    return { fileName, accepted: false, reason: refusals.emptyFile() };
  }
  if (bytes.byteLength > deps.maxBytes) {
    return { fileName, accepted: false, reason: refusals.fileTooLarge(bytes.byteLength, deps.maxBytes) };
  }

  // The same bytes already in this requisition: no second row; the uploader is told where it is.
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const same = await findSameFile(deps.db, input.requisitionId, sha256);
  if (same) return { fileName, accepted: false, reason: sameFileReason(same) };

  const format = detectFileType(bytes);
  // A file we cannot read still belongs to a real applicant: keep it, visible as FAILED with the
  // reason, so the recruiter can ask for another format instead of silently losing the person.
  // A PNG/JPEG whose header is cut short or declares too many pixels fails here, from its header
  // alone (the worker checks again with its own MAX_IMAGE_PIXELS).
  const refusal = format ? imageHeaderError(bytes, format, deps.maxImagePixels) : unsupportedBytesError(bytes);
  const unsupported = refusal ? { code: refusal.code, message: refusal.message } : null;

  const application = await deps.db.application.create({
    data: {
      requisition: { connect: { id: input.requisitionId } },
      candidate: { create: {} },
      uploadedBy: input.uploadedById ? { connect: { id: input.uploadedById } } : undefined,
      batch: input.batchId ? { connect: { id: input.batchId } } : undefined,
      resumeFile: {
        create: {
          originalName: fileName,
          detectedType: format ? FORMAT_TO_FILE_TYPE[format] : null,
          sizeBytes: bytes.byteLength,
          sha256,
          bytes: new Uint8Array(bytes),
        },
      },
      displayName: fileName,
      status: unsupported ? "FAILED" : "QUEUED",
      // A photo or scan as PNG/JPEG is one page for OCR, queued behind the text résumés: the
      // screens say "Waiting for OCR" from the start (a PDF's scanned pages are known only once
      // the worker has read its text layer).
      scanPages: !unsupported && (format === "png" || format === "jpeg") ? 1 : null,
      failureCode: unsupported?.code ?? null,
      failureMessage: unsupported?.message ?? null,
      processedAt: unsupported ? new Date() : null,
    },
    select: { id: true },
  });

  if (unsupported) {
    return {
      fileName,
      accepted: true,
      applicationId: application.id,
      status: "FAILED",
      reason: unsupported,
      enqueued: false,
    };
  }

  let enqueued = true;
  try {
    await deps.enqueue(application.id, { scan: format === "png" || format === "jpeg" });
  } catch (error) {
    enqueued = false;
    deps.log?.(`Could not enqueue application ${application.id}; the reconciler will retry`, error);
  }
  return { fileName, accepted: true, applicationId: application.id, status: "QUEUED", reason: null, enqueued };
}
