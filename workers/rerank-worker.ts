// The BullMQ worker that consumes re-rank jobs (one per saved weights version). A failed try
// (PostgreSQL or Redis unreachable) is retried with backoff (JOB_ATTEMPTS, JOB_BACKOFF_MS); after
// the last one the reconcile loop's rerankStaleRequisitions finishes the work, so nothing is lost.
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Db } from "../server/db/client.ts";
import type { RerankOutcome } from "../server/ranking/rerank-requisition.ts";
import { RERANK_REQUISITION_QUEUE, type RerankRequisitionPayload } from "../server/queue/rerank-requisition.job.ts";
import { processRerankRequisition } from "./processors/rerank-requisition.processor.ts";
import type { ParseWorkerLog } from "./parse-worker.ts";

export interface RerankWorkerOptions {
  db: Db;
  connection: Redis;
  prefix: string;
  /** Re-ranks run one at a time per worker process: each is a few large UPDATEs in PostgreSQL. */
  concurrency?: number;
  log: ParseWorkerLog;
}

export function createRerankWorker(options: RerankWorkerOptions): Worker<RerankRequisitionPayload, RerankOutcome> {
  const { db, log } = options;
  const worker = new Worker<RerankRequisitionPayload, RerankOutcome>(
    RERANK_REQUISITION_QUEUE,
    async (job) => processRerankRequisition(db, job.data),
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 1 },
  );
  worker.on("completed", (job, result) =>
    log.info({ jobId: job.id, outcome: result.outcome, reranked: result.reranked }, "re-rank job completed"),
  );
  worker.on("failed", (job, error) =>
    log.warn(
      { jobId: job?.id, attempt: job?.attemptsMade, err: error.message.split("\n").at(-1) },
      "re-rank job failed; retried, and the reconcile loop finishes it otherwise",
    ),
  );
  // Redis outages: BullMQ reconnects on its own; log the first error of each outage only.
  let redisDown = false;
  worker.on("error", (error) => {
    if (redisDown) return;
    redisDown = true;
    log.warn({ err: error.message }, "re-rank worker error (Redis unreachable?); retrying in the background");
  });
  options.connection.on("ready", () => {
    redisDown = false;
  });
  return worker;
}
