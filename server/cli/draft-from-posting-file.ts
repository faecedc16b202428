// `screen -- jd FILE`: a job posting file (PDF, DOCX, plain text or Markdown) → the requisition
// draft as one JSON object. The posting is read exactly as a résumé is (type sniffed from the
// bytes, the same size, page and time limits, the same named failures: read-posting-file.ts, shared with
// the web's posting intake); Markdown is plain text.
// Spans point into the extracted, normalised text.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ExtractionLimits } from "../extraction/extract-text.ts";
import { draftRequisition } from "../jd/draft-requisition.ts";
import { readPostingFile, tooLarge } from "../requisitions/read-posting-file.ts";

export type PostingFileResult =
  { ok: true; json: Record<string, unknown> } | { ok: false; code: string; message: string };

export async function draftFromPostingFile(file: string, limits: ExtractionLimits): Promise<PostingFileResult> {
  const { size } = await stat(file);
  if (size > limits.maxBytes) return tooLarge(size, limits.maxBytes);
  // The same reading as the web's posting intake (server/requisitions/read-posting-file.ts): images
  // and scans are refused before any OCR could start.
  const read = await readPostingFile(path.basename(file), new Uint8Array(await readFile(file)), limits);
  if (!read.ok) return read;
  const { text } = read;
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
