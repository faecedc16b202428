// Processes one parse-résumé job: read the stored bytes, screen them with the same domain code
// as the CLI, and store the outcome. Idempotent: the analysis is upserted by application id and
// an application already DONE with the current parser version is left alone. The database work
// is three statements (parse-resume.store.ts), or two and markWaitingForOcr when a first,
// text-only reading leaves a scan for later (parse-worker.ts).
import { UnrecoverableError } from "bullmq";
import type { Db } from "../../server/db/client.ts";
import type { ExtractionLimits } from "../../server/extraction/extract-text.ts";
import { SCREENING_VERSION } from "../../server/screening/screening-version.ts";
import { ParseResumePayloadSchema } from "../../server/queue/parse-resume.job.ts";
import { weightsFromJson } from "../../server/ranking/weights-from-json.ts";
import { compileWeights, dimensionScores, toAreaVector } from "../../server/ranking/score-formula.ts";
import { toStoredScreeningResult } from "../../server/contract/screening-result.ts";
import { recordDuplicates } from "../../server/candidates/duplicates.ts";
import { isOcrDeferred, type OcrDeferred } from "../../server/screening/ocr-deferred.ts";
import type { ScreenJobOptions } from "../../server/screening/screen-job.ts";
import type { ScreenedResume } from "../../server/screening/screen-resume.ts";
import {
  loadApplicationToParse,
  markProcessing,
  markWaitingForOcr,
  prismaExecutor,
  storeParseOutcome,
  type ParseOutcomeFormat,
  type SqlExecutor,
} from "./parse-resume.store.ts";

/** Screens a file; with `ocrLater` a file that needs OCR may be answered with an OcrDeferred instead. */
export type ScreenFunction = (bytes: Uint8Array, options: ScreenJobOptions) => Promise<ScreenedResume | OcrDeferred>;

export interface ParseResumeDeps {
  db: Db;
  limits: ExtractionLimits;
  now?: () => Date;
  /**
   * Where the file is read: the worker passes its ParsePool (sandboxed threads with a heap cap
   * and a hard time limit); without it, in this thread (tests).
   */
  screen?: ScreenFunction;
  /** The job's three statements (parse-resume.store.ts): the worker passes node-postgres; default: through `db`. */
  sql?: SqlExecutor;
}

async function inProcessScreen(): Promise<ScreenFunction> {
  // Loaded on demand so a process that screens in its pool never loads pdf.js itself.
  return (await import("../../server/screening/screen-job.ts")).screenJob;
}

/** `ocr_later`: the file needs OCR and this job's reading left it for later; nothing was stored. */
export type ParseResumeOutcome = "done" | "failed" | "skipped" | "ocr_later";

export interface ParseResumeJobOptions {
  /**
   * Read text only: a file that needs OCR is not read now; the application is QUEUED again and
   * the outcome is `ocr_later`, for the caller to queue the job behind text résumés.
   */
  ocrLater?: boolean;
}

export async function processParseResume(
  deps: ParseResumeDeps,
  data: unknown,
  options: ParseResumeJobOptions = {},
): Promise<ParseResumeOutcome> {
  const payload = ParseResumePayloadSchema.safeParse(data);
  if (!payload.success) throw new UnrecoverableError(`Invalid job payload: ${payload.error.message}`);
  const { applicationId } = payload.data;
  const sql = deps.sql ?? prismaExecutor(deps.db);

  const application = await loadApplicationToParse(sql, applicationId);
  // Erased or removed since it was queued: nothing to do.
  if (!application) return "skipped";
  if (
    (application.status === "DONE" || application.status === "NEEDS_REVIEW") &&
    application.analysisParserVersion === SCREENING_VERSION
  ) {
    // A retry after the duplicate check below failed: the check is idempotent, so run it again.
    await recordDuplicates(sql, applicationId);
    return "skipped";
  }

  await markProcessing(sql, applicationId);

  const now = deps.now?.() ?? new Date();
  const weights = weightsFromJson(application.weights);
  const screen = deps.screen ?? (await inProcessScreen());
  const screened = await screen(new Uint8Array(application.bytes), {
    fileName: application.originalName,
    now,
    limits: deps.limits,
    weights,
    ocrLater: options.ocrLater,
  });
  if (isOcrDeferred(screened)) {
    await markWaitingForOcr(sql, applicationId, screened.ocrPages.length);
    return "ocr_later";
  }
  const { result } = screened;
  const areaScores = toAreaVector(Object.fromEntries(result.areas.map((a) => [a.id, a.score])));
  const skillIds = result.skills.map((s) => s.id);
  // The score columns through the one formula (server/ranking), under the weights version read
  // above; gaps and flags are not stored (they follow the current weights on every read).
  // A scan OCR read with low confidence takes the NEEDS_REVIEW state and is not scored in the table:
  // its area scores stay in the analysis, so a misread résumé is never ranked as a weak one.
  const needsReview = result.ok && screened.needsReview;
  const scores = result.ok && !needsReview ? dimensionScores(areaScores, compileWeights(weights)) : null;
  const format = result.format ? (result.format.toUpperCase() as ParseOutcomeFormat) : null;

  await storeParseOutcome(sql, {
    applicationId,
    candidateId: application.candidateId,
    analysis: format
      ? {
          parserVersion: screened.parserVersion,
          format,
          text: screened.text ?? "",
          pageCount: screened.pageCount,
          result: toStoredScreeningResult(result),
          // Plain data (spans and strings): a JSON round trip is exact.
          facts: screened.facts ?? null,
          textSource: screened.textSource ?? "text",
          ocrConfidence: screened.ocrConfidence,
        }
      : null,
    application: {
      status: !result.ok ? "FAILED" : needsReview ? "NEEDS_REVIEW" : "DONE",
      failureCode: result.error?.code ?? null,
      failureMessage: result.error?.message ?? null,
      displayName: result.contact?.name ?? application.originalName,
      productionScore: scores?.production ?? null,
      mlScore: scores?.ml ?? null,
      overallScore: scores?.overall ?? null,
      yearsExperience: result.yearsExperience,
      highestDegree: result.highestDegree,
      background: result.background,
      areaScores: scores ? Array.from(areaScores) : [],
      skillIds: scores ? skillIds : [],
      weightsVersion: scores ? application.weightsVersion : null,
      processedAt: now,
    },
    contact: result.contact
      ? { name: result.contact.name, email: result.contact.email, phone: result.contact.phone }
      : null,
  });

  // Same e-mail, phone or file as another application of the requisition: flag the pair for the
  // recruiter (server/candidates/duplicates.ts). Only now is the contact known.
  if (result.contact) await recordDuplicates(sql, applicationId);

  if (!result.ok) {
    // The file itself is the problem: retrying cannot help. The reason is already stored.
    throw new UnrecoverableError(`${result.error?.code}: ${result.error?.message}`);
  }
  return "done";
}

/**
 * Called when a job has failed for good for a reason other than the file (a bug, a parse thread
 * that keeps dying). Not for an unreachable database: that row is left for the reconciler.
 */
export async function markParseFailed(db: Db, applicationId: string, message: string): Promise<void> {
  await db.application.updateMany({
    where: { id: applicationId, status: { in: ["QUEUED", "PROCESSING"] } },
    data: {
      status: "FAILED",
      failureCode: "internal",
      failureMessage: `Processing failed after several attempts: ${message}. Use retry once the cause is fixed.`,
      processedAt: new Date(),
    },
  });
}
