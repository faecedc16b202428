// The BullMQ worker that consumes consistency-check jobs (issue 16): one requisition's stored
// résumés re-scored with identity cues swapped. One at a time per worker process (the work is
// CPU in this thread, yielding between résumés so locks are renewed). A database outage is
// retried with backoff (JOB_ATTEMPTS, JOB_BACKOFF_MS); any other failure, or the last try, marks
// the run failed with its reason (workers/processors/consistency-check.processor.ts).
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Db } from "../server/db/client.ts";
import type { RunConsistencyOutcome } from "../server/fairness/run-consistency-check.ts";
import { CONSISTENCY_CHECK_QUEUE, type ConsistencyCheckPayload } from "../server/queue/consistency-check.job.ts";
import { processConsistencyCheck } from "./processors/consistency-check.processor.ts";
import type { ParseWorkerLog } from "./parse-worker.ts";

export interface ConsistencyWorkerOptions {
  db: Db;
  connection: Redis;
  prefix: string;
  log: ParseWorkerLog;
}

export function createConsistencyWorker(
  options: ConsistencyWorkerOptions,
): Worker<ConsistencyCheckPayload, RunConsistencyOutcome> {
  const { db, log } = options;
  const worker = new Worker<ConsistencyCheckPayload, RunConsistencyOutcome>(
    CONSISTENCY_CHECK_QUEUE,
    async (job) =>
      processConsistencyCheck(db, job.data, { lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) }),
    { connection: options.connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on("completed", (job, result) => log.info({ jobId: job.id, ...result }, "consistency check completed"));
  worker.on("failed", (job, error) =>
    log.warn(
      { jobId: job?.id, attempt: job?.attemptsMade, err: error.message.split("\n").at(-1) },
      "consistency check failed (retried when the database was unreachable; otherwise the run shows why)",
    ),
  );
  // Redis outages: BullMQ reconnects on its own; log the first error of each outage only.
  let redisDown = false;
  worker.on("error", (error) => {
    if (redisDown) return;
    redisDown = true;
    log.warn({ err: error.message }, "consistency worker error (Redis unreachable?); retrying in the background");
  });
  options.connection.on("ready", () => {
    redisDown = false;
  });
  return worker;
}
