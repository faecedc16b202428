// "Mark reviewed" on a résumé OCR read with low confidence (status NEEDS_REVIEW, docs/extraction.md
// §6): a person has checked the text against the original file. The application moves to DONE and
// is ranked from the area scores its analysis kept, under the requisition's current
// weights (the same formula the worker uses), so it joins the table's order. Audited.
import type { AuditActor } from "../audit/record-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { compileWeights, dimensionScores, toAreaVector } from "../ranking/score-formula.ts";
import { weightsFromJson } from "../ranking/weights-from-json.ts";
import type { AreaId } from "../taxonomy/areas.ts";

export interface MarkReviewedInput {
  requisitionId: string;
  applicationId: string;
  ip?: string | null;
}

interface StoredAnalysisResult {
  areas?: Array<{ id: string; score: number }>;
  skills?: Array<{ id: string }>;
}

export async function markReviewed(
  db: Db,
  actor: AuditActor,
  input: MarkReviewedInput,
): Promise<{ overallScore: number; productionScore: number; mlScore: number }> {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, requisitionId: input.requisitionId },
      select: {
        id: true,
        status: true,
        analysis: { select: { result: true, ocrConfidence: true } },
        requisition: { select: { weights: true, weightsVersion: true } },
      },
    });
    if (!application) throw new AppError("not_found", "This candidate is not part of this requisition.");
    if (application.status !== "NEEDS_REVIEW") {
      throw new AppError(
        "conflict",
        application.status === "DONE"
          ? "This résumé does not need review: it was already reviewed or read clearly."
          : "This résumé has no text to review yet.",
      );
    }
    if (!application.analysis) throw new AppError("conflict", "This résumé has no text to review yet.");
    const result = application.analysis.result as StoredAnalysisResult;
    const areas = toAreaVector(
      Object.fromEntries((result.areas ?? []).map((a) => [a.id, a.score])) as Partial<Record<AreaId, number>>,
    );
    const scores = dimensionScores(areas, compileWeights(weightsFromJson(application.requisition.weights)));
    // Conditional on the state so two reviewers at once audit one review.
    const updated = await tx.application.updateMany({
      where: { id: application.id, status: "NEEDS_REVIEW" },
      data: {
        status: "DONE",
        productionScore: scores.production,
        mlScore: scores.ml,
        overallScore: scores.overall,
        areaScores: Array.from(areas),
        skillIds: (result.skills ?? []).map((s) => s.id),
        weightsVersion: application.requisition.weightsVersion,
      },
    });
    if (updated.count === 0) {
      throw new AppError("conflict", "This résumé does not need review: it was already reviewed or read clearly.");
    }
    const confidence = application.analysis.ocrConfidence;
    await recordAudit(tx, actor, {
      action: "application.ocr_reviewed",
      summary: `Résumé read by OCR${confidence === null ? "" : ` (${Math.round(confidence)}% confidence)`} marked reviewed; now ranked`,
      targetType: "application",
      targetId: application.id,
      requisitionId: input.requisitionId,
      before: { status: "NEEDS_REVIEW" },
      after: { status: "DONE", overallScore: Math.round(scores.overall) },
      ip: input.ip ?? null,
    });
    return { overallScore: scores.overall, productionScore: scores.production, mlScore: scores.ml };
  });
}
