// Blind review and open/closed: saved, audited before → after, idempotent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBlindReview, setRequisitionOpen } from "../../server/requisitions/requisition-settings.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let requisitionId: string;
const actor = { id: null, label: "manager@demo.test" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  requisitionId = (await testDb.db.requisition.create({ data: { title: "Settings" } })).id;
});
afterAll(() => testDb?.drop());

describe("requisition settings", () => {
  it("turns blind review on and off with one audit entry per real change", async () => {
    await setBlindReview(testDb.db, requisitionId, true, { actor });
    await setBlindReview(testDb.db, requisitionId, true, { actor });
    expect((await testDb.db.requisition.findUniqueOrThrow({ where: { id: requisitionId } })).blindReview).toBe(true);
    await setBlindReview(testDb.db, requisitionId, false, { actor });
    const entries = await testDb.db.auditEntry.findMany({
      where: { action: "requisition.blind_review" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => [e.before, e.after, e.actorLabel])).toEqual([
      [{ blindReview: false }, { blindReview: true }, "manager@demo.test"],
      [{ blindReview: true }, { blindReview: false }, "manager@demo.test"],
    ]);
  });

  it("closes with a closing time (the retention clock) and reopens", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    await setRequisitionOpen(testDb.db, requisitionId, false, { actor, now });
    expect(await testDb.db.requisition.findUniqueOrThrow({ where: { id: requisitionId } })).toMatchObject({
      status: "CLOSED",
      closedAt: now,
    });
    await setRequisitionOpen(testDb.db, requisitionId, true, { actor });
    expect(await testDb.db.requisition.findUniqueOrThrow({ where: { id: requisitionId } })).toMatchObject({
      status: "OPEN",
      closedAt: null,
    });
    const actions = (
      await testDb.db.auditEntry.findMany({ where: { targetId: requisitionId }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith("requisition.") && a !== "requisition.blind_review")).toEqual([
      "requisition.close",
      "requisition.reopen",
    ]);
  });
});
