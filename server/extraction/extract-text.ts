// The text of a résumé file, whatever its format, within size, page and time limits.
// Every failure is an ExtractionError with a code from the screening contract.
import { decodeText } from "./decode-text.ts";
import { unsupportedBytesError } from "./describe-bytes.ts";
import { detectFileType } from "./detect-file-type.ts";
import { extractDocxText } from "./extract-docx-text.ts";
import { extractPdfText } from "./extract-pdf-text.ts";
import { ExtractionError, extractionErrors, OcrDeferredError } from "./errors.ts";
import { readImageHeader } from "./image-header.ts";
import { normalizeText } from "./normalize-text.ts";
import { DEFAULT_OCR_LIMITS, meanConfidence, OCR_RENDER_DPI, readScans, type OcrLimits } from "./read-scans.ts";
import { withTimeLimit } from "./with-time-limit.ts";
import type { TextSource } from "../contract/screening-result.ts";
import type { OcrPageText } from "./ocr-layout.ts";

export interface ExtractionLimits {
  maxBytes: number;
  maxPdfPages: number;
  timeoutMs: number;
  /** MAX_DOCX_UNCOMPRESSED_BYTES: most bytes a DOCX may inflate to (default 50 MB). */
  maxDocxUnpackedBytes?: number;
  /** Scans and photos (PNG, JPEG, PDF pages without text): OCR limits, or false to refuse them as before. */
  ocr?: OcrLimits | false;
  /**
   * Read text only, OCR later: a file that needs OCR (a PNG/JPEG, or a PDF with pages to OCR) is
   * neither rendered nor read; this is called with those pages and extraction stops with an
   * OcrDeferredError. The worker's first reading of a job at normal priority sets it, so a scan
   * waits behind text résumés (server/screening/screen-job.ts). A function: set inside the parse
   * thread, never sent to it.
   */
  ocrLater?: (pages: number[]) => void;
}

export interface ExtractedText {
  format: "pdf" | "docx" | "txt" | "png" | "jpeg";
  text: string;
  pageCount: number | null;
  /** Where the text came from: the file's text, OCR of its images, or both (a PDF with some scanned pages). */
  textSource: TextSource;
  /** Mean OCR confidence (0–100) of the pages read by OCR; null when none was. */
  ocrConfidence: number | null;
  /** Pages read by OCR (whose text is used). */
  ocrPages: number;
}

export interface ExtractionHooks {
  /** Called as OCR starts, with its time budget: the parse pool extends its hard limit by it. */
  onOcrStart?: (budgetMs: number) => void;
}

export async function extractText(
  bytes: Uint8Array,
  limits: ExtractionLimits,
  hooks: ExtractionHooks = {},
): Promise<ExtractedText> {
  if (bytes.length === 0) throw extractionErrors.emptyFile();
  if (bytes.length > limits.maxBytes) throw extractionErrors.tooManyBytes(bytes.length, limits.maxBytes);
  const format = detectFileType(bytes);
  if (format === null) throw unsupportedBytesError(bytes);
  const ocr = limits.ocr === undefined ? DEFAULT_OCR_LIMITS : limits.ocr;
  try {
    if (format === "png" || format === "jpeg") {
      if (!ocr) throw unsupportedBytesError(bytes);
      return await readImage(format, bytes, ocr, limits.ocrLater, hooks);
    }
    const read = await withTimeLimit(limits.timeoutMs, (signal) => readFormat(format, bytes, limits, ocr, signal));
    if (read.format === "pdf" && limits.ocrLater && read.ocrPages.length > 0) deferOcr(limits.ocrLater, read.ocrPages);
    if (read.format !== "pdf" || !ocr || read.scans.length === 0)
      return finish(read.format, read.pages, read.pageCount, []);
    const ocrText = await readScans(
      read.scans.map((scan) => ({ page: scan.page, image: scan.png })),
      { limits: ocr, format: read.format, onOcrStart: hooks.onOcrStart },
    );
    return finish(read.format, read.pages, read.pageCount, [...ocrText]);
  } catch (error) {
    // Parsers throw odd things on hostile files; none of them may escape unnamed.
    if (error instanceof ExtractionError || error instanceof OcrDeferredError) throw error;
    throw extractionErrors.corrupt(format);
  }
}

type ReadFormat =
  | {
      format: "pdf";
      pages: string[];
      pageCount: number;
      scans: Array<{ page: number; png: Uint8Array }>;
      ocrPages: number[];
    }
  | { format: "docx" | "txt"; pages: string[]; pageCount: null; scans: []; ocrPages: [] };

async function readFormat(
  format: "pdf" | "docx" | "txt",
  bytes: Uint8Array,
  limits: ExtractionLimits,
  ocr: OcrLimits | false,
  signal: AbortSignal,
): Promise<ReadFormat> {
  if (format === "pdf") {
    const scans = ocr
      ? { maxPages: ocr.maxPages, maxPixels: ocr.maxImagePixels, dpi: OCR_RENDER_DPI, findOnly: !!limits.ocrLater }
      : undefined;
    const read = await extractPdfText(bytes, { maxPages: limits.maxPdfPages, signal, scans });
    return { format, pages: read.pages, pageCount: read.pageCount, scans: read.scans, ocrPages: read.ocrPages };
  }
  const raw = format === "docx" ? await extractDocxText(bytes, limits.maxDocxUnpackedBytes) : decodeText(bytes).text;
  return { format, pages: [raw], pageCount: null, scans: [], ocrPages: [] };
}

async function readImage(
  format: "png" | "jpeg",
  bytes: Uint8Array,
  ocr: OcrLimits,
  ocrLater: ExtractionLimits["ocrLater"],
  hooks: ExtractionHooks,
): Promise<ExtractedText> {
  // Declared dimensions first: nothing is decoded until the pixel count is known to be sane.
  // A picture cut short or too large fails now, named, rather than waiting to be read later.
  readImageHeader(bytes, ocr.maxImagePixels);
  if (ocrLater) deferOcr(ocrLater, [1]);
  const read = await readScans([{ page: 1, image: bytes }], { limits: ocr, format, onOcrStart: hooks.onOcrStart });
  return finish(format, [""], null, [...read]);
}

/** Stops a first reading at the pages that need OCR (see ExtractionLimits.ocrLater). */
function deferOcr(ocrLater: (pages: number[]) => void, pages: number[]): never {
  ocrLater(pages);
  throw new OcrDeferredError(pages);
}

/**
 * Joins the pages: an OCR-read page replaces its text layer when OCR found more letters and
 * digits (a scan's text layer is empty or garbage; a near-empty text page stays as it is).
 */
function finish(
  format: ExtractedText["format"],
  pages: string[],
  pageCount: number | null,
  ocrPages: Array<[number, OcrPageText]>,
): ExtractedText {
  const used: OcrPageText[] = [];
  const texts = [...pages];
  for (const [number, page] of ocrPages) {
    if (page.characters > inked(texts[number - 1] ?? "")) {
      texts[number - 1] = page.text;
      used.push(page);
    }
  }
  const text = normalizeText(texts.join("\n\n"));
  const image = format === "png" || format === "jpeg";
  if (format === "pdf" || image) {
    // Icon glyphs or stray marks are not text: with no letter or digit the file is a picture.
    if (!/[\p{L}\p{N}]/u.test(text)) throw extractionErrors.noText(image ? "image" : "pdf");
  } else if (text === "") {
    throw extractionErrors.emptyText(format);
  }
  const textSource: TextSource =
    used.length === 0 ? "text" : image || texts.every((_, i) => ocrPages.some(([n]) => n === i + 1)) ? "ocr" : "mixed";
  return { format, text, pageCount, textSource, ocrConfidence: meanConfidence(used), ocrPages: used.length };
}

function inked(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}
