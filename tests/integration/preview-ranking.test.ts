// The weights editor's preview, ranked in PostgreSQL: the same lists, ranks and movements as the
// whole ranking computed in TypeScript (ties broken by id as in the table), whether the stored
// score columns are current or being rewritten, and identity masked by blind review as the table
// masks it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousLabel } from "../../server/privacy/blind-review.ts";
import { PREVIEW_SIZE, previewRanking, type Movement } from "../../server/ranking/preview-ranking.ts";
import { rerankRequisition } from "../../server/ranking/rerank-requisition.ts";
import { compileWeights, dimensionScores } from "../../server/ranking/score-formula.ts";
import { RequisitionWeightsSchema, type RequisitionWeights } from "../../server/ranking/weights-schema.ts";
import { AREA_IDS } from "../../server/taxonomy/areas.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let requisitionId: string;
const names = new Map<string, string>();
const stages = new Map<string, string>();
const vectors = new Map<string, number[]>();

const saved = RequisitionWeightsSchema.parse({});
const proposed = RequisitionWeightsSchema.parse({
  productionWeight: 0.3,
  balanceStrictness: 0.9,
  areaWeights: { deep_learning: 1, cloud_iac: 0, serving_apis: 0.3 },
});

/** A small deterministic generator, so the data set (with ties) is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  requisitionId = (await testDb.db.requisition.create({ data: { title: "Preview" } })).id;
  const next = random(7);
  let previous: number[] = [];
  for (let i = 0; i < 45; i++) {
    // Every fifth candidate copies the previous one's scores: ties must break the same way.
    const areaScores = i % 5 === 4 ? previous : AREA_IDS.map(() => Math.round(next() * 1000) / 10);
    previous = areaScores;
    const status = i % 11 === 10 ? "FAILED" : "DONE";
    const stage = i % 4 === 0 ? "SHORTLISTED" : "NEW";
    const app = await testDb.db.application.create({
      data: {
        requisition: { connect: { id: requisitionId } },
        candidate: { create: { name: `Person ${i}` } },
        resumeFile: {
          create: {
            originalName: `cv-${i}.pdf`,
            detectedType: "PDF",
            sizeBytes: 1,
            sha256: "0".repeat(64),
            bytes: Buffer.from("x"),
          },
        },
        displayName: `Person ${i}`,
        status,
        stage,
        areaScores: status === "DONE" ? areaScores : [],
      },
    });
    names.set(app.id, `Person ${i}`);
    stages.set(app.id, stage);
    if (status === "DONE") vectors.set(app.id, areaScores);
  }
  await rerankRequisition(testDb.db, requisitionId, saved, 1);
});

afterAll(() => testDb?.drop());

/** The whole ranking in TypeScript, best first, ties by id (highest first) as in the table. */
function rankAll(weights: RequisitionWeights) {
  const compiled = compileWeights(weights);
  const ranked = [...vectors].map(([id, areas]) => ({ id, overall: dimensionScores(areas, compiled).overall }));
  ranked.sort((a, b) => b.overall - a.overall || (a.id < b.id ? 1 : -1));
  return new Map(ranked.map((entry, index) => [entry.id, { rank: index + 1, overall: entry.overall }]));
}

function expectedPreview(before: RequisitionWeights, after: RequisitionWeights) {
  const b = rankAll(before);
  const a = rankAll(after);
  const moved = (from: number, to: number): Movement =>
    from === to ? { kind: "same" } : from > to ? { kind: "up", by: from - to } : { kind: "down", by: to - from };
  const top = (ranking: typeof b) => [...ranking].filter(([, e]) => e.rank <= PREVIEW_SIZE).map(([id]) => id);
  return {
    scored: vectors.size,
    before: top(b).map((id) => {
      const to = a.get(id)!.rank;
      const from = b.get(id)!.rank;
      return {
        id,
        rank: from,
        overall: b.get(id)!.overall,
        movement: to > PREVIEW_SIZE ? { kind: "out", to } : moved(from, to),
      };
    }),
    after: top(a).map((id) => {
      const from = b.get(id)!.rank;
      const to = a.get(id)!.rank;
      return {
        id,
        rank: to,
        overall: a.get(id)!.overall,
        movement: from > PREVIEW_SIZE ? { kind: "new" } : moved(from, to),
      };
    }),
  };
}

const withoutLabels = (preview: Awaited<ReturnType<typeof previewRanking>>) => ({
  scored: preview.scored,
  before: preview.before.map(({ id, rank, overall, movement }) => ({ id, rank, overall, movement })),
  after: preview.after.map(({ id, rank, overall, movement }) => ({ id, rank, overall, movement })),
});

describe("previewRanking", () => {
  it("ranks in SQL exactly as the whole ranking in TypeScript, with ranks under the other weights", async () => {
    const preview = await previewRanking(testDb.db, { id: requisitionId, blindReview: false }, saved, proposed);
    expect(withoutLabels(preview)).toEqual(expectedPreview(saved, proposed));
    expect(preview.before).toHaveLength(PREVIEW_SIZE);
    // Something moves: the proposed weights are far from the defaults.
    expect(preview.after.some((entry) => entry.movement.kind !== "same")).toBe(true);
    expect(preview.before.map((entry) => entry.label)).toEqual(preview.before.map((entry) => names.get(entry.id)));
  });

  it("ranks the same while the stored score columns are being rewritten after a save", async () => {
    // Saved without its re-rank: the "before" side is computed from the area scores, as the table does.
    await testDb.db.requisition.update({
      where: { id: requisitionId },
      data: { weights: proposed, weightsVersion: { increment: 1 } },
    });
    const preview = await previewRanking(testDb.db, { id: requisitionId, blindReview: false }, proposed, saved);
    expect(withoutLabels(preview)).toEqual(expectedPreview(proposed, saved));
  });

  it("under blind review, shows identity only for shortlisted candidates, with the table's neutral label", async () => {
    const preview = await previewRanking(testDb.db, { id: requisitionId, blindReview: true }, saved, proposed);
    for (const entry of [...preview.before, ...preview.after]) {
      expect(entry.label).toBe(stages.get(entry.id) === "SHORTLISTED" ? names.get(entry.id) : anonymousLabel(entry.id));
    }
    const labels = [...preview.before, ...preview.after].map((entry) => entry.label);
    expect(labels.some((label) => label.startsWith("Person "))).toBe(true);
    expect(labels.some((label) => label.startsWith("Candidate "))).toBe(true);
  });

  it("tells same-named candidates apart by file name, or by short id where the file is hidden", async () => {
    const listed = async (blindReview: boolean) => {
      const preview = await previewRanking(testDb.db, { id: requisitionId, blindReview }, saved, proposed);
      return [...preview.before, ...preview.after];
    };
    const unique = await listed(false);
    expect(unique.every((entry) => entry.detail === null)).toBe(true);
    // Two of the listed are renamed "John Smith".
    const [first, second] = [...new Set(unique.map((entry) => entry.id))];
    const original = await Promise.all(
      [first!, second!].map((id) =>
        testDb.db.application.findUniqueOrThrow({ where: { id }, select: { displayName: true } }),
      ),
    );
    await testDb.db.application.updateMany({
      where: { id: { in: [first!, second!] } },
      data: { displayName: "John Smith" },
    });
    try {
      const twins = (await listed(false)).filter((entry) => entry.label === "John Smith");
      expect(new Set(twins.map((entry) => entry.id))).toEqual(new Set([first, second]));
      for (const entry of twins) expect(entry.detail).toMatch(/^cv-\d+\.pdf$/);
      expect(new Set(twins.map((entry) => entry.detail)).size).toBe(2);
      // Under blind review a shortlisted "John Smith" shows his name but his short id, never another
      // hidden row's file; hidden rows are "Candidate 7F3K2Q" already (unique).
      const blind = await listed(true);
      for (const entry of blind) {
        if (entry.label.startsWith("Candidate ")) expect(entry.detail).toBeNull();
      }
    } finally {
      await Promise.all(
        [first!, second!].map((id, i) =>
          testDb.db.application.update({ where: { id }, data: { displayName: original[i]!.displayName } }),
        ),
      );
    }
  });

  it("answers an empty list for a requisition with nothing scored", async () => {
    const empty = await testDb.db.requisition.create({ data: { title: "Empty" } });
    const preview = await previewRanking(testDb.db, { id: empty.id, blindReview: false }, saved, proposed);
    expect(preview).toEqual({ scored: 0, before: [], after: [] });
  });
});
