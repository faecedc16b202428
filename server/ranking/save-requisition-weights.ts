// Reading, saving and versioning a requisition's ranking weights. The table ranks with the
// current version as soon as it is saved; saving also rewrites the stored score columns from
// the stored area scores (no re-parsing), awaited or in the background.
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { RequisitionWeightsSchema, type RequisitionWeights } from "./weights-schema.ts";
import { logger } from "../logger.ts";
import { rerankRequisition } from "./rerank-requisition.ts";
import { weightsFromJson } from "./weights-from-json.ts";

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
  options: {
    userId?: string | null;
    rerank?: "wait" | "background";
    /** Who saves: recorded as the version's author and in the audit entry "requisition.weights" (before → after). */
    actor?: AuditActor;
    ip?: string | null;
  } = {},
): Promise<{ version: number; weights: RequisitionWeights; reranked: number | null }> {
  const parsed = RequisitionWeightsSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidWeightsError(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const weights = parsed.data;
  const createdById = options.userId ?? options.actor?.id ?? null;
  const version = await db.$transaction(async (tx) => {
    const previous = await tx.requisition.findUnique({
      where: { id: requisitionId },
      select: { weights: true, weightsVersion: true },
    });
    const updated = await tx.requisition.update({
      where: { id: requisitionId },
      data: { weights, weightsVersion: { increment: 1 } },
      select: { weightsVersion: true },
    });
    await tx.requisitionWeightsVersion.create({
      data: { requisitionId, version: updated.weightsVersion, weights, createdById },
    });
    await recordAudit(tx, options.actor ?? (createdById ? { id: createdById, label: createdById } : SYSTEM_ACTOR), {
      action: "requisition.weights",
      summary: `Ranking weights saved as version ${updated.weightsVersion}`,
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      before: { version: previous?.weightsVersion ?? null, weights: weightsFromJson(previous?.weights) },
      after: { version: updated.weightsVersion, weights },
      ip: options.ip ?? null,
    });
    return updated.weightsVersion;
  });
  if (options.rerank === "background") {
    // The web request returns at once; the table ranks with the new weights meanwhile, and the
    // worker's reconcile loop finishes the job if this process stops first.
    void rerankRequisition(db, requisitionId, weights, version).catch((error: Error) =>
      logger.warn(
        { err: error.message, requisitionId, version },
        "background re-rank failed; the worker's reconcile loop will retry",
      ),
    );
    return { version, weights, reranked: null };
  }
  const reranked = await rerankRequisition(db, requisitionId, weights, version);
  return { version, weights, reranked };
}
