// Scores stored by the worker and re-ranking after a weight change, on the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { AppError } from "../../server/errors/app-error.ts";
import { updateRequisitionWeights } from "../../server/ranking/save-requisition-weights.ts";
import { parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import { countRereading } from "../../server/candidates/count-rereading.ts";
import { listCandidates } from "../../server/candidates/list-candidates.ts";
import { compileWeights } from "../../server/ranking/score-formula.ts";
import { rankStored } from "../../server/ranking/gaps-and-flags.ts";
import { RequisitionWeightsSchema } from "../../server/ranking/weights-schema.ts";
import { AREA_IDS } from "../../server/taxonomy/areas.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import { reprocessOutdatedApplications } from "../../workers/reconcile.ts";
import { SCREENING_VERSION } from "../../server/screening/screening-version.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
let testDb: TestDatabase;
let requisitionId: string;
const applicationIds: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  requisitionId = (await testDb.db.requisition.create({ data: { title: "Re-ranking" } })).id;
  for (const profile of PROFILES) {
    const outcome = await intakeResume(
      { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
      { requisitionId, file: { name: `${profile.key}.txt`, bytes: new TextEncoder().encode(makeResumeText(profile)) } },
    );
    if (!outcome.accepted) throw new Error("refused");
    applicationIds.push(outcome.applicationId);
    await processParseResume(
      { db: testDb.db, limits, now: () => new Date("2026-11-22T00:00:00Z") },
      { version: 1, applicationId: outcome.applicationId },
    );
  }
});

afterAll(() => testDb?.drop());

describe("stored scores", () => {
  it("stores area scores, skills, dimension scores and the weights version with each application", async () => {
    const apps = await testDb.db.application.findMany({ where: { requisitionId } });
    for (const app of apps) {
      expect(app.status).toBe("DONE");
      expect(app.areaScores).toHaveLength(AREA_IDS.length);
      expect(app.skillIds.length).toBeGreaterThan(0);
      expect(app.productionScore).toBeGreaterThanOrEqual(0);
      expect(app.mlScore).toBeGreaterThanOrEqual(0);
      expect(app.overallScore).toBeGreaterThanOrEqual(0);
      expect(app.weightsVersion).toBe(1);
      expect(app.background).not.toBeNull();
    }
    const analysis = await testDb.db.resumeAnalysis.findFirstOrThrow({ where: { applicationId: applicationIds[0] } });
    expect((analysis.facts as { sections: unknown[] }).sections.length).toBeGreaterThan(0);
    // Weight-dependent state is not stored: scores and gaps follow the current weights on every read.
    expect(analysis.result).not.toHaveProperty("scores");
    expect(analysis.result).not.toHaveProperty("gaps");
    expect(analysis.result).toHaveProperty("areas");
    expect(apps[0]).not.toHaveProperty("gaps");
    expect(apps[0]).not.toHaveProperty("missingMustHaves");
  });
});

describe("updateRequisitionWeights", () => {
  it("saves a new version and re-ranks from stored area scores without re-parsing", async () => {
    const before = await testDb.db.application.findMany({ where: { requisitionId }, orderBy: { id: "asc" } });
    const analysesBefore = await testDb.db.resumeAnalysis.findMany({
      where: { applicationId: { in: applicationIds } },
      orderBy: { applicationId: "asc" },
    });

    const result = await updateRequisitionWeights(testDb.db, requisitionId, {
      productionWeight: 1,
      mustHave: ["pytorch"],
      minYears: 4,
    });
    expect(result.version).toBe(2);
    expect(result.reranked).toBe(PROFILES.length);

    const after = await testDb.db.application.findMany({ where: { requisitionId }, orderBy: { id: "asc" } });
    for (const [i, app] of after.entries()) {
      expect(app.weightsVersion).toBe(2);
      // Production weight 1: overall is the production score.
      expect(app.overallScore).toBe(app.productionScore);
      expect(app.productionScore).toBe(before[i]!.productionScore);
    }
    // Flags follow from the current weights on every read.
    const page = await listCandidates(testDb.db, requisitionId, parseCandidatesQuery(new URLSearchParams("")));
    for (const row of page.rows) {
      const app = after.find((a) => a.id === row.id)!;
      expect(row.missingMustHaves).toEqual(app.skillIds.includes("pytorch") ? [] : ["pytorch"]);
      expect(row.meetsMinYears).toBe((app.yearsExperience ?? -1) >= 4);
    }
    // Nothing was parsed again.
    const analysesAfter = await testDb.db.resumeAnalysis.findMany({
      where: { applicationId: { in: applicationIds } },
      orderBy: { applicationId: "asc" },
    });
    expect(analysesAfter.map((a) => a.updatedAt.getTime())).toEqual(analysesBefore.map((a) => a.updatedAt.getTime()));
    const versions = await testDb.db.requisitionWeightsVersion.findMany({ where: { requisitionId } });
    expect(versions.map((v) => v.version)).toEqual([2]);
  });

  it("ranks in SQL exactly as the TypeScript ranking does", async () => {
    const weights = RequisitionWeightsSchema.parse({
      productionWeight: 0.35,
      balanceStrictness: 0.8,
      areaWeights: { deep_learning: 0.2, cloud_iac: 0, serving_apis: 0.6 },
      mustHave: ["pytorch", "kubernetes", "sql"],
      minYears: 5,
    });
    const { version } = await updateRequisitionWeights(testDb.db, requisitionId, weights);
    const compiled = compileWeights(weights);
    const apps = await testDb.db.application.findMany({ where: { requisitionId } });
    for (const app of apps) {
      const expected = rankStored(app, compiled);
      expect(app.weightsVersion).toBe(version);
      expect(app.productionScore).toBeCloseTo(expected.production, 5);
      expect(app.mlScore).toBeCloseTo(expected.ml, 5);
      expect(app.overallScore).toBeCloseTo(expected.overall, 5);
    }
  });

  it("ranks in the table right after a save, before the stored scores are rewritten, exactly as TypeScript does", async () => {
    const weights = RequisitionWeightsSchema.parse({
      productionWeight: 0.7,
      balanceStrictness: 0.25,
      areaWeights: { evaluation_experimentation: 1, cloud_iac: 0.2, deep_learning: 0.6 },
      mustHave: ["sql"],
    });
    // Saved without its re-rank: the table computes from the stored area scores.
    await testDb.db.requisition.update({
      where: { id: requisitionId },
      data: { weights, weightsVersion: { increment: 1 } },
    });
    const page = await listCandidates(
      testDb.db,
      requisitionId,
      parseCandidatesQuery(new URLSearchParams("sort=overall&dir=desc")),
    );
    expect(page.storedScoresCurrent).toBe(false);
    const compiled = compileWeights(weights);
    const apps = await testDb.db.application.findMany({ where: { requisitionId } });
    const expected = apps
      .map((app) => ({ id: app.id, ...rankStored(app, compiled) }))
      .sort((a, b) => b.overall - a.overall || (b.id > a.id ? 1 : -1));
    expect(
      page.rows.map((r) => [r.id, r.overallScore, r.productionScore, r.mlScore, r.gaps, r.missingMustHaves]),
    ).toEqual(expected.map((e) => [e.id, e.overall, e.production, e.ml, e.gaps, e.missingMustHaves]));
  });

  it("refuses invalid weights with a message per field and changes nothing", async () => {
    const before = await testDb.db.requisition.findUniqueOrThrow({ where: { id: requisitionId } });
    await expect(
      updateRequisitionWeights(testDb.db, requisitionId, { productionWeight: 2, areaWeights: { nonsense: 1 } }),
    ).rejects.toThrow(AppError);
    try {
      await updateRequisitionWeights(testDb.db, requisitionId, { productionWeight: 2 });
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_input", status: 400 });
      expect((error as AppError).issues[0]).toMatchObject({ path: "productionWeight" });
    }
    const after = await testDb.db.requisition.findUniqueOrThrow({ where: { id: requisitionId } });
    expect(after.weightsVersion).toBe(before.weightsVersion);
  });
});

describe("reprocessOutdatedApplications", () => {
  it("re-queues applications read by an older parser version, and only those", async () => {
    await testDb.db.resumeAnalysis.update({
      where: { applicationId: applicationIds[0] },
      data: { parserVersion: "0.9.0" },
    });
    const queued: string[] = [];
    const count = await reprocessOutdatedApplications(testDb.db, async (id) => void queued.push(id), {
      parserVersion: SCREENING_VERSION,
      batch: 100,
    });
    expect(count).toBe(1);
    expect(queued).toEqual([applicationIds[0]]);
  });

  it("lets the table say how many résumés are being read again", async () => {
    const page = await listCandidates(testDb.db, requisitionId, parseCandidatesQuery(new URLSearchParams()));
    expect(page.rereading).toBe(1);
    expect(await countRereading(testDb.db, requisitionId)).toBe(1);
    await testDb.db.resumeAnalysis.update({
      where: { applicationId: applicationIds[0] },
      data: { parserVersion: SCREENING_VERSION },
    });
    expect(await countRereading(testDb.db, requisitionId)).toBe(0);
  });
});
