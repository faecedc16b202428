// Text of a PDF through pdf-parse (pdf.js). Pages are read one at a time so the page limit is
// checked before any page is parsed and an abort takes effect between pages. Each page's
// positioned text items are laid out again (lines, columns, icon glyphs) by pdf-layout.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { PasswordException, PDFParse, VerbosityLevel } from "pdf-parse";
import { ExtractionError, extractionErrors } from "./errors.ts";
import { layoutPageText, type PositionedText } from "./pdf-layout.ts";

/** The slice of pdf.js's document API used here (pdf-parse bundles pdf.js 5). */
interface PdfDocument {
  numPages: number;
  getPage(page: number): Promise<{
    getTextContent(): Promise<{
      items: Array<{ str?: string; transform?: number[]; width?: number; fontName?: string }>;
    }>;
    cleanup(): void;
  }>;
}

export interface PdfText {
  /** Raw text of each page, in order. */
  pages: string[];
  pageCount: number;
}

export async function extractPdfText(
  bytes: Uint8Array,
  options: { maxPages: number; signal: AbortSignal },
): Promise<PdfText> {
  const parser = new PDFParse({
    // pdf.js may take ownership of the buffer it is given; the caller's bytes stay untouched.
    data: new Uint8Array(bytes),
    // Warnings about odd fonts would otherwise be printed; the CLI's stdout must stay JSON.
    verbosity: VerbosityLevel.ERRORS,
    // Never compile font programs into JS functions from untrusted files.
    isEvalSupported: false,
  });
  const stop = () => void parser.destroy().catch(() => {});
  options.signal.addEventListener("abort", stop, { once: true });
  try {
    // `partial: [0]` matches no page: this loads the document and returns its page count only.
    const { total } = await parser.getText({ partial: [0] });
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
    return { pages, pageCount: total };
  } catch (error) {
    throw toExtractionError(error);
  } finally {
    options.signal.removeEventListener("abort", stop);
    await parser.destroy().catch(() => {});
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
