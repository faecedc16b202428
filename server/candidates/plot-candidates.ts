// The scatter plot's data: the table's filtered view (same filters, ranking and blind review),
// scored candidates only (a point needs both scores), in the table's order, capped so a
// requisition of 100,000 still draws at once; plus the requisition's balance region.
import type { Db } from "../db/client.ts";
import type { Stage } from "../generated/prisma/enums.ts";
import { balanceGeometry, type BalanceGeometry } from "../ranking/balance-region.ts";
import type { CandidateFilters, CandidatesQuery } from "./candidates-query.ts";
import { countCandidates, loadRankingContext, selectCandidateRows } from "./list-candidates.ts";

/** Most points drawn; past it the plot says how many it shows (the first in the table's order). */
export const PLOT_LIMIT = 2_000;

export interface PlotPoint {
  id: string;
  /** The name, file name, or a neutral "Candidate 7F3K2Q" under blind review. */
  label: string;
  identityHidden: boolean;
  stage: Stage;
  production: number;
  ml: number;
  overall: number;
  background: string | null;
}

export interface CandidatePlot {
  points: PlotPoint[];
  /** Candidates in the filtered view, scored or not. */
  viewTotal: number;
  /** Scored candidates in the view (points before the cap). */
  scoredTotal: number;
  limit: number;
  weightsVersion: number;
  blindReview: boolean;
  weights: { productionWeight: number; balanceStrictness: number; exponent: number };
  balance: BalanceGeometry;
}

/** The view's filters narrowed to scored applications, or null when the view has none. */
function scoredFilters(filters: CandidateFilters): CandidateFilters | null {
  if (filters.status && !filters.status.includes("DONE")) return null;
  return { ...filters, status: ["DONE"] };
}

export async function plotCandidates(
  db: Db,
  requisitionId: string,
  query: Pick<CandidatesQuery, "sorts" | "filters">,
  limit = PLOT_LIMIT,
): Promise<CandidatePlot> {
  const context = await loadRankingContext(db, requisitionId);
  const scored = scoredFilters(query.filters);
  const [viewTotal, scoredTotal, rows] = await Promise.all([
    countCandidates(db, context, query.filters),
    scored ? countCandidates(db, context, scored) : 0,
    scored ? selectCandidateRows(db, context, { sorts: query.sorts, filters: scored }, { offset: 0, limit }) : [],
  ]);
  const points: PlotPoint[] = [];
  for (const row of rows) {
    if (row.productionScore === null || row.mlScore === null || row.overallScore === null) continue;
    points.push({
      id: row.id,
      label: row.label,
      identityHidden: row.identityHidden,
      stage: row.stage,
      production: row.productionScore,
      ml: row.mlScore,
      overall: row.overallScore,
      background: row.background,
    });
  }
  const { productionWeight, balanceStrictness } = context.weights;
  return {
    points,
    viewTotal,
    scoredTotal,
    limit,
    weightsVersion: context.version,
    blindReview: context.blindReview,
    weights: { productionWeight, balanceStrictness, exponent: context.compiled.exponent },
    balance: balanceGeometry(context.compiled),
  };
}
