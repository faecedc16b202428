// The score formula exists twice: dimensionScores in TypeScript (server/ranking/score-formula.ts)
// and its SQL twin (server/ranking/score-formula-sql.ts), which re-ranking, the table while scores
// catch up, and the preview use. They must give the same numbers to the last digit, or the
// number shown would differ from the number sorted by. Checked here on the real PostgreSQL over
// many area vectors (zeros, hundreds, ties, values on rounding boundaries) and weights (every
// balance regime, one-sided production weights, switched-off areas and dimensions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../server/generated/prisma/client.ts";
import { computedScoresLateral } from "../../server/ranking/score-formula-sql.ts";
import { compileWeights, dimensionScores } from "../../server/ranking/score-formula.ts";
import { RequisitionWeightsSchema, type RequisitionWeightsInput } from "../../server/ranking/weights-schema.ts";
import { AREA_IDS, AREAS } from "../../server/taxonomy/areas.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.drop());

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function vectors(count: number): number[][] {
  const next = random(11);
  const out: number[][] = [
    AREA_IDS.map(() => 0),
    AREA_IDS.map(() => 100),
    AREAS.map((area) => (area.dimension === "production" ? 100 : 0)),
    AREAS.map((area) => (area.dimension === "production" ? 0 : 100)),
    AREA_IDS.map(() => 12.25),
    AREA_IDS.map((_, i) => (i % 2 ? 0.05 : 99.95)),
  ];
  while (out.length < count) {
    // Stored area scores have one decimal; some are whole numbers.
    out.push(AREA_IDS.map(() => (next() < 0.2 ? Math.round(next() * 100) : Math.round(next() * 1000) / 10)));
  }
  return out;
}

const WEIGHTS: RequisitionWeightsInput[] = [
  {},
  { balanceStrictness: 0 },
  { balanceStrictness: 0.25 },
  { balanceStrictness: 1, productionWeight: 0.35 },
  { productionWeight: 0 },
  { productionWeight: 1 },
  { productionWeight: 0.65, balanceStrictness: 0.4, areaWeights: { deep_learning: 0.5, cloud_iac: 0 } },
  { productionWeight: 0.2, balanceStrictness: 0.8, areaWeights: { serving_apis: 0.1, training_at_scale: 0.9 } },
  // The guide's asymmetry switched off, reversed and at its extremes.
  { gapAsymmetry: 0 },
  { gapAsymmetry: -0.3, balanceStrictness: 0.7 },
  { gapAsymmetry: 0.5, productionWeight: 0.6, balanceStrictness: 0.25 },
  // Every production area switched off: the dimension falls back to equal weights.
  {
    areaWeights: Object.fromEntries(AREAS.filter((a) => a.dimension === "production").map((a) => [a.id, 0])),
  },
];

async function sqlScores(rows: number[][], weights: RequisitionWeightsInput) {
  const compiled = compileWeights(RequisitionWeightsSchema.parse(weights));
  const values = rows.map(
    (areas, i) => Prisma.sql`(${i}::int, 'DONE', ${Prisma.raw(`ARRAY[${areas.join(",")}]::float8[]`)})`,
  );
  return testDb.db.$queryRaw<Array<{ i: number; production: number; ml: number; overall: number }>>`
    SELECT a.i, s.production, s.ml, s.overall
    FROM (VALUES ${Prisma.join(values)}) AS a(i, status, "areaScores")
    LEFT JOIN ${computedScoresLateral(compiled, "a")} ON true
    ORDER BY a.i`;
}

describe("the score formula in TypeScript and in SQL", () => {
  const rows = vectors(400);
  for (const weights of WEIGHTS) {
    it(`agree exactly under ${JSON.stringify(weights)}`, async () => {
      const compiled = compileWeights(RequisitionWeightsSchema.parse(weights));
      const fromSql = await sqlScores(rows, weights);
      const mismatches = fromSql.filter((row) => {
        const expected = dimensionScores(rows[row.i]!, compiled);
        return row.production !== expected.production || row.ml !== expected.ml || row.overall !== expected.overall;
      });
      expect(fromSql).toHaveLength(rows.length);
      expect(mismatches.map((row) => ({ ...row, expected: dimensionScores(rows[row.i]!, compiled) }))).toEqual([]);
    });
  }

  it("gives no scores for a row that is not scored (not DONE, or an incomplete area vector)", async () => {
    const compiled = compileWeights(RequisitionWeightsSchema.parse({}));
    const rows = await testDb.db.$queryRaw<Array<{ overall: number | null }>>`
      SELECT s.overall
      FROM (VALUES ('QUEUED', ${Prisma.raw(`ARRAY[${AREA_IDS.map(() => 50).join(",")}]::float8[]`)}),
                   ('DONE', ARRAY[50, 50]::float8[])) AS a(status, "areaScores")
      LEFT JOIN ${computedScoresLateral(compiled, "a")} ON true`;
    expect(rows).toEqual([{ overall: null }, { overall: null }]);
  });
});
