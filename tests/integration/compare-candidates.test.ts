// The comparison's server side against the real PostgreSQL: what it shows is what the candidate
// page shows (getCandidate: scores through shown-scores.ts, gaps, must-haves, blind review), the
// strongest evidence lines as text, and bad input: fewer than 2 or more than 4 ids, malformed ids,
// and ids of another requisition or unknown ones (404, worded the same).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareCandidates, parseCompareIds } from "../../server/candidates/compare-candidates.ts";
import { getCandidate } from "../../server/candidates/get-candidate.ts";
import { isAppError } from "../../server/errors/app-error.ts";
import { intakeResume } from "../../server/intake/intake-resume.ts";
import { scoreBand } from "../../server/ranking/score-band.ts";
import { processParseResume } from "../../workers/processors/parse-resume.processor.ts";
import {
  BACKEND_ENGINEER,
  DATA_SCIENTIST,
  makeResumeText,
  ML_ENGINEER,
  RESEARCHER,
} from "../factories/resume-factory.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
let testDb: TestDatabase;
let open: string;
let blind: string;
const ids: string[] = [];
let blindIds: string[] = [];

async function add(requisitionId: string, name: string, text: string) {
  const outcome = await intakeResume(
    { db: testDb.db, enqueue: async () => {}, maxBytes: limits.maxBytes },
    { requisitionId, file: { name, bytes: new TextEncoder().encode(text) } },
  );
  if (!outcome.accepted) throw new Error(`refused ${name}`);
  await processParseResume({ db: testDb.db, limits }, { version: 1, applicationId: outcome.applicationId });
  return outcome.applicationId;
}

function caught(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected an AppError");
}

async function caughtAsync(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected an AppError");
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  open = (
    await db.requisition.create({
      data: { title: "ML Engineer", weights: { mustHave: ["pytorch", "kubernetes"], minYears: 3 } },
    })
  ).id;
  blind = (await db.requisition.create({ data: { title: "Blind", blindReview: true } })).id;
  for (const profile of [ML_ENGINEER, BACKEND_ENGINEER, DATA_SCIENTIST, RESEARCHER]) {
    ids.push(await add(open, `${profile.key}.txt`, makeResumeText(profile)));
  }
  blindIds = [
    await add(blind, "a.txt", makeResumeText(ML_ENGINEER)),
    await add(blind, "b.txt", makeResumeText(BACKEND_ENGINEER)),
  ];
}, 120_000);

afterAll(() => testDb?.drop());

describe("parseCompareIds", () => {
  it("takes 2 to 4 distinct ids and refuses fewer, more or malformed ones with a clear 400", () => {
    expect(parseCompareIds("a,b, c ,a")).toEqual(["a", "b", "c"]);
    expect(caught(() => parseCompareIds("a"))).toMatchObject({
      status: 400,
      message: "Choose 2 to 4 candidates to compare.",
    });
    expect(caught(() => parseCompareIds(null))).toMatchObject({ status: 400 });
    expect(caught(() => parseCompareIds("a,b,c,d,e"))).toMatchObject({
      status: 400,
      message: "At most 4 candidates can be compared side by side; 5 were chosen.",
    });
    expect(caught(() => parseCompareIds("a,b;DROP TABLE"))).toMatchObject({ status: 400 });
  });
});

describe("compareCandidates", () => {
  it("shows each candidate as the candidate page does, in the order asked, with bands and evidence lines", async () => {
    const asked = [ids[2]!, ids[0]!, ids[1]!];
    const comparison = await compareCandidates(testDb.db, { requisitionId: open, ids: asked });
    expect(comparison.candidates.map((c) => c.id)).toEqual(asked);
    for (const compared of comparison.candidates) {
      const page = (await getCandidate(testDb.db, { requisitionId: open, applicationId: compared.id }))!;
      expect(compared.label).toBe(page.identity.label);
      expect(compared.scores).toMatchObject(page.scores!);
      expect(compared.scores!.productionBand).toBe(scoreBand(page.scores!.production));
      expect(compared.scores!.mlBand).toBe(scoreBand(page.scores!.ml));
      expect(compared.ranking).toEqual(page.ranking);
      expect(compared.yearsExperience).toBe(page.yearsExperience);
      expect(compared.background?.id).toBe(page.background?.id);
    }
    const ml = comparison.candidates.find((c) => c.id === ids[0])!;
    expect(ml.label).toBe(ML_ENGINEER.name);
    expect(ml.ranking!.mustHaves.map((m) => m.id)).toEqual(["pytorch", "kubernetes"]);
    expect(ml.ranking!.minYears).toBe(3);
    // The strongest lines of an area with evidence are text of the résumé, at most two.
    const withEvidence = ml.areas.filter((area) => area.lines.length > 0);
    expect(withEvidence.length).toBeGreaterThan(3);
    const text = makeResumeText(ML_ENGINEER).replace(/\s+/g, " ");
    for (const area of withEvidence) {
      expect(area.lines.length).toBeLessThanOrEqual(2);
      for (const line of area.lines) expect(text).toContain(line.replace(/…$/, ""));
    }
    expect(comparison.areas.map((a) => a.id)).toEqual(ml.areas.map((a) => a.id));
  });

  it("hides identity under blind review: neutral labels, no name in any evidence line", async () => {
    const comparison = await compareCandidates(testDb.db, { requisitionId: blind, ids: blindIds });
    for (const compared of comparison.candidates) {
      expect(compared.identityVisible).toBe(false);
      expect(compared.label).toMatch(/^Candidate [A-Z0-9]{6}$/);
    }
    const all = JSON.stringify(comparison);
    for (const secret of [ML_ENGINEER.name, ML_ENGINEER.email, BACKEND_ENGINEER.name, BACKEND_ENGINEER.email]) {
      expect(all).not.toContain(secret);
    }
  });

  it("refuses ids of another requisition and unknown ids with the same 404, and more than 4 with a 400", async () => {
    const across = await caughtAsync(
      compareCandidates(testDb.db, { requisitionId: open, ids: [ids[0]!, blindIds[0]!] }),
    );
    expect(across).toMatchObject({ code: "not_found", status: 404 });
    const unknown = await caughtAsync(compareCandidates(testDb.db, { requisitionId: open, ids: [ids[0]!, "nope"] }));
    expect(unknown).toEqual(across);
    const many = await caughtAsync(compareCandidates(testDb.db, { requisitionId: open, ids: [...ids, blindIds[0]!] }));
    expect(many).toMatchObject({ code: "invalid_input", status: 400 });
  });
});
