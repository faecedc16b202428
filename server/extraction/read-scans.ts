// OCR of a file's images (a PNG or JPEG upload, or the pages of a PDF that have no usable text
// layer), page after page, each within OCR_PAGE_TIMEOUT_MS and all within OCR_TIMEOUT_MS. Small
// pictures are enlarged first (enlarge-for-ocr.ts).
import { enlargeForOcr } from "./enlarge-for-ocr.ts";
import { ExtractionError, extractionErrors } from "./errors.ts";
import { stripImageMetadata } from "./image-header.ts";
import { OcrTimeoutError, recognizeImage } from "./ocr-engine.ts";
import { layoutOcrPage, type OcrPageText } from "./ocr-layout.ts";
import { withTimeLimit } from "./with-time-limit.ts";

export interface OcrLimits {
  /** MAX_OCR_PAGES: most pages of one file read by OCR. */
  maxPages: number;
  /** MAX_IMAGE_PIXELS: largest image (declared width × height) decoded, and largest rendered page. */
  maxImagePixels: number;
  /** OCR_PAGE_TIMEOUT_MS: time limit for reading one page. */
  pageTimeoutMs: number;
  /** OCR_TIMEOUT_MS: time limit for all the OCR of one file (after its text layer was read). */
  fileTimeoutMs: number;
  /** OCR_MIN_CONFIDENCE: below this mean confidence a screened file needs review (0–100). */
  minConfidence: number;
}

export const DEFAULT_OCR_LIMITS: OcrLimits = {
  maxPages: 5,
  maxImagePixels: 40_000_000,
  pageTimeoutMs: 30_000,
  fileTimeoutMs: 90_000,
  minConfidence: 60,
};

/**
 * Resolution PDF pages are rendered at for OCR: a 150-dpi scan's small type reads better enlarged
 * (enlarge-for-ocr.ts), and rendering the page larger is that enlargement at no extra cost.
 */
export const OCR_RENDER_DPI = 225;

export interface ScanPage {
  /** 1-based page number (1 for an image upload). */
  page: number;
  image: Uint8Array;
}

export async function readScans(
  scans: ScanPage[],
  options: { limits: OcrLimits; format: "pdf" | "png" | "jpeg"; onOcrStart?: (budgetMs: number) => void },
): Promise<Map<number, OcrPageText>> {
  const { limits } = options;
  options.onOcrStart?.(limits.fileTimeoutMs);
  return withTimeLimit(limits.fileTimeoutMs, async (signal) => {
    const read = new Map<number, OcrPageText>();
    for (const scan of scans) {
      if (signal.aborted) break;
      try {
        const image = await enlargeForOcr(stripImageMetadata(scan.image), limits.maxImagePixels);
        const { blocks } = await recognizeImage(image, {
          timeoutMs: limits.pageTimeoutMs,
          signal,
        });
        read.set(scan.page, layoutOcrPage(blocks));
      } catch (error) {
        if (error instanceof ExtractionError) throw error;
        if (error instanceof OcrTimeoutError) throw extractionErrors.ocrPageTimeout(limits.pageTimeoutMs, scan.page);
        // tesseract could not decode the picture ("Error attempting to read image").
        throw extractionErrors.corrupt(options.format);
      }
    }
    return read;
  });
}

/** Mean confidence over pages, weighted by the letters and digits each holds; null without any. */
export function meanConfidence(pages: OcrPageText[]): number | null {
  const counted = pages.filter((page) => page.confidence !== null && page.characters > 0);
  const characters = counted.reduce((sum, page) => sum + page.characters, 0);
  if (characters === 0) return null;
  const total = counted.reduce((sum, page) => sum + page.confidence! * page.characters, 0);
  return Math.round((total / characters) * 10) / 10;
}
