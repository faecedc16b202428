// Fairness monitoring against the real PostgreSQL (issue 16): the self-identification import's
// dry run and real run with bad rows (unknown id, unknown e-mail, an e-mail with two
// applications, unreadable categories, a duplicate row, a bad header), and the report's numbers
// on a small seeded requisition, equal to the pure computeImpact over the same outcomes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../server/errors/app-error.ts";
import { computeImpact } from "../../server/fairness/compute-impact.ts";
import {
  importSelfIdentification,
  planSelfIdentificationImport,
} from "../../server/fairness/import-self-identification.ts";
import { loadFairnessReport } from "../../server/fairness/load-report.ts";
import { createApplication } from "../support/access-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let actor: { id: string; label: string };
let requisitionId: string;
const apps: string[] = [];
const bytes = new TextEncoder().encode("résumé");

// score, final stage, reached Shortlisted earlier (StageChange), e-mail
const SEED: Array<[number, "NEW" | "SCREENING" | "SHORTLISTED" | "REJECTED", boolean, string]> = [
  [91, "SHORTLISTED", true, "ana@example.test"],
  [84, "REJECTED", true, "ben@example.test"],
  [77, "SHORTLISTED", true, "cai@example.test"],
  [70, "SCREENING", false, "dee@example.test"],
  [66, "REJECTED", false, "eli@example.test"],
  [58, "NEW", false, "fay@example.test"],
  [52, "SCREENING", false, "gus@example.test"],
  [40, "REJECTED", false, "twice@example.test"],
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const user = await db.user.create({ data: { email: "audit@example.test", name: "Comp", role: "COMPLIANCE" } });
  actor = { id: user.id, label: user.email };
  const requisition = await db.requisition.create({ data: { title: "Fair ML Engineer" } });
  requisitionId = requisition.id;
  for (const [index, [score, stage, shortlisted, email]] of SEED.entries()) {
    const app = await createApplication(db, requisitionId, { name: `r${index}.txt`, bytes, type: "TXT" }, { email });
    await db.application.update({
      where: { id: app.id },
      data: { overallScore: score, weightsVersion: requisition.weightsVersion, stage },
    });
    if (shortlisted) {
      await db.stageChange.create({ data: { applicationId: app.id, fromStage: "SCREENING", toStage: "SHORTLISTED" } });
    }
    apps.push(app.id);
  }
  // A second application with the same e-mail in another requisition: that e-mail is ambiguous.
  const other = await db.requisition.create({ data: { title: "Other" } });
  await createApplication(db, other.id, { name: "x.txt", bytes, type: "TXT" }, { email: "twice@example.test" });
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
});

describe("self-identification import", () => {
  it("reports every bad row in a dry run and imports nothing while any remains", async () => {
    const { db } = testDb;
    const csv = [
      "application_id,email,sex,race_ethnicity",
      `${apps[0]},,Female,Asian`,
      "no-such-id,,Male,White",
      ",nobody@example.test,Male,White",
      ",twice@example.test,Male,White",
      `${apps[1]},,femal,White`,
      `${apps[2]},,Male,Martian`,
      `${apps[0]},,Female,Asian`,
      ",,Male,White",
    ].join("\n");
    const plan = await planSelfIdentificationImport(db, csv);
    expect(plan.rows.map((row) => [row.line, row.errors])).toEqual([
      [2, []],
      [3, ['unknown application id "no-such-id"']],
      [4, ['no application has the e-mail "nobody@example.test"']],
      [5, ['"twice@example.test" has 2 applications: use application_id']],
      [6, ['unrecognised sex "femal"']],
      [7, ['unrecognised race/ethnicity "Martian"']],
      [8, ["duplicate: the application is also on line 2"]],
      [9, ["no application id or e-mail"]],
    ]);
    expect(plan).toMatchObject({ valid: 1, invalid: 7 });
    const result = await importSelfIdentification(db, actor, csv, "bad.csv");
    expect(result.recorded).toBe(0);
    expect(await db.selfIdentification.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "fairness.self_identification.import" } })).toBe(0);
  });

  it("refuses a CSV without the key or category columns, or without rows", async () => {
    const code = async (text: string) => {
      try {
        await planSelfIdentificationImport(testDb.db, text);
      } catch (error) {
        if (isAppError(error)) return error.message;
        throw error;
      }
      return "accepted";
    };
    expect(await code("name,sex\nA,Male")).toMatch(/missing application_id or email, race_ethnicity/);
    expect(await code("application_id,sex,race_ethnicity\n")).toMatch(/no rows/);
    expect(await code("")).toMatch(/empty/);
    expect(await code('application_id,sex,race_ethnicity\n"x,Male,White')).toMatch(/cannot be read/);
  });

  it("imports by id and e-mail in one transaction, audited once, unknowns as null", async () => {
    const { db } = testDb;
    const csv = [
      "application_id,email,sex,race_ethnicity",
      `${apps[0]},,Female,Asian`,
      `,BEN@example.test,Male,White`,
      `${apps[2]},,M,White`,
      `${apps[3]},,F,Black`,
      `${apps[4]},,Male,Asian`,
      `${apps[5]},,Female,White`,
      `${apps[6]},,Prefer not to say,White`,
      `${apps[7]},,Male,`,
    ].join("\r\n");
    const dry = await planSelfIdentificationImport(db, csv);
    expect(dry).toMatchObject({ valid: 8, invalid: 0 });
    expect(await db.selfIdentification.count()).toBe(0);
    const result = await importSelfIdentification(db, actor, csv, "answers.csv");
    expect(result.recorded).toBe(8);
    const stored = await db.selfIdentification.findMany({ orderBy: { recordedAt: "asc" } });
    expect(stored).toHaveLength(8);
    expect(stored.find((row) => row.applicationId === apps[1])).toMatchObject({ sex: "male", raceEthnicity: "white" });
    expect(stored.find((row) => row.applicationId === apps[6])).toMatchObject({ sex: null, raceEthnicity: "white" });
    expect(stored.find((row) => row.applicationId === apps[7])).toMatchObject({ sex: "male", raceEthnicity: null });
    expect(stored.every((row) => row.source === "import" && row.recordedById === actor.id)).toBe(true);
    const audits = await db.auditEntry.findMany({ where: { action: "fairness.self_identification.import" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toBe("Imported self-identification for 8 applications from answers.csv");
    // The audit entry carries no one's answers.
    expect(JSON.stringify(audits[0])).not.toMatch(/female|asian|white/i);
  });
});

describe("the report", () => {
  it("matches computeImpact over the same outcomes (shown scores, Shortlisted ever reached)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = await loadFairnessReport(testDb.db, {
      requisitionId,
      from: "2020-01-01",
      to: today,
      stage: "SHORTLISTED",
    });
    const expected = computeImpact([
      { score: 91, selected: true, sex: "female", raceEthnicity: "asian" },
      { score: 84, selected: true, sex: "male", raceEthnicity: "white" },
      { score: 77, selected: true, sex: "male", raceEthnicity: "white" },
      { score: 70, selected: false, sex: "female", raceEthnicity: "black_or_african_american" },
      { score: 66, selected: false, sex: "male", raceEthnicity: "asian" },
      { score: 58, selected: false, sex: "female", raceEthnicity: "white" },
      { score: 52, selected: false, sex: null, raceEthnicity: "white" },
      { score: 40, selected: false, sex: "male", raceEthnicity: null },
    ]);
    expect(report.impact).toEqual(expected);
    expect(report.impact.applicantsAssessed).toBe(8);
    expect(report.impact.unknown).toEqual({ total: 2, sexOnly: 1, raceEthnicityOnly: 1, both: 0 });
    // Known: 91 84 77 70 66 58 → median 73.5; above: Female 1 of 3, Male 2 of 3.
    expect(report.impact.medianScore).toBe(73.5);
    const sex = report.impact.tables.sex.rows;
    expect(sex.map((row) => [row.id, row.applicants, row.scoring.count, row.selection.count])).toEqual([
      ["male", 3, 2, 2],
      ["female", 3, 1, 1],
    ]);
    expect(sex[1]!.selection.impactRatio).toBe(0.5);
    expect(sex[1]!.selection.belowFourFifths).toBe(true);
    expect(sex[1]!.selection.smallSample?.warning).toBeTruthy();
    expect(report.requisitions).toEqual([{ id: requisitionId, title: "Fair ML Engineer" }]);
  });

  it("counts Screening as selected when asked, and honours the date range", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const screening = await loadFairnessReport(testDb.db, {
      requisitionId,
      from: "2020-01-01",
      to: today,
      stage: "SCREENING",
    });
    // Stage now SCREENING: dee (female, black) and gus (unknown sex) — only dee is known.
    expect(screening.impact.tables.sex.rows.map((row) => row.selection.count)).toEqual([0, 1]);
    const past = await loadFairnessReport(testDb.db, {
      requisitionId,
      from: "2020-01-01",
      to: "2020-12-31",
      stage: "SHORTLISTED",
    });
    expect(past.impact.applicantsAssessed).toBe(0);
    await expect(
      loadFairnessReport(testDb.db, { requisitionId, from: "2021-01-02", to: "2021-01-01", stage: "SHORTLISTED" }),
    ).rejects.toThrow(/ends before/);
    const all = await loadFairnessReport(testDb.db, {
      requisitionId: null,
      from: "2020-01-01",
      to: today,
      stage: "SHORTLISTED",
    });
    // The other requisition's application has no score: not assessed, counted apart.
    expect(all.impact.applicantsAssessed).toBe(8);
    expect(all.notScored).toBe(1);
  });
});
