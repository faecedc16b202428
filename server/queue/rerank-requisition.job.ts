// The re-rank job: after a weight save commits, rewrite the requisition's stored score columns
// for that weights version (server/ranking/rerank-requisition.ts). It carries only ids; the
// requisition row is the source of truth. The job id is derived from the requisition and the
// version, so one save is never queued twice, and a newer save gets its own job.
import { z } from "zod";

export const RERANK_REQUISITION_QUEUE = "rerank-requisition";
export const RERANK_REQUISITION_JOB = "rerank-requisition";

export const RerankRequisitionPayloadSchema = z.object({
  version: z.literal(1),
  requisitionId: z.string().min(1).max(64),
  weightsVersion: z.number().int().positive(),
});
export type RerankRequisitionPayload = z.infer<typeof RerankRequisitionPayloadSchema>;

export function rerankRequisitionJobId(requisitionId: string, weightsVersion: number): string {
  return `rerank-${requisitionId}-v${weightsVersion}`;
}
