// Text of a PDF through pdf-parse (pdf.js). Pages are read one at a time so the page limit is
// checked before any page is parsed and an abort takes effect between pages.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { PasswordException, PDFParse, VerbosityLevel } from "pdf-parse";
import { ExtractionError, extractionErrors } from "./errors.ts";

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
    const pages: string[] = [];
    for (let page = 1; page <= total; page++) {
      // pdf.js's in-process worker answers through microtasks only, so without this yield a
      // time limit set with setTimeout could not fire before the whole document was read.
      await yieldToEventLoop();
      if (options.signal.aborted) break;
      const result = await parser.getText({ partial: [page], pageJoiner: "" });
      pages.push(result.pages[0]?.text ?? "");
    }
    return { pages, pageCount: total };
  } catch (error) {
    throw toExtractionError(error);
  } finally {
    options.signal.removeEventListener("abort", stop);
    await parser.destroy().catch(() => {});
  }
}

/** pdf.js throws many kinds of errors on broken files; all of them mean "cannot read this". */
function toExtractionError(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  if (error instanceof PasswordException || (error instanceof Error && error.name === "PasswordException")) {
    return extractionErrors.encryptedPdf();
  }
  return extractionErrors.corruptPdf();
}
