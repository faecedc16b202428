// The audit log names each entry's subject: the facts come from listAuditEntries (two queries a page).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries, AuditQuerySchema } from "../../server/audit/list-audit-entries.ts";
import { recordAudit } from "../../server/audit/record-audit.ts";
import { subjectLabel } from "../../app/lib/describe-audit-change.ts";
import { createApplication } from "../support/access-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
const actor = { id: null, label: "admin@demo.test" };

beforeAll(async () => {
  testDb = await createTestDatabase();
}, 60_000);
afterAll(() => testDb?.drop());

describe("audit subjects", () => {
  it("names applications (blind review applied), accounts, and gone applications as erased", async () => {
    const db = testDb.db;
    const open = await db.requisition.create({ data: { title: "Open review" } });
    const blind = await db.requisition.create({ data: { title: "Blind review", blindReview: true } });
    const file = { name: "dent.pdf", bytes: new TextEncoder().encode("%PDF-1.4"), type: "PDF" as const };
    const seen = await createApplication(db, open.id, file, { name: "Harvey Dent" });
    const hidden = await createApplication(db, blind.id, { ...file, name: "park.pdf" }, { name: "Byungjin Park" });
    const user = await db.user.create({
      data: { email: "riley@demo.test", name: "Riley Recruiter", role: "RECRUITER" },
    });
    for (const [targetType, targetId] of [
      ["application", seen.id],
      ["application", hidden.id],
      ["application", "erased-application-id"],
      ["user", user.id],
    ] as const) {
      await recordAudit(db, actor, {
        action: "application.stage",
        summary: "Stage changed from NEW to SCREENING",
        targetType,
        targetId,
      });
    }
    const page = await listAuditEntries(db, AuditQuerySchema.parse({}));
    const label = (id: string, type = "application") => subjectLabel(type, id, page.subjects[id]);
    expect(label(seen.id)).toBe("Harvey Dent");
    expect(label(hidden.id)).toMatch(/^Candidate [A-Z0-9]{6}$/);
    expect(label("erased-application-id")).toBe("erased candidate");
    expect(label(user.id, "user")).toBe("Riley Recruiter (riley@demo.test)");
  });
});
