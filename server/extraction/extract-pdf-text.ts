// Text of a PDF through pdf-parse (pdf.js). Pages are read one at a time so the page limit is
// checked before any page is parsed and an abort takes effect between pages. Each page's
// positioned text items are laid out again (lines, columns, icon glyphs) by pdf-layout.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
// Before pdf-parse: it keeps the engine's Array.prototype.push (see the module).
import { restoreNativePush } from "./native-array-push.ts";
import { PasswordException, PDFParse, VerbosityLevel } from "pdf-parse";
import { ExtractionError, extractionErrors } from "./errors.ts";
import { pageNeedsOcr } from "./needs-ocr.ts";
import { layoutPageText, type PositionedText } from "./pdf-layout.ts";

// pdf.js replaced Array.prototype.push as it loaded; its worker module does it again with the
// first document (restored there too).
restoreNativePush();

/** The slice of pdf.js's document API used here (pdf-parse bundles pdf.js 5). */
interface PdfDocument {
  numPages: number;
  canvasFactory: {
    create(width: number, height: number): { canvas: { toBuffer(type: "image/png"): Buffer }; context: unknown };
    destroy?(canvasAndContext: unknown): void;
  };
  getPage(page: number): Promise<PdfPage>;
}

interface PdfPage {
  getTextContent(): Promise<{
    items: Array<{ str?: string; transform?: number[]; width?: number; fontName?: string }>;
  }>;
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: { canvasContext: unknown; viewport: unknown; canvas: unknown }): { promise: Promise<void> };
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}

/**
 * pdf.js drawing operations that paint a picture (OPS.paintJpegXObject … paintImageMaskXObjectRepeat,
 * 82–89, in the pdf.js that pdf-parse bundles). A page without any has nothing OCR could read: a
 * blank page or vector shapes are skipped, not rendered and read for seconds.
 */
const IMAGE_OPS = new Set([82, 83, 84, 85, 86, 87, 88, 89]);

async function pageHasImages(document: PdfDocument, number: number): Promise<boolean> {
  const page = await document.getPage(number);
  try {
    return (await page.getOperatorList()).fnArray.some((op) => IMAGE_OPS.has(op));
  } finally {
    page.cleanup();
  }
}

/** Pages without a usable text layer are rendered to images for OCR, within these limits. */
export interface PdfScanOptions {
  /** MAX_OCR_PAGES: more pages than this needing OCR fails the file as too_large. */
  maxPages: number;
  /** MAX_IMAGE_PIXELS: a page is rendered at a lower resolution rather than above this many pixels. */
  maxPixels: number;
  /** Resolution of the rendered pages (OCR_RENDER_DPI, 225: a 150-dpi scan enlarged so its small type reads). */
  dpi: number;
  /**
   * Find the pages that need OCR but render none (`PdfText.ocrPages` only): the worker's first,
   * fast reading of a job, which hands a scan back to the queue to be read later (extract-text.ts).
   */
  findOnly?: boolean;
}

export interface PdfText {
  /** Raw text of each page, in order. */
  pages: string[];
  pageCount: number;
  /** Pages (1-based) rendered for OCR, as PNG: those whose text layer is missing or garbage. */
  scans: Array<{ page: number; png: Uint8Array }>;
  /** The numbers of those pages (also when `findOnly` rendered none). */
  ocrPages: number[];
}

export async function extractPdfText(
  bytes: Uint8Array,
  options: { maxPages: number; signal: AbortSignal; scans?: PdfScanOptions },
): Promise<PdfText> {
  const parser = new PDFParse({
    // pdf.js may take ownership of the buffer it is given; the caller's bytes stay untouched.
    data: new Uint8Array(bytes),
    // Warnings about odd fonts would otherwise be printed; the CLI's stdout must stay JSON.
    verbosity: VerbosityLevel.ERRORS,
    // Never compile font programs into JS functions from untrusted files.
    isEvalSupported: false,
    // An embedded image larger than this is not decoded (a decompression bomb inside a PDF).
    maxImageSize: options.scans?.maxPixels ?? -1,
  });
  const stop = () => void parser.destroy().catch(() => {});
  options.signal.addEventListener("abort", stop, { once: true });
  try {
    // `partial: [0]` matches no page: this loads the document and returns its page count only.
    const { total } = await parser.getText({ partial: [0] });
    restoreNativePush();
    if (total > options.maxPages) throw extractionErrors.tooManyPages(total, options.maxPages);
    const document = await loadedDocument(parser);
    const pages: string[] = [];
    for (let number = 1; number <= total; number++) {
      // pdf.js's in-process worker answers through microtasks only, so without this yield a
      // time limit set with setTimeout could not fire before the whole document was read.
      await yieldToEventLoop();
      if (options.signal.aborted) break;
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(layoutPageText(content.items.flatMap(toPositioned)));
      page.cleanup();
    }
    const scans: PdfText["scans"] = [];
    const needed: number[] = [];
    if (options.scans) {
      for (const [i, text] of pages.entries()) {
        if (pageNeedsOcr(text) && (await pageHasImages(document, i + 1))) needed.push(i + 1);
      }
      if (needed.length > options.scans.maxPages)
        throw extractionErrors.tooManyOcrPages(needed.length, options.scans.maxPages);
      for (const number of options.scans.findOnly ? [] : needed) {
        await yieldToEventLoop();
        if (options.signal.aborted) break;
        scans.push({ page: number, png: await renderPage(document, number, options.scans) });
      }
    }
    return { pages, pageCount: total, scans, ocrPages: needed };
  } catch (error) {
    throw toExtractionError(error);
  } finally {
    options.signal.removeEventListener("abort", stop);
    await parser.destroy().catch(() => {});
  }
}

/** One page as a PNG at `dpi`, or lower when the page is so large it would exceed `maxPixels`. */
async function renderPage(document: PdfDocument, number: number, scans: PdfScanOptions): Promise<Uint8Array> {
  const page = await document.getPage(number);
  try {
    const unit = page.getViewport({ scale: 1 });
    const wanted = scans.dpi / 72;
    const scale = Math.min(wanted, Math.sqrt(scans.maxPixels / Math.max(1, unit.width * unit.height)));
    const viewport = page.getViewport({ scale });
    const target = document.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
    const png = new Uint8Array(target.canvas.toBuffer("image/png"));
    document.canvasFactory.destroy?.(target);
    return png;
  } finally {
    page.cleanup();
  }
}

/**
 * pdf-parse's getText only returns text in content order, so the positioned items come from
 * the pdf.js document it has already loaded (its `load()` is memoised and returns it). A
 * test in extract-text.test.ts fails loudly should a pdf-parse upgrade change this.
 */
async function loadedDocument(parser: PDFParse): Promise<PdfDocument> {
  const load = (parser as unknown as { load?: () => Promise<PdfDocument> }).load;
  if (typeof load !== "function") throw new Error("pdf-parse no longer exposes its pdf.js document");
  return load.call(parser);
}

function toPositioned(item: {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}): PositionedText[] {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform ?? [];
  if (typeof item.str !== "string" || item.str === "") return [];
  // Rotated or mirrored text (b or c set) keeps its origin; its width is along the rotation.
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  return [{ str: item.str, x, y, width: item.width ?? 0, size, fontName: item.fontName ?? "" }];
}

/** pdf.js throws many kinds of errors on broken files; all of them mean "cannot read this". */
function toExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  if (error instanceof PasswordException || (error instanceof Error && error.name === "PasswordException")) {
    return extractionErrors.encryptedPdf();
  }
  return extractionErrors.corruptPdf();
}
