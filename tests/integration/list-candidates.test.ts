// Server-side filtering, sorting and paging of the candidates table, against the real PostgreSQL,
// in both ranking modes: stored score columns (steady state) and SQL expressions over the stored
// area scores (right after a weight change, before the columns are rewritten).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors/app-error.ts";
import { candidatesQueryToParams, parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import {
  findNeighbours,
  listCandidates,
  loadRankingContext,
  skillsMatching,
} from "../../server/candidates/list-candidates.ts";
import type { Stage } from "../../server/generated/prisma/enums.ts";
import { listRequisitions } from "../../server/requisitions/list-requisitions.ts";
import { rerankRequisition, rerankStaleRequisitions } from "../../server/ranking/rerank-requisition.ts";
import { compileWeights, uniformAreaScore } from "../../server/ranking/score-formula.ts";
import { rankStored } from "../../server/ranking/gaps-and-flags.ts";
import { RequisitionWeightsSchema } from "../../server/ranking/weights-schema.ts";
import { AREAS } from "../../server/taxonomy/areas.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let requisitionId: string;
const ids: Record<string, string> = {};

interface Person {
  key: string;
  name: string | null;
  production: number | null;
  ml: number | null;
  years: number | null;
  status: "DONE" | "FAILED" | "QUEUED";
  stage?: Stage;
  skills?: string[];
  background?: string;
}

const people: Person[] = [
  {
    key: "chidi",
    name: "Chidi Okafor",
    production: 80,
    ml: 64,
    years: 6,
    status: "DONE",
    stage: "SCREENING",
    skills: ["python", "kubernetes"],
    background: "software_engineer",
  },
  {
    key: "ana",
    name: "Ana Lima",
    production: 85,
    ml: 91,
    years: 9,
    status: "DONE",
    stage: "SHORTLISTED",
    skills: ["python", "pytorch", "kubernetes"],
    background: "ml_engineer",
  },
  {
    key: "bjorn",
    name: "Björn Nilsson",
    production: 30,
    ml: 70,
    years: 2,
    status: "DONE",
    skills: ["pytorch"],
    background: "data_scientist",
  },
  { key: "failed", name: null, production: null, ml: null, years: null, status: "FAILED" },
  { key: "queued", name: null, production: null, ml: null, years: null, status: "QUEUED" },
];

/** Production areas all at P and ML areas all at M give dimension scores P and M under any area weights. */
const areaVector = (production: number, ml: number) =>
  AREAS.map((area) => uniformAreaScore(area.dimension === "production" ? production : ml, area.dimension));

beforeAll(async () => {
  testDb = await createTestDatabase();
  const requisition = await testDb.db.requisition.create({ data: { title: "Sorting" } });
  requisitionId = requisition.id;
  const other = await testDb.db.requisition.create({ data: { title: "Other" } });
  const compiled = compileWeights(RequisitionWeightsSchema.parse({}));
  let i = 0;
  for (const person of [...people, people[0]!]) {
    const target = i === people.length ? other.id : requisitionId;
    const areaScores = person.production === null ? [] : areaVector(person.production, person.ml!);
    const ranked = areaScores.length
      ? rankStored({ areaScores, skillIds: person.skills ?? [], yearsExperience: person.years }, compiled)
      : null;
    const app = await testDb.db.application.create({
      data: {
        requisition: { connect: { id: target } },
        candidate: { create: { name: person.name } },
        resumeFile: {
          create: {
            originalName: `file-${person.key}.pdf`,
            detectedType: "PDF",
            sizeBytes: 1,
            sha256: "0".repeat(64),
            bytes: Buffer.from("x"),
          },
        },
        displayName: person.name ?? `file-${person.key}.pdf`,
        status: person.status,
        stage: person.stage ?? "NEW",
        areaScores,
        skillIds: person.skills ?? [],
        background: person.background ?? null,
        overallScore: ranked?.overall ?? null,
        productionScore: ranked?.production ?? null,
        mlScore: ranked?.ml ?? null,
        weightsVersion: ranked ? 1 : null,
        yearsExperience: person.years,
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      },
    });
    if (target === requisitionId) ids[person.key] = app.id;
    i += 1;
  }
});

afterAll(() => testDb?.drop());

const query = (params: string) => parseCandidatesQuery(new URLSearchParams(params));
const list = (params: string) => listCandidates(testDb.db, requisitionId, query(params));
const names = (rows: Array<{ name: string | null }>) => rows.map((r) => r.name);

describe("listCandidates: sorting and paging", () => {
  it("sorts by overall score descending with unscored candidates last", async () => {
    const page = await list("sort=overall&dir=desc");
    expect(names(page.rows.slice(0, 3))).toEqual(["Ana Lima", "Chidi Okafor", "Björn Nilsson"]);
    expect(page.rows.slice(3).map((r) => r.overallScore)).toEqual([null, null]);
    expect(page.total).toBe(5);
    expect(page.storedScoresCurrent).toBe(true);
  });

  it("opens best first without a sort in the URL: failed and unread résumés at the bottom", async () => {
    const page = await list("");
    expect(names(page.rows.slice(0, 3))).toEqual(["Ana Lima", "Chidi Okafor", "Björn Nilsson"]);
    expect(page.rows.slice(3).map((r) => r.overallScore)).toEqual([null, null]);
    expect(
      page.rows
        .slice(3)
        .map((r) => r.status)
        .sort(),
    ).toEqual(["FAILED", "QUEUED"]);
  });

  it("keeps unscored candidates last in ascending order too", async () => {
    const page = await list("sort=ml&dir=asc");
    expect(page.rows.map((r) => r.mlScore)).toEqual([64, 70, 91, null, null]);
  });

  it("sorts by several columns", async () => {
    // Stage ascending (NEW < SCREENING < SHORTLISTED < REJECTED), then production descending.
    const page = await list("sort=stage:asc,production:desc");
    expect(page.rows.map((r) => r.stage)).toEqual(["NEW", "NEW", "NEW", "SCREENING", "SHORTLISTED"]);
    expect(page.rows[0]!.name).toBe("Björn Nilsson");
  });

  it("sorts by name and by upload time", async () => {
    const byName = await list("sort=name&dir=asc");
    expect(names(byName.rows.slice(0, 3))).toEqual(["Ana Lima", "Björn Nilsson", "Chidi Okafor"]);
    const newest = await list("sort=uploaded&dir=desc");
    expect(newest.rows[0]!.fileName).toBe("file-queued.pdf");
  });

  it("pages with a stable order and clamps a page past the end", async () => {
    const first = await list("sort=uploaded&dir=asc&pageSize=25");
    expect(first.pageCount).toBe(1);
    const beyond = await list("sort=uploaded&dir=asc&pageSize=25&page=9");
    expect(beyond.page).toBe(1);
    expect(beyond.rows).toHaveLength(5);
  });

  it("counts statuses over the whole requisition, whatever the filters", async () => {
    const page = await list("stage=SHORTLISTED");
    expect(page.statusCounts).toEqual({ QUEUED: 1, PROCESSING: 0, NEEDS_REVIEW: 0, DONE: 3, FAILED: 1 });
    expect(page.requisitionTotal).toBe(5);
    expect(page.total).toBe(1);
  });

  it("summarises requisitions with counts by status and stage", async () => {
    const summaries = await listRequisitions(testDb.db);
    const sorting = summaries.find((s) => s.id === requisitionId)!;
    expect(sorting.total).toBe(5);
    expect(sorting.byStatus.DONE).toBe(3);
    expect(sorting.byStage.NEW).toBe(3);
  });
});

describe("listCandidates: filters", () => {
  it("filters by stage, processing state and background", async () => {
    expect(names((await list("stage=NEW,SCREENING&status=DONE")).rows).sort()).toEqual([
      "Björn Nilsson",
      "Chidi Okafor",
    ]);
    expect((await list("status=FAILED,QUEUED")).total).toBe(2);
    expect(names((await list("background=data_scientist")).rows)).toEqual(["Björn Nilsson"]);
  });

  it("filters by score ranges, inclusive", async () => {
    expect(names((await list("mlMin=70&sort=ml&dir=desc")).rows)).toEqual(["Ana Lima", "Björn Nilsson"]);
    expect(names((await list("productionMax=80&productionMin=80")).rows)).toEqual(["Chidi Okafor"]);
    expect((await list("overallMin=99")).total).toBe(0);
  });

  it("filters on must-haves met or missing and on years", async () => {
    await testDb.db.requisition.update({
      where: { id: requisitionId },
      data: { weights: { mustHave: ["pytorch", "kubernetes"] } },
    });
    try {
      expect(names((await list("mustHaves=met")).rows)).toEqual(["Ana Lima"]);
      expect(names((await list("mustHaves=missing&sort=name&dir=asc")).rows)).toEqual([
        "Björn Nilsson",
        "Chidi Okafor",
      ]);
      const flagged = (await list("sort=name&dir=asc")).rows.find((r) => r.name === "Chidi Okafor")!;
      expect(flagged.missingMustHaves).toEqual(["pytorch"]);
    } finally {
      await testDb.db.requisition.update({ where: { id: requisitionId }, data: { weights: {} } });
    }
    expect(names((await list("yearsMin=6&sort=years&dir=desc")).rows)).toEqual(["Ana Lima", "Chidi Okafor"]);
  });

  it("searches by skill name or alias, else by name (or file name when no name was found)", async () => {
    expect(skillsMatching("k8s")).toContain("kubernetes");
    expect(names((await list("q=k8s&sort=name&dir=asc")).rows)).toEqual(["Ana Lima", "Chidi Okafor"]);
    expect(names((await list("q=nilsson")).rows)).toEqual(["Björn Nilsson"]);
    expect((await list("q=file-failed")).total).toBe(1);
    expect((await list("q=100%25_sure")).total).toBe(0);
  });
});

describe("blind review", () => {
  it("hides names and file names until shortlisted, and never searches or sorts by hidden names", async () => {
    await testDb.db.requisition.update({ where: { id: requisitionId }, data: { blindReview: true } });
    try {
      const page = await list("sort=name&dir=asc");
      const ana = page.rows.find((r) => r.id === ids.ana)!;
      expect(ana).toMatchObject({ name: "Ana Lima", identityHidden: false }); // shortlisted
      const chidi = page.rows.find((r) => r.id === ids.chidi)!;
      expect(chidi).toMatchObject({ name: null, fileName: null, identityHidden: true });
      expect(chidi.label).toMatch(/^Candidate [A-Z0-9]{6}$/);
      expect(page.rows[0]!.id).toBe(ids.ana); // the only visible name sorts first
      expect((await list("q=okafor")).total).toBe(0);
      expect((await list("q=lima")).total).toBe(1);
    } finally {
      await testDb.db.requisition.update({ where: { id: requisitionId }, data: { blindReview: false } });
    }
  });
});

describe("ranking right after a weight change", () => {
  it("ranks with the new weights at once, then the same from the rewritten columns", async () => {
    const weights = RequisitionWeightsSchema.parse({ productionWeight: 1 });
    await testDb.db.requisition.update({ where: { id: requisitionId }, data: { weights, weightsVersion: 2 } });
    const during = await list("sort=overall&dir=desc");
    expect(during.storedScoresCurrent).toBe(false);
    expect(during.weightsVersion).toBe(2);
    // Production weight 1: overall is production, so Ana (85) > Chidi (80) > Björn (30).
    expect(during.rows.slice(0, 3).map((r) => [r.name, r.overallScore, r.weightsVersion])).toEqual([
      ["Ana Lima", 85, 2],
      ["Chidi Okafor", 80, 2],
      ["Björn Nilsson", 30, 2],
    ]);
    expect(names((await list("overallMin=80&sort=overall&dir=asc")).rows)).toEqual(["Chidi Okafor", "Ana Lima"]);

    expect(await rerankRequisition(testDb.db, requisitionId, weights, 2, { chunkSize: 2 })).toBe(3);
    const after = await list("sort=overall&dir=desc");
    expect(after.storedScoresCurrent).toBe(true);
    expect(after.rows.map((r) => [r.id, r.overallScore])).toEqual(during.rows.map((r) => [r.id, r.overallScore]));
    const stored = await testDb.db.application.findUniqueOrThrow({ where: { id: ids.chidi } });
    expect([stored.overallScore, stored.weightsVersion]).toEqual([80, 2]);
  });

  it("finishes a re-rank that did not complete (the worker's reconcile loop)", async () => {
    await testDb.db.requisition.update({ where: { id: requisitionId }, data: { weights: {}, weightsVersion: 3 } });
    expect((await list("")).storedScoresCurrent).toBe(false);
    expect(await rerankStaleRequisitions(testDb.db)).toBe(3);
    expect(await rerankStaleRequisitions(testDb.db)).toBe(0);
    expect((await list("")).storedScoresCurrent).toBe(true);
  });
});

describe("findNeighbours", () => {
  it("gives the previous and next candidate in the table's order", async () => {
    const q = query("sort=ml&dir=desc");
    const context = await loadRankingContext(testDb.db, requisitionId);
    const middle = await findNeighbours(testDb.db, requisitionId, q, ids.bjorn!, context);
    expect(middle).toEqual({ previousId: ids.ana, nextId: ids.chidi, position: 2, total: 5 });
    const first = await findNeighbours(testDb.db, requisitionId, q, ids.ana!, context);
    expect(first).toMatchObject({ previousId: null, position: 1 });
    const outside = await findNeighbours(testDb.db, requisitionId, query("stage=SHORTLISTED"), ids.bjorn!, context);
    expect(outside).toEqual({ previousId: null, nextId: null, position: null, total: 1 });
  });
});

describe("parseCandidatesQuery", () => {
  it("defaults to best first (overall score, descending)", () => {
    expect(query("")).toEqual({
      sort: "overall",
      dir: "desc",
      sorts: [{ key: "overall", dir: "desc" }],
      filters: {},
      page: 1,
      pageSize: 50,
    });
  });

  it("reads several sort keys, each with its own direction", () => {
    expect(query("sort=overall,years:asc,name&dir=desc").sorts).toEqual([
      { key: "overall", dir: "desc" },
      { key: "years", dir: "asc" },
      { key: "name", dir: "desc" },
    ]);
  });

  it("round-trips through URL params", () => {
    const q = query("sort=overall,years:asc&dir=desc&stage=NEW,SCREENING&mlMin=40&mustHaves=met&q=pytorch&page=2");
    expect(parseCandidatesQuery(candidatesQueryToParams(q))).toEqual(q);
    expect(candidatesQueryToParams(query("")).toString()).toBe("");
  });

  it("refuses unknown sort keys, directions and filters with a message naming what is allowed", () => {
    expect(() => query("sort=salary")).toThrow(AppError);
    expect(() => query("sort=salary")).toThrow(/sort must be one of: name, overall/);
    expect(() => query("sort=overall:up")).toThrow(/direction of overall must be asc or desc/);
    expect(() => query("sort=name,overall,ml,years")).toThrow(/at most 3/);
    expect(() => query("dir=up")).toThrow(/dir must be asc or desc/);
    expect(() => query("page=0")).toThrow(/page/);
    expect(() => query("pageSize=7")).toThrow(/pageSize must be one of 25, 50, 100/);
    expect(() => query("stage=HIRED")).toThrow(/stage must be any of: NEW, SCREENING/);
    expect(() => query("mlMin=120")).toThrow(/mlMin: must be 0–100/);
    expect(() => query("mlMin=abc")).toThrow(/mlMin: must be a number/);
    expect(() => query("overallMin=80&overallMax=20")).toThrow(/overallMin \(80\) is above overallMax \(20\)/);
    expect(() => query("mustHaves=some")).toThrow(/mustHaves must be met or missing/);
    expect(() => query(`q=${"x".repeat(101)}`)).toThrow(/100 characters/);
  });
});
