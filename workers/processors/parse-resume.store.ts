// The database side of a parse job, in three statements: read everything the job needs, mark the
// application PROCESSING, store the outcome. Written as SQL because this is the hot path of the
// pipeline. Measured on the 2-core target machine: the job used to make ten Prisma model queries
// at 3–5 ms of CPU each (Prisma's query compiler), ~36 ms per résumé, five times the parse itself.
// These three statements cost ~1.5 ms through node-postgres (the worker's SqlExecutor) or ~6 ms
// through Prisma's raw queries (the fallback, used by tests that pass only a Prisma client).
// The outcome is one statement (CTEs), so it is atomic without a transaction round trip.
// Column names follow prisma/schema.prisma; `updatedAt` is set here because @updatedAt is applied
// by Prisma's client, not by the database. Timestamps are sent as UTC ISO strings into
// `timestamp(3)` columns, which is how Prisma stores them.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Db } from "../../server/db/client.ts";
import type { ProcessingStatus } from "../../server/generated/prisma/enums.ts";

/** Runs one parameterised statement ($1, $2, …) and returns its rows. */
export interface SqlExecutor {
  query<T>(text: string, values: unknown[]): Promise<T[]>;
}

export function pgExecutor(pool: pg.Pool): SqlExecutor {
  return {
    query: async <T>(text: string, values: unknown[]) => (await pool.query(text, values)).rows as T[],
  };
}

export function prismaExecutor(db: Db): SqlExecutor {
  return {
    query: <T>(text: string, values: unknown[]) => db.$queryRawUnsafe<T[]>(text, ...values),
  };
}

export interface ApplicationToParse {
  id: string;
  status: ProcessingStatus;
  candidateId: string;
  weights: unknown;
  weightsVersion: number;
  /** Parser version of the stored analysis, if any. */
  analysisParserVersion: string | null;
  originalName: string;
  bytes: Uint8Array;
}

export async function loadApplicationToParse(
  sql: SqlExecutor,
  applicationId: string,
): Promise<ApplicationToParse | null> {
  const rows = await sql.query<ApplicationToParse>(
    `SELECT a."id", a."status"::text AS "status", a."candidateId",
            r."weights", r."weightsVersion",
            an."parserVersion" AS "analysisParserVersion",
            f."originalName", f."bytes"
     FROM "Application" a
     JOIN "Requisition" r ON r."id" = a."requisitionId"
     JOIN "ResumeFile" f ON f."id" = a."resumeFileId"
     LEFT JOIN "ResumeAnalysis" an ON an."applicationId" = a."id"
     WHERE a."id" = $1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function markProcessing(sql: SqlExecutor, applicationId: string): Promise<void> {
  await sql.query(
    `UPDATE "Application"
     SET "status" = 'PROCESSING', "attempts" = "attempts" + 1, "failureCode" = NULL, "failureMessage" = NULL,
         "updatedAt" = $2::timestamp(3)
     WHERE "id" = $1`,
    [applicationId, new Date().toISOString()],
  );
}

/**
 * The job's first reading found a file that needs OCR and left it for later (the job waits again
 * at scan priority, server/queue/parse-queue.ts): the application is QUEUED again, as it now
 * waits in the queue, with the number of scanned pages (what the screens say while it waits),
 * and the reading does not count as an attempt. Only a row this job marked PROCESSING is touched.
 */
export async function markWaitingForOcr(sql: SqlExecutor, applicationId: string, scanPages: number): Promise<void> {
  await sql.query(
    `UPDATE "Application"
     SET "status" = 'QUEUED', "attempts" = GREATEST("attempts" - 1, 0), "scanPages" = $3,
         "updatedAt" = $2::timestamp(3)
     WHERE "id" = $1 AND "status" = 'PROCESSING'`,
    [applicationId, new Date().toISOString(), scanPages],
  );
}

export type ParseOutcomeFormat = "PDF" | "DOCX" | "TXT" | "PNG" | "JPEG";

export interface ParseOutcome {
  applicationId: string;
  candidateId: string;
  /** Null when the bytes are not a format we read: no analysis row then. */
  analysis: {
    parserVersion: string;
    format: ParseOutcomeFormat;
    text: string;
    pageCount: number | null;
    /** The screening result without the weight-dependent scores and gaps (StoredScreeningResultSchema). */
    result: unknown;
    facts: unknown;
    /** "text", "ocr" or "mixed" (server/contract/screening-result.ts TextSource). */
    textSource: string;
    ocrConfidence: number | null;
  } | null;
  application: {
    /** NEEDS_REVIEW: OCR confidence below OCR_MIN_CONFIDENCE, scores left out until a person checks it. */
    status: "DONE" | "NEEDS_REVIEW" | "FAILED";
    failureCode: string | null;
    failureMessage: string | null;
    displayName: string;
    productionScore: number | null;
    mlScore: number | null;
    overallScore: number | null;
    yearsExperience: number | null;
    highestDegree: string | null;
    background: string | null;
    areaScores: number[];
    skillIds: string[];
    weightsVersion: number | null;
    processedAt: Date;
  };
  /** The candidate's identity as read from the résumé, when it could be read. */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
}

/** Stores analysis, application columns and candidate identity in one atomic statement. */
export async function storeParseOutcome(sql: SqlExecutor, outcome: ParseOutcome): Promise<void> {
  const { applicationId, analysis, application: a, contact } = outcome;
  const values: unknown[] = [];
  const $ = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const now = $(new Date().toISOString());
  const id = $(applicationId);
  const ctes: string[] = [];
  if (analysis) {
    ctes.push(`stored_analysis AS (
      INSERT INTO "ResumeAnalysis" ("id", "applicationId", "parserVersion", "format", "text", "pageCount", "result", "facts",
                                    "textSource", "ocrConfidence", "createdAt", "updatedAt")
      VALUES (${$(newId())}, ${id}, ${$(analysis.parserVersion)}, ${$(analysis.format)}::"FileType", ${$(analysis.text)}, ${$(analysis.pageCount)}::integer,
              ${$(JSON.stringify(analysis.result))}::jsonb, ${$(analysis.facts === null ? null : JSON.stringify(analysis.facts))}::jsonb,
              ${$(analysis.textSource)}::text, ${$(analysis.ocrConfidence)}::double precision,
              ${now}::timestamp(3), ${now}::timestamp(3))
      ON CONFLICT ("applicationId") DO UPDATE SET
        "parserVersion" = EXCLUDED."parserVersion", "format" = EXCLUDED."format", "text" = EXCLUDED."text",
        "pageCount" = EXCLUDED."pageCount", "result" = EXCLUDED."result", "facts" = EXCLUDED."facts",
        "textSource" = EXCLUDED."textSource", "ocrConfidence" = EXCLUDED."ocrConfidence", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING 1)`);
  }
  ctes.push(`stored_application AS (
    UPDATE "Application" SET
      "status" = ${$(a.status)}::"ProcessingStatus", "failureCode" = ${$(a.failureCode)}::text, "failureMessage" = ${$(a.failureMessage)}::text,
      "displayName" = ${$(a.displayName)}::text,
      "productionScore" = ${$(a.productionScore)}::double precision, "mlScore" = ${$(a.mlScore)}::double precision,
      "overallScore" = ${$(a.overallScore)}::double precision, "yearsExperience" = ${$(a.yearsExperience)}::double precision,
      "highestDegree" = ${$(a.highestDegree)}::text, "background" = ${$(a.background)}::text,
      "areaScores" = ${$(a.areaScores)}::double precision[], "skillIds" = ${$(a.skillIds)}::text[],
      "weightsVersion" = ${$(a.weightsVersion)}::integer, "processedAt" = ${$(a.processedAt.toISOString())}::timestamp(3),
      "updatedAt" = ${now}::timestamp(3)
    WHERE "id" = ${id}
    RETURNING 1)`);
  if (contact) {
    ctes.push(`stored_candidate AS (
      UPDATE "Candidate" SET "name" = ${$(contact.name)}::text, "email" = ${$(contact.email)}::text, "phone" = ${$(contact.phone)}::text
      WHERE "id" = ${$(outcome.candidateId)}
      RETURNING 1)`);
  }
  await sql.query(`WITH ${ctes.join(",\n")} SELECT 1 AS "stored"`, values);
}

/** An id in the shape of Prisma's cuid() (a letter, then lower-case base-36 and hex), for rows inserted here. */
function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}
