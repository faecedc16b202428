// THE score formula in SQL: the exact twin of dimensionScores (score-formula.ts) and power-mean.ts,
// over an application's stored area scores, rounded the same way. Re-ranking writes the stored
// score columns with it (rerank-requisition.ts); screens read it while those columns catch up
// after a weight change (shown-scores.ts); the preview ranks with it (preview-ranking.ts).
// tests/integration/score-formula-agreement.test.ts checks SQL and TypeScript agree.
import { Prisma } from "../generated/prisma/client.ts";
import type { CompiledWeights } from "./score-formula.ts";
import { AREA_IDS } from "../taxonomy/areas.ts";

const literal = (n: number) => Prisma.raw(Number.isFinite(n) ? String(n) : "0");

/** Σ weight × areaScores[i] over the areas with a weight, as float8. */
function weightedSum(alias: string, weights: Float64Array): Prisma.Sql {
  const terms: Prisma.Sql[] = [];
  weights.forEach((w, i) => {
    if (w > 0) terms.push(Prisma.sql`${Prisma.raw(`${alias}."areaScores"[${i + 1}]`)} * ${literal(w)}::float8`);
  });
  return terms.length ? Prisma.join(terms, " + ", "(", ")") : Prisma.sql`0::float8`;
}

/** weightedPowerMean(p, m, wp, exponent) in SQL, for column names `p` and `m`. */
function powerMean(compiled: CompiledWeights): Prisma.Sql {
  const wp = Math.min(1, Math.max(0, compiled.productionWeight));
  const e = compiled.exponent;
  if (wp <= 0) return Prisma.sql`m`;
  if (wp >= 1) return Prisma.sql`p`;
  if (Math.abs(e) < 1e-9) {
    return Prisma.sql`CASE WHEN p <= 0 OR m <= 0 THEN 0 ELSE exp(${literal(wp)} * ln(p) + ${literal(1 - wp)} * ln(m)) END`;
  }
  const body = Prisma.sql`power(${literal(wp)} * power(p, ${literal(e)}) + ${literal(1 - wp)} * power(m, ${literal(e)}), ${literal(1 / e)})`;
  return e < 0 ? Prisma.sql`CASE WHEN p <= 0 OR m <= 0 THEN 0 ELSE ${body} END` : body;
}

/**
 * Math.round(x * 10) / 10 of score-formula.ts, in float8 (scores are ≥ 0, where Math.round(y) is
 * floor(y + 0.5)): the same IEEE operations, so no decimal conversion can round differently, and
 * several times cheaper per row than a numeric round.
 */
const round1 = (expression: Prisma.Sql) => Prisma.sql`floor((${expression}) * 10 + 0.5) / 10`;

/**
 * A LATERAL subquery `name` giving `name.production`, `name.ml` and `name.overall` for the row
 * `alias`; join it with LEFT JOIN … ON true. NULLs unless the row is DONE with a full area vector.
 * (A CASE rather than a WHERE inside, so PostgreSQL evaluates it inline for each row.)
 */
export function computedScoresLateral(compiled: CompiledWeights, alias = "a", name = "s"): Prisma.Sql {
  const scored = Prisma.raw(`${alias}.status = 'DONE' AND cardinality(${alias}."areaScores") = ${AREA_IDS.length}`);
  const when = (expression: Prisma.Sql) => Prisma.sql`CASE WHEN ${scored} THEN ${round1(expression)} END`;
  return Prisma.sql`LATERAL (
    SELECT ${when(Prisma.sql`p`)} AS production, ${when(Prisma.sql`m`)} AS ml, ${when(powerMean(compiled))} AS overall
    FROM (SELECT ${weightedSum(alias, compiled.production)} AS p, ${weightedSum(alias, compiled.ml)} AS m) AS dims
  ) AS ${Prisma.raw(name)}`;
}
