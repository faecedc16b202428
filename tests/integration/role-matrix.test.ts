// Every route and resource route × every role (member or not) and anonymous, through the real
// web process: allowed or refused. The table is keyed by the files in app/routes, so a new route
// without a row here fails the first test: add it with the permission its loader/action checks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/processes.ts";
import {
  ACTORS,
  CALLERS,
  createAccessFixtures,
  createApplication,
  TEST_PASSWORD,
  type AccessFixtures,
  type Actor,
  type Caller,
} from "../support/access-fixtures.ts";
import { signInCookie, startWebApp, type WebApp } from "../support/web-app.ts";
import type { Db } from "../../server/db/client.ts";

/** Who may: a requisition permission (members only, by role), a global one, or everyone signed in. */
type Rule =
  | "public"
  | "signedIn"
  | "view"
  | "upload"
  | "stage"
  | "triage"
  | "notes"
  | "export"
  | "download"
  | "weights"
  | "edit"
  | "erase"
  | "requisition.create"
  | "admin"
  /** The fairness screens (issue 16): compliance users and admins only. */
  | "fairness";

const MEMBER_ROLES: Record<string, readonly Actor[]> = {
  view: ["admin", "recruiter", "manager"],
  upload: ["admin", "recruiter"],
  /** Shortlist or reject (hiring managers: only candidates in Screening or Shortlisted, see below). */
  stage: ["admin", "recruiter", "manager"],
  /** Any other stage move (to New or Screening): recruiters run the funnel. */
  triage: ["admin", "recruiter"],
  notes: ["admin", "recruiter"],
  export: ["admin", "recruiter"],
  download: ["admin", "recruiter", "manager"],
  weights: ["admin", "manager"],
  edit: ["admin", "recruiter"],
  erase: ["admin"],
  "requisition.create": ["admin", "recruiter", "recruiterOutsider"],
  admin: ["admin"],
  fairness: ["admin", "compliance"],
  signedIn: ACTORS,
};

function allowed(rule: Rule, caller: Caller): boolean {
  if (rule === "public") return true;
  if (caller === "anonymous") return false;
  return MEMBER_ROLES[rule]!.includes(caller);
}

interface Case {
  method: "GET" | "POST";
  rule: Rule;
  /** A form body that is harmless when allowed (empty or invalid: the action answers 400). */
  body?: Record<string, string> | "multipart" | ((f: AccessFixtures) => Record<string, string>);
  /** The call ends the session (sign-out): use a session of its own. */
  ownSession?: boolean;
  /**
   * Call it as the app's fetchers do (single fetch: `<path>.data`). A resource route that returns
   * `data(…, { status })` instead of a Response answers a plain POST with 200 and the status in
   * the body; through `.data` the status is the real one.
   */
  singleFetch?: boolean;
  /** Streams forever (server-sent events): only the status is read. */
  stream?: boolean;
  /** Another URL of the same route file (e.g. a candidate only this case is about). */
  path?: (f: AccessFixtures) => string;
  /** Tells two cases of one route and method apart in the test names (e.g. an intent). */
  label?: string;
  /** What the call left in the database, checked right after it: written when allowed, nothing when refused. */
  after?: (call: { caller: Caller; allowed: boolean; status: number }) => Promise<void>;
  note?: string;
}

interface RouteRow {
  path: (f: AccessFixtures) => string;
  cases: Case[];
}

const req = (f: AccessFixtures) => `/requisitions/${f.requisitionId}`;
const app = (f: AccessFixtures) => `${req(f)}/candidates/${f.applicationId}`;

/**
 * "Reveal contact for this file" (issue 13, defect 6) is about a file that could not be read under
 * blind review: a requisition of its own with blind review on, the same team as the fixtures'
 * (recruiter and hiring manager; the outsiders are not on it), and one failed application.
 */
let revealTarget: { requisitionId: string; applicationId: string };
const REVEAL_REASON = "The PDF is password-protected; asking the candidate for another copy.";
const revealPath = () => `/requisitions/${revealTarget.requisitionId}/candidates/${revealTarget.applicationId}`;

async function createRevealTarget(db: Db, f: AccessFixtures) {
  const requisition = await db.requisition.create({
    data: {
      title: "Access: blind review",
      blindReview: true,
      members: { create: [{ userId: f.users.recruiter.id }, { userId: f.users.manager.id }] },
    },
  });
  const bytes = new TextEncoder().encode("%PDF-1.4 (password-protected)");
  const { id } = await createApplication(db, requisition.id, {
    name: "Quentin Secretname CV.pdf",
    bytes,
    type: null,
  });
  await db.application.update({ where: { id }, data: { failureCode: "encrypted" } }); // FAILED already (no type)
  return { requisitionId: requisition.id, applicationId: id };
}

/**
 * After each caller's reveal: an allowed caller got 200 and exactly one `application.identity_reveal`
 * entry of theirs (with the reason); a refused caller wrote nothing about the candidate; the
 * application itself is untouched either way.
 */
async function revealWritten({ caller, allowed, status }: { caller: Caller; allowed: boolean; status: number }) {
  const db = web.testDb.db;
  const actorId = caller === "anonymous" ? null : fixtures.users[caller].id;
  const entries = await db.auditEntry.findMany({
    where: { targetType: "application", targetId: revealTarget.applicationId, actorId },
    select: { action: true, after: true },
  });
  if (allowed) {
    expect(status, `${caller} reveals`).toBe(200);
    expect(entries, `${caller}'s audit entries`).toEqual([
      { action: "application.identity_reveal", after: { reason: REVEAL_REASON } },
    ]);
  } else {
    expect(entries, `${caller} is refused: nothing written`).toEqual([]);
  }
  const application = await db.application.findUniqueOrThrow({
    where: { id: revealTarget.applicationId },
    select: { stage: true, status: true },
  });
  expect(application).toEqual({ stage: "NEW", status: "FAILED" });
}

/** One row per file in app/routes. */
const ROUTES: Record<string, RouteRow> = {
  "$.tsx": {
    path: () => "/no-such-page",
    cases: [{ method: "GET", rule: "signedIn", note: "404 for the signed-in, sign-in for others" }],
  },
  "_index.tsx": { path: () => "/", cases: [{ method: "GET", rule: "signedIn" }] },
  "login.tsx": {
    path: () => "/login",
    cases: [
      { method: "GET", rule: "public" },
      { method: "POST", rule: "public", body: {} },
    ],
  },
  "logout.tsx": {
    path: () => "/logout",
    cases: [
      { method: "GET", rule: "public", note: "redirects to the requisitions (which then guard)" },
      { method: "POST", rule: "public", body: {}, ownSession: true },
    ],
  },
  "account.tsx": {
    path: () => "/account",
    cases: [
      { method: "GET", rule: "signedIn" },
      { method: "POST", rule: "signedIn", body: {} },
    ],
  },
  "admin.audit.tsx": { path: () => "/admin/audit", cases: [{ method: "GET", rule: "admin" }] },
  "admin.retention.tsx": {
    path: () => "/admin/retention",
    cases: [
      { method: "GET", rule: "admin" },
      { method: "POST", rule: "admin", body: {}, note: "nothing is due, so nothing is erased" },
    ],
  },
  "admin.users.tsx": {
    path: () => "/admin/users",
    cases: [
      { method: "GET", rule: "admin" },
      { method: "POST", rule: "admin", body: {} },
    ],
  },
  "admin.users_.$userId.tsx": {
    path: (f) => `/admin/users/${f.users.recruiterOutsider.id}`,
    cases: [
      { method: "GET", rule: "admin" },
      { method: "POST", rule: "admin", body: {} },
    ],
  },
  "compliance.consistency.tsx": {
    path: (f) => `/compliance/consistency?requisition=${f.requisitionId}`,
    cases: [
      { method: "GET", rule: "fairness", note: "the latest run's progress (state and counts, no result)" },
      { method: "POST", rule: "fairness", body: {}, note: "no requisition named: 400, nothing started" },
    ],
  },
  "compliance.report.tsx": {
    path: (f) => `/compliance/report?requisition=${f.requisitionId}`,
    cases: [{ method: "GET", rule: "fairness" }],
  },
  "compliance.self-identification.tsx": {
    path: () => "/compliance/self-identification",
    cases: [
      { method: "GET", rule: "fairness" },
      { method: "POST", rule: "fairness", body: "multipart", note: "no CSV file: 400, nothing recorded" },
    ],
  },
  "compliance.report_.export.tsx": {
    path: (f) => `/compliance/report/export?requisition=${f.requisitionId}&format=json`,
    cases: [{ method: "GET", rule: "fairness", note: "the summary of results as a file (audited)" }],
  },
  "compliance.self-identification_.record.tsx": {
    path: (f) => `/compliance/self-identification/record?requisition=${f.requisitionId}&q=${f.applicationId}`,
    cases: [
      { method: "GET", rule: "fairness" },
      { method: "POST", rule: "fairness", body: {}, note: "no answers: 400, nothing recorded" },
    ],
  },
  "compliance.self-identification_.template[.]csv.tsx": {
    path: (f) => `/compliance/self-identification/template.csv?requisition=${f.requisitionId}`,
    cases: [{ method: "GET", rule: "fairness" }],
  },
  "api.requisitions.$id.resumes.tsx": {
    path: (f) => `/api/requisitions/${f.requisitionId}/resumes`,
    cases: [
      { method: "GET", rule: "public", note: "405 for everyone: the endpoint takes POST only" },
      { method: "POST", rule: "upload", body: "multipart" },
    ],
  },
  "requisitions._index.tsx": { path: () => "/requisitions", cases: [{ method: "GET", rule: "signedIn" }] },
  "requisitions.new.tsx": {
    path: () => "/requisitions/new",
    cases: [
      { method: "GET", rule: "requisition.create" },
      { method: "POST", rule: "requisition.create", body: {} },
    ],
  },
  "requisitions.$id.tsx": {
    path: req,
    cases: [
      { method: "GET", rule: "view", note: "the shell: requisition, membership, breadcrumbs and tabs" },
      { method: "POST", rule: "upload", body: "multipart", note: "the upload posts to the requisition's URL" },
    ],
  },
  "requisitions.$id._index.tsx": { path: req, cases: [{ method: "GET", rule: "view" }] },
  "requisitions.$id.weights.tsx": {
    path: (f) => `${req(f)}/weights`,
    cases: [
      { method: "GET", rule: "view", note: "members read the weights; saving needs the weights permission" },
      { method: "POST", rule: "weights", body: {} },
    ],
  },
  "requisitions.$id.settings.tsx": {
    path: (f) => `${req(f)}/settings`,
    cases: [
      { method: "GET", rule: "view" },
      {
        method: "POST",
        rule: "edit",
        body: {},
        note: "blind review is a requisition setting: without blindReview=on it is turned off",
      },
    ],
  },
  "requisitions.$id.status.tsx": {
    path: (f) => `${req(f)}/status`,
    cases: [
      { method: "GET", rule: "public", note: "redirects to the requisition page (which guards)" },
      { method: "POST", rule: "edit", body: {}, note: "without status=OPEN|CLOSED: 400, nothing changes" },
    ],
  },
  "requisitions.$id.team.tsx": {
    path: (f) => `${req(f)}/team`,
    cases: [
      { method: "GET", rule: "public", note: "redirects to the Settings tab (which guards)" },
      {
        method: "POST",
        rule: "edit",
        body: { memberId: "no-such-user" },
        note: "an unknown account cannot join: 400, the team stays as it is",
      },
    ],
  },
  "requisitions.$id.plot.tsx": { path: (f) => `${req(f)}/plot`, cases: [{ method: "GET", rule: "view" }] },
  "requisitions.$id.export[.]csv.tsx": {
    path: (f) => `${req(f)}/export.csv`,
    cases: [{ method: "GET", rule: "export" }],
  },
  "requisitions.$id.export[.]json.tsx": {
    path: (f) => `${req(f)}/export.json`,
    cases: [{ method: "GET", rule: "export" }],
  },
  "requisitions.$id.weights_.preview.tsx": {
    path: (f) => `${req(f)}/weights/preview`,
    cases: [{ method: "GET", rule: "view" }],
  },
  "requisitions.$id.weights_.from-posting.tsx": {
    path: (f) => `${req(f)}/weights/from-posting`,
    cases: [
      { method: "GET", rule: "view", note: "members read the posting and its draft; saving needs weights" },
      { method: "POST", rule: "weights", body: {}, note: "no posting yet: 409, nothing saved" },
    ],
  },
  "requisitions.$id.weights_.versions.tsx": {
    path: (f) => `${req(f)}/weights/versions`,
    cases: [{ method: "GET", rule: "view" }],
  },
  "requisitions.$id.posting.tsx": {
    path: (f) => `${req(f)}/posting`,
    cases: [{ method: "GET", rule: "view" }],
  },
  "requisitions.$id.uploads._index.tsx": {
    path: (f) => `${req(f)}/uploads`,
    cases: [{ method: "GET", rule: "view" }],
  },
  "requisitions.$id.uploads.$batchId.tsx": {
    path: (f) => `${req(f)}/uploads/${f.batchId}`,
    cases: [{ method: "GET", rule: "view" }],
  },
  "requisitions.$id.uploads.$batchId_.events.tsx": {
    path: (f) => `${req(f)}/uploads/${f.batchId}/events`,
    cases: [{ method: "GET", rule: "view", stream: true }],
  },
  "requisitions.$id.candidates.bulk.tsx": {
    path: (f) => `${req(f)}/candidates/bulk`,
    cases: [
      { method: "GET", rule: "public", note: "redirects to the requisition page (which guards)" },
      {
        method: "POST",
        rule: "triage",
        body: (f) => ({ intent: "stage", toStage: "SCREENING", scope: "selected", id: f.applicationId }),
        singleFetch: true,
        note: "each intent checks its own permission (stage, then the role's moves; retry needs upload)",
      },
    ],
  },
  "requisitions.$id.candidates.$applicationId.tsx": {
    path: app,
    cases: [
      { method: "GET", rule: "view" },
      { method: "POST", rule: "view", body: {}, note: "each intent then checks stage / notes / upload" },
      {
        method: "POST",
        label: "intent=reveal",
        rule: "upload",
        path: revealPath,
        body: { intent: "reveal", reason: REVEAL_REASON },
        singleFetch: true,
        after: revealWritten,
        note:
          "Reveal contact for this file (blind review, unreadable file): recruiters and admins reveal it to " +
          "themselves (200, audited); the hiring manager, compliance and outsiders are refused and nothing is written",
      },
    ],
  },
  "requisitions.$id.candidates.$applicationId_.file.tsx": {
    path: (f) => `${app(f)}/file`,
    cases: [{ method: "GET", rule: "download" }],
  },
  "requisitions.$id.candidates.$applicationId_.erase.tsx": {
    path: (f) => `${req(f)}/candidates/${f.eraseApplicationId}/erase`,
    cases: [
      { method: "GET", rule: "erase" },
      { method: "POST", rule: "erase", body: {}, note: "without confirm=yes: 400, nothing erased" },
    ],
  },
  "requisitions.$id.candidates.$applicationId_.duplicates.tsx": {
    path: (f) => `${app(f)}/duplicates`,
    cases: [
      { method: "GET", rule: "public", note: "redirects to the candidate page (which guards)" },
      { method: "POST", rule: "upload", body: {}, note: "no other candidate named: 400, nothing merged" },
    ],
  },
  "requisitions.$id.compare.tsx": {
    path: (f) => `${req(f)}/compare?ids=${f.applicationId},${f.eraseApplicationId}`,
    cases: [{ method: "GET", rule: "view" }],
  },
};

/** Express routes outside Remix. */
const EXPRESS_ROUTES: Record<string, RouteRow> = {
  "/admin/queues": { path: () => "/admin/queues", cases: [{ method: "GET", rule: "admin" }] },
  "/healthz": { path: () => "/healthz", cases: [{ method: "GET", rule: "public" }] },
};

function routeFiles(): string[] {
  return readdirSync(path.join(ROOT, "app/routes"))
    .filter((name) => /\.(tsx?|jsx?)$/.test(name) && !name.startsWith(".") && !/\.test\.[jt]sx?$/.test(name))
    .sort();
}

function exportsOf(file: string): { loader: boolean; action: boolean } {
  const source = readFileSync(path.join(ROOT, "app/routes", file), "utf8");
  const has = (name: string) =>
    new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`).test(source);
  return { loader: has("loader"), action: has("action") };
}

let web: WebApp;
let fixtures: AccessFixtures;
const cookies = new Map<Caller, string>();

beforeAll(async () => {
  web = await startWebApp({
    prepare: async (testDb) => {
      fixtures = await createAccessFixtures(testDb.db);
      revealTarget = await createRevealTarget(testDb.db, fixtures);
    },
    // Many sign-ins from one address: the limit is not what this test is about.
    env: { LOGIN_MAX_FAILURES_PER_IP: "1000" },
  });
  for (const actor of ACTORS)
    cookies.set(actor, await signInCookie(web.baseUrl, fixtures.users[actor].email, TEST_PASSWORD));
}, 180_000);

afterAll(async () => {
  await web?.stop();
});

describe("the role matrix covers every route", () => {
  it("has one row per file in app/routes (add a row for a new route)", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routeFiles());
  });

  it.each(routeFiles())("%s: its row tests the loader with GET and the action with POST", (file) => {
    const row = ROUTES[file];
    expect(row, `no row for ${file}`).toBeDefined();
    const { loader, action } = exportsOf(file);
    const methods = new Set(row!.cases.map((c) => c.method));
    if (loader) expect(methods.has("GET"), `${file} has a loader: add a GET case`).toBe(true);
    if (action) expect(methods.has("POST"), `${file} has an action: add a POST case`).toBe(true);
  });
});

async function call(row: RouteRow, c: Case, caller: Caller) {
  const headers: Record<string, string> = {};
  let cookie = caller === "anonymous" ? undefined : cookies.get(caller);
  if (c.ownSession && caller !== "anonymous")
    cookie = await signInCookie(web.baseUrl, fixtures.users[caller].email, TEST_PASSWORD);
  if (cookie) headers.Cookie = cookie;
  let body: BodyInit | undefined;
  if (c.body === "multipart") {
    body = new FormData();
  } else if (c.body) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(typeof c.body === "function" ? c.body(fixtures) : c.body);
  }
  const response = await fetch(`${web.baseUrl}${(c.path ?? row.path)(fixtures)}${c.singleFetch ? ".data" : ""}`, {
    method: c.method,
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  if (c.stream) await response.body?.cancel();
  else await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") };
}

/** "Sign in first" (not the sign-out's "/login?signedOut=1"). */
const asksToSignIn = (result: { status: number; location: string | null }) =>
  result.status === 302 && /^\/login(\?redirectTo=|$)/.test(result.location ?? "");

function refusedAs(caller: Caller, result: { status: number; location: string | null }): boolean {
  if (caller === "anonymous") return result.status === 401 || asksToSignIn(result);
  return result.status === 403;
}

const rows = [...Object.entries(ROUTES), ...Object.entries(EXPRESS_ROUTES)].flatMap(([name, row]) =>
  row.cases.flatMap((c) =>
    CALLERS.map((caller) => ({
      name,
      /** The method, and the label that tells cases apart (route names are cut short in test names). */
      what: c.label ? `${c.method} ${c.label}` : c.method,
      row,
      c,
      caller,
      expected: allowed(c.rule, caller) ? "allowed" : "refused",
    })),
  ),
);
// The erase route's target is erased by the first caller allowed to: keep admins last.
rows.sort((a, b) => Number(a.caller === "admin") - Number(b.caller === "admin"));

describe("every route × every role", () => {
  it.each(rows)("$what $name as $caller → $expected", async ({ row, c, caller, expected }) => {
    const result = await call(row, c, caller);
    const detail = `${c.method} ${(c.path ?? row.path)(fixtures)} as ${caller}: ${result.status}${result.location ? ` → ${result.location}` : ""}`;
    expect(result.status, detail).toBeLessThan(500);
    if (expected === "refused") {
      expect(refusedAs(caller, result), `${detail} should be refused`).toBe(true);
    } else {
      expect(result.status, `${detail} should be allowed`).not.toBe(401);
      expect(result.status, `${detail} should be allowed`).not.toBe(403);
      expect(asksToSignIn(result), `${detail} should not ask to sign in`).toBe(false);
    }
    await c.after?.({ caller, allowed: expected === "allowed", status: result.status });
  });
});

describe("what the requisition list shows", () => {
  it.each([
    ["admin", ["Access: ML Engineer", "Access: other team"]],
    ["recruiter", ["Access: ML Engineer"]],
    ["manager", ["Access: ML Engineer"]],
    ["recruiterOutsider", ["Access: other team"]],
    ["compliance", []],
  ] as const)("%s sees only their requisitions", async (actor, titles) => {
    const html = await (
      await fetch(`${web.baseUrl}/requisitions`, { headers: { Cookie: cookies.get(actor)! } })
    ).text();
    for (const title of ["Access: ML Engineer", "Access: other team"]) {
      expect(html.includes(title), `${actor} and “${title}”`).toBe((titles as readonly string[]).includes(title));
    }
  });
});

describe("the team decides who opens a requisition", () => {
  const post = (caller: Caller, url: string, body: URLSearchParams) =>
    fetch(`${web.baseUrl}${url}`, {
      method: "POST",
      headers: { Cookie: cookies.get(caller)!, "Content-Type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
  const open = async (caller: Caller, url: string) =>
    (await fetch(`${web.baseUrl}${url}`, { headers: { Cookie: cookies.get(caller)! }, redirect: "manual" })).status;

  it("a hiring manager named at creation opens it at once; removed later, they are refused", async () => {
    const created = await post(
      "recruiter",
      "/requisitions/new",
      new URLSearchParams([
        ["title", "Access: team at creation"],
        ["memberId", fixtures.users.managerOutsider.id],
      ]),
    );
    expect(created.status).toBe(302);
    const url = created.headers.get("location")!;
    expect(url).toMatch(/^\/requisitions\/[^/]+$/);
    expect(await open("managerOutsider", url)).toBe(200);
    expect(await open("recruiterOutsider", url)).toBe(403);

    // The recruiter cannot remove themselves (409, nothing changes)…
    const self = await post(
      "recruiter",
      `${url}/team`,
      new URLSearchParams([["memberId", fixtures.users.managerOutsider.id]]),
    );
    expect(self.status).toBe(409);
    expect(JSON.stringify(await self.json())).toMatch(/cannot remove yourself/);
    expect(await open("managerOutsider", url)).toBe(200);

    // …but swaps the hiring manager for a colleague.
    const swap = await post(
      "recruiter",
      `${url}/team`,
      new URLSearchParams([
        ["memberId", fixtures.users.recruiter.id],
        ["memberId", fixtures.users.recruiterOutsider.id],
      ]),
    );
    expect(swap.status).toBe(200);
    expect((await swap.json()).message).toBe("Team saved: 1 person added, 1 person removed.");
    expect(await open("managerOutsider", url)).toBe(403);
    expect(await open("recruiterOutsider", url)).toBe(200);

    // A hiring manager on the team may not change it.
    const byManager = await post("recruiterOutsider", `${url}/team`, new URLSearchParams());
    expect(byManager.status).toBe(409);
    expect(await post("manager", `${url}/team`, new URLSearchParams())).toMatchObject({ status: 403 });
  });
});

// Issue 13, defect 12. Hiring managers decide on the candidates recruiters put in front of them:
// they shortlist or reject candidates in Screening or Shortlisted, and nothing else; they do not
// switch blind review (a requisition setting), and when a recruiter switches it off, the whole team
// sees who did and when.
describe("what a hiring manager may decide", () => {
  const db = () => web.testDb.db;
  const stageOf = async (id: string) =>
    (await db().application.findUniqueOrThrow({ where: { id }, select: { stage: true } })).stage;

  async function post(caller: Actor, path: string, fields: Record<string, string>) {
    const response = await fetch(`${web.baseUrl}${path}`, {
      method: "POST",
      headers: { Cookie: cookies.get(caller)!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
    return { status: response.status, text: await response.text() };
  }
  const moveOne = (caller: Actor, id: string, toStage: string) =>
    post(caller, `${req(fixtures)}/candidates/${id}.data`, { intent: "stage", toStage });
  const moveMany = (caller: Actor, ids: string[], toStage: string) =>
    fetch(`${web.baseUrl}${req(fixtures)}/candidates/bulk.data`, {
      method: "POST",
      headers: { Cookie: cookies.get(caller)!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([
        ["intent", "stage"],
        ["toStage", toStage],
        ["scope", "selected"],
        ...ids.map((id) => ["id", id]),
      ]),
    }).then(async (response) => ({ status: response.status, text: await response.text() }));

  async function newCandidate(name: string) {
    const text = new TextEncoder().encode(`${name}\nMachine Learning Engineer\nPython, PyTorch\n`);
    return (
      await createApplication(db(), fixtures.requisitionId, { name: `${name}.txt`, bytes: text, type: "TXT" }, { name })
    ).id;
  }

  it("cannot move a candidate into New or Screening, nor decide on one a recruiter has not put in Screening", async () => {
    const id = await newCandidate("Nadia New");
    const toScreening = await moveOne("manager", id, "SCREENING");
    expect(toScreening.status).toBe(403);
    expect(toScreening.text).toContain("they can move them only to Shortlisted or Rejected");
    const shortlistNew = await moveOne("manager", id, "SHORTLISTED");
    expect(shortlistNew.status).toBe(403);
    expect(shortlistNew.text).toContain("This candidate is in New");
    expect(await stageOf(id)).toBe("NEW");
    expect(await db().stageChange.count({ where: { applicationId: id } })).toBe(0);
    // The page shows no stage buttons for this candidate, only who moves them.
    const page = await (
      await fetch(`${web.baseUrl}${req(fixtures)}/candidates/${id}`, { headers: { Cookie: cookies.get("manager")! } })
    ).text();
    expect(page).toContain('data-testid="stage-decision-note"');
    expect(page).not.toContain('data-testid="stage-button-');
  });

  it("shortlists and rejects candidates in Screening, revises a shortlist, and cannot reopen a rejection", async () => {
    const id = await newCandidate("Sam Screened");
    expect((await moveOne("recruiter", id, "SCREENING")).status).toBe(200);
    const page = await (
      await fetch(`${web.baseUrl}${req(fixtures)}/candidates/${id}`, { headers: { Cookie: cookies.get("manager")! } })
    ).text();
    expect(page).toContain('data-testid="stage-button-SHORTLISTED"');
    expect(page).toContain('data-testid="stage-button-REJECTED"');
    expect(page).not.toContain('data-testid="stage-button-NEW"');
    expect(page).not.toContain('data-testid="stage-button-SCREENING"');

    expect((await moveOne("manager", id, "SHORTLISTED")).status).toBe(200);
    expect(await stageOf(id)).toBe("SHORTLISTED");
    expect((await moveOne("manager", id, "SCREENING")).status).toBe(403);
    expect((await moveOne("manager", id, "REJECTED")).status).toBe(200);
    expect(await stageOf(id)).toBe("REJECTED");
    const reopen = await moveOne("manager", id, "SHORTLISTED");
    expect(reopen.status).toBe(403);
    expect(reopen.text).toContain("This candidate is in Rejected");
    expect(await stageOf(id)).toBe("REJECTED");
    // A recruiter may make any move.
    expect((await moveOne("recruiter", id, "NEW")).status).toBe(200);
    const entries = await db().auditEntry.findMany({
      where: { action: "application.stage", targetId: id },
      orderBy: { createdAt: "asc" },
      select: { actorId: true, after: true },
    });
    expect(entries.map((e) => [e.actorId, (e.after as { stage: string }).stage])).toEqual([
      [fixtures.users.recruiter.id, "SCREENING"],
      [fixtures.users.manager.id, "SHORTLISTED"],
      [fixtures.users.manager.id, "REJECTED"],
      [fixtures.users.recruiter.id, "NEW"],
    ]);
  });

  it("a bulk decision is all or nothing: one candidate not in Screening refuses the whole move", async () => {
    const screened = await newCandidate("Bea Bulk");
    const fresh = await newCandidate("Ned Bulk");
    expect((await moveOne("recruiter", screened, "SCREENING")).status).toBe(200);
    const refused = await moveMany("manager", [screened, fresh], "SHORTLISTED");
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("1 of these candidates are in New");
    expect([await stageOf(screened), await stageOf(fresh)]).toEqual(["SCREENING", "NEW"]);
    expect((await moveMany("manager", [screened], "REJECTED")).status).toBe(200);
    expect(await stageOf(screened)).toBe("REJECTED");
    expect((await moveMany("manager", [fresh], "SCREENING")).status).toBe(403);
  });

  it("does not switch blind review; a recruiter's switch-off is audited and shown to the team", async () => {
    const settings = `${req(fixtures)}/settings`;
    expect((await post("manager", settings, { blindReview: "on" })).status).toBe(403);
    expect((await post("recruiter", settings, { blindReview: "on" })).status).toBe(200);
    expect((await post("manager", settings, {})).status).toBe(403);
    expect((await db().requisition.findUniqueOrThrow({ where: { id: fixtures.requisitionId } })).blindReview).toBe(
      true,
    );

    const managerPage = async () =>
      (await fetch(`${web.baseUrl}${settings}`, { headers: { Cookie: cookies.get("manager")! } })).text();
    expect(await managerPage()).not.toContain('data-testid="toggle-blind-review"');
    expect(await managerPage()).toContain("Switched on by Test recruiter on");

    expect((await post("recruiter", settings, {})).status).toBe(200);
    const entry = await db().auditEntry.findFirstOrThrow({
      where: { action: "requisition.blind_review", requisitionId: fixtures.requisitionId },
      orderBy: { createdAt: "desc" },
    });
    expect(entry).toMatchObject({
      actorId: fixtures.users.recruiter.id,
      before: { blindReview: true },
      after: { blindReview: false },
    });
    const html = await managerPage();
    const day = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(entry.createdAt);
    expect(html).toContain('data-testid="blind-review-off-notice"');
    expect(html).toContain(`Blind review switched off by Test recruiter on ${day}.`);
  });
});

describe("who may mark an OCR read reviewed or upload a new version of a failed file", () => {
  const db = () => web.testDb.db;
  async function post(caller: Actor, id: string, fields: Record<string, string>) {
    const response = await fetch(`${web.baseUrl}${req(fixtures)}/candidates/${id}.data`, {
      method: "POST",
      headers: { Cookie: cookies.get(caller)!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
    return { status: response.status, text: await response.text() };
  }

  it("recruiters mark reviewed (audited); hiring managers may not; a replacement needs a file", async () => {
    const text = new TextEncoder().encode("Olga Ocr\nMachine Learning Engineer\nPython, PyTorch, Kubernetes\n");
    const { id } = await createApplication(
      db(),
      fixtures.requisitionId,
      { name: "olga-scan.txt", bytes: text, type: "TXT" },
      { name: "Olga Ocr" },
    );
    await db().application.update({ where: { id }, data: { status: "NEEDS_REVIEW" } });
    await db().resumeAnalysis.create({
      data: {
        applicationId: id,
        parserVersion: "test",
        format: "PNG",
        text: "Olga Ocr",
        textSource: "ocr",
        ocrConfidence: 42,
        result: { areas: [{ id: "serving_apis", score: 70 }], skills: [] },
      },
    });
    const manager = await post("manager", id, { intent: "mark-reviewed" });
    expect(manager.status).toBe(403);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).status).toBe("NEEDS_REVIEW");
    const recruiter = await post("recruiter", id, { intent: "mark-reviewed" });
    expect(recruiter.status).toBe(200);
    const after = await db().application.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe("DONE");
    expect(after.overallScore).not.toBeNull();
    expect(await db().auditEntry.count({ where: { action: "application.ocr_reviewed", targetId: id } })).toBe(1);
    // Again: nothing to review.
    expect((await post("recruiter", id, { intent: "mark-reviewed" })).status).toBe(409);
    // Upload a new version: hiring managers may not; without a file it is a clear 400.
    expect((await post("manager", id, { intent: "replace" })).status).toBe(403);
    const noFile = await post("recruiter", id, { intent: "replace" });
    expect(noFile.status).toBe(400);
    expect(noFile.text).toContain("Choose the new file");
  });
});
