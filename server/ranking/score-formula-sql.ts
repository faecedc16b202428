// THE score formula in SQL: the exact twin of dimensionScores (score-formula.ts: coverage, gap
// asymmetry, power mean, one-sided credit, the overall's low end) over an application's stored
// area scores, rounded the same way. Re-ranking writes the stored score columns with it
// (rerank-requisition.ts); screens read it while those columns catch up after a weight change
// (shown-scores.ts); the preview ranks with it (preview-ranking.ts).
// tests/integration/score-formula-agreement.test.ts checks SQL and TypeScript agree.
import { Prisma } from "../generated/prisma/client.ts";
import {
  COVERAGE_EXPONENT,
  COVERAGE_GAIN,
  EVIDENCE_FLOOR,
  LOW_OVERALL_KNEE,
  LOW_OVERALL_RISE,
  LOW_OVERALL_SHARE,
  ONE_SIDED_CREDIT,
  type CompiledWeights,
  weighsOneDimension,
} from "./score-formula.ts";
import { AREA_IDS } from "../taxonomy/areas.ts";

const literal = (n: number) => Prisma.raw(Number.isFinite(n) ? String(n) : "0");

/** Σ w·a^q over one dimension's weighted areas of the row `alias` (0 when none is weighted), as float8. */
function coverageSum(alias: string, weights: Float64Array): Prisma.Sql {
  const terms: Prisma.Sql[] = [];
  weights.forEach((w, i) => {
    if (w > 0) {
      const area = Prisma.raw(`${alias}."areaScores"[${i + 1}]`);
      terms.push(Prisma.sql`${literal(w)}::float8 * power(${area}, ${literal(COVERAGE_EXPONENT)}::float8)`);
    }
  });
  return terms.length ? Prisma.join(terms, " + ", "(", ")") : Prisma.sql`0::float8`;
}

/**
 * coverageScore (score-formula.ts) from a dimension's sum column: LEAST(100, gain × sum^(1/q)),
 * raised to EVIDENCE_FLOOR when the sum is positive (some weighted area shows evidence); 0 when it
 * is 0, as LEAST(100, gain × 0) is. The sum is a column computed once per row: written out in
 * both branches, its seven power() calls ran twice per dimension (re-ranking 100,000 rows took
 * 0.7 s → 1.2 s when the floor came in).
 */
function coverageFromSum(sum: Prisma.Sql, gain: number): Prisma.Sql {
  const scaled = Prisma.sql`LEAST(100::float8, ${literal(gain)}::float8 * power(${sum}, ${literal(1 / COVERAGE_EXPONENT)}::float8))`;
  return Prisma.sql`(CASE WHEN ${sum} > 0 THEN GREATEST(${literal(EVIDENCE_FLOOR)}::float8, ${scaled}) ELSE 0::float8 END)`;
}

/** weightedPowerMean(x, y, wp, exponent) in SQL, for the column names `x` and `y`. */
function powerMean(compiled: CompiledWeights, x: Prisma.Sql, y: Prisma.Sql): Prisma.Sql {
  const wp = Math.min(1, Math.max(0, compiled.productionWeight));
  const e = compiled.exponent;
  if (wp <= 0) return y;
  if (wp >= 1) return x;
  if (Math.abs(e) < 1e-9) {
    return Prisma.sql`CASE WHEN ${x} <= 0 OR ${y} <= 0 THEN 0 ELSE exp(${literal(wp)} * ln(${x}) + ${literal(1 - wp)} * ln(${y})) END`;
  }
  const body = Prisma.sql`power(${literal(wp)} * power(${x}, ${literal(e)}) + ${literal(1 - wp)} * power(${y}, ${literal(e)}), ${literal(1 / e)})`;
  return e < 0 ? Prisma.sql`CASE WHEN ${x} <= 0 OR ${y} <= 0 THEN 0 ELSE ${body} END` : body;
}

/**
 * scaleLowOverall (score-formula.ts) of the combined column `c`: the same float8 operations in
 * the same order, (rise × c) / knee. Not when all the weight is on one dimension (overallScore).
 */
function scaleLowOverall(): Prisma.Sql {
  const knee = Prisma.sql`${literal(LOW_OVERALL_KNEE)}::float8`;
  return Prisma.sql`(CASE WHEN c >= ${knee} THEN c ELSE c * (${literal(LOW_OVERALL_SHARE)}::float8 + ${literal(LOW_OVERALL_RISE)}::float8 * c / ${knee}) END)`;
}

/** combinedScore (score-formula.ts) in SQL, for the dimension columns `p` and `m`. */
function combined(compiled: CompiledWeights): Prisma.Sql {
  const wp = Math.min(1, Math.max(0, compiled.productionWeight));
  if (wp <= 0) return Prisma.sql`m`;
  if (wp >= 1) return Prisma.sql`p`;
  const a = compiled.gapAsymmetry;
  const p = Prisma.sql`p`;
  const m = Prisma.sql`m`;
  const pe = a < 0 ? Prisma.sql`(CASE WHEN p < m THEN p + ${literal(-a)} * (m - p) ELSE p END)` : p;
  const me = a > 0 ? Prisma.sql`(CASE WHEN m < p THEN m + ${literal(a)} * (p - m) ELSE m END)` : m;
  return Prisma.sql`${literal(1 - ONE_SIDED_CREDIT)} * ${powerMean(compiled, pe, me)} + ${literal(ONE_SIDED_CREDIT)} * (${literal(wp)} * p + ${literal(1 - wp)} * m)`;
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
    SELECT ${when(Prisma.sql`p`)} AS production, ${when(Prisma.sql`m`)} AS ml, ${when(weighsOneDimension(compiled) ? Prisma.sql`c` : scaleLowOverall())} AS overall
    FROM (
      SELECT p, m, ${combined(compiled)} AS c
      FROM (
        SELECT ${coverageFromSum(Prisma.sql`sums.sp`, COVERAGE_GAIN.production)} AS p, ${coverageFromSum(Prisma.sql`sums.sm`, COVERAGE_GAIN.ml)} AS m
        FROM (SELECT ${coverageSum(alias, compiled.production)} AS sp, ${coverageSum(alias, compiled.ml)} AS sm OFFSET 0) AS sums
        OFFSET 0
      ) AS dims
      OFFSET 0
    ) AS combined
  ) AS ${Prisma.raw(name)}`;
}
