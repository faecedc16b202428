// One exported candidate: the audit packet of an application (PRODUCT.md: "every export is in an
// audit log"; issue 5: scores, area breakdown, gaps, reasons, weights version, stage and who
// decided). Built from the table's own rows (selectCandidateRows: same filters, order, ranking
// and blind review), plus what the table does not carry: area scores, e-mail, the last decision.
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ProcessingStatus, Stage } from "../generated/prisma/enums.ts";
import type { CandidatesQuery } from "../candidates/candidates-query.ts";
import { walkCandidateRows, type CandidateRow, type RankingContext } from "../candidates/list-candidates.ts";
import { scoreBand, type ScoreBand } from "../ranking/score-band.ts";
import { BACKGROUNDS } from "../scoring/backgrounds.ts";
import { DEGREE_LABELS, PROCESSING_STATE_LABELS, STAGE_LABELS } from "../contract/vocabulary.ts";
import type { Background } from "../contract/screening-result.ts";
import { AREA_IDS, type AreaId } from "../taxonomy/areas.ts";
import { getArea, getSkill } from "../taxonomy/index.ts";

export interface ExportRow {
  applicationId: string;
  /** What the table calls the row: the name, the file name, or a neutral "Candidate 7F3K2Q". */
  candidate: string;
  /** True when blind review hides identity: name and email are then null. */
  identityHidden: boolean;
  name: string | null;
  email: string | null;
  stage: Stage;
  /** The stage as people read it ("Shortlisted"); `stage` keeps the code for machines. */
  stageLabel: string;
  /** The latest decision that put the application in its stage (null: never moved, or by a removed account). */
  stageDecidedBy: string | null;
  stageDecidedAt: string | null;
  processingStatus: ProcessingStatus;
  processingStatusLabel: string;
  failureCode: string | null;
  failureReason: string | null;
  overallScore: number | null;
  productionScore: number | null;
  mlScore: number | null;
  /** The dimension scores in words (none, little, some, solid, strong); null until scored. */
  productionBand: ScoreBand | null;
  mlBand: ScoreBand | null;
  /** Every area's score by area id (names and dimensions are in the export's header); null until scored. */
  areaScores: Record<AreaId, number | null>;
  /** The weakest areas the requisition cares about, in the guide's wording. */
  gaps: Array<{ id: AreaId; name: string; guideLabel: string }>;
  background: { id: string; label: string; typicalGap: string } | null;
  missingMustHaves: Array<{ id: string; name: string }>;
  /** null when the requisition sets no minimum years (or the résumé is not scored). */
  meetsMinYears: boolean | null;
  yearsExperience: number | null;
  highestDegree: string | null;
  /** "Master’s" for `masters`; null when no degree level was read. */
  highestDegreeLabel: string | null;
  /** The requisition weights version these scores were ranked with. */
  weightsVersion: number | null;
}

/** Rows per database round trip: a chunk of rows is all an export holds in memory. */
export const EXPORT_CHUNK_SIZE = 1_000;

interface RowDetails {
  id: string;
  /** Area scores in AREA_IDS order, as PostgreSQL's text of the array ("{70,30,…}"): cheaper than an array per row. */
  areaScores: string | null;
  email: string | null;
  toStage: Stage | null;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** Area scores, e-mail and the latest stage change of a chunk of applications, in one query. */
async function loadDetails(db: Db, ids: string[]): Promise<Map<string, RowDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<RowDetails[]>(Prisma.sql`
    SELECT a.id, a."areaScores"::text AS "areaScores", c.email,
      sc."toStage", sc."createdAt" AS "decidedAt", u.email AS "decidedBy"
    FROM "Application" a
    JOIN "Candidate" c ON c.id = a."candidateId"
    LEFT JOIN LATERAL (
      SELECT s."toStage", s."createdAt", s."byId" FROM "StageChange" s
      WHERE s."applicationId" = a.id
      ORDER BY s."createdAt" DESC, s.id DESC
      LIMIT 1
    ) sc ON true
    LEFT JOIN "User" u ON u.id = sc."byId"
    WHERE a.id = ANY(${ids}::text[])`);
  return new Map(rows.map((row) => [row.id, row]));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** "{70,30.25,…}" → [70, 30.3, …] in AREA_IDS order, or null when the vector is not complete. */
function areaScoresOf(text: string | null): number[] | null {
  if (!text || text.length < 3) return null;
  const scores = text
    .slice(1, -1)
    .split(",")
    .map((part) => round1(Number(part)));
  return scores.length === AREA_IDS.length && scores.every(Number.isFinite) ? scores : null;
}

export function toExportRow(row: CandidateRow, details: RowDetails | undefined): ExportRow {
  const scores = row.status === "DONE" ? areaScoresOf(details?.areaScores ?? null) : null;
  // A decision is reported only when it is the one that put the application in its current stage.
  const decision = details?.toStage === row.stage ? details : null;
  const background = row.background ? BACKGROUNDS[row.background as Background] : undefined;
  const areaScores = {} as Record<AreaId, number | null>;
  for (let i = 0; i < AREA_IDS.length; i++) areaScores[AREA_IDS[i]!] = scores ? scores[i]! : null;
  return {
    applicationId: row.id,
    candidate: row.label,
    identityHidden: row.identityHidden,
    name: row.identityHidden ? null : row.name,
    email: row.identityHidden ? null : (details?.email ?? null),
    stage: row.stage,
    stageLabel: STAGE_LABELS[row.stage],
    stageDecidedBy: decision?.decidedBy ?? null,
    stageDecidedAt: decision?.decidedAt?.toISOString() ?? null,
    processingStatus: row.status,
    processingStatusLabel: PROCESSING_STATE_LABELS[row.status],
    failureCode: row.failureCode,
    failureReason: row.failureMessage,
    overallScore: row.overallScore,
    productionScore: row.productionScore,
    mlScore: row.mlScore,
    productionBand: row.productionScore === null ? null : scoreBand(row.productionScore),
    mlBand: row.mlScore === null ? null : scoreBand(row.mlScore),
    areaScores,
    gaps: row.gaps.flatMap((id) => {
      const area = getArea(id);
      return area ? [{ id: area.id, name: area.name, guideLabel: area.guideLabel }] : [];
    }),
    background: background ? { id: background.id, label: background.label, typicalGap: background.typicalGap } : null,
    missingMustHaves: row.missingMustHaves.map((id) => ({ id, name: getSkill(id)?.name ?? id })),
    meetsMinYears: row.meetsMinYears,
    yearsExperience: row.yearsExperience,
    highestDegree: row.highestDegree,
    highestDegreeLabel: row.highestDegree
      ? (DEGREE_LABELS[row.highestDegree as keyof typeof DEGREE_LABELS] ?? row.highestDegree)
      : null,
    weightsVersion: row.weightsVersion,
  };
}

/**
 * The filtered view in the table's order (same filters, ranking and blind review as the table),
 * EXPORT_CHUNK_SIZE rows at a time. `tx` must be a transaction: the rows are read through a
 * cursor, and export-candidates.ts holds one snapshot for the count, the audit entry and the rows.
 */
export async function* exportRowChunks(
  tx: Db,
  context: RankingContext,
  query: Pick<CandidatesQuery, "sorts" | "filters">,
  chunkSize = EXPORT_CHUNK_SIZE,
): AsyncGenerator<ExportRow[]> {
  const chunks = walkCandidateRows(tx, context, query, chunkSize);
  try {
    let pending = chunks.next();
    for (;;) {
      const { value: rows, done } = await pending;
      if (done) return;
      const details = loadDetails(
        tx,
        rows.map((row) => row.id),
      );
      // Read ahead: the next chunk is fetched while this one is written out (two chunks in memory).
      pending = chunks.next();
      const byId = await details;
      yield rows.map((row) => toExportRow(row, byId.get(row.id)));
    }
  } finally {
    await chunks.return(undefined);
  }
}
