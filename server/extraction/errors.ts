// Extraction failures carry a code from the screening contract and a message written for a
// recruiter: what is wrong with the file and what to ask the candidate for.
import type { ExtractionErrorCode } from "../contract/screening-result.ts";

// Not an AppError: a file's named failure is data (stored in the result, part of the contract), not a caller error.
export class ExtractionError extends Error {
  override name = "ExtractionError";

  constructor(
    public readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Not a failure: the file needs OCR and this reading was asked to leave OCR for later
 * (ExtractionLimits.ocrLater). The job is read again, OCR included, at scan priority.
 */
export class OcrDeferredError extends Error {
  override name = "OcrDeferredError";

  constructor(public readonly pages: number[]) {
    super(`OCR of page(s) ${pages.join(", ")} left for a later reading`);
  }
}

const ASK_FOR =
  "Ask the candidate for a PDF, a Word document (DOCX), a plain-text file, or a PNG or JPEG scan or photo.";

/** Readable size: "812 KB", "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, "") : Math.round(mb)} MB`;
}

function megapixels(pixels: number): string {
  return `${Number((pixels / 1e6).toFixed(1))} megapixels`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** One constructor per failure, so the wording stays consistent wherever it is raised. */
export const extractionErrors = {
  emptyFile: () => new ExtractionError("empty", `The file is empty (0 bytes). ${ASK_FOR}`),

  emptyText: (format: "txt" | "docx") =>
    new ExtractionError(
      "empty",
      format === "docx"
        ? "This Word document contains no text. Ask the candidate to send their résumé again."
        : "This text file contains no text, only blank space. Ask the candidate to send their résumé again.",
    ),

  /** Nothing readable: no text layer, and OCR of the page images found no text either. */
  noText: (format: "pdf" | "image" = "pdf") =>
    new ExtractionError(
      "no_text",
      (format === "pdf"
        ? "This PDF has no text layer, and reading its pages as images (OCR) found no text. "
        : "Reading this image (OCR) found no text. ") +
        "Ask the candidate for a text-based PDF or DOCX, or a sharper scan.",
    ),

  corruptImage: (format: "png" | "jpeg" | "image") =>
    new ExtractionError(
      "corrupt",
      `The ${format === "image" ? "" : `${format.toUpperCase()} `}image is damaged and could not be read. ` +
        "Ask the candidate to send the scan or photo again, or a PDF.",
    ),

  truncatedImage: (format: "png" | "jpeg") =>
    new ExtractionError(
      "corrupt",
      `The ${format.toUpperCase()} image is cut short (its end is missing), so part of the picture is lost. ` +
        "Ask the candidate to send the scan or photo again, or a PDF.",
    ),

  tooManyPixels: (width: number, height: number, max: number) =>
    new ExtractionError(
      "too_large",
      `The image is ${width} × ${height} pixels (${megapixels(width * height)}); at most ${megapixels(max)} ` +
        "are read. Ask the candidate for a smaller scan (150–300 dpi is plenty) or a PDF.",
    ),

  tooManyOcrPages: (pages: number, max: number) =>
    new ExtractionError(
      "too_large",
      `The PDF has ${pages} scanned pages (pages without text); at most ${max} are read by OCR. ` +
        "Ask the candidate for a text-based PDF or DOCX, or a shorter scan.",
    ),

  ocrPageTimeout: (ms: number, page: number) =>
    new ExtractionError(
      "timeout",
      `Reading scanned page ${page} (OCR) took longer than the ${formatDuration(ms)} limit and was stopped. ` +
        "Ask the candidate for a text-based PDF or DOCX, or a cleaner scan.",
    ),

  encryptedPdf: () =>
    new ExtractionError(
      "encrypted",
      "The PDF is password-protected, so its text cannot be read. Ask the candidate for a " +
        "copy without a password.",
    ),

  encryptedOffice: () =>
    new ExtractionError(
      "encrypted",
      "The Word document is password-protected, so its text cannot be read. Ask the candidate " +
        "for a copy without a password, or a PDF.",
    ),

  corruptPdf: () =>
    new ExtractionError(
      "corrupt",
      "The PDF is damaged and could not be read (its internal structure is broken). Ask the " +
        "candidate to export or download it again.",
    ),

  corruptDocx: () =>
    new ExtractionError(
      "corrupt",
      "The Word document is damaged and could not be read. Ask the candidate to save it again " +
        "as DOCX or to send a PDF.",
    ),

  /** A damaged file of the given format (or of unknown format). */
  corrupt: (format: "pdf" | "docx" | "txt" | "png" | "jpeg" | null) =>
    format === "pdf"
      ? extractionErrors.corruptPdf()
      : format === "docx"
        ? extractionErrors.corruptDocx()
        : format === "png" || format === "jpeg"
          ? extractionErrors.corruptImage(format)
          : new ExtractionError(
              "corrupt",
              "The file is damaged and could not be read. Ask the candidate to send it again.",
            ),

  /** The name claims a binary format but the bytes are only text (see check-declared-type). */
  mislabelled: (extension: string) =>
    new ExtractionError(
      "corrupt",
      `The file is named .${extension} but contains no ${extension.toUpperCase()} data, only ` +
        "plain text; it was probably damaged or renamed. Ask the candidate to export it again.",
    ),

  tooManyBytes: (size: number, max: number) =>
    new ExtractionError(
      "too_large",
      `The file is ${formatBytes(size)}; the limit is ${formatBytes(max)}. Ask the candidate ` +
        "for a smaller file (a résumé is rarely more than 1 MB).",
    ),

  tooManyPages: (pages: number, max: number) =>
    new ExtractionError(
      "too_large",
      `The PDF has ${pages} pages; at most ${max} are read. Ask the candidate for a shorter ` + "résumé.",
    ),

  /** `size` is null when inflating was stopped at the limit (the actual total is unknown). */
  tooMuchUnpacked: (size: number | null, max: number) =>
    new ExtractionError(
      "too_large",
      (size === null
        ? `The Word document unpacks to more than ${formatBytes(max)}, the limit. `
        : `The Word document unpacks to ${formatBytes(size)}; the limit is ${formatBytes(max)}. `) +
        "Ask the candidate for a PDF or a smaller document.",
    ),

  timeout: (ms: number) =>
    new ExtractionError(
      "timeout",
      `Reading the file took longer than the ${formatDuration(ms)} limit and was stopped. The file ` +
        "may be unusually complex; ask the candidate for a simpler PDF or a DOCX.",
    ),

  unsupported: (description: string, advice = ASK_FOR) =>
    new ExtractionError(
      "unsupported_type",
      `This file is ${description}, not a résumé format that can be read. ${advice}`,
    ),
};
