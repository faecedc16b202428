// Reading, saving and versioning a requisition's ranking weights. Saving re-ranks every
// application from its stored area scores (no re-parsing).
import type { Db } from "../db/client.ts";
import { RequisitionWeightsSchema, type RequisitionWeights } from "../scoring/requisition-weights.ts";
import { rerankRequisition } from "./rerank-requisition.ts";

/** Stored JSON → weights. Anything unreadable (an older format) falls back to the defaults. */
export function weightsFromJson(json: unknown): RequisitionWeights {
  const parsed = RequisitionWeightsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : RequisitionWeightsSchema.parse({});
}

export async function getRequisitionWeights(db: Db, requisitionId: string) {
  const requisition = await db.requisition.findUnique({
    where: { id: requisitionId },
    select: { weights: true, weightsVersion: true },
  });
  if (!requisition) return null;
  return { weights: weightsFromJson(requisition.weights), version: requisition.weightsVersion };
}

export class InvalidWeightsError extends Error {
  override name = "InvalidWeightsError";
  constructor(readonly issues: Array<{ path: string; message: string }>) {
    super(`Invalid weights: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`);
  }
}

/**
 * Validates and saves new weights as the next version, then re-ranks the requisition.
 * Returns the new version and how many applications were re-ranked.
 */
export async function updateRequisitionWeights(
  db: Db,
  requisitionId: string,
  input: unknown,
  options: { userId?: string | null } = {},
): Promise<{ version: number; weights: RequisitionWeights; reranked: number }> {
  const parsed = RequisitionWeightsSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidWeightsError(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const weights = parsed.data;
  const version = await db.$transaction(async (tx) => {
    const updated = await tx.requisition.update({
      where: { id: requisitionId },
      data: { weights, weightsVersion: { increment: 1 } },
      select: { weightsVersion: true },
    });
    await tx.requisitionWeightsVersion.create({
      data: { requisitionId, version: updated.weightsVersion, weights, createdById: options.userId ?? null },
    });
    return updated.weightsVersion;
  });
  const reranked = await rerankRequisition(db, requisitionId, weights, version);
  return { version, weights, reranked };
}
