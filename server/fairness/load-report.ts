// The data of the fairness report (issue 16): for one requisition, or every requisition, the
// applications created in a date range that the scorer scored, each with its shown overall score
// (server/ranking/shown-scores.ts: the number the table shows and sorts by), whether it reached
// the chosen stage (now or at any time, from StageChange), and its self-identification (unknown
// when none was recorded). computeImpact (pure) does the arithmetic. Applications not scored
// (failed, waiting for OCR review) were not assessed and are counted apart.
import type { Db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { compileWeights } from "../ranking/score-formula.ts";
import { shownScoresSql, storedScoresAreCurrent } from "../ranking/shown-scores.ts";
import { weightsFromJson } from "../ranking/weights-from-json.ts";
import {
  RACE_ETHNICITY_CATEGORIES,
  SEX_CATEGORIES,
  type RaceEthnicityCategory,
  type SexCategory,
} from "./categories.ts";
import { computeImpact, type ApplicantOutcome, type ImpactReport } from "./compute-impact.ts";

export { SELECTION_STAGES, type SelectionStage } from "./selection-stages.ts";
import type { SelectionStage } from "./selection-stages.ts";

export interface ReportQuery {
  /** One requisition, or null for every requisition. */
  requisitionId: string | null;
  /** Inclusive dates (YYYY-MM-DD, UTC) of the applications' creation. */
  from: string;
  to: string;
  stage: SelectionStage;
  excludeSmallCategories?: boolean;
}

export interface FairnessReport {
  query: ReportQuery;
  requisitions: Array<{ id: string; title: string }>;
  /** Applications in range the scorer did not score (not part of the audit). */
  notScored: number;
  impact: ImpactReport;
}

interface Row {
  overall: number | null;
  selected: boolean;
  sex: string | null;
  raceEthnicity: string | null;
}

const isSex = (value: string | null): value is SexCategory => SEX_CATEGORIES.includes(value as SexCategory);
const isRace = (value: string | null): value is RaceEthnicityCategory =>
  RACE_ETHNICITY_CATEGORIES.includes(value as RaceEthnicityCategory);

/** One requisition's applications in range, with shown scores and outcomes. */
async function requisitionRows(
  db: Db,
  requisition: { id: string; weights: unknown; weightsVersion: number },
  query: ReportQuery,
): Promise<Row[]> {
  const shown = shownScoresSql({
    compiled: compileWeights(weightsFromJson(requisition.weights)),
    fresh: await storedScoresAreCurrent(db, requisition.id, requisition.weightsVersion),
  });
  const from = new Date(`${query.from}T00:00:00.000Z`);
  const until = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 24 * 3600 * 1000);
  const stage = Prisma.sql`${query.stage}::"Stage"`;
  return db.$queryRaw<Row[]>`
    SELECT ${shown.overall} AS overall,
           (a.stage = ${stage} OR EXISTS (
             SELECT 1 FROM "StageChange" c WHERE c."applicationId" = a.id AND c."toStage" = ${stage}
           )) AS selected,
           si.sex AS sex, si."raceEthnicity" AS "raceEthnicity"
    FROM "Application" a ${shown.join}
    LEFT JOIN "SelfIdentification" si ON si."applicationId" = a.id
    WHERE a."requisitionId" = ${requisition.id} AND a."createdAt" >= ${from} AND a."createdAt" < ${until}
    ORDER BY a.id`;
}

export async function loadFairnessReport(db: Db, query: ReportQuery): Promise<FairnessReport> {
  if (query.from > query.to) throw new AppError("invalid_input", "The date range ends before it starts.");
  const requisitions = await db.requisition.findMany({
    where: query.requisitionId ? { id: query.requisitionId } : {},
    select: { id: true, title: true, weights: true, weightsVersion: true },
    orderBy: { createdAt: "asc" },
  });
  if (query.requisitionId && requisitions.length === 0) {
    throw new AppError("not_found", "This requisition does not exist.");
  }
  const outcomes: ApplicantOutcome[] = [];
  let notScored = 0;
  for (const requisition of requisitions) {
    for (const row of await requisitionRows(db, requisition, query)) {
      if (row.overall === null) {
        notScored += 1;
        continue;
      }
      outcomes.push({
        score: Number(row.overall),
        selected: row.selected,
        sex: isSex(row.sex) ? row.sex : null,
        raceEthnicity: isRace(row.raceEthnicity) ? row.raceEthnicity : null,
      });
    }
  }
  return {
    query,
    requisitions: requisitions.map(({ id, title }) => ({ id, title })),
    notScored,
    impact: computeImpact(outcomes, { excludeSmallCategories: query.excludeSmallCategories ?? false }),
  };
}
