// The one rule for which production, ML and overall scores a screen shows, so the number shown is
// the number sorted by: the stored score columns when every scored application of the requisition
// was ranked with its current weights version (each sort is then an index scan); otherwise, right
// after a weight change while re-ranking rewrites those columns, the SQL formula over the stored
// area scores (score-formula-sql.ts), so the new ranking shows at once. The table, its page
// neighbours, the plot, exports, the candidate page and the preview all read scores through this.
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { computedScoresLateral } from "./score-formula-sql.ts";
import type { CompiledWeights } from "./score-formula.ts";

/** Are all scored applications' stored scores ranked with this version? (partial index, two probes) */
export async function storedScoresAreCurrent(db: Db, requisitionId: string, version: number): Promise<boolean> {
  // Two probes rather than one OR, so each is a range scan of the partial index, not a walk of it.
  const stale = await db.$queryRaw<unknown[]>`
    (SELECT 1 FROM "Application" WHERE "requisitionId" = ${requisitionId} AND status = 'DONE' AND "weightsVersion" < ${version} LIMIT 1)
    UNION ALL
    (SELECT 1 FROM "Application" WHERE "requisitionId" = ${requisitionId} AND status = 'DONE' AND "weightsVersion" IS NULL LIMIT 1)`;
  return stale.length === 0;
}

/** SQL expressions of the shown scores of the row `alias`, and the join they need. */
export interface ShownScoresSql {
  production: Prisma.Sql;
  ml: Prisma.Sql;
  overall: Prisma.Sql;
  /** Joins needed for the score expressions (empty when the stored columns are read). */
  join: Prisma.Sql;
}

/**
 * The shown scores of the row `alias` of "Application": `fresh` is storedScoresAreCurrent for the
 * requisition's current version, `compiled` its current weights. NULL for an unscored row.
 */
export function shownScoresSql(ranking: { compiled: CompiledWeights; fresh: boolean }, alias = "a"): ShownScoresSql {
  if (ranking.fresh) {
    return {
      production: Prisma.raw(`${alias}."productionScore"`),
      ml: Prisma.raw(`${alias}."mlScore"`),
      overall: Prisma.raw(`${alias}."overallScore"`),
      join: Prisma.empty,
    };
  }
  const lateral = `s_${alias}`;
  return {
    production: Prisma.raw(`${lateral}.production`),
    ml: Prisma.raw(`${lateral}.ml`),
    overall: Prisma.raw(`${lateral}.overall`),
    join: Prisma.sql`LEFT JOIN ${computedScoresLateral(ranking.compiled, alias, lateral)} ON true`,
  };
}

/** The shown scores of one application (the candidate page); null until it is scored. */
export async function readShownScores(
  db: Db,
  applicationId: string,
  ranking: { compiled: CompiledWeights; fresh: boolean },
): Promise<{ production: number; ml: number; overall: number } | null> {
  const shown = shownScoresSql(ranking, "a");
  const [row] = await db.$queryRaw<Array<{ production: number | null; ml: number | null; overall: number | null }>>`
    SELECT ${shown.production} AS production, ${shown.ml} AS ml, ${shown.overall} AS overall
    FROM "Application" a ${shown.join}
    WHERE a.id = ${applicationId}`;
  if (!row || row.production === null || row.ml === null || row.overall === null) return null;
  return { production: row.production, ml: row.ml, overall: row.overall };
}
