// "Upload a new version" for an application whose file failed for a reason a retry cannot fix
// (unsupported type, encrypted, empty, no text, too large, damaged): the new file replaces it for
// that application (same candidate, stage, notes and history), and is queued to be read. The
// previous file is kept with the application (as one of its earlier files, `mergedIntoApplicationId`,
// so erasing the candidate deletes it too) and the audit entry names both. The new file is checked
// the way intake checks an upload (size, type sniffed from the bytes, image header): a file we
// could not read either is refused with the reason, and the old file stays in place.
// A scan that OCR read with low confidence (NEEDS_REVIEW, not ranked) can be replaced the same way:
// a better scan or a text version is the fix when the reviewer finds the reading too poor.
import { createHash } from "node:crypto";
import type { AuditActor } from "../audit/record-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { detectFileType } from "../extraction/detect-file-type.ts";
import { unsupportedBytesError } from "../extraction/describe-bytes.ts";
import { ExtractionError } from "../extraction/errors.ts";
import { readImageHeader } from "../extraction/image-header.ts";
import { DEFAULT_OCR_LIMITS } from "../extraction/read-scans.ts";
import type { FileType } from "../generated/prisma/enums.ts";
import { CLOSED_REQUISITION_MESSAGE } from "../intake/intake-upload.ts";
import { refusals } from "../intake/refusals.ts";
import { sanitizeFileName } from "../intake/sanitize-file-name.ts";

export { isRetryableFailure, RETRYABLE_FAILURES } from "./retryable-failures.ts";

/** The states whose file may be replaced: unreadable, or read by OCR and waiting for review. */
const REPLACEABLE = ["FAILED", "NEEDS_REVIEW"] as const;
const NOT_REPLACEABLE_MESSAGE =
  "Only a résumé that could not be read, or a scan waiting for review, can be replaced here.";

const FILE_TYPES = { pdf: "PDF", docx: "DOCX", txt: "TXT", png: "PNG", jpeg: "JPEG" } as const satisfies Record<
  string,
  FileType
>;

export interface ReplaceResumeInput {
  requisitionId: string;
  applicationId: string;
  file: { name: string; bytes: Uint8Array };
  maxBytes: number;
  maxImagePixels?: number;
  ip?: string | null;
}

export interface ReplaceResumeDeps {
  db: Db;
  enqueue: (applicationId: string, options?: { scan?: boolean }) => Promise<void>;
}

/** Why the new file cannot replace the old one (nothing changed), or null when it can. */
function refuseNewFile(bytes: Uint8Array, maxBytes: number, maxPixels: number): string | null {
  if (bytes.byteLength === 0) return refusals.emptyFile().message;
  if (bytes.byteLength > maxBytes) return refusals.fileTooLarge(bytes.byteLength, maxBytes).message;
  const format = detectFileType(bytes);
  if (!format) return unsupportedBytesError(bytes).message;
  if (format === "png" || format === "jpeg") {
    try {
      readImageHeader(bytes, maxPixels);
    } catch (error) {
      if (error instanceof ExtractionError) return error.message;
      throw error;
    }
  }
  return null;
}

export async function replaceResume(
  deps: ReplaceResumeDeps,
  actor: AuditActor,
  input: ReplaceResumeInput,
): Promise<{ enqueued: boolean; fileName: string }> {
  const { db } = deps;
  const fileName = sanitizeFileName(input.file.name);
  const { bytes } = input.file;
  const refused = refuseNewFile(bytes, input.maxBytes, input.maxImagePixels ?? DEFAULT_OCR_LIMITS.maxImagePixels);
  if (refused) throw new AppError("invalid_input", `${refused} The previous file was kept.`);
  const format = detectFileType(bytes)!;
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const replaced = await db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, requisitionId: input.requisitionId },
      select: {
        id: true,
        status: true,
        failureCode: true,
        requisition: { select: { status: true } },
        resumeFile: { select: { id: true, originalName: true, sha256: true } },
      },
    });
    if (!application) throw new AppError("not_found", "This candidate is not part of this requisition.");
    if (application.requisition.status !== "OPEN") throw new AppError("conflict", CLOSED_REQUISITION_MESSAGE);
    if (!(REPLACEABLE as readonly string[]).includes(application.status)) {
      throw new AppError("conflict", NOT_REPLACEABLE_MESSAGE);
    }
    if (application.resumeFile.sha256 === sha256) {
      throw new AppError("invalid_input", "This is the same file as before; it would fail the same way.");
    }
    const file = await tx.resumeFile.create({
      data: {
        originalName: fileName,
        detectedType: FILE_TYPES[format],
        sizeBytes: bytes.byteLength,
        sha256,
        bytes: new Uint8Array(bytes),
      },
      select: { id: true },
    });
    // The old file stays with the application as an earlier file (erased with it).
    await tx.resumeFile.update({
      where: { id: application.resumeFile.id },
      data: { mergedIntoApplicationId: application.id, mergedAt: new Date() },
    });
    const { count } = await tx.application.updateMany({
      where: { id: application.id, status: { in: [...REPLACEABLE] } },
      data: {
        resumeFileId: file.id,
        status: "QUEUED",
        failureCode: null,
        failureMessage: null,
        processedAt: null,
        attempts: 0,
        scanPages: null,
        displayName: fileName,
        // What was read from the old file (a scan's OCR reading) goes with it: nothing of it is
        // shown, filtered on or ranked while the new file waits to be read.
        productionScore: null,
        mlScore: null,
        overallScore: null,
        weightsVersion: null,
        yearsExperience: null,
        highestDegree: null,
        background: null,
        areaScores: [],
        skillIds: [],
      },
    });
    await tx.resumeAnalysis.deleteMany({ where: { applicationId: application.id } });
    if (count === 0) throw new AppError("conflict", NOT_REPLACEABLE_MESSAGE);
    await recordAudit(tx, actor, {
      action: "application.file_replaced",
      summary: `New version of the résumé uploaded (“${fileName}” replaces “${application.resumeFile.originalName}”); queued to be read`,
      targetType: "application",
      targetId: application.id,
      requisitionId: input.requisitionId,
      before: {
        file: application.resumeFile.originalName,
        status: application.status,
        failureCode: application.failureCode,
      },
      after: { file: fileName, status: "QUEUED" },
      ip: input.ip ?? null,
    });
    return application.id;
  });

  let enqueued = true;
  try {
    await deps.enqueue(replaced, { scan: format === "png" || format === "jpeg" });
  } catch {
    // Redis unreachable: the row is QUEUED, which is all the reconciler needs.
    enqueued = false;
  }
  return { enqueued, fileName };
}
