// Re-ranks every scored application of a requisition from its stored area scores. The whole
// computation runs inside PostgreSQL as one set-based UPDATE (no rows travel to Node), so
// 100,000 applications re-rank in about a second. It mirrors server/scoring/rank.ts exactly:
// the worker ranks one application in TypeScript, this ranks them all in SQL, and
// tests/integration/rerank.test.ts checks that both agree.
import type { Db } from "../db/client.ts";
import { compileWeights, GAP_THRESHOLD, MAX_GAPS } from "../scoring/rank.ts";
import type { RequisitionWeights } from "../scoring/requisition-weights.ts";
import { AREA_IDS } from "../taxonomy/areas.ts";

export async function rerankRequisition(db: Db, requisitionId: string, weights: RequisitionWeights, version: number): Promise<number> {
  const compiled = compileWeights(weights);
  const production = Array.from(compiled.production);
  const ml = Array.from(compiled.ml);
  const areaWeights = Array.from(compiled.areaWeights);
  const areaIds = [...AREA_IDS];
  const mustHave = [...compiled.mustHave];
  const p = compiled.exponent;
  const wp = compiled.productionWeight;
  return db.$executeRaw`
    WITH d AS (
      SELECT a.id,
        (SELECT coalesce(sum(s * w), 0) FROM unnest(a."areaScores", ${production}::float8[]) AS t(s, w)) AS prod,
        (SELECT coalesce(sum(s * w), 0) FROM unnest(a."areaScores", ${ml}::float8[]) AS t(s, w)) AS ml,
        ARRAY(
          SELECT id FROM unnest(a."areaScores", ${areaWeights}::float8[], ${areaIds}::text[]) WITH ORDINALITY AS t(s, w, id, o)
          WHERE w > 0 AND s < ${GAP_THRESHOLD}
          ORDER BY w * (${GAP_THRESHOLD} - s + 10) DESC, o
          LIMIT ${MAX_GAPS}
        ) AS gaps,
        ARRAY(
          SELECT m FROM unnest(${mustHave}::text[]) WITH ORDINALITY AS t(m, o)
          WHERE NOT (m = ANY(a."skillIds")) ORDER BY o
        ) AS missing,
        CASE WHEN ${weights.minYears}::float8 IS NULL THEN NULL
             ELSE coalesce(a."yearsExperience" >= ${weights.minYears}::float8, false) END AS meets
      FROM "Application" a
      WHERE a."requisitionId" = ${requisitionId} AND a.status = 'DONE' AND cardinality(a."areaScores") = ${AREA_IDS.length}
    )
    UPDATE "Application" AS a SET
      "productionScore" = round(d.prod::numeric, 1)::float8,
      "mlScore" = round(d.ml::numeric, 1)::float8,
      "overallScore" = round((CASE
          WHEN ${wp}::float8 <= 0 THEN d.ml
          WHEN ${wp}::float8 >= 1 THEN d.prod
          WHEN abs(${p}::float8) < 1e-9 THEN
            CASE WHEN d.prod <= 0 OR d.ml <= 0 THEN 0 ELSE exp(${wp}::float8 * ln(d.prod) + (1 - ${wp}::float8) * ln(d.ml)) END
          WHEN ${p}::float8 < 0 AND (d.prod <= 0 OR d.ml <= 0) THEN 0
          ELSE power(${wp}::float8 * power(d.prod, ${p}::float8) + (1 - ${wp}::float8) * power(d.ml, ${p}::float8), 1 / ${p}::float8)
        END)::numeric, 1)::float8,
      "gaps" = d.gaps,
      "missingMustHaves" = d.missing,
      "meetsMinYears" = d.meets,
      "weightsVersion" = ${version},
      "updatedAt" = now()
    FROM d
    WHERE a.id = d.id`;
}
