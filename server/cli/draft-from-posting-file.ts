// `screen -- jd FILE`: a job posting file (PDF, DOCX, plain text or Markdown) → the requisition
// draft as one JSON object. The posting is read exactly as a résumé is (type sniffed from the
// bytes, the same size, page and time limits, the same named failures); Markdown is plain text.
// Spans point into the extracted, normalised text.
import { readFile, stat } from "node:fs/promises";
import { detectFileType } from "../extraction/detect-file-type.ts";
import { ExtractionError, extractionErrors } from "../extraction/errors.ts";
import { extractText, type ExtractionLimits } from "../extraction/extract-text.ts";
import { draftRequisition } from "../jd/draft-requisition.ts";

const POSTING_FORMATS: readonly string[] = ["pdf", "docx", "txt"];

export type PostingFileResult =
  { ok: true; json: Record<string, unknown> } | { ok: false; code: string; message: string };

export async function draftFromPostingFile(file: string, limits: ExtractionLimits): Promise<PostingFileResult> {
  const { size } = await stat(file);
  if (size > limits.maxBytes) return failure(extractionErrors.tooManyBytes(size, limits.maxBytes));
  const bytes = new Uint8Array(await readFile(file));
  // Scans and photos are not postings: refused before any OCR could start.
  const type: string | null = detectFileType(bytes);
  if (type !== null && !POSTING_FORMATS.includes(type)) {
    return {
      ok: false,
      code: "unsupported_type",
      message: `This is an image (${type}), not a posting. Use a PDF, DOCX, plain-text or Markdown file.`,
    };
  }
  let text: string;
  try {
    ({ text } = await extractText(bytes, limits));
  } catch (error) {
    if (error instanceof ExtractionError) return failure(error);
    throw error;
  }
  const draft = draftRequisition(text);
  return {
    ok: true,
    json: {
      weights: draft.weights,
      evidence: draft.evidence,
      unscored: draft.unscored,
      warnings: draft.warnings.map(({ code, text: span, start, end, message }) => ({
        code,
        text: span,
        start,
        end,
        message,
      })),
    },
  };
}

function failure(error: ExtractionError): PostingFileResult {
  return { ok: false, code: error.code, message: error.message };
}
