// The worker process (`npm run worker`): consumes parse, re-rank and consistency-check jobs from Redis, reads each file in a pool
// of sandboxed threads (heap cap, hard time limit), writes results to PostgreSQL, re-enqueues
// applications whose job went missing, and answers /healthz and /readyz on WORKER_HEALTH_PORT.
// Run as many as you like, on as many machines, against one PostgreSQL and one Redis.
import pg from "pg";
import { getConfig, ocrLimitsOf } from "../server/config.ts";
import { createPrismaClient } from "../server/db/client.ts";
import { ParsePool } from "../server/screening/parse-pool.ts";
import { SCREENING_VERSION } from "../server/screening/screening-version.ts";
import { postgresCheck, readiness, redisCheck } from "../server/health/checks.ts";
import { startHealthServer } from "../server/health/health-server.ts";
import { logger } from "../server/logger.ts";
import { createParseQueue } from "../server/queue/parse-queue.ts";
import { CONSISTENCY_CHECK_QUEUE } from "../server/queue/consistency-check.job.ts";
import { PARSE_RESUME_QUEUE } from "../server/queue/parse-resume.job.ts";
import { RERANK_REQUISITION_QUEUE } from "../server/queue/rerank-requisition.job.ts";
import { createProducerConnection, createWorkerConnection, logRedisOutages } from "../server/queue/redis.ts";
import { createConsistencyWorker } from "./consistency-worker.ts";
import { createParseWorker } from "./parse-worker.ts";
import { pgExecutor } from "./processors/parse-resume.store.ts";
import { Reconciler } from "./reconciler.ts";
import { createRerankWorker } from "./rerank-worker.ts";
import { startRetentionTimer } from "./retention-timer.ts";

const config = getConfig();
const db = createPrismaClient(config.DATABASE_URL);
const limits = {
  maxBytes: config.MAX_UPLOAD_BYTES,
  maxPdfPages: config.MAX_PDF_PAGES,
  timeoutMs: config.PARSE_TIMEOUT_MS,
  maxDocxUnpackedBytes: config.MAX_DOCX_UNCOMPRESSED_BYTES,
  ocr: ocrLimitsOf(config),
};

// Threads first: the worker takes jobs only once it can read them.
const pool = await ParsePool.start({ threads: config.WORKER_CONCURRENCY, maxHeapMb: config.PARSE_MAX_HEAP_MB });

// The job's own statements go straight through node-postgres (see parse-resume.store.ts for why).
const jobPool = new pg.Pool({
  connectionString: config.DATABASE_URL,
  max: config.WORKER_CONCURRENCY + 1,
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
});
// An idle connection dropped by the server is replaced on next use; without a listener it would crash the process.
jobPool.on("error", (error) => logger.warn({ err: error.message }, "idle database connection lost"));

const worker = createParseWorker({
  db,
  sql: pgExecutor(jobPool),
  screen: (bytes, options) => pool.screenJob(bytes, options),
  limits,
  connection: createWorkerConnection(config.REDIS_URL),
  prefix: config.QUEUE_PREFIX,
  concurrency: config.WORKER_CONCURRENCY,
  lockMs: config.JOB_LOCK_MS,
  log: logger,
});

// Re-ranks after weight saves (one saved version per job, from stored area scores).
const rerankWorker = createRerankWorker({
  db,
  connection: createWorkerConnection(config.REDIS_URL),
  prefix: config.QUEUE_PREFIX,
  log: logger,
});

// Fairness consistency checks (issue 16): a requisition's résumés re-scored with identity cues swapped.
const consistencyWorker = createConsistencyWorker({
  db,
  connection: createWorkerConnection(config.REDIS_URL),
  prefix: config.QUEUE_PREFIX,
  log: logger,
});

// The reconciler enqueues through a fail-fast connection: a round with Redis down just fails.
const producer = createProducerConnection(config.REDIS_URL);
logRedisOutages(producer, logger, "worker producer");
const queue = createParseQueue(producer, config.QUEUE_PREFIX, {
  attempts: config.JOB_ATTEMPTS,
  backoffMs: config.JOB_BACKOFF_MS,
});
const reconciler = new Reconciler({
  db,
  queue,
  redis: producer,
  prefix: config.QUEUE_PREFIX,
  intervalMs: config.RECONCILE_INTERVAL_MS,
  parserVersion: SCREENING_VERSION,
  log: logger,
});
reconciler.start();
// Privacy: erase applications of requisitions closed longer than RETENTION_DAYS, every hour.
const stopRetention = startRetentionTimer({ db, retentionDays: config.RETENTION_DAYS, log: logger });

let closing = false;
const health =
  config.WORKER_HEALTH_PORT > 0
    ? startHealthServer({
        port: config.WORKER_HEALTH_PORT,
        host: config.HOST,
        alive: () => !closing && worker.isRunning() && rerankWorker.isRunning() && consistencyWorker.isRunning(),
        ready: () =>
          readiness({
            postgres: { check: postgresCheck(db), required: true },
            redis: { check: redisCheck(producer), required: true },
          }),
        onListenError: (error) =>
          logger.error(
            { err: error.message, port: config.WORKER_HEALTH_PORT },
            "health server not started (set WORKER_HEALTH_PORT to a free port, or 0); the worker runs on without it",
          ),
      })
    : null;

logger.info(
  {
    queues: [PARSE_RESUME_QUEUE, RERANK_REQUISITION_QUEUE, CONSISTENCY_CHECK_QUEUE],
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    parseThreads: pool.threadCount,
    parseMaxHeapMb: config.PARSE_MAX_HEAP_MB,
    healthPort: config.WORKER_HEALTH_PORT || null,
  },
  "worker started",
);

/** SIGTERM: stop taking jobs, finish the ones held (each is bounded by the parse time limit), then exit. */
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info(`${signal}: worker stops taking jobs and finishes the ones it holds`);
  // Whatever is still running after this long is released: its lock expires and another worker takes it.
  setTimeout(() => {
    logger.warn("jobs did not finish in time; exiting (their jobs will be picked up by another worker)");
    process.exit(1);
  }, config.PARSE_TIMEOUT_MS + 15_000).unref();
  stopRetention();
  await reconciler.stop();
  await worker.close();
  await rerankWorker.close();
  await consistencyWorker.close();
  await pool.close();
  health?.close();
  await queue.close();
  producer.disconnect();
  await db.$disconnect();
  await jobPool.end();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
