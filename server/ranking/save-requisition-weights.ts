// Reading, saving and versioning a requisition's ranking weights. Every screen ranks with the
// current version as soon as it is saved (shown-scores.ts); the stored score columns are then
// rewritten from the stored area scores (no re-parsing): awaited here, or by the re-rank job
// (server/queue/rerank-queue.ts, enqueued once the save has committed).
import { AppError, issuesFromZod, type FieldIssue } from "../errors/app-error.ts";
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { RequisitionWeightsSchema, type RequisitionWeights } from "./weights-schema.ts";
import { logger } from "../logger.ts";
import { rerankRequisition } from "./rerank-requisition.ts";

/** Hands the re-rank of a saved version to the job queue (the web process: enqueueRerankRequisition). */
export type EnqueueRerank = (request: { requisitionId: string; weightsVersion: number }) => Promise<void>;
import { weightsFromJson } from "./weights-from-json.ts";

export async function getRequisitionWeights(db: Db, requisitionId: string) {
  const requisition = await db.requisition.findUnique({
    where: { id: requisitionId },
    select: { weights: true, weightsVersion: true },
  });
  if (!requisition) return null;
  return { weights: weightsFromJson(requisition.weights), version: requisition.weightsVersion };
}

/** Weights that fail their schema: an `invalid_input` AppError naming each field. */
function invalidWeights(issues: FieldIssue[]): AppError {
  const message = `Invalid weights: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`;
  return new AppError("invalid_input", message, { issues });
}

/**
 * Validates and saves new weights as the next version, then re-ranks the requisition: awaited
 * (`rerank: "wait"`, the default), or as a job enqueued after the save commits. Returns the new
 * version, and how many applications were re-ranked (null when a job does it) or whether the job
 * was enqueued (false when Redis is down: the save stands and the reconcile loop re-ranks).
 */
export async function updateRequisitionWeights(
  db: Db,
  requisitionId: string,
  input: unknown,
  options: {
    userId?: string | null;
    rerank?: "wait" | { enqueue: EnqueueRerank };
    /** Who saves: recorded as the version's author and in the audit entry "requisition.weights" (before → after). */
    actor?: AuditActor;
    ip?: string | null;
    /**
     * Drafted from the job posting (server/jd/review-draft.ts): recorded on the version (origin
     * "posting", with what was accepted and rejected) and in the audit entry.
     */
    fromPosting?: { review: Prisma.InputJsonObject };
  } = {},
): Promise<{ version: number; weights: RequisitionWeights; reranked: number | null; enqueued: boolean | null }> {
  const parsed = RequisitionWeightsSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidWeights(issuesFromZod(parsed.error.issues));
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
      data: {
        requisitionId,
        version: updated.weightsVersion,
        weights,
        createdById,
        ...(options.fromPosting ? { origin: "posting", review: options.fromPosting.review } : {}),
      },
    });
    await recordAudit(tx, options.actor ?? (createdById ? { id: createdById, label: createdById } : SYSTEM_ACTOR), {
      action: "requisition.weights",
      summary:
        `Ranking weights saved as version ${updated.weightsVersion}` +
        (options.fromPosting ? ", drafted from the job posting" : ""),
      targetType: "requisition",
      targetId: requisitionId,
      requisitionId,
      before: { version: previous?.weightsVersion ?? null, weights: weightsFromJson(previous?.weights) },
      after: {
        version: updated.weightsVersion,
        weights,
        ...(options.fromPosting ? { origin: "posting", review: options.fromPosting.review } : {}),
      },
      ip: options.ip ?? null,
    });
    return updated.weightsVersion;
  });
  const rerank = options.rerank ?? "wait";
  if (rerank !== "wait") {
    // After the commit, so the job never reads weights older than this save.
    try {
      await rerank.enqueue({ requisitionId, weightsVersion: version });
      return { version, weights, reranked: null, enqueued: true };
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error), requisitionId, version },
        "re-rank job not enqueued (Redis unreachable?); the worker's reconcile loop will re-rank",
      );
      return { version, weights, reranked: null, enqueued: false };
    }
  }
  const reranked = await rerankRequisition(db, requisitionId, weights, version);
  return { version, weights, reranked, enqueued: null };
}
