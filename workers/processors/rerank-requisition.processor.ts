// Processes one re-rank job: the payload is validated again here (a job may come from an older
// web process or be edited in Redis), then the requisition's stored score columns are brought to
// the saved weights version from the stored area scores (server/ranking/rerank-requisition.ts).
// Idempotent: rows already at the version are skipped, and a superseded version does nothing.
import { UnrecoverableError } from "bullmq";
import type { Db } from "../../server/db/client.ts";
import { RerankRequisitionPayloadSchema } from "../../server/queue/rerank-requisition.job.ts";
import { rerankSavedVersion, type RerankOutcome } from "../../server/ranking/rerank-requisition.ts";

export async function processRerankRequisition(db: Db, data: unknown): Promise<RerankOutcome> {
  const payload = RerankRequisitionPayloadSchema.safeParse(data);
  if (!payload.success) throw new UnrecoverableError(`Invalid job payload: ${payload.error.message}`);
  return rerankSavedVersion(db, payload.data.requisitionId, payload.data.weightsVersion);
}
