// Processes one consistency-check job: the payload is validated again here (a job may come from
// an older web process or be edited in Redis), then the run's résumés are re-scored with identity
// cues swapped (server/fairness/run-consistency-check.ts). What happens on failure:
// - PostgreSQL unreachable: thrown as is, so BullMQ retries with backoff; the run starts over;
// - anything else (a bug, a bad payload), or the last try: the run is marked failed with the
//   reason, which the report shows, and the job is not retried.
import { UnrecoverableError } from "bullmq";
import type { Db } from "../../server/db/client.ts";
import { markConsistencyRunFailed } from "../../server/fairness/consistency-runs.ts";
import {
  runConsistencyCheck,
  type RunConsistencyOptions,
  type RunConsistencyOutcome,
} from "../../server/fairness/run-consistency-check.ts";
import { isDatabaseUnavailableError } from "../../server/health/database-unavailable.ts";
import { ConsistencyCheckPayloadSchema } from "../../server/queue/consistency-check.job.ts";

export interface ConsistencyJobContext {
  /** This is the job's last try: a transient failure now fails the run too. */
  lastAttempt: boolean;
  options?: RunConsistencyOptions;
}

export async function processConsistencyCheck(
  db: Db,
  data: unknown,
  context: ConsistencyJobContext,
): Promise<RunConsistencyOutcome> {
  const payload = ConsistencyCheckPayloadSchema.safeParse(data);
  if (!payload.success) throw new UnrecoverableError(`Invalid job payload: ${payload.error.message}`);
  const { runId } = payload.data;
  try {
    return await runConsistencyCheck(db, runId, context.options);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").at(-1)! : String(error);
    if (isDatabaseUnavailableError(error) && !context.lastAttempt) throw error;
    await markConsistencyRunFailed(db, runId, `The check stopped: ${message}`).catch(() => {});
    throw new UnrecoverableError(message);
  }
}
