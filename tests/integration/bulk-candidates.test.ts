// The candidates table's bulk route, as a plain function against the real PostgreSQL and Redis:
// stage changes for selected ids and for "all matching" the table's view, retries of failed
// résumés, role and membership refusals, other requisitions' ids ignored, and the 5,000 cap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bulkActionInputFrom,
  MAX_BULK_CANDIDATES,
  runBulkAction,
  type BulkActionDeps,
  type BulkActor,
} from "../../server/candidates/run-bulk-action.ts";
import { AppError } from "../../server/errors/app-error.ts";
import type { ProcessingStatus, Role, Stage } from "../../server/generated/prisma/enums.ts";
import { createParseQueue, type ParseQueue } from "../../server/queue/parse-queue.ts";
import { parseResumeJobId } from "../../server/queue/parse-resume.job.ts";
import { createProducerConnection } from "../../server/queue/redis.ts";
import { retryApplication } from "../../server/queue/retry-application.ts";
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from "../support/test-database.ts";

let testDb: TestDatabase;
let queue: ParseQueue;
let deps: BulkActionDeps;
const users: Record<"recruiter" | "manager" | "outsider" | "admin", BulkActor> = {} as never;
let requisitionId: string;
let otherRequisitionId: string;

async function addApplication(
  target: string,
  fields: { name: string; stage?: Stage; status?: ProcessingStatus; years?: number | null } = { name: "x" },
): Promise<string> {
  const app = await testDb.db.application.create({
    data: {
      requisition: { connect: { id: target } },
      candidate: { create: { name: fields.name } },
      resumeFile: {
        create: {
          originalName: `${fields.name}.pdf`,
          detectedType: "PDF",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          bytes: Buffer.from("x"),
        },
      },
      displayName: fields.name,
      stage: fields.stage ?? "NEW",
      status: fields.status ?? "DONE",
      failureCode: fields.status === "FAILED" ? "timeout" : null,
      failureMessage: fields.status === "FAILED" ? "Reading the file took too long." : null,
      yearsExperience: fields.years ?? null,
    },
    select: { id: true },
  });
  return app.id;
}

const stageOf = async (id: string) =>
  (await testDb.db.application.findUniqueOrThrow({ where: { id }, select: { stage: true } })).stage;

/** A refusal: an AppError (the bulk action's limits and input, or the authorisation path's). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const connection = createProducerConnection(TEST_REDIS_URL);
  queue = createParseQueue(connection, uniqueName("mle_it_bulk"));
  deps = { db: testDb.db, retry: (id) => retryApplication(testDb.db, queue, id) };

  const roles: Record<keyof typeof users, Role> = {
    recruiter: "RECRUITER",
    manager: "HIRING_MANAGER",
    outsider: "RECRUITER",
    admin: "ADMIN",
  };
  for (const [key, role] of Object.entries(roles) as Array<[keyof typeof users, Role]>) {
    const user = await testDb.db.user.create({
      data: { email: `${key}@bulk.test`, name: key, role },
      select: { id: true, email: true, role: true },
    });
    users[key] = user;
  }
  const requisition = await testDb.db.requisition.create({ data: { title: "Bulk" }, select: { id: true } });
  requisitionId = requisition.id;
  const other = await testDb.db.requisition.create({ data: { title: "Other" }, select: { id: true } });
  otherRequisitionId = other.id;
  await testDb.db.requisitionMember.createMany({
    data: [
      { requisitionId, userId: users.recruiter.id },
      { requisitionId, userId: users.manager.id },
      { requisitionId: otherRequisitionId, userId: users.outsider.id },
    ],
  });
});

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await testDb?.drop();
});

describe("bulk stage changes", () => {
  it("moves the selected candidates, ignores ids of another requisition, and records history and audit", async () => {
    const a = await addApplication(requisitionId, { name: "Ada" });
    const b = await addApplication(requisitionId, { name: "Bo" });
    const already = await addApplication(requisitionId, { name: "Cy", stage: "SHORTLISTED" });
    const foreign = await addApplication(otherRequisitionId, { name: "Foreign" });

    const result = await runBulkAction(deps, users.recruiter, requisitionId, {
      intent: "stage",
      toStage: "SHORTLISTED",
      scope: "selected",
      ids: [a, b, already, foreign, "no-such-id"],
      view: "",
    });
    expect(result).toMatchObject({ intent: "stage", requested: 5, changed: 2, unchanged: 1, ignored: 2 });
    expect(result.message).toBe(
      "2 candidates moved to Shortlisted · 1 already there · 2 ids not in this requisition ignored",
    );
    expect(await stageOf(a)).toBe("SHORTLISTED");
    expect(await stageOf(b)).toBe("SHORTLISTED");
    expect(await stageOf(foreign)).toBe("NEW");

    const history = await testDb.db.stageChange.findMany({
      where: { applicationId: { in: [a, b, already, foreign] } },
    });
    expect(history.map((h) => h.applicationId).sort()).toEqual([a, b].sort());
    expect(
      history.every((h) => h.fromStage === "NEW" && h.toStage === "SHORTLISTED" && h.byId === users.recruiter.id),
    ).toBe(true);
    const audit = await testDb.db.auditEntry.findMany({
      where: { action: "application.stage", targetId: { in: [a, b, foreign] } },
    });
    expect(audit).toHaveLength(2);
    expect(
      audit.every((entry) => entry.actorLabel === "recruiter@bulk.test" && entry.requisitionId === requisitionId),
    ).toBe(true);
  });

  it("lets a hiring manager who is a member shortlist or reject candidates in Screening, and nothing else", async () => {
    const id = await addApplication(requisitionId, { name: "Dee", stage: "SCREENING" });
    const result = await runBulkAction(deps, users.manager, requisitionId, {
      intent: "stage",
      toStage: "SHORTLISTED",
      scope: "selected",
      ids: [id],
      view: "",
    });
    expect(result).toMatchObject({ changed: 1, message: "1 candidate moved to Shortlisted" });
    expect(await stageOf(id)).toBe("SHORTLISTED");
    // Issue 13, defect 12: moving candidates into Screening (or New) is the recruiters'.
    const fresh = await addApplication(requisitionId, { name: "Dan" });
    const refused = await refusal(
      runBulkAction(deps, users.manager, requisitionId, {
        intent: "stage",
        toStage: "SCREENING",
        scope: "selected",
        ids: [fresh],
        view: "",
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await stageOf(fresh)).toBe("NEW");
  });

  it("refuses a user who is not a member, and an unknown requisition, changing nothing", async () => {
    const id = await addApplication(requisitionId, { name: "Eve" });
    const outsider = await refusal(
      runBulkAction(deps, users.outsider, requisitionId, {
        intent: "stage",
        toStage: "REJECTED",
        scope: "selected",
        ids: [id],
        view: "",
      }),
    );
    expect(outsider.status).toBe(403);
    expect(outsider.message).toContain("not a member");
    expect(await stageOf(id)).toBe("NEW");

    const missing = await refusal(
      runBulkAction(deps, users.admin, "no-such-requisition", {
        intent: "stage",
        toStage: "REJECTED",
        scope: "selected",
        ids: [id],
        view: "",
      }),
    );
    expect(missing.status).toBe(404);
  });

  it("resolves 'all matching' on the server from the table's view, within this requisition only", async () => {
    const fresh = await testDb.db.requisition.create({ data: { title: "Matching" }, select: { id: true } });
    const high = await addApplication(fresh.id, { name: "High", years: 8 });
    const higher = await addApplication(fresh.id, { name: "Higher", years: 9 });
    const low = await addApplication(fresh.id, { name: "Low", years: 3 });
    const screened = await addApplication(fresh.id, { name: "Screened", stage: "SCREENING", years: 9.5 });
    await addApplication(otherRequisitionId, { name: "Elsewhere", years: 9.9 });

    const result = await runBulkAction(deps, users.admin, fresh.id, {
      intent: "stage",
      toStage: "SHORTLISTED",
      scope: "matching",
      // Ids sent with "matching" are not trusted: the view decides.
      ids: [low],
      view: "?stage=NEW&yearsMin=5&sort=years&dir=desc",
    });
    expect(result).toMatchObject({ requested: 2, changed: 2, ignored: 0 });
    expect(await stageOf(high)).toBe("SHORTLISTED");
    expect(await stageOf(higher)).toBe("SHORTLISTED");
    expect(await stageOf(low)).toBe("NEW");
    expect(await stageOf(screened)).toBe("SCREENING");
  });

  it("refuses an invalid view with the query's own message", async () => {
    const error = await refusal(
      runBulkAction(deps, users.admin, requisitionId, {
        intent: "stage",
        toStage: "NEW",
        scope: "matching",
        ids: [],
        view: "?overallMin=300",
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain("overallMin");
  });
});

describe("bulk retries", () => {
  it("re-queues failed résumés of this requisition and leaves the rest alone", async () => {
    const failed = await addApplication(requisitionId, { name: "Broken", status: "FAILED" });
    const done = await addApplication(requisitionId, { name: "Fine", status: "DONE" });
    const foreignFailed = await addApplication(otherRequisitionId, { name: "ForeignBroken", status: "FAILED" });

    const result = await runBulkAction(deps, users.recruiter, requisitionId, {
      intent: "retry",
      scope: "selected",
      ids: [failed, done, foreignFailed],
      view: "",
    });
    expect(result).toMatchObject({ intent: "retry", retried: 1, notFailed: 1, ignored: 1, queuedLater: 0 });
    const row = await testDb.db.application.findUniqueOrThrow({
      where: { id: failed },
      select: { status: true, failureCode: true },
    });
    expect(row).toEqual({ status: "QUEUED", failureCode: null });
    expect(await queue.getJob(parseResumeJobId(failed))).toBeTruthy();
    const foreign = await testDb.db.application.findUniqueOrThrow({
      where: { id: foreignFailed },
      select: { status: true },
    });
    expect(foreign.status).toBe("FAILED");
    expect(await testDb.db.auditEntry.count({ where: { action: "application.retry", targetId: failed } })).toBe(1);
  });

  it("leaves a permanent failure alone and says it needs a new version", async () => {
    const encrypted = await addApplication(requisitionId, { name: "Locked", status: "FAILED" });
    await testDb.db.application.update({ where: { id: encrypted }, data: { failureCode: "encrypted" } });
    const timedOut = await addApplication(requisitionId, { name: "Slow", status: "FAILED" });
    await testDb.db.application.update({ where: { id: timedOut }, data: { failureCode: "timeout" } });

    const result = await runBulkAction(deps, users.recruiter, requisitionId, {
      intent: "retry",
      scope: "selected",
      ids: [encrypted, timedOut],
      view: "",
    });
    expect(result).toMatchObject({ intent: "retry", retried: 1, needNewVersion: 1, notFailed: 0 });
    expect(result.message).toContain("1 file needs a new version");
    const rows = await testDb.db.application.findMany({
      where: { id: { in: [encrypted, timedOut] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [encrypted]: "FAILED",
      [timedOut]: "QUEUED",
    });
    expect(await queue.getJob(parseResumeJobId(encrypted))).toBeFalsy();
  });

  it("'retry all failed' takes only the failed candidates of the view", async () => {
    const fresh = await testDb.db.requisition.create({ data: { title: "Retry view" }, select: { id: true } });
    const one = await addApplication(fresh.id, { name: "One", status: "FAILED" });
    const two = await addApplication(fresh.id, { name: "Two", status: "FAILED", stage: "REJECTED" });
    await addApplication(fresh.id, { name: "Three", status: "DONE" });
    const result = await runBulkAction(deps, users.admin, fresh.id, {
      intent: "retry",
      scope: "matching",
      ids: [],
      view: "?stage=NEW",
    });
    expect(result).toMatchObject({ requested: 1, retried: 1 });
    expect((await testDb.db.application.findUniqueOrThrow({ where: { id: one } })).status).toBe("QUEUED");
    expect((await testDb.db.application.findUniqueOrThrow({ where: { id: two } })).status).toBe("FAILED");
    // A view that filters failed résumés out retries nothing.
    const none = await runBulkAction(deps, users.admin, fresh.id, {
      intent: "retry",
      scope: "matching",
      ids: [],
      view: "?status=DONE",
    });
    expect(none).toMatchObject({ requested: 0, retried: 0, message: "No failed résumés to retry" });
  });

  it("refuses a hiring manager: retrying is part of uploading, which the role cannot do", async () => {
    const failed = await addApplication(requisitionId, { name: "StillBroken", status: "FAILED" });
    const error = await refusal(
      runBulkAction(deps, users.manager, requisitionId, {
        intent: "retry",
        scope: "selected",
        ids: [failed],
        view: "",
      }),
    );
    expect(error.status).toBe(403);
    expect(error.message).toBe("Your role cannot upload or retry résumés on this requisition.");
    expect((await testDb.db.application.findUniqueOrThrow({ where: { id: failed } })).status).toBe("FAILED");
  });
});

describe("the 5,000 cap", () => {
  let capped: string;

  beforeAll(async () => {
    // 5,001 applications in one statement each for files, candidates and applications.
    const req = await testDb.db.requisition.create({ data: { title: "Big" }, select: { id: true } });
    capped = req.id;
    await testDb.db.$executeRaw`
      WITH n AS (SELECT g FROM generate_series(1, ${MAX_BULK_CANDIDATES + 1}) AS g),
      files AS (
        INSERT INTO "ResumeFile" (id, "originalName", "detectedType", "sizeBytes", sha256, bytes)
        SELECT 'f' || ${capped} || '_' || g, 'cv-' || g || '.txt', 'TXT', 1, repeat('0', 64), '\\x78'::bytea FROM n
        RETURNING id
      ),
      people AS (
        INSERT INTO "Candidate" (id, name) SELECT 'c' || ${capped} || '_' || g, 'Person ' || g FROM n RETURNING id
      )
      INSERT INTO "Application" (id, "requisitionId", "candidateId", "resumeFileId", status, stage, "displayName", "updatedAt")
      SELECT 'a' || ${capped} || '_' || g, ${capped}, 'c' || ${capped} || '_' || g, 'f' || ${capped} || '_' || g,
             'DONE', 'NEW', 'Person ' || g, now()
      FROM n`;
  });

  it("refuses more than 5,000 selected ids before changing anything", async () => {
    const ids = Array.from({ length: MAX_BULK_CANDIDATES + 1 }, (_, i) => `a${capped}_${i + 1}`);
    const error = await refusal(
      runBulkAction(deps, users.admin, capped, {
        intent: "stage",
        toStage: "REJECTED",
        scope: "selected",
        ids,
        view: "",
      }),
    );
    expect(error.status).toBe(413);
    expect(error.message).toBe(
      "5,001 candidates: one bulk action takes at most 5,000. Narrow the filters and try again.",
    );
    expect(await testDb.db.application.count({ where: { requisitionId: capped, stage: "REJECTED" } })).toBe(0);
  });

  it("refuses 'all matching' when the view matches more than 5,000, and takes exactly 5,000", async () => {
    const error = await refusal(
      runBulkAction(deps, users.admin, capped, {
        intent: "stage",
        toStage: "SCREENING",
        scope: "matching",
        ids: [],
        view: "",
      }),
    );
    expect(error.status).toBe(413);
    expect(await testDb.db.application.count({ where: { requisitionId: capped, stage: "SCREENING" } })).toBe(0);

    await runBulkAction(deps, users.admin, capped, {
      intent: "stage",
      toStage: "REJECTED",
      scope: "selected",
      ids: [`a${capped}_1`],
      view: "",
    });
    const result = await runBulkAction(deps, users.admin, capped, {
      intent: "stage",
      toStage: "SCREENING",
      scope: "matching",
      ids: [],
      view: "?stage=NEW",
    });
    expect(result).toMatchObject({ requested: MAX_BULK_CANDIDATES, changed: MAX_BULK_CANDIDATES });
    expect(await testDb.db.application.count({ where: { requisitionId: capped, stage: "SCREENING" } })).toBe(
      MAX_BULK_CANDIDATES,
    );
  });
});

describe("the route's form fields", () => {
  const form = (fields: Array<[string, string]>) => {
    const data = new FormData();
    for (const [key, value] of fields) data.append(key, value);
    return data;
  };

  it("reads repeated ids, the intent, the stage and the view", () => {
    expect(
      bulkActionInputFrom(
        form([
          ["intent", "stage"],
          ["toStage", "REJECTED"],
          ["id", "a"],
          ["id", "b"],
          ["view", "?stage=NEW"],
        ]),
      ),
    ).toEqual({ intent: "stage", toStage: "REJECTED", scope: "selected", ids: ["a", "b"], view: "?stage=NEW" });
  });

  it("refuses an unknown intent or stage with a clear 400", () => {
    const intent = (() => {
      try {
        bulkActionInputFrom(form([["intent", "delete"]]));
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(intent?.status).toBe(400);
    expect(intent?.message).toContain("intent must be stage or retry");
    expect(() =>
      bulkActionInputFrom(
        form([
          ["intent", "stage"],
          ["toStage", "HIRED"],
        ]),
      ),
    ).toThrow(/Unknown stage/);
  });
});
