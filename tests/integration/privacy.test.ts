// Erasure and retention, proven by querying the database afterwards: nothing of the person
// remains — bytes, text, results, notes, stage history, the Candidate row — and no audit entry
// still names them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, SYSTEM_ACTOR } from "../../server/audit/record-audit.ts";
import { eraseApplication } from "../../server/privacy/erase-candidate.ts";
import { retentionPreview, runRetention } from "../../server/privacy/retention.ts";
import { createApplication } from "../support/access-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let adminId: string;
const admin = () => ({ id: adminId, label: "admin@privacy.test" });

beforeAll(async () => {
  testDb = await createTestDatabase();
  adminId = (await testDb.db.user.create({ data: { email: "admin@privacy.test", name: "Admin", role: "ADMIN" } })).id;
});

afterAll(async () => {
  await testDb?.drop();
});

const PERSON = { name: "Grace Brewster Hopper", email: "grace.hopper@navy.example", phone: "+1 555 010 2030" };

/** An application with everything a real one accumulates: analysis, notes, stage history, audit entries. */
async function fullApplication(requisitionId: string, person = PERSON, candidateId?: string) {
  const db = testDb.db;
  const text = `${person.name}\n${person.email}\n${person.phone}\nMachine Learning Engineer`;
  const app = candidateId
    ? await db.application.create({
        data: {
          requisition: { connect: { id: requisitionId } },
          candidate: { connect: { id: candidateId } },
          resumeFile: {
            create: {
              originalName: "grace-hopper.txt",
              detectedType: "TXT",
              sizeBytes: text.length,
              sha256: "x",
              bytes: Buffer.from(text),
            },
          },
          displayName: person.name,
        },
        select: { id: true, candidateId: true, resumeFileId: true },
      })
    : await createApplication(
        db,
        requisitionId,
        { name: "grace-hopper-cv.txt", bytes: Buffer.from(text), type: "TXT" },
        person,
      );
  await db.resumeAnalysis.create({
    data: {
      applicationId: app.id,
      parserVersion: "test",
      format: "TXT",
      text,
      result: { contact: { name: person.name, email: person.email } },
    },
  });
  await db.note.create({
    data: { applicationId: app.id, authorId: adminId, body: `Called ${person.name}: strong on serving.` },
  });
  await db.stageChange.create({
    data: { applicationId: app.id, fromStage: "NEW", toStage: "SCREENING", byId: adminId },
  });
  await recordAudit(db, admin(), {
    action: "application.stage",
    summary: `${person.name}: NEW → SCREENING`,
    targetType: "application",
    targetId: app.id,
    requisitionId,
    before: { stage: "NEW", name: person.name },
    after: { stage: "SCREENING" },
  });
  await recordAudit(db, admin(), {
    action: "export",
    summary: `Exported 2 candidates including ${person.name}`,
    requisitionId,
    after: { rows: [{ name: person.name, email: person.email }, { name: "Someone Else Entirely" }] },
  });
  return app;
}

/** Every audit entry whose text mentions one of the strings. */
async function auditMentions(...needles: string[]) {
  const rows = await testDb.db.auditEntry.findMany();
  return rows.filter((row) => {
    const text = `${row.summary} ${JSON.stringify(row.before)} ${JSON.stringify(row.after)}`.toLowerCase();
    return needles.some((n) => text.includes(n.toLowerCase()));
  });
}

describe("eraseApplication", () => {
  it("removes the file bytes, text, results, notes, stage history and the candidate, and anonymises the audit", async () => {
    const db = testDb.db;
    const requisition = await db.requisition.create({ data: { title: "Erasure" } });
    const app = await fullApplication(requisition.id);
    const keep = await createApplication(
      db,
      requisition.id,
      { name: "other.txt", bytes: Buffer.from("Other Person"), type: "TXT" },
      { name: "Other Person" },
    );

    const result = await eraseApplication(db, app.id, admin(), { ip: "127.0.0.1" });
    expect(result).toMatchObject({ applicationId: app.id, candidateRemoved: true });

    expect(await db.application.count({ where: { id: app.id } })).toBe(0);
    expect(await db.resumeFile.count({ where: { id: app.resumeFileId } })).toBe(0);
    expect(await db.resumeAnalysis.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await db.note.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await db.stageChange.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await db.candidate.count({ where: { id: app.candidateId } })).toBe(0);
    // Nothing anywhere in the tables still holds the person's details.
    const leftovers = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM (
        SELECT "text" AS t FROM "ResumeAnalysis" UNION ALL SELECT "body" FROM "Note"
        UNION ALL SELECT coalesce("name", '') || ' ' || coalesce("email", '') FROM "Candidate"
        UNION ALL SELECT coalesce("displayName", '') FROM "Application"
        UNION ALL SELECT "originalName" || convert_from("bytes", 'UTF8') FROM "ResumeFile"
      ) everything WHERE t ILIKE ${`%${PERSON.name}%`} OR t ILIKE ${`%${PERSON.email}%`}`;
    expect(Number(leftovers[0]!.n)).toBe(0);
    expect(await auditMentions(PERSON.name, PERSON.email, PERSON.phone, "grace-hopper-cv")).toEqual([]);

    // The audit keeps what happened, with ids only.
    const erasure = await db.auditEntry.findFirstOrThrow({ where: { action: "candidate.erase", targetId: app.id } });
    expect(erasure).toMatchObject({ actorId: adminId, requisitionId: requisition.id, before: null });
    expect(erasure.after).toEqual({ applicationId: app.id, candidateId: app.candidateId, candidateRemoved: true });
    const earlier = await db.auditEntry.findFirstOrThrow({ where: { action: "application.stage", targetId: app.id } });
    expect(earlier).toMatchObject({
      before: null,
      after: null,
      summary: "Entry about a candidate who was later erased",
    });
    // Another person named in the same export entry is not this person: the entry keeps its action.
    expect(await db.auditEntry.count({ where: { action: "export" } })).toBe(1);

    // Other applicants are untouched.
    expect(await db.application.count({ where: { id: keep.id } })).toBe(1);
    expect(await db.candidate.count({ where: { id: keep.candidateId } })).toBe(1);
  });

  it("keeps the person's other applications and their Candidate row", async () => {
    const db = testDb.db;
    const [a, b] = await Promise.all([
      db.requisition.create({ data: { title: "A" } }),
      db.requisition.create({ data: { title: "B" } }),
    ]);
    const person = { name: "Katherine Johnson", email: "kj@nasa.example", phone: "+1 555 222 3333" };
    const first = await fullApplication(a.id, person);
    const second = await fullApplication(b.id, person, first.candidateId);

    const result = await eraseApplication(db, first.id, admin());
    expect(result.candidateRemoved).toBe(false);
    expect(await db.application.count({ where: { id: first.id } })).toBe(0);
    expect(await db.resumeFile.count({ where: { id: first.resumeFileId } })).toBe(0);
    expect(await db.application.count({ where: { id: second.id } })).toBe(1);
    expect(await db.candidate.count({ where: { id: first.candidateId } })).toBe(1);
    expect(await db.note.count({ where: { applicationId: second.id } })).toBe(1);
  });

  it("refuses an application that does not exist", async () => {
    await expect(eraseApplication(testDb.db, "no-such-application", admin())).rejects.toThrow(/does not exist/);
  });
});

describe("retention", () => {
  const DAY = 86_400_000;

  it("erases applications of requisitions closed longer than the period, and only those", async () => {
    const db = testDb.db;
    const now = new Date("2026-11-22T12:00:00Z");
    const old = await db.requisition.create({
      data: { title: "Closed long ago", status: "CLOSED", closedAt: new Date(now.getTime() - 200 * DAY) },
    });
    const recent = await db.requisition.create({
      data: { title: "Closed recently", status: "CLOSED", closedAt: new Date(now.getTime() - 10 * DAY) },
    });
    const open = await db.requisition.create({
      data: { title: "Still open", createdAt: new Date(now.getTime() - 400 * DAY) },
    });
    const person = { name: "Ada King Lovelace", email: "ada@engines.example", phone: "+44 20 7946 0000" };
    const expired = [
      await fullApplication(old.id, person),
      await fullApplication(old.id, { ...person, email: "ada2@engines.example" }),
    ];
    const young = await fullApplication(recent.id, {
      name: "Annie Easley",
      email: "annie@nasa.example",
      phone: "+1 555 444 5555",
    });
    const openApp = await fullApplication(open.id, {
      name: "Mary Jackson",
      email: "mary@nasa.example",
      phone: "+1 555 666 7777",
    });

    const preview = await retentionPreview(db, { now, retentionDays: 180 });
    expect(preview.dueNow).toBe(2);
    expect(preview.requisitions.map((r) => [r.title, r.due, r.applications])).toEqual([
      ["Closed long ago", true, 2],
      ["Closed recently", false, 1],
    ]);
    expect(preview.requisitions[1]!.dueAt.toISOString()).toBe(new Date(now.getTime() + 170 * DAY).toISOString());

    const result = await runRetention(db, { now, retentionDays: 180 });
    expect(result).toMatchObject({ erased: 2, requisitions: 1, more: false });

    for (const app of expired) {
      expect(await db.application.count({ where: { id: app.id } })).toBe(0);
      expect(await db.resumeFile.count({ where: { id: app.resumeFileId } })).toBe(0);
      expect(await db.resumeAnalysis.count({ where: { applicationId: app.id } })).toBe(0);
      expect(await db.note.count({ where: { applicationId: app.id } })).toBe(0);
      expect(await db.stageChange.count({ where: { applicationId: app.id } })).toBe(0);
      expect(await db.candidate.count({ where: { id: app.candidateId } })).toBe(0);
    }
    expect(await auditMentions(person.name, "ada@engines.example", "ada2@engines.example")).toEqual([]);
    expect(await db.application.count({ where: { id: { in: [young.id, openApp.id] } } })).toBe(2);
    // The requisition itself stays (its title is not personal data), now empty.
    expect(await db.requisition.count({ where: { id: old.id } })).toBe(1);

    const run = await db.auditEntry.findFirstOrThrow({ where: { action: "retention.run" } });
    expect(run).toMatchObject({ actorId: null, actorLabel: SYSTEM_ACTOR.label });
    expect(
      await db.auditEntry.count({
        where: { action: "candidate.erase", actorLabel: "system", targetId: { in: expired.map((a) => a.id) } },
      }),
    ).toBe(2);

    // A second run finds nothing more to do.
    expect((await runRetention(db, { now, retentionDays: 180 })).erased).toBe(0);
  });

  it("works in batches and says when more is due", async () => {
    const db = testDb.db;
    const now = new Date("2026-11-22T12:00:00Z");
    const old = await db.requisition.create({
      data: { title: "Batch", status: "CLOSED", closedAt: new Date(now.getTime() - 365 * DAY) },
    });
    for (let i = 0; i < 3; i++)
      await createApplication(db, old.id, { name: `f${i}.txt`, bytes: Buffer.from(`f${i}`), type: "TXT" });
    expect(await runRetention(db, { now, retentionDays: 180, batch: 2 })).toMatchObject({ erased: 2, more: true });
    expect(await runRetention(db, { now, retentionDays: 180, batch: 2 })).toMatchObject({ erased: 1, more: false });
    expect(await db.application.count({ where: { requisitionId: old.id } })).toBe(0);
  });

  it("tidies expired sessions and old sign-in attempts", async () => {
    const db = testDb.db;
    const now = new Date("2026-11-22T12:00:00Z");
    await db.session.create({
      data: { id: "expired-session", userId: adminId, expiresAt: new Date(now.getTime() - 1000) },
    });
    await db.loginAttempt.create({
      data: { key: "ip:1.2.3.4", succeeded: false, createdAt: new Date(now.getTime() - 2 * DAY) },
    });
    const result = await runRetention(db, { now, retentionDays: 180 });
    expect(result.sessionsDeleted).toBeGreaterThanOrEqual(1);
    expect(result.loginAttemptsDeleted).toBeGreaterThanOrEqual(1);
  });
});

/**
 * Every text, JSON, array and byte column of every table, as text (a full dump of the database),
 * with the rows whose value holds one of the needles (case-insensitive).
 */
async function dumpMentions(needles: string[]): Promise<string[]> {
  const db = testDb.db;
  const columns = await db.$queryRaw<Array<{ table_name: string; column_name: string; data_type: string }>>`
    SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea')`;
  const found: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const value = type === "bytea" ? `encode("${column}", 'escape')` : `"${column}"::text`;
    const rows = await db.$queryRawUnsafe<Array<{ v: string }>>(
      `SELECT ${value} AS v FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    for (const { v } of rows) {
      const lower = v.toLowerCase();
      for (const needle of needles) if (lower.includes(needle.toLowerCase())) found.push(`${table}.${column}: ${v}`);
    }
  }
  return found;
}

describe("erasure scrubs free text (issue 13, defect 7)", () => {
  it("leaves no name part, e-mail or phone of the person anywhere in the database", async () => {
    const db = testDb.db;
    const requisition = await db.requisition.create({ data: { title: "Scrub" } });
    const person = { name: "Quentin Secretname", email: "q.secretname@mail.example", phone: "+82 10-9030-1843" };
    const text = `${person.name}\n${person.email}\n${person.phone}\nML Engineer`;
    const app = await createApplication(
      db,
      requisition.id,
      { name: "Quentin Secretname CV.txt", bytes: Buffer.from(text), type: "TXT" },
      person,
    );
    await db.resumeAnalysis.create({
      data: { applicationId: app.id, parserVersion: "test", format: "TXT", text, result: { contact: person } },
    });
    const other = await createApplication(
      db,
      requisition.id,
      { name: "other.txt", bytes: Buffer.from("Other Person"), type: "TXT" },
      { name: "Other Person" },
    );
    const note = await db.note.create({
      data: {
        applicationId: other.id,
        authorId: adminId,
        body: "Stronger than Q. Secretname on serving; ask QUENTIN.",
      },
    });
    await db.note.create({
      data: { applicationId: other.id, authorId: adminId, body: "Referee: q.secretname@mail.example, 821090301843" },
    });
    // An export's entry, shaped as server/exports/export-candidates.ts writes it: the filter keeps the surname.
    await recordAudit(db, admin(), {
      action: "export",
      summary: "Exported 1 candidate (CSV)",
      targetType: "requisition",
      targetId: requisition.id,
      requisitionId: requisition.id,
      after: { format: "csv", filters: { q: "secretname" }, rowCount: 1 },
    });
    await recordAudit(db, admin(), {
      action: "search",
      summary: `Looked for ${person.email}`,
      requisitionId: null,
    });
    await db.uploadBatch.create({
      data: {
        requisitionId: requisition.id,
        fileCount: 2,
        refused: [{ fileName: "Quentin Secretname CV (1).txt", archive: null, code: "empty", message: "Empty." }],
      },
    });
    const needles = ["quentin", "secretname", person.email, "9030-1843", "821090301843"];
    expect((await dumpMentions(needles)).length).toBeGreaterThan(5);

    await eraseApplication(db, app.id, admin());

    expect(await dumpMentions(needles)).toEqual([]);
    // What stays is still readable: the note, the export and its filter, with the mention replaced.
    expect((await db.note.findUniqueOrThrow({ where: { id: note.id } })).body).toBe(
      "Stronger than Q. [erased] on serving; ask [erased].",
    );
    const exported = await db.auditEntry.findFirstOrThrow({ where: { action: "export", targetId: requisition.id } });
    expect(exported.after).toEqual({ format: "csv", filters: { q: "[erased]" }, rowCount: 1 });
  });

  it("scrubs the surname alone only within the person's requisition", async () => {
    const db = testDb.db;
    const [mine, theirs] = await Promise.all([
      db.requisition.create({ data: { title: "Mine" } }),
      db.requisition.create({ data: { title: "Theirs" } }),
    ]);
    const app = await createApplication(
      db,
      mine.id,
      { name: "cv.txt", bytes: Buffer.from("Dipa Das"), type: "TXT" },
      { name: "Dipa Das", email: "dipa@das.example" },
    );
    const elsewhere = await createApplication(
      db,
      theirs.id,
      { name: "x.txt", bytes: Buffer.from("Arun Das"), type: "TXT" },
      { name: "Arun Das" },
    );
    const kept = await db.note.create({ data: { applicationId: elsewhere.id, body: "Arun Das: strong." } });
    const named = await db.note.create({ data: { applicationId: elsewhere.id, body: "Knows dipa@das.example" } });
    await eraseApplication(db, app.id, admin());
    expect((await db.note.findUniqueOrThrow({ where: { id: kept.id } })).body).toBe("Arun Das: strong.");
    expect((await db.note.findUniqueOrThrow({ where: { id: named.id } })).body).toBe("Knows [erased]");
  });
});
