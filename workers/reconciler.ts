// The worker's reconcile loop: every RECONCILE_INTERVAL_MS, one worker (whichever takes the
// Redis lock for that round) re-enqueues applications whose job is missing and, in the
// background, those read by an older parser. Several workers therefore do not scan PostgreSQL
// all at once; and even if two rounds overlapped, re-adding an existing job is a no-op.
// A round never overlaps the previous one in the same process, and a failure (PostgreSQL or
// Redis down) only costs that round.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Db } from "../server/db/client.ts";
import { enqueueParseResume, enqueueParseResumes, type ParseQueue } from "../server/queue/parse-queue.ts";
import { PARSE_RESUME_QUEUE } from "../server/queue/parse-resume.job.ts";
import { withQueueTimeout, whenRedisReady } from "../server/queue/redis-ready.ts";
import { rerankStaleRequisitions } from "../server/ranking/rerank-requisition.ts";
import { reconcileUnfinishedApplications, reprocessOutdatedApplications } from "./reconcile.ts";

export interface ReconcilerLog {
  info: (details: object, message: string) => void;
  warn: (details: object, message: string) => void;
}

export interface ReconcilerOptions {
  db: Db;
  queue: ParseQueue;
  /** The producer connection of `queue` (fails fast when Redis is down). */
  redis: Redis;
  prefix: string;
  intervalMs: number;
  parserVersion: string;
  log: ReconcilerLog;
}

export interface ReconcileRound {
  ran: boolean;
  missing: number;
  outdated: number;
}

export class Reconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReconcileRound> | null = null;
  private readonly owner = randomUUID();

  constructor(private readonly options: ReconcilerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  /** One round, unless one is still running in this process or another worker holds this round's lock. */
  runOnce(): Promise<ReconcileRound> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<ReconcileRound> {
    const { db, queue, intervalMs, parserVersion, log } = this.options;
    try {
      if (!(await this.takeRoundLock())) return { ran: false, missing: 0, outdated: 0 };
      const missing = await reconcileUnfinishedApplications(db, (ids) => enqueueParseResumes(queue, ids), {
        olderThanMs: intervalMs,
      });
      if (missing)
        log.info(
          { count: missing },
          "unfinished applications handed to the queue again (existing jobs are kept as they are)",
        );
      const outdated = await reprocessOutdatedApplications(
        db,
        (id) => enqueueParseResume(queue, id, { background: true }),
        {
          parserVersion,
          batch: 500,
        },
      );
      if (outdated) log.info({ count: outdated, parserVersion }, "re-processing applications read by an older parser");
      // A weight change whose background re-rank did not finish (the web process stopped), or a
      // score written with a version replaced meanwhile: bring the stored score columns up to date.
      const reranked = await rerankStaleRequisitions(db);
      if (reranked) log.info({ count: reranked }, "stored scores brought up to the current weights");
      return { ran: true, missing, outdated };
    } catch (error) {
      log.warn({ err: lastLine(error) }, "reconcile failed; will try again");
      return { ran: false, missing: 0, outdated: 0 };
    }
  }

  /** SET NX with an expiry of one interval: the first worker of each round does the work. */
  private async takeRoundLock(): Promise<boolean> {
    const { redis, prefix, intervalMs } = this.options;
    await whenRedisReady(redis);
    const key = `${prefix}:${PARSE_RESUME_QUEUE}:reconcile-lock`;
    // A little under the interval, so the holder's next round finds the lock expired.
    const ttl = Math.max(50, Math.floor(intervalMs * 0.9));
    const taken = await withQueueTimeout(redis.set(key, this.owner, "PX", ttl, "NX"), "taking the reconcile lock");
    return taken === "OK";
  }
}

function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .filter((line) => line.trim())
      .at(-1)
      ?.trim() ?? message
  );
}
