// How many résumés of a requisition OCR read with low confidence and no one has reviewed yet
// (Application.needsReview): the count above the candidates table. Served by the partial index
// "Application_requisitionId_needsReview_idx" (migration 20261206040000_ocr_text_source).
import type { Db } from "../db/client.ts";

export async function countNeedsReview(db: Db, requisitionId: string): Promise<number> {
  return db.application.count({ where: { requisitionId, needsReview: true } });
}
