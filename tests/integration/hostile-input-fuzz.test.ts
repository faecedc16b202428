// Property-based fuzzing of every route's inputs against the real web process (issue 13,
// defect 2): path ids, query parameters, form fields, multipart file names and fields get hostile
// strings (NUL, surrogate halves, broken percent-encoding, bidi controls, quotes, SQL and HTML,
// very long text, and whatever fast-check makes of the full Unicode range). No answer may be a
// 500; text that PostgreSQL cannot store is refused with a 400 that says so.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessFixtures, TEST_PASSWORD, type AccessFixtures } from "../support/access-fixtures.ts";
import { signInCookie, startWebApp, type WebApp } from "../support/web-app.ts";

let web: WebApp;
let f: AccessFixtures;
let admin: string;
let recruiter: string;

beforeAll(async () => {
  web = await startWebApp({
    prepare: async (testDb) => {
      f = await createAccessFixtures(testDb.db);
    },
    // Sign-in limits high enough that the fuzzing of /login does not lock out the cookies below.
    env: { LOGIN_MAX_FAILURES_PER_EMAIL: "100000", LOGIN_MAX_FAILURES_PER_IP: "100000" },
  });
  admin = await signInCookie(web.baseUrl, f.users.admin.email, TEST_PASSWORD);
  recruiter = await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD);
}, 180_000);

afterAll(async () => {
  await web?.stop();
});

/** Strings that broke, or could break, something between the browser and PostgreSQL. */
const HOSTILE = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202eexe.pdf",
  '\'; DROP TABLE "Application"; --',
  '"><script>alert(1)</script>',
  "%00",
  "%ZZ",
  "%ED%A0%80",
  "../../etc/passwd",
  "Jane Doe; CV=2024.txt",
  "\r\nSet-Cookie: x=y",
  "-1e309",
  "NaN",
  "[object Object]",
  " ",
  "🧑‍💻".repeat(50),
  "x".repeat(5000),
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\ud800", "\udc00", "\u202e"), fc.string())
      .map(([a, b, c]) => a + b + c),
  },
);

/** Percent-encodes a path segment; a surrogate half (which encodeURIComponent refuses) becomes bytes that are not UTF-8. */
function segment(value: string): string {
  return [...value]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return "%ED%A0%80";
      }
    })
    .join("");
}

type Case = {
  name: string;
  cookie?: () => string;
  request: (h: string) => { method?: string; path: string; form?: Record<string, string>; multipart?: FormData };
};

const req = () => `/requisitions/${f.requisitionId}`;
const app = () => `${req()}/candidates/${f.applicationId}`;
const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

const CASES: Case[] = [
  // Ids in paths.
  { name: "requisition id", request: (h) => ({ path: `/requisitions/${segment(h)}` }) },
  { name: "requisition id (settings)", request: (h) => ({ path: `/requisitions/${segment(h)}/settings` }) },
  { name: "requisition id (weights)", request: (h) => ({ path: `/requisitions/${segment(h)}/weights` }) },
  { name: "requisition id (export)", request: (h) => ({ path: `/requisitions/${segment(h)}/export.csv` }) },
  { name: "application id", request: (h) => ({ path: `${req()}/candidates/${segment(h)}` }) },
  { name: "application id (file)", request: (h) => ({ path: `${req()}/candidates/${segment(h)}/file` }) },
  { name: "application id (erase)", request: (h) => ({ path: `${req()}/candidates/${segment(h)}/erase` }) },
  { name: "batch id", request: (h) => ({ path: `${req()}/uploads/${segment(h)}` }) },
  { name: "batch id (events)", request: (h) => ({ path: `${req()}/uploads/${segment(h)}/events` }) },
  { name: "user id", request: (h) => ({ path: `/admin/users/${segment(h)}` }) },
  { name: "unknown path", request: (h) => ({ path: `/${segment(h)}` }) },
  // Search and filters.
  { name: "requisitions search", request: (h) => ({ path: `/requisitions${query({ q: h, status: h })}` }) },
  {
    name: "candidates table filters",
    request: (h) => ({
      path: `${req()}${query({ q: h, stage: h, status: h, background: h, sort: h, dir: h, page: h, pageSize: h })}`,
    }),
  },
  {
    name: "candidates table score ranges",
    request: (h) => ({ path: `${req()}${query({ productionMin: h, mlMin: h, overallMin: h, overallMax: h })}` }),
  },
  { name: "plot filters", request: (h) => ({ path: `${req()}/plot${query({ q: h, stage: h })}` }) },
  { name: "export filters (csv)", request: (h) => ({ path: `${req()}/export.csv${query({ q: h, stage: h })}` }) },
  { name: "export filters (json)", request: (h) => ({ path: `${req()}/export.json${query({ q: h, sort: h })}` }) },
  {
    name: "weights preview",
    request: (h) => ({ path: `${req()}/weights/preview${query({ productionWeight: h, mustHave: h })}` }),
  },
  {
    name: "audit filters",
    request: (h) => ({ path: `/admin/audit${query({ q: h, actor: h, action: h, from: h, to: h, page: h })}` }),
  },
  { name: "users search", request: (h) => ({ path: `/admin/users${query({ q: h })}` }) },
  { name: "sign-in redirect", cookie: () => "", request: (h) => ({ path: `/login${query({ redirectTo: h })}` }) },
  // Forms.
  {
    name: "sign-in",
    cookie: () => "",
    request: (h) => ({ method: "POST", path: "/login", form: { email: h, password: h, redirectTo: h } }),
  },
  {
    name: "new requisition",
    request: (h) => ({
      method: "POST",
      path: "/requisitions/new",
      form: { title: h, team: h, location: h, description: h },
    }),
  },
  { name: "note", request: (h) => ({ method: "POST", path: app(), form: { intent: "note", body: h } }) },
  { name: "stage change", request: (h) => ({ method: "POST", path: app(), form: { intent: "stage", toStage: h } }) },
  { name: "candidate intent", request: (h) => ({ method: "POST", path: app(), form: { intent: h } }) },
  {
    name: "bulk ids",
    request: (h) => ({
      method: "POST",
      path: `${req()}/candidates/bulk`,
      form: { intent: "stage", toStage: "SCREENING", id: h, scope: h },
    }),
  },
  { name: "erase confirmation", request: (h) => ({ method: "POST", path: `${app()}/erase`, form: { confirm: h } }) },
  { name: "requisition status", request: (h) => ({ method: "POST", path: `${req()}/status`, form: { status: h } }) },
  { name: "blind review", request: (h) => ({ method: "POST", path: `${req()}/settings`, form: { blindReview: h } }) },
  {
    name: "weights",
    request: (h) => ({
      method: "POST",
      path: `${req()}/weights`,
      form: { productionWeight: h, balanceStrictness: h, mustHave: h, niceToHave: h, minYears: h, minDegree: h },
    }),
  },
  {
    name: "create user",
    request: (h) => ({
      method: "POST",
      path: "/admin/users",
      form: { intent: "create", email: h, name: h, role: h, password: h },
    }),
  },
  {
    name: "user admin forms",
    request: (h) => ({
      method: "POST",
      path: `/admin/users/${f.users.manager.id}`,
      form: { intent: h, role: h, requisitionId: h },
    }),
  },
  {
    name: "password change",
    cookie: () => recruiter,
    request: (h) => ({
      method: "POST",
      path: "/account",
      form: { currentPassword: h, newPassword: h, confirmPassword: h },
    }),
  },
  {
    name: "upload: file names and fields",
    request: (h) => {
      const form = new FormData();
      form.append("resumes", new File(["Fuzz Person\nML Engineer\n"], h || "x", { type: "text/plain" }));
      form.append(h || "field", h);
      return { method: "POST", path: `/api/requisitions/${f.requisitionId}/resumes`, multipart: form };
    },
  },
];

async function send(c: Case, h: string): Promise<{ status: number; text: string }> {
  const { method = "GET", path, form, multipart } = c.request(h);
  const cookie = c.cookie ? c.cookie() : admin;
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  let body: BodyInit | undefined;
  if (form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(form).toString();
  } else if (multipart) {
    body = multipart;
  }
  const response = await fetch(`${web.baseUrl}${path}`, {
    method,
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(15_000),
  });
  // An event stream that was accepted stays open: its status is the answer.
  const text = response.headers.get("content-type")?.includes("event-stream") ? "" : await response.text();
  if (!response.bodyUsed) await response.body?.cancel();
  return { status: response.status, text };
}

describe("hostile input never gives a 500", () => {
  it("every route's inputs, driven by fast-check", async () => {
    const started = Date.now();
    let requests = 0;
    for (const c of CASES) {
      await fc.assert(
        fc.asyncProperty(hostile, async (h) => {
          requests += 1;
          const { status, text } = await send(c, h);
          if (status >= 500) throw new Error(`${c.name}: ${status} for ${JSON.stringify(h)}\n${text.slice(0, 300)}`);
        }),
        { numRuns: 8, examples: [["\u0000"], ["a\u0000b"], ["\ud800"], ["%00"]], endOnFailure: true },
      );
    }
    console.log(`hostile-input fuzz: ${requests} requests over ${CASES.length} routes in ${Date.now() - started} ms`);
  }, 120_000);

  it("text PostgreSQL cannot store gets a 400 that says which value and why", async () => {
    const search = await send(
      CASES.find((c) => c.name === "requisitions search")!,
      "Ada\u0000",
    );
    expect(search.status).toBe(400);
    expect(search.text).toContain("cannot be stored");
    const note = await send(
      CASES.find((c) => c.name === "note")!,
      "hello\u0000world",
    );
    expect(note.status).toBe(400);
    expect(note.text).toContain("form field “body”");
    const signIn = await send(
      CASES.find((c) => c.name === "sign-in")!,
      "admin@access.test\u0000",
    );
    expect(signIn.status).toBe(400);
    const id = await send(
      CASES.find((c) => c.name === "application id")!,
      "abc\u0000",
    );
    expect(id.status).toBe(400);
    const api = await send(
      CASES.find((c) => c.name === "upload: file names and fields")!,
      "x\u0000",
    );
    expect(api.status).toBe(400);
    expect(JSON.parse(api.text)).toMatchObject({ error: expect.stringContaining("cannot be stored") });
    // Nothing was written by any of them.
    expect(await web.testDb.db.note.count({ where: { body: { contains: "hello" } } })).toBe(0);
  });
});
