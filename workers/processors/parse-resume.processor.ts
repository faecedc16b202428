// Processes one parse-résumé job: read the stored bytes, screen them with the same domain code
// as the CLI, and store the outcome. Idempotent: the analysis is upserted by application id and
// an application already DONE with the current parser version is left alone.
import { UnrecoverableError } from "bullmq";
import type { Db } from "../../server/db/client.ts";
import type { ExtractionLimits } from "../../server/extraction/extract-text.ts";
import { PARSER_VERSION } from "../../server/extraction/parser-version.ts";
import { ParseResumePayloadSchema } from "../../server/queue/parse-resume.job.ts";
import { weightsFromJson } from "../../server/requisitions/requisition-weights.ts";
import { compileWeights, meetsMinYears, missingMustHaves, toAreaVector } from "../../server/scoring/rank.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";

export interface ParseResumeDeps {
  db: Db;
  limits: ExtractionLimits;
  now?: () => Date;
}

export type ParseResumeOutcome = "done" | "failed" | "skipped";

export async function processParseResume(deps: ParseResumeDeps, data: unknown): Promise<ParseResumeOutcome> {
  const payload = ParseResumePayloadSchema.safeParse(data);
  if (!payload.success) throw new UnrecoverableError(`Invalid job payload: ${payload.error.message}`);
  const { applicationId } = payload.data;
  const { db } = deps;

  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      candidateId: true,
      requisition: { select: { weights: true, weightsVersion: true } },
      analysis: { select: { parserVersion: true } },
      resumeFile: { select: { originalName: true, bytes: true } },
    },
  });
  // Erased or removed since it was queued: nothing to do.
  if (!application) return "skipped";
  if (application.status === "DONE" && application.analysis?.parserVersion === PARSER_VERSION) return "skipped";

  await db.application.update({
    where: { id: applicationId },
    data: { status: "PROCESSING", attempts: { increment: 1 }, failureCode: null, failureMessage: null },
  });

  const now = deps.now?.() ?? new Date();
  const weights = weightsFromJson(application.requisition.weights);
  const screened = await screenResume(new Uint8Array(application.resumeFile.bytes), {
    fileName: application.resumeFile.originalName,
    now,
    limits: deps.limits,
    weights,
  });
  const { result } = screened;
  const areaScores = toAreaVector(Object.fromEntries(result.areas.map((a) => [a.id, a.score])));
  const skillIds = result.skills.map((s) => s.id);
  // screenResume already ranked with these weights (scores, gaps); only the requisition's flags remain.
  const compiled = compileWeights(weights);
  const flags = result.ok
    ? { missingMustHaves: missingMustHaves(skillIds, compiled), meetsMinYears: meetsMinYears(result.yearsExperience, compiled) }
    : null;
  const format = result.format ? (result.format.toUpperCase() as "PDF" | "DOCX" | "TXT") : null;

  await db.$transaction(async (tx) => {
    if (format) {
      const analysis = {
        parserVersion: screened.parserVersion,
        format,
        text: screened.text ?? "",
        pageCount: screened.pageCount,
        result,
        // Plain data (spans and strings): a JSON round trip is exact.
        facts: screened.facts ? (JSON.parse(JSON.stringify(screened.facts)) as object) : undefined,
      };
      await tx.resumeAnalysis.upsert({
        where: { applicationId },
        create: { applicationId, ...analysis },
        update: analysis,
      });
    }
    await tx.application.update({
      where: { id: applicationId },
      data: {
        status: result.ok ? "DONE" : "FAILED",
        failureCode: result.error?.code ?? null,
        failureMessage: result.error?.message ?? null,
        displayName: result.contact?.name ?? application.resumeFile.originalName,
        productionScore: result.scores?.production ?? null,
        mlScore: result.scores?.ml ?? null,
        overallScore: result.scores?.overall ?? null,
        yearsExperience: result.yearsExperience,
        highestDegree: result.highestDegree,
        background: result.background,
        areaScores: flags ? Array.from(areaScores) : [],
        skillIds: flags ? skillIds : [],
        gaps: result.gaps,
        missingMustHaves: flags?.missingMustHaves ?? [],
        meetsMinYears: flags?.meetsMinYears ?? null,
        weightsVersion: flags ? application.requisition.weightsVersion : null,
        processedAt: now,
      },
    });
    if (result.contact) {
      await tx.candidate.update({
        where: { id: application.candidateId },
        data: { name: result.contact.name, email: result.contact.email, phone: result.contact.phone },
      });
    }
  });

  if (!result.ok) {
    // The file itself is the problem: retrying cannot help. The reason is already stored.
    throw new UnrecoverableError(`${result.error?.code}: ${result.error?.message}`);
  }
  return "done";
}

/** Called when a job has failed for good for a reason other than the file (e.g. the database). */
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
