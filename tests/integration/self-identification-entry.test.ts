// One applicant's self-identification recorded by a compliance user (issue 16, item 1), and the
// template CSV of the import, against the real PostgreSQL: the application is found within a
// requisition by id or e-mail (clear errors for an unknown id, an id of another requisition, an
// unknown e-mail, something that is neither); answers are read by the import's validation
// ("declined" is unknown, "femal" an error, a missing answer names its field); saving replaces
// what was recorded, audited without the answers; application ids made by Prisma pass the schema
// that used to demand UUIDs; the template lists the requisition's ids with empty answers and,
// filled in, passes the import's dry run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planSelfIdentificationImport } from "../../server/fairness/import-self-identification.ts";
import {
  findApplicationsForEntry,
  recordSelfIdentification,
  selfIdentificationTemplate,
} from "../../server/fairness/record-self-identification.ts";
import { ApplicationIdSchema } from "../../server/fairness/self-identification.ts";
import { createApplication } from "../support/access-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let actor: { id: string; label: string };
let requisitionId: string;
let otherRequisitionId: string;
const ids: string[] = [];
let otherId: string;
const bytes = new TextEncoder().encode("résumé");

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const user = await db.user.create({ data: { email: "casey@example.test", name: "Casey", role: "COMPLIANCE" } });
  actor = { id: user.id, label: user.email };
  requisitionId = (await db.requisition.create({ data: { title: "Entry" } })).id;
  otherRequisitionId = (await db.requisition.create({ data: { title: "Other" } })).id;
  for (const [name, email] of [
    ["Ana Lima", "Ana@Example.test"],
    ["Ben Okafor", "ben@example.test"],
    ["Ben Okafor", "ben@example.test"],
  ] as const) {
    ids.push(
      (await createApplication(db, requisitionId, { name: `${name}.txt`, bytes, type: "TXT" }, { name, email })).id,
    );
  }
  otherId = (
    await createApplication(db, otherRequisitionId, { name: "x.txt", bytes, type: "TXT" }, { email: "cy@example.test" })
  ).id;
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
});

describe("application ids", () => {
  it("every id Prisma makes passes ApplicationIdSchema (it used to demand a UUID)", () => {
    for (const id of [...ids, otherId]) expect(ApplicationIdSchema.safeParse(id).success, id).toBe(true);
  });
});

describe("finding the application", () => {
  it("by id, or by e-mail in any case; one e-mail with two applications gives both", async () => {
    const { db } = testDb;
    expect((await findApplicationsForEntry(db, requisitionId, ` ${ids[0]} `)).map((a) => a.id)).toEqual([ids[0]]);
    const ana = await findApplicationsForEntry(db, requisitionId, "ana@EXAMPLE.test");
    expect(ana).toMatchObject([{ id: ids[0], label: "Ana Lima", email: "Ana@Example.test", current: null }]);
    expect((await findApplicationsForEntry(db, requisitionId, "ben@example.test")).map((a) => a.id)).toEqual([
      ids[1],
      ids[2],
    ]);
  });

  it.each([
    ["an unknown id", "cnosuchapplication0000000", "not_found", "No application has the id cnosuchapplication0000000."],
    ["another requisition's application", "OTHER", "not_found", "is not in this requisition: choose its requisition"],
    ["an unknown e-mail", "nobody@example.test", "not_found", "No application in this requisition has the e-mail"],
    ["an e-mail of another requisition", "cy@example.test", "not_found", "No application in this requisition"],
    ["a UUID", "7f1c6a0e-8a7e-4c1b-9d8e-2f9b3f1a2b3c", "invalid_input", "is neither an e-mail nor an application id"],
    ["nothing", "   ", "invalid_input", "Enter an application id or the candidate's e-mail."],
  ])("%s: a clear error", async (_, key, code, message) => {
    await expect(
      findApplicationsForEntry(testDb.db, requisitionId, key === "OTHER" ? otherId : key),
    ).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it("an unknown requisition: not_found", async () => {
    await expect(findApplicationsForEntry(testDb.db, "cnosuchrequisition0000000", ids[0]!)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("recording one applicant's answers", () => {
  const input = (overrides: Partial<Parameters<typeof recordSelfIdentification>[2]> = {}) => ({
    requisitionId,
    applicationId: ids[0]!,
    sex: "female",
    raceEthnicity: "hispanic_or_latino",
    ...overrides,
  });

  it("records, then replaces, the answers, audited without them", async () => {
    const { db } = testDb;
    const saved = await recordSelfIdentification(db, actor, input());
    expect(saved.current).toMatchObject({
      sex: "female",
      raceEthnicity: "hispanic_or_latino",
      source: "compliance_user",
    });
    const edited = await recordSelfIdentification(db, actor, input({ sex: "declined", raceEthnicity: "asian" }));
    expect(edited.current).toMatchObject({ sex: null, raceEthnicity: "asian" });
    const row = await db.selfIdentification.findUniqueOrThrow({ where: { applicationId: ids[0]! } });
    expect(row).toMatchObject({ sex: null, raceEthnicity: "asian", source: "compliance_user", recordedById: actor.id });
    const entries = await db.auditEntry.findMany({
      where: { action: "fairness.self_identification.record", targetId: ids[0]! },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => [e.summary.split(" ")[0], e.before, e.after])).toEqual([
      ["Recorded", { recorded: false }, { recorded: true, source: "compliance_user" }],
      ["Edited", { recorded: true }, { recorded: true, source: "compliance_user" }],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/asian|hispanic|female/i);
  });

  it.each([
    ["no sex chosen", { sex: null }, "sex", "Choose a sex or “Declined to answer”."],
    ["no race/ethnicity chosen", { raceEthnicity: "" }, "raceEthnicity", "Choose a race/ethnicity or"],
    ["an unreadable sex", { sex: "femal" }, "sex", 'unrecognised sex "femal"'],
    ["a race outside EEO-1", { raceEthnicity: "Martian" }, "raceEthnicity", 'unrecognised race/ethnicity "Martian"'],
    [
      "a UUID for an id",
      { applicationId: "7f1c6a0e-8a7e-4c1b-9d8e-2f9b3f1a2b3c" },
      "applicationId",
      "not an application id",
    ],
  ] as const)("%s: invalid_input naming the field, nothing written", async (_, overrides, path, message) => {
    const { db } = testDb;
    const before = await db.selfIdentification.count();
    const error = await recordSelfIdentification(db, actor, input({ applicationId: ids[1]!, ...overrides })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "invalid_input" });
    expect((error as { issues: Array<{ path: string; message: string }> }).issues).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
    expect(await db.selfIdentification.count()).toBe(before);
  });

  it("an unknown id or another requisition's application: not_found, nothing written", async () => {
    const { db } = testDb;
    const before = await db.auditEntry.count();
    for (const applicationId of ["cnosuchapplication0000000", otherId]) {
      await expect(recordSelfIdentification(db, actor, input({ applicationId }))).rejects.toMatchObject({
        code: "not_found",
        message: `No application with the id ${applicationId} in this requisition.`,
      });
    }
    expect(await db.selfIdentification.findUnique({ where: { applicationId: otherId } })).toBeNull();
    expect(await db.auditEntry.count()).toBe(before);
  });
});

describe("the import template", () => {
  it("lists the requisition's application ids with empty answers, no names, and passes the dry run once filled", async () => {
    const { db } = testDb;
    const { csv, rows } = await selfIdentificationTemplate(db, requisitionId);
    expect(rows).toBe(3);
    expect(csv).toBe(`application_id,sex,race_ethnicity\r\n${ids.map((id) => `${id},,`).join("\r\n")}\r\n`);
    expect(csv).not.toMatch(/Ana|Ben|example/);
    const filled = csv.replace(/,,\r\n/g, ",Female,Declined\r\n");
    const plan = await planSelfIdentificationImport(db, filled);
    expect(plan).toMatchObject({ valid: 3, invalid: 0 });
    expect(plan.rows.map((row) => [row.applicationId, row.sex, row.raceEthnicity])).toEqual(
      ids.map((id) => [id, "female", null]),
    );
  });

  it("an unknown requisition: not_found", async () => {
    await expect(selfIdentificationTemplate(testDb.db, "cnosuchrequisition0000000")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
