// Rewrites the stored score columns of a requisition's applications after a weight change, from
// their stored area scores (no re-parsing), in chunks so no lock is held for long and the table
// stays usable meanwhile. Until it finishes, every screen ranks with the SQL score formula over
// the area scores (shown-scores.ts, score-formula-sql.ts), so the new ranking is visible at once;
// these columns only make the steady state fast (index scans).
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { computedScoresLateral } from "./score-formula-sql.ts";
import { compileWeights } from "./score-formula.ts";
import type { RequisitionWeights } from "./weights-schema.ts";
import { weightsFromJson } from "./weights-from-json.ts";

export interface RerankOptions {
  chunkSize?: number;
}

/**
 * Brings every scored application of the requisition to `version`. Stops early (returning what
 * it did) when a newer version is saved meanwhile: that save's re-rank takes over.
 */
export async function rerankRequisition(
  db: Db,
  requisitionId: string,
  weights: RequisitionWeights,
  version: number,
  options: RerankOptions = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? 5_000;
  const lateral = computedScoresLateral(compileWeights(weights), "b");
  let total = 0;
  for (;;) {
    const current = await db.requisition.findUnique({ where: { id: requisitionId }, select: { weightsVersion: true } });
    if (!current || current.weightsVersion !== version) break;
    const updated = await db.$executeRaw(Prisma.sql`
      WITH batch AS (
        SELECT b.id, s.production, s.ml, s.overall
        FROM "Application" b LEFT JOIN ${lateral} ON true
        WHERE b."requisitionId" = ${requisitionId} AND b.status = 'DONE'
          AND (b."weightsVersion" IS NULL OR b."weightsVersion" < ${version})
        LIMIT ${chunkSize}
        FOR UPDATE OF b SKIP LOCKED
      )
      UPDATE "Application" AS a SET
        "productionScore" = batch.production,
        "mlScore" = batch.ml,
        "overallScore" = batch.overall,
        "weightsVersion" = ${version}
      FROM batch
      WHERE a.id = batch.id`);
    total += updated;
    if (updated < chunkSize) break;
  }
  return total;
}

export type RerankOutcome =
  { outcome: "done"; reranked: number } | { outcome: "superseded" | "not_found"; reranked: 0 };

/**
 * The re-rank job's work (workers/processors/rerank-requisition.processor.ts): brings the stored
 * scores to the saved `version`, with the weights saved as that version. Nothing to do when the
 * requisition is gone or a newer version was saved meanwhile (that save has its own job).
 */
export async function rerankSavedVersion(db: Db, requisitionId: string, version: number): Promise<RerankOutcome> {
  const current = await db.requisition.findUnique({
    where: { id: requisitionId },
    select: { weights: true, weightsVersion: true },
  });
  if (!current) return { outcome: "not_found", reranked: 0 };
  if (current.weightsVersion !== version) return { outcome: "superseded", reranked: 0 };
  return {
    outcome: "done",
    reranked: await rerankRequisition(db, requisitionId, weightsFromJson(current.weights), version),
  };
}

/** Requisitions with scored applications ranked by an older version, with their current weights (for the reconcile loop). */
export async function findRequisitionsWithStaleScores(
  db: Db,
  limit = 20,
): Promise<Array<{ id: string; version: number; weights: unknown }>> {
  return db.$queryRaw<Array<{ id: string; version: number; weights: unknown }>>`
    SELECT r.id, r."weightsVersion" AS version, r.weights FROM "Requisition" r
    WHERE EXISTS (
      SELECT 1 FROM "Application" a
      WHERE a."requisitionId" = r.id AND a.status = 'DONE' AND (a."weightsVersion" IS NULL OR a."weightsVersion" < r."weightsVersion")
    )
    LIMIT ${limit}`;
}

/**
 * Finishes re-ranks that did not complete (Redis was down when the weights were saved, the job
 * failed for good, or a parse job wrote a score with a version replaced meanwhile). Run by the
 * worker's reconcile loop.
 */
export async function rerankStaleRequisitions(db: Db, limit = 20): Promise<number> {
  let total = 0;
  for (const { id, version, weights } of await findRequisitionsWithStaleScores(db, limit)) {
    // rerankRequisition itself stops if a newer version was saved since this read.
    total += await rerankRequisition(db, id, weightsFromJson(weights), version);
  }
  return total;
}
