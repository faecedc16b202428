// Accounts on the real database: sign-in rate limits (per e-mail and per address, the sliding
// window), the admin's account changes with their audit entries, and weight saves recorded with
// their author and before → after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../server/audit/record-audit.ts";
import { checkLoginRateLimit } from "../../server/auth/login-rate-limit.ts";
import { changePassword } from "../../server/auth/change-password.ts";
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
  const at = (base: string, ms: number) => new Date(new Date(base).getTime() + ms);
  const guess = (email: string, ip: string | null, when: Date, password = "wrong") =>
    signIn(testDb.db, { email, password, ip }, LIMITS, when);

  it("five failures from one address refuse that e-mail from that address for the window, not from elsewhere", async () => {
    const { email } = await user("limited@accounts.test");
    const t0 = "2026-11-22T10:00:00Z";
    for (let i = 0; i < 5; i++) {
      await expect(guess(email, "10.0.0.1", at(t0, i * 60_000))).rejects.toMatchObject({ code: "unauthenticated" });
    }
    // The first failure was at 10:00, so this address is refused until 10:15, even the right password.
    const blocked = guess(email, "10.0.0.1", new Date("2026-11-22T10:05:30Z"), "the-password-1");
    await expect(blocked).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 10 * 60 });
    await expect(blocked).rejects.toThrow("Too many failed sign-ins. Try again in 10 minutes.");
    // Issue 13, defect 4: the owner from an address without failures is let in at once.
    const owner = await guess(email, "10.0.0.2", new Date("2026-11-22T10:05:40Z"), "the-password-1");
    expect(owner.token).toEqual(expect.any(String));
    const later = await guess(email, "10.0.0.1", new Date("2026-11-22T10:15:01Z"), "the-password-1");
    expect(later.token).toEqual(expect.any(String));
  });

  it("nobody can lock an admin out: wrong passwords from many addresses leave the owner's correct password working", async () => {
    const { email } = await user("admin-target@accounts.test", "ADMIN");
    const t0 = "2026-11-22T13:00:00Z";
    // 40 guesses from 20 addresses, two each a few seconds apart.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 20; i++) {
        await guess(email, `198.51.100.${i + 1}`, at(t0, (round * 20 + i) * 3_000)).catch(() => null);
      }
    }
    const soon = at(t0, 2 * 60_000);
    // The owner, from their own address, with the right password.
    const owner = await guess(email, "192.0.2.10", soon, "the-password-1");
    expect(owner.token).toEqual(expect.any(String));
    // The attackers' addresses were held back: most second-round guesses were never checked.
    const limitedRows = await testDb.db.loginAttempt.count({
      where: { key: `email:${email}`, succeeded: false, createdAt: { gte: new Date(t0) } },
    });
    expect(limitedRows).toBeLessThan(40);
  });

  it("a guesser spread over addresses gets one guess per fresh address, then a growing backoff", async () => {
    const { email } = await user("spread@accounts.test");
    const t0 = "2026-11-22T14:00:00Z";
    // Five fresh addresses, one failure each, all checked (no backoff for an address without failures).
    for (let i = 0; i < 5; i++) {
      await expect(guess(email, `203.0.113.${i + 1}`, at(t0, i * 100))).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    // The e-mail has 5 failures: an address that failed waits 2^0 = 1 s after the latest failure.
    expect(await checkLoginRateLimit(testDb.db, { email, ip: "203.0.113.1" }, LIMITS, at(t0, 900))).toEqual({
      limited: true,
      scope: "email",
      retryAfterSeconds: 1,
    });
    // A fresh address is not held back: its password is checked.
    expect(await checkLoginRateLimit(testDb.db, { email, ip: "203.0.113.99" }, LIMITS, at(t0, 900))).toEqual({
      limited: false,
    });
    await expect(guess(email, "203.0.113.1", at(t0, 1_500))).rejects.toMatchObject({ code: "unauthenticated" });
    // Six failures: 2 s after the latest.
    expect(await checkLoginRateLimit(testDb.db, { email, ip: "203.0.113.2" }, LIMITS, at(t0, 1_600))).toMatchObject({
      limited: true,
      retryAfterSeconds: 2,
    });
    // Ten failures: 32 s; the wait never exceeds the window.
    for (let i = 0; i < 4; i++) await guess(email, `203.0.113.${i + 2}`, at(t0, 10_000 + i * 60_000)).catch(() => null);
    const waits = await checkLoginRateLimit(testDb.db, { email, ip: "203.0.113.3" }, LIMITS, at(t0, 190_000));
    expect(waits).toMatchObject({ limited: true, scope: "email", retryAfterSeconds: 32 });
    // The owner from a clean address still signs in, and that success clears the e-mail's failures.
    await guess(email, "192.0.2.77", at(t0, 190_500), "the-password-1");
    expect(await checkLoginRateLimit(testDb.db, { email, ip: "203.0.113.3" }, LIMITS, at(t0, 191_000))).toEqual({
      limited: false,
    });
  });

  it("an owner who mistypes while under attack waits for the backoff from that address only", async () => {
    const { email } = await user("typo@accounts.test");
    const t0 = "2026-11-22T15:00:00Z";
    for (let i = 0; i < 8; i++) await guess(email, `100.64.0.${i + 1}`, at(t0, i * 1_000)).catch(() => null);
    await expect(guess(email, "192.0.2.20", at(t0, 9_000), "the-pasword-1")).rejects.toMatchObject({
      code: "unauthenticated",
    });
    // 9 failures: 16 s after the latest (the typo at 9 s).
    await expect(guess(email, "192.0.2.20", at(t0, 10_000), "the-password-1")).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 15,
    });
    expect((await guess(email, "192.0.2.20", at(t0, 25_001), "the-password-1")).token).toEqual(expect.any(String));
  });

  it("counts guesses sent in parallel: the sixth and later are refused without being checked", async () => {
    const { email } = await user("parallel@accounts.test");
    const when = new Date("2026-11-22T16:00:00Z");
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => guess(email, "10.9.9.9", when)));
    const codes = outcomes.map((o) => (o.status === "rejected" ? (o.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "unauthenticated")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(5);
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

  it("limits current-password guesses of a password change like sign-ins, sharing their counters", async () => {
    const owner = await user("changer@accounts.test");
    const session = await signIn(testDb.db, { email: owner.email, password: "the-password-1", ip: null }, LIMITS);
    const sessionId = (await getSessionUser(testDb.db, session.token))!.sessionId;
    const t0 = "2026-11-22T17:00:00Z";
    const change = (currentPassword: string, ip: string, when: Date) =>
      changePassword(
        testDb.db,
        {
          userId: owner.id,
          sessionId,
          currentPassword,
          newPassword: "another-password-2",
          confirmPassword: "another-password-2",
        },
        { id: owner.id, label: owner.email, ip },
        LIMITS,
        when,
      );
    // Two wrong sign-ins and three wrong current passwords from one address: five failures.
    for (let i = 0; i < 2; i++) await guess(owner.email, "10.7.7.7", at(t0, i * 1_000)).catch(() => null);
    for (let i = 0; i < 3; i++) {
      await expect(change(`guess-${i}`, "10.7.7.7", at(t0, 10_000 + i * 1_000))).rejects.toMatchObject({
        code: "invalid_input",
        issues: [{ path: "currentPassword" }],
      });
    }
    // Issue 13, defect 5: the sixth guess is refused, even the right password, with the wait.
    const refused = change("the-password-1", "10.7.7.7", at(t0, 20_000));
    await expect(refused).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 15 * 60,
      issues: [{ path: "currentPassword", message: "Too many wrong passwords. Try again in 15 minutes." }],
    });
    // ... and so is the next sign-in guess from there.
    await expect(guess(owner.email, "10.7.7.7", at(t0, 21_000))).rejects.toMatchObject({ code: "rate_limited" });
    const user0 = await testDb.db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { passwordHash: true } });
    // The owner, from an address without failures, changes it.
    await expect(change("the-password-1", "192.0.2.30", at(t0, 22_000))).resolves.toMatchObject({
      otherSessionsEnded: 0,
    });
    const user1 = await testDb.db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { passwordHash: true } });
    expect(user1.passwordHash).not.toBe(user0.passwordHash);
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
