// The score plot's data against the real PostgreSQL: the table's filtered view, scored rows only,
// in the table's order, capped, with blind-review labels and the requisition's balance region.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import { plotCandidates } from "../../server/candidates/plot-candidates.ts";
import type { Stage } from "../../server/generated/prisma/enums.ts";
import { compileWeights, uniformAreaScore } from "../../server/ranking/score-formula.ts";
import { rankStored } from "../../server/ranking/gaps-and-flags.ts";
import { RequisitionWeightsSchema } from "../../server/ranking/weights-schema.ts";
import { AREAS } from "../../server/taxonomy/areas.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let requisitionId: string;
const WEIGHTS = { productionWeight: 0.6, balanceStrictness: 0.75 };

const people: Array<{ name: string; production: number | null; ml: number | null; stage: Stage }> = [
  { name: "Ana Lima", production: 85, ml: 91, stage: "SHORTLISTED" },
  { name: "Chidi Okafor", production: 80, ml: 30, stage: "SCREENING" },
  { name: "Björn Nilsson", production: 30, ml: 75, stage: "NEW" },
  { name: "Dana Park", production: 20, ml: 15, stage: "REJECTED" },
  { name: "Queued Person", production: null, ml: null, stage: "NEW" },
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const requisition = await testDb.db.requisition.create({
    data: { title: "Plot", blindReview: true, weights: WEIGHTS },
  });
  requisitionId = requisition.id;
  const compiled = compileWeights(RequisitionWeightsSchema.parse(WEIGHTS));
  let day = 1;
  for (const person of people) {
    const areaScores =
      person.production === null
        ? []
        : AREAS.map((a) =>
            uniformAreaScore(a.dimension === "production" ? person.production! : person.ml!, a.dimension),
          );
    const ranked = areaScores.length ? rankStored({ areaScores, skillIds: [], yearsExperience: 5 }, compiled) : null;
    await testDb.db.application.create({
      data: {
        requisition: { connect: { id: requisitionId } },
        candidate: { create: { name: person.name } },
        resumeFile: {
          create: {
            originalName: `${person.name}.pdf`,
            detectedType: "PDF",
            sizeBytes: 1,
            sha256: "0".repeat(64),
            bytes: Buffer.from("x"),
          },
        },
        displayName: person.name,
        status: ranked ? "DONE" : "QUEUED",
        stage: person.stage,
        areaScores,
        productionScore: ranked?.production ?? null,
        mlScore: ranked?.ml ?? null,
        overallScore: ranked?.overall ?? null,
        weightsVersion: ranked ? 1 : null,
        createdAt: new Date(Date.UTC(2026, 0, day++)),
      },
    });
  }
}, 60_000);

afterAll(() => testDb?.drop());

const query = (search: string) => parseCandidatesQuery(new URLSearchParams(search));

describe("score plot data", () => {
  it("plots the scored candidates of the view in the table's order, counting the rest", async () => {
    const plot = await plotCandidates(testDb.db, requisitionId, query("sort=overall&dir=desc"));
    expect(plot.viewTotal).toBe(5);
    expect(plot.scoredTotal).toBe(4);
    expect(plot.points.map((p) => `${p.production}/${p.ml}`).sort()).toEqual(["20/15", "30/75", "80/30", "85/91"]);
    const overall = plot.points.map((p) => p.overall);
    expect(overall).toEqual([...overall].sort((a, b) => b - a));
    expect(plot.weights).toEqual({ productionWeight: 0.6, balanceStrictness: 0.75, exponent: -2 });
    expect(plot.balance.threshold).toBe(60);
    expect(plot.balance.region.length).toBeGreaterThan(10);
  });

  it("hides identity under blind review until shortlisted", async () => {
    const plot = await plotCandidates(testDb.db, requisitionId, query(""));
    const ana = plot.points.find((p) => p.stage === "SHORTLISTED")!;
    expect(ana).toMatchObject({ label: "Ana Lima", identityHidden: false });
    for (const point of plot.points.filter((p) => p.stage !== "SHORTLISTED")) {
      expect(point.identityHidden).toBe(true);
      expect(point.label).toMatch(/^Candidate [A-Z0-9]{6}$/);
    }
    expect(JSON.stringify(plot)).not.toMatch(/Chidi|Björn|Dana/);
  });

  it("follows the view's filters and its cap", async () => {
    const screening = await plotCandidates(testDb.db, requisitionId, query("stage=SCREENING,NEW&mlMin=20"));
    expect(screening.points.map((p) => p.stage).sort()).toEqual(["NEW", "SCREENING"]);
    const queuedOnly = await plotCandidates(testDb.db, requisitionId, query("status=QUEUED"));
    expect(queuedOnly).toMatchObject({ viewTotal: 1, scoredTotal: 0, points: [] });
    const capped = await plotCandidates(testDb.db, requisitionId, query("sort=overall&dir=desc"), 2);
    expect(capped.points).toHaveLength(2);
    expect(capped.scoredTotal).toBe(4);
  });
});
