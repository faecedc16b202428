// Screens a résumé in a worker thread with its own heap limit and a hard time limit, so a
// hostile file (a parser loop, a memory bomb) fails alone: the thread is terminated and the
// result is a named failure, while the calling process carries on.
import { Worker } from "node:worker_threads";
import { failedScreening, type ScreenedResume, type ScreenResumeOptions } from "../screening/screen-resume.ts";
import { detectFileType } from "./detect-file-type.ts";
import { ExtractionError, extractionErrors, formatBytes } from "./errors.ts";
import { PARSER_VERSION } from "./parser-version.ts";

export const DEFAULT_MAX_HEAP_MB = 512;

export interface IsolatedScreenOptions extends ScreenResumeOptions {
  /** Heap limit of the worker thread (V8 old generation), in MB. */
  maxHeapMb?: number;
  /** Test hooks: spin synchronously / allocate this much before screening. */
  testBusyMs?: number;
  testAllocateMb?: number;
}

/** What the worker receives (Dates do not survive structured cloning as Dates in options). */
export interface IsolatedJob {
  bytes: Uint8Array;
  options: Omit<ScreenResumeOptions, "now">;
  now: string | null;
  testBusyMs?: number;
  testAllocateMb?: number;
}

export async function screenResumeIsolated(bytes: Uint8Array, options: IsolatedScreenOptions): Promise<ScreenedResume> {
  const { maxHeapMb = DEFAULT_MAX_HEAP_MB, testBusyMs, testAllocateMb, now, ...screenOptions } = options;
  const job: IsolatedJob = { bytes, options: screenOptions, now: now ? now.toISOString() : null, testBusyMs, testAllocateMb };
  const failed = (error: ExtractionError): ScreenedResume => ({
    result: failedScreening(options.fileName, error, detectFileType(bytes)),
    text: null,
    pageCount: null,
    parserVersion: PARSER_VERSION,
    facts: null,
  });
  // The in-thread time limit stops slow async parsing cleanly; this one, a little later,
  // stops a thread stuck in synchronous work.
  const hardLimitMs = options.limits.timeoutMs + 1_000;
  return new Promise<ScreenedResume>((resolve) => {
    let settled = false;
    const settle = (value: ScreenedResume) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    };
    const worker = new Worker(new URL("./screen-worker.mjs", import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: true, // pdf.js warnings must not reach the CLI's stdout
    });
    const timer = setTimeout(() => settle(failed(extractionErrors.timeout(options.limits.timeoutMs))), hardLimitMs);
    worker.on("message", (screened: ScreenedResume) => settle(screened));
    worker.on("error", (error: Error & { code?: string }) => {
      settle(
        failed(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new ExtractionError(
                "too_large",
                `Reading the file needed more than the ${formatBytes(maxHeapMb * 1024 * 1024)} memory limit and was stopped. ` +
                  "Ask the candidate for a simpler PDF or a DOCX.",
              )
            : extractionErrors.corrupt(detectFileType(bytes)),
        ),
      );
    });
    worker.on("exit", () => settle(failed(extractionErrors.corrupt(detectFileType(bytes)))));
  });
}
