// A requisition's team: set when creating it and later, audited, guarded (a recruiter cannot
// remove themselves; only active recruiters and hiring managers join); the list shows the team and
// filters by search and open/closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../server/errors/app-error.ts";
import { createRequisition } from "../../server/requisitions/create-requisition.ts";
import { setRequisitionTeam } from "../../server/requisitions/change-team.ts";
import { listRequisitions, RequisitionListQuerySchema } from "../../server/requisitions/list-requisitions.ts";
import { loadTeam } from "../../server/requisitions/list-team.ts";
import { NewRequisitionSchema, TeamSchema } from "../../server/requisitions/requisition-input.ts";
import { setRequisitionOpen } from "../../server/requisitions/requisition-settings.ts";
import type { Role } from "../../server/generated/prisma/enums.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
const people = {} as Record<"admin" | "riley" | "sam" | "morgan" | "jordan" | "gone", { id: string; email: string }>;
const actorOf = (key: keyof typeof people) => ({ id: people[key].id, label: people[key].email });

async function user(key: keyof typeof people, name: string, role: Role, disabled = false) {
  const row = await testDb.db.user.create({
    data: { email: `${key}@team.test`, name, role, disabled },
    select: { id: true, email: true },
  });
  people[key] = row;
}

async function membersOf(requisitionId: string): Promise<string[]> {
  const rows = await testDb.db.requisitionMember.findMany({ where: { requisitionId }, select: { user: true } });
  return rows.map((r) => r.user.email).sort();
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await user("admin", "Avery Admin", "ADMIN");
  await user("riley", "Riley Recruiter", "RECRUITER");
  await user("sam", "Sam Sourcer", "RECRUITER");
  await user("morgan", "Morgan Manager", "HIRING_MANAGER");
  await user("jordan", "Jordan Lead", "HIRING_MANAGER");
  await user("gone", "Gale Gone", "HIRING_MANAGER", true);
}, 60_000);
afterAll(() => testDb?.drop());

describe("creating a requisition with its team", () => {
  it("makes the creator and the chosen recruiters and hiring managers members, audited", async () => {
    const requisition = await createRequisition(
      testDb.db,
      { title: "Ranking MLE", team: "Search", location: null, description: null },
      people.riley.id,
      { actor: actorOf("riley"), memberIds: [people.morgan.id, people.sam.id, people.riley.id, people.morgan.id] },
    );
    expect(await membersOf(requisition.id)).toEqual(["morgan@team.test", "riley@team.test", "sam@team.test"]);
    const entry = await testDb.db.auditEntry.findFirstOrThrow({ where: { action: "requisition.create" } });
    expect(entry.after).toMatchObject({ title: "Ranking MLE", members: ["morgan@team.test", "sam@team.test"] });
  });

  it("refuses an admin, a disabled account or an unknown id, and creates nothing", async () => {
    for (const id of [people.admin.id, people.gone.id, "no-such-user"]) {
      const error = await refusal(
        createRequisition(
          testDb.db,
          { title: `Refused ${id}`, team: null, location: null, description: null },
          people.riley.id,
          {
            memberIds: [id],
          },
        ),
      );
      expect(error.code).toBe("invalid_input");
      expect(error.issues[0]?.path).toBe("memberId");
    }
    expect(await testDb.db.requisition.count({ where: { title: { startsWith: "Refused" } } })).toBe(0);
  });

  it("parses the form's repeated memberId and caps its length", () => {
    const form = new URLSearchParams([
      ["title", "Platform MLE"],
      ["memberId", "a"],
      ["memberId", "b"],
    ]);
    const parsed = NewRequisitionSchema.parse({ title: form.get("title"), memberId: form.getAll("memberId") });
    expect(parsed.memberId).toEqual(["a", "b"]);
    expect(TeamSchema.parse({}).memberId).toEqual([]);
    expect(TeamSchema.safeParse({ memberId: Array.from({ length: 201 }, (_, i) => `u${i}`) }).success).toBe(false);
    expect(TeamSchema.safeParse({ memberId: [""] }).success).toBe(false);
  });
});

describe("changing the team later", () => {
  let requisitionId: string;
  beforeAll(async () => {
    requisitionId = (
      await createRequisition(
        testDb.db,
        { title: "Serving platform", team: "ML Platform", location: "Berlin", description: null },
        people.riley.id,
        { memberIds: [people.morgan.id] },
      )
    ).id;
  });

  it("adds and removes people in one audited change with the e-mails before → after", async () => {
    const change = await setRequisitionTeam(
      testDb.db,
      requisitionId,
      [people.riley.id, people.jordan.id, people.sam.id],
      {
        actor: actorOf("riley"),
        actorRole: "RECRUITER",
      },
    );
    expect(change.added.map((p) => p.email).sort()).toEqual(["jordan@team.test", "sam@team.test"]);
    expect(change.removed.map((p) => p.email)).toEqual(["morgan@team.test"]);
    expect(await membersOf(requisitionId)).toEqual(["jordan@team.test", "riley@team.test", "sam@team.test"]);
    const entry = await testDb.db.auditEntry.findFirstOrThrow({
      where: { action: "requisition.team", targetId: requisitionId },
    });
    expect(entry).toMatchObject({
      actorLabel: "riley@team.test",
      requisitionId,
      before: { members: ["morgan@team.test", "riley@team.test"] },
      after: { members: ["jordan@team.test", "riley@team.test", "sam@team.test"] },
    });
    expect(entry.summary).toBe(
      "Team changed: added Sam Sourcer (Recruiter), Jordan Lead (Hiring manager); removed Morgan Manager (Hiring manager)",
    );
  });

  it("writes nothing when nothing changes", async () => {
    const before = await testDb.db.auditEntry.count({ where: { action: "requisition.team" } });
    const change = await setRequisitionTeam(
      testDb.db,
      requisitionId,
      [people.sam.id, people.riley.id, people.jordan.id],
      {
        actor: actorOf("riley"),
        actorRole: "RECRUITER",
      },
    );
    expect(change).toEqual({ added: [], removed: [] });
    expect(await testDb.db.auditEntry.count({ where: { action: "requisition.team" } })).toBe(before);
  });

  it("refuses a recruiter removing themselves, and changes nothing", async () => {
    const error = await refusal(
      setRequisitionTeam(testDb.db, requisitionId, [people.sam.id], {
        actor: actorOf("riley"),
        actorRole: "RECRUITER",
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/cannot remove yourself/);
    expect(await membersOf(requisitionId)).toEqual(["jordan@team.test", "riley@team.test", "sam@team.test"]);
  });

  it("lets another recruiter, or an admin, remove them", async () => {
    await setRequisitionTeam(testDb.db, requisitionId, [people.sam.id, people.jordan.id], {
      actor: actorOf("sam"),
      actorRole: "RECRUITER",
    });
    expect(await membersOf(requisitionId)).toEqual(["jordan@team.test", "sam@team.test"]);
    await setRequisitionTeam(testDb.db, requisitionId, [people.jordan.id], {
      actor: actorOf("admin"),
      actorRole: "ADMIN",
    });
    expect(await membersOf(requisitionId)).toEqual(["jordan@team.test"]);
  });

  it("keeps a disabled member who stays, but does not add one anew", async () => {
    await testDb.db.user.update({ where: { id: people.jordan.id }, data: { disabled: true } });
    try {
      await setRequisitionTeam(testDb.db, requisitionId, [people.jordan.id, people.sam.id], {
        actor: actorOf("admin"),
        actorRole: "ADMIN",
      });
      expect(await membersOf(requisitionId)).toEqual(["jordan@team.test", "sam@team.test"]);
      const error = await refusal(
        setRequisitionTeam(testDb.db, requisitionId, [people.jordan.id, people.sam.id, people.gone.id], {
          actor: actorOf("admin"),
          actorRole: "ADMIN",
        }),
      );
      expect(error.code).toBe("invalid_input");
    } finally {
      await testDb.db.user.update({ where: { id: people.jordan.id }, data: { disabled: false } });
    }
  });

  it("leaves an admin's own membership alone and lists neither admins nor disabled accounts as choices", async () => {
    const mine = await createRequisition(
      testDb.db,
      { title: "Admin's requisition", team: null, location: null, description: null },
      people.admin.id,
    );
    await setRequisitionTeam(testDb.db, mine.id, [people.morgan.id], { actor: actorOf("admin"), actorRole: "ADMIN" });
    expect(await membersOf(mine.id)).toEqual(["admin@team.test", "morgan@team.test"]);
    const team = await loadTeam(testDb.db, mine.id);
    expect(team.members.map((p) => p.email)).toEqual(["morgan@team.test"]);
    expect(team.assignable.map((p) => p.email)).toEqual([
      "riley@team.test",
      "sam@team.test",
      "jordan@team.test",
      "morgan@team.test",
    ]);
  });

  it("answers not_found for a requisition that does not exist", async () => {
    const error = await refusal(
      setRequisitionTeam(testDb.db, "no-such-requisition", [], { actor: actorOf("admin"), actorRole: "ADMIN" }),
    );
    expect(error.code).toBe("not_found");
  });
});

describe("the requisitions list", () => {
  const titles = (rows: Array<{ title: string }>) => rows.map((r) => r.title).sort();

  it("shows each requisition's team, recruiters first, without admins", async () => {
    const rows = await listRequisitions(testDb.db);
    const ranking = rows.find((r) => r.title === "Ranking MLE")!;
    expect(ranking.members.map((m) => [m.name, m.role])).toEqual([
      ["Riley Recruiter", "RECRUITER"],
      ["Sam Sourcer", "RECRUITER"],
      ["Morgan Manager", "HIRING_MANAGER"],
    ]);
    expect(rows.find((r) => r.title === "Admin's requisition")!.members.map((m) => m.name)).toEqual(["Morgan Manager"]);
  });

  it("searches title, team name, location and team members' names, case-insensitively", async () => {
    const search = (q: string) => listRequisitions(testDb.db, { query: { q } });
    expect(titles(await search("ranking"))).toEqual(["Ranking MLE"]);
    expect(titles(await search("ml platform"))).toEqual(["Serving platform"]);
    expect(titles(await search("BERLIN"))).toEqual(["Serving platform"]);
    expect(titles(await search("sourcer"))).toEqual(["Ranking MLE", "Serving platform"]);
    // An admin's name does not match: admins are not on teams.
    expect(titles(await search("Avery"))).toEqual([]);
    expect(titles(await search("%"))).toEqual([]);
  });

  it("filters open and closed, and keeps a member's view to their requisitions", async () => {
    const serving = (await listRequisitions(testDb.db, { query: { q: "Serving" } }))[0]!;
    await setRequisitionOpen(testDb.db, serving.id, false, { actor: actorOf("admin") });
    expect(titles(await listRequisitions(testDb.db, { query: { status: "closed" } }))).toEqual(["Serving platform"]);
    expect(titles(await listRequisitions(testDb.db, { query: { status: "open" } }))).not.toContain("Serving platform");
    expect(titles(await listRequisitions(testDb.db, { memberId: people.morgan.id }))).toEqual([
      "Admin's requisition",
      "Ranking MLE",
    ]);
    expect(titles(await listRequisitions(testDb.db, { memberId: people.morgan.id, query: { q: "ranking" } }))).toEqual([
      "Ranking MLE",
    ]);
  });

  it("reads bad filters from the URL as no filter", () => {
    expect(RequisitionListQuerySchema.parse({ q: "x".repeat(101), status: "archived" })).toEqual({
      q: "",
      status: "all",
    });
    expect(RequisitionListQuerySchema.parse({})).toEqual({ q: "", status: "all" });
    expect(RequisitionListQuerySchema.parse({ q: "  ranking ", status: "closed" })).toEqual({
      q: "ranking",
      status: "closed",
    });
  });
});
