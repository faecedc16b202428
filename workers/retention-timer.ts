// The hourly retention run inside every worker process (server/privacy/retention.ts). Several
// workers may run it at once: each erasure is its own transaction and one that finds its
// application gone skips it.
import type { Db } from "../server/db/client.ts";
import { runRetention } from "../server/privacy/retention.ts";

interface Log {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
}

export function startRetentionTimer(options: {
  db: Db;
  retentionDays: number;
  log: Log;
  intervalMs?: number;
}): () => void {
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runRetention(options.db, { retentionDays: options.retentionDays });
      if (result.erased > 0 || result.sessionsDeleted > 0) options.log.info({ ...result }, "retention run");
    } catch (error) {
      options.log.warn({ err: (error as Error).message }, "retention run failed; will try again next hour");
    } finally {
      running = false;
    }
  };
  // A random first delay spreads the runs of several workers started together.
  const first = setTimeout(() => void run(), Math.floor(Math.random() * 5 * 60 * 1000));
  const timer = setInterval(() => void run(), intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
