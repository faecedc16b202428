// A job posting file (PDF, DOCX, plain text or Markdown) → its text, read exactly as a résumé is:
// type sniffed from the bytes (server/extraction/detect-file-type.ts), the same size, page, time
// and unpacked-size limits, and the same named failures (codes of the screening contract). Only
// the advice differs: a résumé's says "ask the candidate", a posting's says what the hiring team
// can do (another format, or paste the text). Scans and photos are not postings: images are
// refused and a PDF without a text layer is not read by OCR. The web's posting intake and
// `screen -- jd` both read files through here.
import { checkDeclaredType } from "../extraction/check-declared-type.ts";
import { describeUnsupportedBytes } from "../extraction/describe-bytes.ts";
import { detectFileType } from "../extraction/detect-file-type.ts";
import { ExtractionError, formatBytes } from "../extraction/errors.ts";
import { extractText, type ExtractionLimits } from "../extraction/extract-text.ts";

export type PostingFormat = "pdf" | "docx" | "txt";

export type PostingFileResult =
  { ok: true; text: string; format: PostingFormat } | { ok: false; code: ExtractionError["code"]; message: string };

const USE_INSTEAD = "Use a PDF, Word (DOCX), plain-text or Markdown file, or paste the posting's text.";
const PASTE_INSTEAD = "Paste the posting's text instead.";

/** The limits of a résumé, without OCR (postings are not scans). */
export type PostingLimits = Omit<ExtractionLimits, "ocr">;

export async function readPostingFile(
  fileName: string,
  bytes: Uint8Array,
  limits: PostingLimits,
): Promise<PostingFileResult> {
  if (bytes.length === 0) return { ok: false, code: "empty", message: `The file is empty (0 bytes). ${USE_INSTEAD}` };
  if (bytes.length > limits.maxBytes) return tooLarge(bytes.length, limits.maxBytes);
  const format = detectFileType(bytes);
  if (format === null) {
    return {
      ok: false,
      code: "unsupported_type",
      message: `This file is ${describeUnsupportedBytes(bytes)}, not a posting that can be read. ${USE_INSTEAD}`,
    };
  }
  if (format === "png" || format === "jpeg") {
    return {
      ok: false,
      code: "unsupported_type",
      message: `This file is an image (${format.toUpperCase()}), not a posting that can be read. ${USE_INSTEAD}`,
    };
  }
  try {
    checkDeclaredType(fileName, format);
    const { text } = await extractText(bytes, { ...limits, ocr: false });
    return { ok: true, text, format: format as PostingFormat };
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    return { ok: false, code: error.code, message: postingMessage(error) };
  }
}

/** `size` null: reading stopped at the limit, the actual size is unknown. */
export function tooLarge(size: number | null, max: number): Extract<PostingFileResult, { ok: false }> {
  return {
    ok: false,
    code: "too_large",
    message:
      (size === null
        ? `The file is larger than ${formatBytes(max)}, the limit per file. `
        : `The file is ${formatBytes(size)}; the limit is ${formatBytes(max)}. `) + PASTE_INSTEAD,
  };
}

/** The extraction's own first sentence (what is wrong), then advice for the hiring team. */
function postingMessage(error: ExtractionError): string {
  switch (error.code) {
    case "empty":
      return `The file contains no text. ${USE_INSTEAD}`;
    case "no_text":
      return `This PDF has no text layer (a scan or a picture of the posting), so nothing can be read from it. ${PASTE_INSTEAD}`;
    case "encrypted":
      return `${firstSentence(error.message)} Save a copy without a password, or paste the posting's text.`;
    default:
      return `${firstSentence(error.message)} ${PASTE_INSTEAD}`;
  }
}

function firstSentence(message: string): string {
  return message.split(/(?<=\.)\s+(?=[A-Z])/)[0] ?? message;
}
