// Server-side sorting and paging of the candidates table, against the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidQueryError, parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import { listCandidates } from "../../server/candidates/list-candidates.ts";
import { listRequisitions } from "../../server/requisitions/list-requisitions.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let requisitionId: string;

const people = [
  { name: "Chidi Okafor", overall: 71, production: 80, ml: 64, years: 6, status: "DONE" },
  { name: "Ana Lima", overall: 88, production: 85, ml: 91, years: 9, status: "DONE" },
  { name: "Björn Nilsson", overall: 42, production: 30, ml: 70, years: 2, status: "DONE" },
  { name: null, overall: null, production: null, ml: null, years: null, status: "FAILED" },
  { name: null, overall: null, production: null, ml: null, years: null, status: "QUEUED" },
] as const;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const requisition = await testDb.db.requisition.create({ data: { title: "Sorting" } });
  requisitionId = requisition.id;
  const other = await testDb.db.requisition.create({ data: { title: "Other" } });
  let i = 0;
  for (const person of [...people, people[0]]) {
    const target = i === people.length ? other.id : requisitionId;
    await testDb.db.application.create({
      data: {
        requisition: { connect: { id: target } },
        candidate: { create: { name: person.name } },
        resumeFile: {
          create: { originalName: `file-${i}.pdf`, detectedType: "PDF", sizeBytes: 1, sha256: "0".repeat(64), bytes: Buffer.from("x") },
        },
        displayName: person.name ?? `file-${i}.pdf`,
        status: person.status,
        overallScore: person.overall,
        productionScore: person.production,
        mlScore: person.ml,
        yearsExperience: person.years,
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      },
    });
    i += 1;
  }
});

afterAll(() => testDb?.drop());

const query = (params: string) => parseCandidatesQuery(new URLSearchParams(params));

describe("listCandidates", () => {
  it("sorts by overall score descending with unscored candidates last", async () => {
    const page = await listCandidates(testDb.db, requisitionId, query("sort=overall&dir=desc"));
    expect(page.rows.map((r) => r.overallScore)).toEqual([88, 71, 42, null, null]);
    expect(page.total).toBe(5);
  });

  it("keeps unscored candidates last in ascending order too", async () => {
    const page = await listCandidates(testDb.db, requisitionId, query("sort=ml&dir=asc"));
    expect(page.rows.map((r) => r.mlScore)).toEqual([64, 70, 91, null, null]);
  });

  it("sorts by name and by upload time", async () => {
    const byName = await listCandidates(testDb.db, requisitionId, query("sort=name&dir=asc"));
    expect(byName.rows.slice(0, 3).map((r) => r.name)).toEqual(["Ana Lima", "Björn Nilsson", "Chidi Okafor"]);
    const newest = await listCandidates(testDb.db, requisitionId, query(""));
    expect(newest.rows[0]!.fileName).toBe("file-4.pdf");
  });

  it("pages with a stable order and clamps a page past the end", async () => {
    const first = await listCandidates(testDb.db, requisitionId, { sort: "uploaded", dir: "asc", page: 1, pageSize: 25 });
    expect(first.pageCount).toBe(1);
    const beyond = await listCandidates(testDb.db, requisitionId, { sort: "uploaded", dir: "asc", page: 9, pageSize: 25 });
    expect(beyond.page).toBe(1);
    expect(beyond.rows).toHaveLength(5);
  });

  it("counts statuses over the whole requisition", async () => {
    const page = await listCandidates(testDb.db, requisitionId, query(""));
    expect(page.statusCounts).toEqual({ QUEUED: 1, PROCESSING: 0, DONE: 3, FAILED: 1 });
  });

  it("summarises requisitions with counts by status and stage", async () => {
    const summaries = await listRequisitions(testDb.db);
    const sorting = summaries.find((s) => s.id === requisitionId)!;
    expect(sorting.total).toBe(5);
    expect(sorting.byStatus.DONE).toBe(3);
    expect(sorting.byStage.NEW).toBe(5);
  });
});

describe("parseCandidatesQuery", () => {
  it("defaults to newest first", () => {
    expect(query("")).toEqual({ sort: "uploaded", dir: "desc", page: 1, pageSize: 50 });
  });
  it("refuses unknown sort keys and directions with a message naming what is allowed", () => {
    expect(() => query("sort=salary")).toThrow(InvalidQueryError);
    expect(() => query("sort=salary")).toThrow(/sort must be one of: name, overall/);
    expect(() => query("dir=up")).toThrow(/dir must be asc or desc/);
    expect(() => query("page=0")).toThrow(/page/);
    expect(() => query("pageSize=7")).toThrow(/pageSize must be one of 25, 50, 100/);
  });
});
