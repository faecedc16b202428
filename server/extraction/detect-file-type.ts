// Which résumé format the bytes hold, decided from the content only: file names and declared
// MIME types are chosen by whoever uploads and cannot be trusted.
import { BINARY_SIGNATURES, hasPdfHeader, isDocx } from "./byte-signatures.ts";
import { imageFormatOf } from "./image-header.ts";
import { sniffText } from "./sniff-text.ts";

/** PNG and JPEG are scans or photos, read by OCR (docs/extraction.md §6); other images are refused. */
export type DetectedFileType = "pdf" | "docx" | "txt" | "png" | "jpeg";

export function detectFileType(bytes: Uint8Array): DetectedFileType | null {
  if (bytes.length === 0) return null;
  if (hasPdfHeader(bytes)) return "pdf";
  if (isDocx(bytes)) return "docx";
  const image = imageFormatOf(bytes);
  if (image) return image;
  if (BINARY_SIGNATURES.some((signature) => signature.test(bytes))) return null;
  // Markup and data files are text too, but screening them as résumés would be wrong (and
  // hostile HTML must never reach a page as a "résumé"); only plain text is accepted.
  return sniffText(bytes) === "text" ? "txt" : null;
}
