// The consistency-check job (issue 16): re-score every stored résumé text of a requisition with
// identity cues swapped (server/fairness/run-consistency-check.ts). It carries only the run's id;
// the ConsistencyRun row in PostgreSQL is the source of truth (requisition, who started it,
// status, result). The job id is derived from the run, so one run is never queued twice.
import { z } from "zod";

export const CONSISTENCY_CHECK_QUEUE = "consistency-check";
export const CONSISTENCY_CHECK_JOB = "consistency-check";

export const ConsistencyCheckPayloadSchema = z.object({
  version: z.literal(1),
  runId: z.string().min(1).max(64),
});
export type ConsistencyCheckPayload = z.infer<typeof ConsistencyCheckPayloadSchema>;

export function consistencyCheckJobId(runId: string): string {
  return `consistency-${runId}`;
}
