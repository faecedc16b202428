// A pool of long-lived worker threads that screen résumés, each thread with its own heap cap,
// and a hard time limit per file. A hostile file fails alone:
// - a parse stuck in synchronous work (which the in-thread time limit cannot interrupt) has its
//   thread terminated after limits.timeoutMs plus a grace period; the file FAILS as `timeout`;
// - a parse that exhausts the thread's heap (PARSE_MAX_HEAP_MB) kills only that thread; the
//   file FAILS as `too_large`;
// in both cases piscina starts a replacement thread and the process carries on. Threads are
// reused from file to file and warmed once (parse-task.ts), so no file pays thread start-up.
//
// This module only imports light code: the heavy screening modules (pdf.js, the taxonomy) live
// in the threads, not in the process that owns the pool.
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { ScreenedResume, ScreenResumeOptions } from "./screen-resume.ts";
import type { OcrDeferred, ScreenJobOptions } from "./screen-job.ts";
import { detectFileType } from "../extraction/detect-file-type.ts";
import { ExtractionError, extractionErrors, formatBytes } from "../extraction/errors.ts";
import { bundleParseTask, DEFAULT_PARSE_TASK } from "./parse-task-bundle.ts";
import type { OcrStartedMessage, ParseStartedMessage, ParseTask } from "./parse-task.ts";

export interface ParsePoolOptions {
  /** Threads kept running (the worker uses WORKER_CONCURRENCY). */
  threads: number;
  /** Heap cap of each thread (V8 old generation), in MB. */
  maxHeapMb: number;
  /** Extra time after limits.timeoutMs before a stuck thread is terminated (default 1 s). */
  hardLimitGraceMs?: number;
  /**
   * Longest a file may wait for a thread before the pool gives up with a ParsePoolError, e.g.
   * when threads cannot start (default 2 min). Time spent parsing is bounded by the hard limit.
   */
  maxWaitMs?: number;
  /** Let idle threads exit after this many ms (the CLI, so the process can end); default: never. */
  idleTimeoutMs?: number;
  /** TypeScript module the threads run (default parse-task.ts). Tests pass a hostile one. */
  taskModule?: string;
}

/** The pool could not run a parse for a reason that is not the file's (threads failing to start, a crash). */
// Not an AppError: no caller is answered with it; the queue sees it as transient and retries the job.
export class ParsePoolError extends Error {
  override name = "ParsePoolError";
}

export class ParsePool {
  private nextTaskId = 0;
  private readonly onStarted = new Map<number, () => void>();
  private readonly onOcrStarted = new Map<number, (budgetMs: number) => void>();
  private closed = false;

  private constructor(
    private readonly pool: Piscina,
    private readonly options: Required<Pick<ParsePoolOptions, "maxHeapMb" | "hardLimitGraceMs" | "maxWaitMs">>,
  ) {
    pool.on("message", (message: Partial<ParseStartedMessage & OcrStartedMessage>) => {
      if (typeof message?.parseStarted === "number") this.onStarted.get(message.parseStarted)?.();
      if (typeof message?.ocrStarted === "number" && typeof message.budgetMs === "number") {
        this.onOcrStarted.get(message.ocrStarted)?.(message.budgetMs);
      }
    });
    // A thread that dies while idle (never while running a task: that task gets the error).
    pool.on("error", () => {});
  }

  /** Bundles the task module, starts the threads and waits until they are warm. */
  static async start(options: ParsePoolOptions): Promise<ParsePool> {
    const bundle = await bundleParseTask(options.taskModule ?? DEFAULT_PARSE_TASK);
    const keep = options.idleTimeoutMs === undefined;
    const pool = new Piscina({
      filename: pathToFileURL(bundle).href,
      minThreads: keep ? options.threads : 0,
      maxThreads: options.threads,
      idleTimeout: keep ? Number.POSITIVE_INFINITY : options.idleTimeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      // Threads run the plain-JS bundle: without this they would inherit `--import tsx`.
      execArgv: [],
      // Tasks are async (pdf.js answers through the event loop): never block an idle thread in Atomics.wait.
      atomics: "disabled",
    });
    const parsePool = new ParsePool(pool, {
      maxHeapMb: options.maxHeapMb,
      hardLimitGraceMs: options.hardLimitGraceMs ?? 1_000,
      maxWaitMs: options.maxWaitMs ?? 120_000,
    });
    if (keep) await parsePool.ready();
    return parsePool;
  }

  /** Resolves once every thread has loaded and warmed its module. */
  async ready(): Promise<void> {
    // piscina has no per-thread ready promise; a trivial task per thread waits for warm threads.
    const probes = Array.from({ length: Math.max(1, this.pool.threads.length) }, () =>
      this.pool.run({
        kind: "failed",
        fileName: "probe",
        error: { code: "empty", message: "probe" },
        format: null,
      } satisfies ParseTask),
    );
    await Promise.all(probes);
  }

  get threadCount(): number {
    return this.pool.threads.length;
  }

  /** Screens one file in a thread. Never throws for the file's sake: failures are results. */
  async screen(bytes: Uint8Array, options: ScreenResumeOptions): Promise<ScreenedResume> {
    return (await this.screenJob(bytes, { ...options, ocrLater: false })) as ScreenedResume;
  }

  /**
   * As `screen`, for the worker: with `ocrLater` a file that needs OCR is not read but answered
   * with an OcrDeferred (screen-job.ts), within the text-reading time limit.
   */
  async screenJob(bytes: Uint8Array, options: ScreenJobOptions): Promise<ScreenedResume | OcrDeferred> {
    if (this.closed) throw new ParsePoolError("The parse pool is closed");
    const taskId = ++this.nextTaskId;
    const controller = new AbortController();
    const timeoutMs = options.limits.timeoutMs;
    let stopReason: "timeout" | "waited_too_long" | null = null;
    let hardTimer: NodeJS.Timeout | undefined;
    let timeoutMsReported = timeoutMs;
    const waitTimer = setTimeout(() => {
      stopReason = "waited_too_long";
      controller.abort();
    }, this.options.maxWaitMs + timeoutMs);
    this.onStarted.set(taskId, () => {
      clearTimeout(waitTimer);
      hardTimer = setTimeout(() => {
        stopReason = "timeout";
        controller.abort();
      }, timeoutMs + this.options.hardLimitGraceMs);
    });
    // A scan: its text layer was read within timeoutMs; OCR gets its own budget (OCR_TIMEOUT_MS)
    // from now on, still enforced by terminating the thread should the in-thread limit not fire.
    this.onOcrStarted.set(taskId, (budgetMs) => {
      clearTimeout(hardTimer);
      timeoutMsReported = budgetMs;
      hardTimer = setTimeout(() => {
        stopReason = "timeout";
        controller.abort();
      }, budgetMs + this.options.hardLimitGraceMs);
    });
    const task: ParseTask = { kind: "screen", taskId, bytes, options };
    try {
      return (await this.pool.run(task, { signal: controller.signal })) as ScreenedResume | OcrDeferred;
    } catch (error) {
      if (stopReason === "timeout") {
        return this.failure(bytes, options.fileName, extractionErrors.timeout(timeoutMsReported));
      }
      if (stopReason === "waited_too_long") {
        throw new ParsePoolError(`No parse thread was free within ${this.options.maxWaitMs + timeoutMs} ms`);
      }
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        return this.failure(bytes, options.fileName, outOfMemory(this.options.maxHeapMb));
      }
      const message = (error as Error).message ?? String(error);
      if (/worker exited|terminated/i.test(message))
        throw new ParsePoolError(`The parse thread stopped unexpectedly: ${message}`);
      // An exception thrown by the screening code itself (a bug): it reaches the queue as it is.
      throw error;
    } finally {
      clearTimeout(waitTimer);
      clearTimeout(hardTimer);
      this.onStarted.delete(taskId);
      this.onOcrStarted.delete(taskId);
    }
  }

  private async failure(bytes: Uint8Array, fileName: string, error: ExtractionError): Promise<ScreenedResume> {
    const task: ParseTask = {
      kind: "failed",
      fileName,
      error: { code: error.code, message: error.message },
      format: detectFileType(bytes),
    };
    return (await this.pool.run(task)) as ScreenedResume;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.destroy();
  }
}

function outOfMemory(maxHeapMb: number): ExtractionError {
  return new ExtractionError(
    "too_large",
    `Reading the file needed more than the ${formatBytes(maxHeapMb * 1024 * 1024)} memory limit and was stopped. ` +
      "Ask the candidate for a simpler PDF or a DOCX.",
  );
}
