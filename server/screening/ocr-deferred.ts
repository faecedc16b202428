// The answer of a first, text-only reading that found a file needing OCR (screen-job.ts), apart
// from the screening code: the worker's main thread asks isOcrDeferred of every outcome and must
// not load the parsers to do so (they live in the parse threads; importing screen-job.ts there
// put pdf.js and the taxonomy in the main thread too, ~170 MB of the worker's peak RSS).
import type { ScreenedResume } from "./screen-resume.ts";

/** The file needs OCR and was left for a reading at scan priority; nothing was stored or scored. */
export interface OcrDeferred {
  ocrDeferred: true;
  /** The pages OCR will read (1 for a PNG or JPEG). */
  ocrPages: number[];
}

export function isOcrDeferred(outcome: ScreenedResume | OcrDeferred): outcome is OcrDeferred {
  return (outcome as Partial<OcrDeferred>).ocrDeferred === true;
}
