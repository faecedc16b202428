// The BullMQ worker that consumes parse jobs. What happens on failure:
// - the file is the problem (unreadable, timeout, memory cap): the processor has stored FAILED
//   with the named reason and thrown an UnrecoverableError, so BullMQ does not retry;
// - anything else (PostgreSQL or Redis unreachable, a parse thread that died) is retried with
//   exponential backoff (JOB_ATTEMPTS, JOB_BACKOFF_MS);
// - after the last try the application is marked FAILED `internal` with a retry button, except
//   when PostgreSQL is unreachable: the row then stays QUEUED/PROCESSING and the reconciler
//   enqueues it again once the database is back, so an outage loses nothing.
// A job that is not a scan yet reads text only: if the file needs OCR (an image-only or mixed
// PDF), it goes back to the queue at scan priority, QUEUED again, and is read by OCR when it comes
// round, so the worker's slots stay with text résumés while scans wait (parse-queue.ts).
// A killed worker's jobs keep their lock for JOB_LOCK_MS; another worker's stalled-job check
// then moves them back to the queue (at most twice per job before it counts as failed).
import { DelayedError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Db } from "../server/db/client.ts";
import type { ExtractionLimits } from "../server/extraction/extract-text.ts";
import { isDatabaseUnavailableError } from "../server/health/database-unavailable.ts";
import { mayOcrNow, queueBehindTextResumes } from "../server/queue/parse-queue.ts";
import { PARSE_RESUME_QUEUE, type ParseResumePayload } from "../server/queue/parse-resume.job.ts";
import {
  markParseFailed,
  processParseResume,
  type ParseResumeOutcome,
  type ScreenFunction,
} from "./processors/parse-resume.processor.ts";
import type { SqlExecutor } from "./processors/parse-resume.store.ts";

export interface ParseWorkerLog {
  info: (details: object, message: string) => void;
  warn: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
}

export interface ParseWorkerOptions {
  db: Db;
  /** The hot path's statements (default: through `db`). */
  sql?: SqlExecutor;
  screen: ScreenFunction;
  limits: ExtractionLimits;
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs: number;
  log: ParseWorkerLog;
}

export function createParseWorker(options: ParseWorkerOptions): Worker<ParseResumePayload, ParseResumeOutcome> {
  const { db, sql, screen, limits, log } = options;
  const worker = new Worker<ParseResumePayload, ParseResumeOutcome>(
    PARSE_RESUME_QUEUE,
    async (job, token) => {
      const outcome = await processParseResume({ db, sql, limits, screen }, job.data, { ocrLater: !mayOcrNow(job) });
      if (outcome !== "ocr_later") return outcome;
      await queueBehindTextResumes(job, token!);
      log.info({ jobId: job.id }, "parse job needs OCR: queued again behind text résumés");
      throw new DelayedError();
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // One SIGKILLed worker must not fail its jobs; a job that stalls a third time does fail.
      maxStalledCount: 2,
    },
  );

  worker.on("completed", (job, outcome) =>
    log.info({ jobId: job.id, outcome, attempt: job.attemptsMade }, "parse job completed"),
  );
  worker.on("stalled", (jobId) => log.warn({ jobId }, "parse job stalled (its worker stopped); queued again"));
  worker.on("failed", (job, error) => onFailed(db, log, job, error));
  // Redis outages: BullMQ reconnects on its own; log the first error of each outage only.
  let redisDown = false;
  worker.on("error", (error) => {
    if (redisDown) return;
    redisDown = true;
    log.error({ err: error.message }, "worker error (Redis unreachable?); retrying in the background");
  });
  options.connection.on("ready", () => {
    if (redisDown) log.info({}, "worker connected to Redis again");
    redisDown = false;
  });
  return worker;
}

function onFailed(db: Db, log: ParseWorkerLog, job: Job<ParseResumePayload> | undefined, error: Error): void {
  if (!job) return;
  const unrecoverable = error.name === "UnrecoverableError";
  const final = unrecoverable || job.attemptsMade >= (job.opts.attempts ?? 1);
  const databaseDown = isDatabaseUnavailableError(error);
  log.warn(
    { jobId: job.id, attempt: job.attemptsMade, final, databaseDown, err: error.message.split("\n").at(-1) },
    unrecoverable ? "parse job failed: the file cannot be read (reason stored)" : "parse job failed",
  );
  if (!final || unrecoverable) return;
  if (databaseDown) {
    log.warn(
      { jobId: job.id },
      "database unreachable after the last try: the application stays unfinished for the reconciler",
    );
    return;
  }
  markParseFailed(db, job.data.applicationId, error.message).catch((e: Error) =>
    log.error({ err: e.message }, "could not record the failure; the reconciler will pick the application up again"),
  );
}
