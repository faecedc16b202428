// The worker process (`npm run worker`): consumes parse jobs from Redis, writes results to PostgreSQL.
import { Worker } from "bullmq";
import { getConfig } from "../server/config.ts";
import { createPrismaClient } from "../server/db/client.ts";
import { logger } from "../server/logger.ts";
import { createParseQueue, enqueueParseResume } from "../server/queue/parse-queue.ts";
import { PARSE_RESUME_QUEUE, type ParseResumePayload } from "../server/queue/parse-resume.job.ts";
import { createWorkerConnection } from "../server/queue/redis.ts";
import { markParseFailed, processParseResume } from "./processors/parse-resume.processor.ts";
import { PARSER_VERSION } from "../server/extraction/parser-version.ts";
import { reconcileQueuedApplications, reprocessOutdatedApplications } from "./reconcile.ts";

const config = getConfig();
const db = createPrismaClient(config.DATABASE_URL);
const limits = {
  maxBytes: config.MAX_UPLOAD_BYTES,
  maxPdfPages: config.MAX_PDF_PAGES,
  timeoutMs: config.PARSE_TIMEOUT_MS,
};

const worker = new Worker<ParseResumePayload>(
  PARSE_RESUME_QUEUE,
  async (job) => processParseResume({ db, limits }, job.data),
  {
    connection: createWorkerConnection(config.REDIS_URL),
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
  },
);

worker.on("completed", (job, outcome) => logger.info({ jobId: job.id, outcome }, "parse job completed"));
worker.on("failed", (job, error) => {
  if (!job) return;
  const final = error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
  logger.warn({ jobId: job.id, attempt: job.attemptsMade, final, err: error.message }, "parse job failed");
  if (final && error.name !== "UnrecoverableError") {
    markParseFailed(db, job.data.applicationId, error.message).catch((e: Error) =>
      logger.error({ err: e.message }, "could not record failure"),
    );
  }
});
worker.on("error", (error) => logger.error({ err: error.message }, "worker error"));

const queueConnection = createWorkerConnection(config.REDIS_URL);
const queue = createParseQueue(queueConnection, config.QUEUE_PREFIX);
async function reconcile() {
  try {
    const count = await reconcileQueuedApplications(db, (id) => enqueueParseResume(queue, id), {
      olderThanMs: 10_000,
      batch: 1_000,
    });
    if (count) logger.info({ count }, "queued applications handed to the queue again (existing jobs are kept as they are)");
    const outdated = await reprocessOutdatedApplications(db, (id) => enqueueParseResume(queue, id, { background: true }), {
      parserVersion: PARSER_VERSION,
      batch: 500,
    });
    if (outdated) logger.info({ count: outdated, parserVersion: PARSER_VERSION }, "re-processing applications read by an older parser");
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "reconcile failed; will try again");
  }
}
const reconcileTimer = setInterval(reconcile, 30_000);
void reconcile();

logger.info({ queue: PARSE_RESUME_QUEUE, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY }, "worker started");

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info(`${signal}: worker stops taking jobs and finishes the ones it holds`);
  clearInterval(reconcileTimer);
  await worker.close();
  await queue.close();
  queueConnection.disconnect();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
