// OCR of one page image with tesseract.js (tesseract compiled to WebAssembly), fully offline:
// the English model comes from the @tesseract.js-data/eng package in node_modules (no CDN), the
// wasm core from tesseract.js-core, and nothing is cached to disk. One tesseract worker (its own
// thread) is started on first use in each parse thread and kept for the next page; a page that
// overruns its time limit terminates it, and the next page starts a fresh one.
//
// Memory: tesseract's wasm heap lives outside V8's heap (and in its own thread), so
// PARSE_MAX_HEAP_MB does not bound it; the pixel limits do (MAX_IMAGE_PIXELS before decoding,
// pages rendered at OCR_RENDER_DPI, small pictures under 1,800 px on their short side enlarged 1.5× or 2×), and an idle engine is stopped. Measured: docs/extraction.md §6.
import { createRequire } from "node:module";
import path from "node:path";
import Tesseract, { type Worker } from "tesseract.js";
import type { OcrBlock } from "./ocr-layout.ts";

const require = createRequire(import.meta.url);
/**
 * The project's root, found through tesseract.js's place in node_modules: this module also runs
 * as a bundle under node_modules/.cache (parse-task-bundle.ts), where import.meta.url is elsewhere.
 */
const ROOT = path.resolve(path.dirname(require.resolve("tesseract.js/package.json")), "../..");
export const OCR_THREAD = path.join(ROOT, "server/extraction/ocr-thread.cjs");

/**
 * The options every OCR worker starts with. `langPath` is a folder on disk (tesseract.js reads
 * `<langPath>/eng.traineddata.gz` with fs; it fetches only when given a URL or no langPath);
 * `cacheMethod: "none"` neither reads nor writes a cache file.
 */
export function ocrWorkerOptions() {
  const data = path.dirname(require.resolve("@tesseract.js-data/eng"));
  return {
    // Our thread script: tesseract.js's own, with every network connection refused first.
    workerPath: OCR_THREAD,
    // "best_int": the LSTM model in 8-bit integers, 2.9 MB, as accurate here as the 11 MB one.
    langPath: path.join(data, "4.0.0_best_int"),
    gzip: true,
    cacheMethod: "none",
    logger: () => {},
    errorHandler: () => {},
  } as const;
}

export class OcrTimeoutError extends Error {
  override name = "OcrTimeoutError";
}

export interface OcrPageResult {
  blocks: OcrBlock[];
}

let engine: Promise<Worker> | null = null;
let idleTimer: NodeJS.Timeout | undefined;
/**
 * An engine unused this long is stopped: its wasm memory (~150–250 MB with the model loaded)
 * never shrinks, and scans are rare beside text résumés. The next scan pays ~0.5–1 s to restart.
 */
const IDLE_MS = 30_000;

async function startEngine(): Promise<Worker> {
  // OEM 1: the LSTM engine only (the model package has no legacy engine data in best_int).
  const worker = await Tesseract.createWorker("eng", 1, ocrWorkerOptions());
  await worker.setParameters({
    // Fully automatic page segmentation: columns and blocks are found, then laid out by position.
    tessedit_pageseg_mode: "3" as Tesseract.PSM,
    // tesseract prints its resolution guess and warnings; the CLI's stdout must stay JSON.
    debug_file: "/dev/null",
  });
  return worker;
}

/** Reads one PNG or JPEG (already checked and stripped of metadata) within `timeoutMs`. */
export async function recognizeImage(
  image: Uint8Array,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<OcrPageResult> {
  clearTimeout(idleTimer);
  const starting = (engine ??= startEngine());
  let worker: Worker;
  try {
    worker = await starting;
  } catch (error) {
    if (engine === starting) engine = null;
    throw error;
  }
  let timer: NodeJS.Timeout | undefined;
  const stop = () => void discardEngine(starting);
  options.signal?.addEventListener("abort", stop, { once: true });
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new OcrTimeoutError(`OCR took longer than ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  const running = worker.recognize(Buffer.from(image), {}, { blocks: true, text: false });
  running.catch(() => {});
  try {
    const result = await Promise.race([running, expired]);
    return { blocks: (result.data.blocks ?? []) as OcrBlock[] };
  } catch (error) {
    // A stuck or failed recognition leaves the worker in an unknown state: never reuse it.
    await discardEngine(starting);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", stop);
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void discardEngine(starting), IDLE_MS);
    // The timer alone must not keep a process alive (the engine's thread is stopped by close).
    idleTimer.unref();
  }
}

async function discardEngine(which: Promise<Worker>): Promise<void> {
  if (engine === which) engine = null;
  const worker = await which.catch(() => null);
  await worker?.terminate().catch(() => {});
}

/** Stops this thread's OCR worker (the in-process CLI and tests, so the process can exit). */
export async function closeOcrEngine(): Promise<void> {
  clearTimeout(idleTimer);
  if (engine) await discardEngine(engine);
}
