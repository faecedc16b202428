// Exports against the real PostgreSQL, through the export routes' loaders: rows in the table's
// order with the current ranking, the shortlist scope, blind review (no name, e-mail or file name
// of a hidden candidate), formula escaping, the JSON header block, the audit entry, and the
// refusal of a hiring manager. Résumés are scored by the worker's own processor.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import { changeStage } from "../../server/candidates/change-stage.ts";
import { loadRankingContext, selectCandidateRows, walkCandidateRows } from "../../server/candidates/list-candidates.ts";
import { DEGREE_LABELS } from "../../server/contract/vocabulary.ts";
import type { Db } from "../../server/db/client.ts";
import { CSV_HEADERS } from "../../server/exports/csv.ts";
import { exportFileName, requisitionSlug } from "../../server/exports/export-candidates.ts";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { compileWeights } from "../../server/ranking/score-formula.ts";
import { rankStored } from "../../server/ranking/gaps-and-flags.ts";
import { RequisitionWeightsSchema } from "../../server/ranking/weights-schema.ts";
import { AREAS } from "../../server/taxonomy/areas.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { createTestDatabase, uniqueName, type TestDatabase } from "../support/test-database.ts";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const CRAFTED = '=HYPERLINK("http://evil.example","open me")';
let testDb: TestDatabase;
let requisitionId: string;
let recruiter: { id: string; email: string };
let manager: { id: string; email: string };
const cookies: Record<string, string> = {};
let csvLoader: Loader;
let jsonLoader: Loader;
/** Application ids by key: a profile's key, or "crafted" / "failed". */
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  recruiter = await db.user.create({ data: { email: "rita.recruiter@example.test", name: "Rita", role: "RECRUITER" } });
  manager = await db.user.create({
    data: { email: "hugo.manager@example.test", name: "Hugo", role: "HIRING_MANAGER" },
  });
  const requisition = await db.requisition.create({
    data: {
      title: "ML Engineer, Platform (São Paulo)",
      blindReview: true,
      weights: { mustHave: ["kubernetes"], minYears: 3 },
      members: { create: [{ userId: recruiter.id }, { userId: manager.id }] },
    },
  });
  requisitionId = requisition.id;

  // Five real résumés, read and scored by the worker's processor.
  for (const profile of PROFILES) {
    const outcome = await intakeResume(
      { db, enqueue: async () => {}, maxBytes: limits.maxBytes },
      {
        requisitionId,
        file: { name: `${profile.name}.txt`, bytes: new TextEncoder().encode(makeResumeText(profile)) },
      },
    );
    if (!outcome.accepted) throw new Error(`refused ${profile.key}`);
    await processParseResume({ db, limits }, { version: 1, applicationId: outcome.applicationId });
    ids[profile.key] = outcome.applicationId;
  }
  // A candidate whose name is a spreadsheet formula, and one résumé that could not be read.
  const compiled = compileWeights(RequisitionWeightsSchema.parse({ mustHave: ["kubernetes"], minYears: 3 }));
  const areaScores = AREAS.map((area) => (area.dimension === "production" ? 70 : 30));
  const ranked = rankStored({ areaScores, skillIds: ["python"], yearsExperience: 4 }, compiled);
  const crafted = await db.application.create({
    data: {
      requisition: { connect: { id: requisitionId } },
      candidate: { create: { name: CRAFTED, email: "crafted@example.com" } },
      resumeFile: {
        create: {
          originalName: "crafted.pdf",
          detectedType: "PDF",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          bytes: Buffer.from("x"),
        },
      },
      displayName: CRAFTED,
      status: "DONE",
      areaScores,
      skillIds: ["python"],
      yearsExperience: 4,
      background: "software_engineer",
      productionScore: ranked.production,
      mlScore: ranked.ml,
      overallScore: ranked.overall,
      weightsVersion: 1,
    },
  });
  ids.crafted = crafted.id;
  const failed = await db.application.create({
    data: {
      requisition: { connect: { id: requisitionId } },
      candidate: { create: {} },
      resumeFile: {
        create: {
          originalName: "locked-cv.pdf",
          detectedType: "PDF",
          sizeBytes: 1,
          sha256: "1".repeat(64),
          bytes: Buffer.from("x"),
        },
      },
      status: "FAILED",
      failureCode: "encrypted",
      failureMessage: "The PDF is password-protected, so its text cannot be read.",
    },
  });
  ids.failed = failed.id;

  // The recruiter shortlists two candidates and rejects one.
  const actor = { id: recruiter.id, label: recruiter.email };
  await changeStage(db, actor, {
    requisitionId,
    applicationIds: [ids.ml_engineer!, ids.crafted!],
    toStage: "SHORTLISTED",
  });
  await changeStage(db, actor, { requisitionId, applicationIds: [ids.data_scientist!], toStage: "REJECTED" });

  // The web modules read their configuration on first use: point them at this database.
  process.env.DATABASE_URL = testDb.url;
  process.env.QUEUE_PREFIX = uniqueName("mle_it");
  process.env.LOG_LEVEL = "silent";
  const { createSession, SESSION_COOKIE } = await import("../../server/auth/sessions.ts");
  for (const user of [recruiter, manager]) {
    const { token } = await createSession(db, user.id);
    cookies[user.id] = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
  }
  csvLoader = ((await import("../../app/routes/requisitions.$id.export[.]csv.tsx")) as { loader: Loader }).loader;
  jsonLoader = ((await import("../../app/routes/requisitions.$id.export[.]json.tsx")) as { loader: Loader }).loader;
}, 120_000);

afterAll(async () => {
  const { getPrisma } = await import("../../server/db/client.ts");
  await getPrisma().$disconnect();
  await testDb?.drop();
});

function get(loader: Loader, userId: string, search = "") {
  const format = loader === csvLoader ? "csv" : "json";
  const request = new Request(`http://localhost/requisitions/${requisitionId}/export.${format}${search}`, {
    headers: { Cookie: cookies[userId]! },
  });
  return loader({ request, params: { id: requisitionId }, context: {} });
}

async function csvRecords(response: Response): Promise<Array<Record<string, string>>> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
  expect(header).toEqual([...CSV_HEADERS]);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

const exportEntries = (db: Db) =>
  db.auditEntry.findMany({ where: { action: "export" }, orderBy: { createdAt: "asc" } });

describe("CSV export", () => {
  it("exports the shortlist as an attachment named after the requisition, with the decision and the formula escaped", async () => {
    const response = await get(csvLoader, recruiter.id, "?scope=shortlist&sort=overall&dir=desc");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const day = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="ml-engineer-platform-sao-paulo-shortlist-${day}.csv"`,
    );

    const rows = await csvRecords(response);
    expect(rows.map((row) => row["Application ID"]).sort()).toEqual([ids.ml_engineer, ids.crafted].sort());
    // Sorted by overall, best first, as the table would show it.
    const overall = rows.map((row) => Number(row["Overall score"]));
    expect(overall).toEqual([...overall].sort((a, b) => b - a));
    const crafted = rows.find((row) => row["Application ID"] === ids.crafted)!;
    expect(crafted.Candidate).toBe(`'${CRAFTED}`);
    expect(crafted.Name).toBe(`'${CRAFTED}`);
    expect(crafted.Email).toBe("crafted@example.com");
    expect(crafted.Stage).toBe("Shortlisted");
    expect(crafted["Stage code"]).toBe("SHORTLISTED");
    expect(crafted["Stage decided by"]).toBe(recruiter.email);
    expect(new Date(crafted["Stage decided at"]!).getTime()).toBeGreaterThan(Date.now() - 600_000);
    expect(crafted["Weights version"]).toBe("1");
    expect(crafted["Must-haves missing"]).toBe("Kubernetes");
    expect(crafted["Meets minimum years"]).toBe("yes");
    expect(crafted.Background).toBe("Software / backend engineer");
    expect(crafted["Background code"]).toBe("software_engineer");
    expect(crafted["Background's typical gap"]).toMatch(/ML concepts/);
    expect(crafted[AREAS[0]!.name]).toBe("70");
    expect(crafted[AREAS.at(-1)!.name]).toBe("30");
    // Gaps in the guide's wording: the ML areas at 30 are below the gap threshold.
    expect(crafted.Gaps!.split("; ").every((gap) => gap.startsWith("ML depth: "))).toBe(true);

    const priya = rows.find((row) => row["Application ID"] === ids.ml_engineer)!;
    expect(priya.Name).toBe(PROFILES[0]!.name);
    expect(priya.Email).toBe(PROFILES[0]!.email);
    expect(Number(priya["Production engineering score"])).toBeGreaterThan(0);
    expect(Number(priya["ML depth score"])).toBeGreaterThan(0);
    expect(priya["Processing status"]).toBe("Done");
    expect(priya["Processing status code"]).toBe("DONE");
    // The degree as people write it; the code beside it for machines.
    expect(Object.keys(DEGREE_LABELS)).toContain(priya["Highest degree code"]);
    expect(priya["Highest degree"]).toBe(DEGREE_LABELS[priya["Highest degree code"] as keyof typeof DEGREE_LABELS]);
  });

  it("hides identity of candidates blind review hides: no name, e-mail or file name of a non-shortlisted candidate", async () => {
    const response = await get(csvLoader, recruiter.id, "?sort=uploaded&dir=asc");
    const text = Buffer.from(await response.clone().arrayBuffer()).toString("utf8");
    const rows = await csvRecords(response);
    expect(rows).toHaveLength(7);
    for (const profile of PROFILES.slice(1)) {
      expect(text).not.toContain(profile.name);
      expect(text).not.toContain(profile.email);
      expect(text).not.toContain(`${profile.name}.txt`);
    }
    expect(text).not.toContain("locked-cv.pdf");
    const hidden = rows.filter((row) => ![ids.ml_engineer, ids.crafted].includes(row["Application ID"]));
    expect(hidden).toHaveLength(5);
    for (const row of hidden) {
      expect(row.Candidate).toMatch(/^Candidate [A-Z0-9]{6}$/);
      expect(row["Identity hidden (blind review)"]).toBe("yes");
      expect(row.Name).toBe("");
      expect(row.Email).toBe("");
    }
    const failed = rows.find((row) => row["Application ID"] === ids.failed)!;
    expect(failed["Processing status"]).toBe("Failed");
    expect(failed["Processing status code"]).toBe("FAILED");
    expect(failed["Failure code"]).toBe("encrypted");
    expect(failed["Failure reason"]).toMatch(/password-protected/);
    expect(failed["Overall score"]).toBe("");
    const rejected = rows.find((row) => row["Application ID"] === ids.data_scientist)!;
    expect(rejected.Stage).toBe("Rejected");
    expect(rejected["Stage decided by"]).toBe(recruiter.email);
    const untouched = rows.find((row) => row["Application ID"] === ids.backend_engineer)!;
    expect(untouched.Stage).toBe("New");
    expect(untouched["Stage decided by"]).toBe("");
  });

  it("applies the table's filters and refuses an invalid one in plain text", async () => {
    const rows = await csvRecords(await get(csvLoader, recruiter.id, "?status=DONE&stage=NEW,REJECTED&page=3"));
    expect(rows.length).toBe(4);
    expect(rows.every((row) => row["Processing status code"] === "DONE" && row["Stage code"] !== "SHORTLISTED")).toBe(
      true,
    );
    const bad = await get(csvLoader, recruiter.id, "?stage=HIRED");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/stage must be any of/);
    const badScope = await get(csvLoader, recruiter.id, "?scope=everyone");
    expect(badScope.status).toBe(400);
  });
});

describe("JSON export", () => {
  it("adds a header block: requisition, weights and version, filters, who exported and when, row count", async () => {
    const response = await get(jsonLoader, recruiter.id, "?scope=shortlist");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /filename="ml-engineer-platform-sao-paulo-shortlist-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const body = (await response.json()) as {
      export: Record<string, unknown>;
      candidates: Array<Record<string, unknown>>;
    };
    expect(body.export).toMatchObject({
      requisition: { id: requisitionId, title: "ML Engineer, Platform (São Paulo)", blindReview: true },
      scope: "shortlist",
      format: "json",
      weightsVersion: 1,
      weights: { mustHave: ["kubernetes"], minYears: 3, productionWeight: 0.5 },
      filters: { stage: ["SHORTLISTED"] },
      exportedBy: recruiter.email,
      rowCount: 2,
    });
    expect(Date.now() - new Date(body.export.exportedAt as string).getTime()).toBeLessThan(60_000);
    expect(body.candidates).toHaveLength(2);
    const crafted = body.candidates.find((c) => c.applicationId === ids.crafted)!;
    expect(crafted).toMatchObject({
      name: CRAFTED,
      stage: "SHORTLISTED",
      stageLabel: "Shortlisted",
      processingStatus: "DONE",
      processingStatusLabel: "Done",
      stageDecidedBy: recruiter.email,
      weightsVersion: 1,
    });
    expect(crafted.areaScores).toEqual(
      Object.fromEntries(AREAS.map((area) => [area.id, area.dimension === "production" ? 70 : 30])),
    );
    expect((body.export.areas as Array<{ id: string; name: string }>).map((area) => area.name)).toEqual(
      AREAS.map((area) => area.name),
    );
    expect((crafted.gaps as Array<{ guideLabel: string }>)[0]!.guideLabel).toMatch(/^ML depth: /);
  });

  it("writes a valid, empty list when nothing matches", async () => {
    const body = (await (await get(jsonLoader, recruiter.id, "?q=nobody-has-this-skill-zzz")).json()) as {
      export: { rowCount: number };
      candidates: unknown[];
    };
    expect(body.export.rowCount).toBe(0);
    expect(body.candidates).toEqual([]);
  });
});

describe("accountability and permissions", () => {
  it("records every export in the audit log: who, what scope and filters, format and row count", async () => {
    const entries = await exportEntries(testDb.db);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    const shortlist = entries.find(
      (entry) =>
        (entry.after as { format?: string; scope?: string }).scope === "shortlist" &&
        (entry.after as { format?: string }).format === "csv",
    )!;
    expect(shortlist).toMatchObject({
      actorId: recruiter.id,
      actorLabel: recruiter.email,
      requisitionId,
      targetType: "requisition",
      targetId: requisitionId,
      summary: "Exported the shortlist as CSV: 2 candidates",
    });
    expect(shortlist.after).toMatchObject({
      rowCount: 2,
      weightsVersion: 1,
      blindReview: true,
      filters: { stage: ["SHORTLISTED"] },
    });
  });

  it("refuses a hiring manager with 403 and records nothing", async () => {
    const before = (await exportEntries(testDb.db)).length;
    for (const loader of [csvLoader, jsonLoader]) {
      const response = await get(loader, manager.id, "?scope=shortlist");
      expect(response.status).toBe(403);
      expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toMatch(/cannot export candidates/);
    }
    expect((await exportEntries(testDb.db)).length).toBe(before);
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const request = new Request(`http://localhost/requisitions/${requisitionId}/export.csv`);
    await expect(csvLoader({ request, params: { id: requisitionId }, context: {} })).rejects.toMatchObject({
      status: 302,
    });
  });
});

describe("walking the view", () => {
  it("reads every row once, in the table's order, whatever the chunk size", async () => {
    const { db } = testDb;
    const query = parseCandidatesQuery(new URLSearchParams("sort=overall,years:asc&dir=desc"));
    const context = await loadRankingContext(db, requisitionId);
    const table = await selectCandidateRows(db, context, query, { offset: 0, limit: 100 });
    for (const chunkSize of [1, 3, 100]) {
      const walked = await db.$transaction(async (tx) => {
        const rows: string[] = [];
        for await (const chunk of walkCandidateRows(tx as unknown as Db, context, query, chunkSize))
          rows.push(...chunk.map((row) => row.id));
        return rows;
      });
      expect(walked).toEqual(table.map((row) => row.id));
    }
  });

  it("names the file after the requisition", () => {
    expect(requisitionSlug("ML Engineer, Platform (São Paulo)")).toBe("ml-engineer-platform-sao-paulo");
    expect(requisitionSlug("¿?")).toBe("requisition");
    expect(exportFileName("Applied ML", "view", "json", new Date("2026-11-22T23:30:00Z"))).toBe(
      "applied-ml-candidates-2026-11-22.json",
    );
  });
});
