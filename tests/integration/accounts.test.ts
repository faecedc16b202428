// Accounts on the real database: sign-in rate limits (per e-mail and per address, the sliding
// window), the admin's account changes with their audit entries, and weight saves recorded with
// their author and before → after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../server/audit/record-audit.ts";
import { checkLoginRateLimit } from "../../server/auth/login-rate-limit.ts";
import { hashPassword } from "../../server/auth/password.ts";
import { getSessionUser } from "../../server/auth/sessions.ts";
import { signIn } from "../../server/auth/sign-in.ts";
import { updateRequisitionWeights } from "../../server/ranking/save-requisition-weights.ts";
import { createUser } from "../../server/users/create-user.ts";
import {
  changeUserRole,
  resetUserPassword,
  setUserDisabled,
  setUserMemberships,
} from "../../server/users/change-user.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let admin: { id: string; email: string };
const LIMITS = { maxFailuresPerEmail: 5, maxFailuresPerIp: 8, windowMinutes: 15 };
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await testDb.db.user.create({
    data: {
      email: "root@accounts.test",
      name: "Root",
      role: "ADMIN",
      passwordHash: await hashPassword("root-password-1", CHEAP),
    },
    select: { id: true, email: true },
  });
});

afterAll(async () => {
  await testDb?.drop();
});

async function user(email: string, role: "RECRUITER" | "HIRING_MANAGER" | "ADMIN" = "RECRUITER") {
  return testDb.db.user.create({
    data: { email, name: email, role, passwordHash: await hashPassword("the-password-1", CHEAP) },
    select: { id: true, email: true },
  });
}

describe("sign-in rate limits", () => {
  it("locks an e-mail after 5 failures for the rest of the window, then lets it in again", async () => {
    const { email } = await user("limited@accounts.test");
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const at = new Date(t0.getTime() + i * 60_000);
      await expect(signIn(testDb.db, { email, password: "wrong", ip: "10.0.0.1" }, LIMITS, at)).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    // The first failure was at 10:00, so the block lasts until 10:15.
    const blocked = signIn(
      testDb.db,
      { email, password: "the-password-1", ip: "10.0.0.2" },
      LIMITS,
      new Date("2026-11-22T10:05:30Z"),
    );
    await expect(blocked).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 10 * 60 });
    await expect(blocked).rejects.toThrow("Too many failed sign-ins. Try again in 10 minutes.");
    const later = await signIn(
      testDb.db,
      { email, password: "the-password-1", ip: "10.0.0.2" },
      LIMITS,
      new Date("2026-11-22T10:15:01Z"),
    );
    expect(later.token).toEqual(expect.any(String));
  });

  it("a successful sign-in clears the e-mail's earlier failures", async () => {
    const { email } = await user("forgetful@accounts.test");
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 11, minute));
    const fail = (minute: number) =>
      expect(signIn(testDb.db, { email, password: "wrong", ip: "10.1.0.1" }, LIMITS, at(minute))).rejects.toThrow();
    for (let i = 0; i < 4; i++) await fail(i);
    await signIn(testDb.db, { email, password: "the-password-1", ip: "10.1.0.1" }, LIMITS, at(5));
    for (let i = 0; i < 4; i++) await fail(6 + i);
    expect(await checkLoginRateLimit(testDb.db, { email, ip: null }, LIMITS, at(11))).toEqual({ limited: false });
  });

  it("locks an address that tries many e-mails (password spraying)", async () => {
    const at = new Date("2026-11-22T12:00:00Z");
    for (let i = 0; i < 8; i++) {
      await signIn(
        testDb.db,
        { email: `spray${i}@accounts.test`, password: "Winter2026!", ip: "203.0.113.9" },
        LIMITS,
        at,
      ).catch(() => null);
    }
    const { email } = await user("victim@accounts.test");
    await expect(
      signIn(testDb.db, { email, password: "the-password-1", ip: "203.0.113.9" }, LIMITS, at),
    ).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 15 * 60 });
    // The same account from another address is fine.
    await signIn(testDb.db, { email, password: "the-password-1", ip: "198.51.100.1" }, LIMITS, at);
  });

  it("audits a successful sign-in with its address", async () => {
    const { email, id } = await user("audited@accounts.test");
    const result = await signIn(
      testDb.db,
      { email: email.toUpperCase(), password: "the-password-1", ip: "192.0.2.7" },
      LIMITS,
    );
    const entry = await testDb.db.auditEntry.findFirstOrThrow({ where: { action: "auth.sign_in", actorId: id } });
    expect(entry).toMatchObject({ actorLabel: email, ip: "192.0.2.7", targetId: id });
    expect((await getSessionUser(testDb.db, result.token))?.id).toBe(id);
  });
});

describe("account administration", () => {
  it("creates, changes role, resets, disables and sets memberships, each audited before → after", async () => {
    const db = testDb.db;
    const actor = actorOf(admin);
    const created = await createUser(
      db,
      { email: " New.Person@Accounts.Test ", name: "New Person", role: "RECRUITER", password: "first-password-1" },
      actor,
    );
    expect(created.email).toBe("new.person@accounts.test");
    await expect(
      createUser(
        db,
        { email: "new.person@accounts.test", name: "Again", role: "RECRUITER", password: "first-password-1" },
        actor,
      ),
    ).rejects.toThrow(/already exists/);
    await expect(
      createUser(db, { email: "weak@accounts.test", name: "Weak", role: "RECRUITER", password: "short" }, actor),
    ).rejects.toMatchObject({ code: "invalid_input", issues: [{ path: "password" }] });

    await changeUserRole(db, created.id, "HIRING_MANAGER", actor);
    const requisition = await db.requisition.create({ data: { title: "Memberships" } });
    await setUserMemberships(db, created.id, [requisition.id], actor);
    await signIn(db, { email: created.email, password: "first-password-1", ip: null }, LIMITS);
    await resetUserPassword(db, created.id, "second-password-2", actor);
    expect(await db.session.count({ where: { userId: created.id } })).toBe(0);
    await setUserDisabled(db, created.id, true, actor);
    await expect(
      signIn(db, { email: created.email, password: "second-password-2", ip: null }, LIMITS),
    ).rejects.toMatchObject({ code: "unauthenticated" });

    const entries = await db.auditEntry.findMany({
      where: { targetId: created.id, actorId: admin.id },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual([
      "user.create",
      "user.role",
      "user.memberships",
      "user.password_reset",
      "user.disable",
    ]);
    expect(entries[0]!.after).toEqual({ email: "new.person@accounts.test", name: "New Person", role: "RECRUITER" });
    expect(entries[1]).toMatchObject({ before: { role: "RECRUITER" }, after: { role: "HIRING_MANAGER" } });
    expect(entries[2]).toMatchObject({ before: { requisitionIds: [] }, after: { requisitionIds: [requisition.id] } });
    expect(entries[4]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    // No password or hash ever reaches the audit log.
    expect(JSON.stringify(entries)).not.toMatch(/first-password|second-password|scrypt\$/);
  });

  it("never leaves the installation without an active admin", async () => {
    const db = testDb.db;
    const others = await db.user.findMany({ where: { role: "ADMIN", id: { not: admin.id } } });
    for (const other of others) await db.user.update({ where: { id: other.id }, data: { disabled: true } });
    await expect(changeUserRole(db, admin.id, "RECRUITER", actorOf(admin))).rejects.toThrow(/last active admin/);
    await expect(setUserDisabled(db, admin.id, true, actorOf(admin))).rejects.toThrow(/last active admin/);
  });
});

describe("weights saves are attributed", () => {
  it("records the author on the version and an audit entry with before → after", async () => {
    const db = testDb.db;
    const manager = await user("weights@accounts.test", "HIRING_MANAGER");
    const requisition = await db.requisition.create({ data: { title: "Weights audit" } });
    const { version } = await updateRequisitionWeights(
      db,
      requisition.id,
      { productionWeight: 0.7 },
      { actor: actorOf(manager), ip: "192.0.2.1" },
    );
    const saved = await db.requisitionWeightsVersion.findFirstOrThrow({
      where: { requisitionId: requisition.id, version },
    });
    expect(saved.createdById).toBe(manager.id);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { action: "requisition.weights", requisitionId: requisition.id },
    });
    expect(entry).toMatchObject({ actorId: manager.id, actorLabel: manager.email, ip: "192.0.2.1" });
    expect((entry.before as { version: number; weights: { productionWeight: number } }).version).toBe(1);
    expect((entry.before as { weights: { productionWeight: number } }).weights.productionWeight).toBe(0.5);
    expect(entry.after as { version: number; weights: { productionWeight: number } }).toMatchObject({
      version,
      weights: { productionWeight: 0.7 },
    });
  });
});
