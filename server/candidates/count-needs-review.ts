// How many résumés of a requisition OCR read with low confidence and no one has reviewed yet
// (status NEEDS_REVIEW): the count above the candidates table. Served by the index on
// ("requisitionId", status, id).
import type { Db } from "../db/client.ts";

export async function countNeedsReview(db: Db, requisitionId: string): Promise<number> {
  return db.application.count({ where: { requisitionId, status: "NEEDS_REVIEW" } });
}
