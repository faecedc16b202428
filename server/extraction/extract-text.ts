// The text of a résumé file, whatever its format, within size, page and time limits.
// Every failure is an ExtractionError with a code from the screening contract.
import { decodeText } from "./decode-text.ts";
import { unsupportedBytesError } from "./describe-bytes.ts";
import { detectFileType } from "./detect-file-type.ts";
import { extractDocxText } from "./extract-docx-text.ts";
import { extractPdfText } from "./extract-pdf-text.ts";
import { ExtractionError, extractionErrors } from "./errors.ts";
import { normalizeText } from "./normalize-text.ts";
import { withTimeLimit } from "./with-time-limit.ts";

export interface ExtractionLimits {
  maxBytes: number;
  maxPdfPages: number;
  timeoutMs: number;
  /** MAX_DOCX_UNCOMPRESSED_BYTES: most bytes a DOCX may inflate to (default 50 MB). */
  maxDocxUnpackedBytes?: number;
}

export interface ExtractedText {
  format: "pdf" | "docx" | "txt";
  text: string;
  pageCount: number | null;
}

export async function extractText(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedText> {
  if (bytes.length === 0) throw extractionErrors.emptyFile();
  if (bytes.length > limits.maxBytes) throw extractionErrors.tooManyBytes(bytes.length, limits.maxBytes);
  const format = detectFileType(bytes);
  if (format === null) throw unsupportedBytesError(bytes);
  return withTimeLimit(limits.timeoutMs, async (signal) => {
    try {
      return await readFormat(format, bytes, limits, signal);
    } catch (error) {
      // Parsers throw odd things on hostile files; none of them may escape unnamed.
      if (error instanceof ExtractionError) throw error;
      throw extractionErrors.corrupt(format);
    }
  });
}

async function readFormat(
  format: ExtractedText["format"],
  bytes: Uint8Array,
  limits: ExtractionLimits,
  signal: AbortSignal,
): Promise<ExtractedText> {
  if (format === "pdf") {
    const { pages, pageCount } = await extractPdfText(bytes, { maxPages: limits.maxPdfPages, signal });
    const text = normalizeText(pages.join("\n\n"));
    // Icon glyphs or stray marks are not text: with no letter or digit the PDF is a picture.
    if (!/[\p{L}\p{N}]/u.test(text)) throw extractionErrors.noText();
    return { format, text, pageCount };
  }
  const raw = format === "docx" ? await extractDocxText(bytes, limits.maxDocxUnpackedBytes) : decodeText(bytes).text;
  const text = normalizeText(raw);
  if (text === "") throw extractionErrors.emptyText(format);
  return { format, text, pageCount: null };
}
