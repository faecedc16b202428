// Screening as the worker asks for it: either read everything now (screenResume), or — the first
// reading of a job at normal priority — read text only and, when the file needs OCR, stop before
// any page is rendered or read and say so. The worker then puts the job back in the queue at scan
// priority (server/queue/parse-queue.ts), so seconds of OCR per page never hold a slot that text
// résumés, read in milliseconds, are waiting for. Runs in a parse thread (parse-task.ts) or, in
// tests, in process.
import { OcrDeferredError } from "../extraction/errors.ts";
import type { OcrDeferred } from "./ocr-deferred.ts";
import { screenResume, type ScreenedResume, type ScreenResumeOptions } from "./screen-resume.ts";

export { isOcrDeferred, type OcrDeferred } from "./ocr-deferred.ts";

export interface ScreenJobOptions extends ScreenResumeOptions {
  /** True: a file that needs OCR is not read now; the answer is an OcrDeferred instead. */
  ocrLater?: boolean;
}

export async function screenJob(bytes: Uint8Array, options: ScreenJobOptions): Promise<ScreenedResume | OcrDeferred> {
  const { ocrLater, ...screenOptions } = options;
  if (!ocrLater) return screenResume(bytes, screenOptions);
  // screenResume turns whatever stops extraction into a failed result (its contract: failures are
  // data); the callback is how this reading knows the stop was a deferral, not a broken file.
  let deferred: number[] | null = null;
  const limits = {
    ...screenOptions.limits,
    ocrLater: (pages: number[]) => {
      deferred = pages;
    },
  };
  try {
    const screened = await screenResume(bytes, { ...screenOptions, limits });
    return deferred ? { ocrDeferred: true, ocrPages: deferred } : screened;
  } catch (error) {
    if (error instanceof OcrDeferredError) return { ocrDeferred: true, ocrPages: error.pages };
    throw error;
  }
}
