// Security of the web process over real HTTP: cross-site refusal, headers and the CSP nonce,
// sign-in (same answer for unknown and wrong, rate limits, safe redirects, client address from
// Express and not from a header), sign-out, password change, hostile uploads and their download,
// and the queue dashboard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import {
  createAccessFixtures,
  createApplication,
  TEST_PASSWORD,
  type AccessFixtures,
} from "../support/access-fixtures.ts";
import { signInCookie, startWebApp, type WebApp } from "../support/web-app.ts";

let web: WebApp;
let f: AccessFixtures;

beforeAll(async () => {
  web = await startWebApp({
    prepare: async (testDb) => {
      f = await createAccessFixtures(testDb.db);
    },
    env: { LOGIN_MAX_FAILURES_PER_EMAIL: "5", LOGIN_MAX_FAILURES_PER_IP: "30", LOGIN_WINDOW_MINUTES: "15" },
  });
}, 180_000);

afterAll(async () => {
  await web?.stop();
});

const url = (p: string) => `${web.baseUrl}${p}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(url("/login"), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: form(fields),
    redirect: "manual",
  });
  return { response, text: await response.text() };
}

describe("cross-site mutations", () => {
  it("refuses a POST whose Origin is another site, with a clear 403", async () => {
    const cookie = await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD);
    const response = await fetch(url("/requisitions/new"), {
      method: "POST",
      headers: { Cookie: cookie, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ title: "Planted by another site" }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/another site \(https:\/\/evil\.example\)/);
    expect(await web.testDb.db.requisition.count({ where: { title: "Planted by another site" } })).toBe(0);
  });

  it("refuses Sec-Fetch-Site: cross-site when there is no Origin, and Origin: null", async () => {
    const cases: Array<Record<string, string>> = [
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of cases) {
      const { response } = await postLogin({ email: "x@y.z", password: "whatever-123" }, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("lets same-origin browsers and header-less scripts through", async () => {
    const same = await postLogin({ email: "", password: "" }, { Origin: web.baseUrl, "Sec-Fetch-Site": "same-origin" });
    expect(same.response.status).toBe(400);
    const script = await postLogin({ email: "", password: "" });
    expect(script.response.status).toBe(400);
  });

  it("never blocks reads", async () => {
    const response = await fetch(url("/login"), {
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(response.status).toBe(200);
  });
});

describe("security headers", () => {
  it("sends CSP with a fresh nonce that every inline script carries, and the other headers", async () => {
    const first = await fetch(url("/login"));
    const html = await first.text();
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("x-powered-by")).toBeNull();

    const second = await fetch(url("/login"));
    await second.arrayBuffer();
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });
});

describe("sign-in", () => {
  it("signs in, sets an httpOnly SameSite cookie, redirects to the page asked for, and audits with the socket's address", async () => {
    const { response } = await postLogin(
      { email: "  Manager@Access.Test ", password: TEST_PASSWORD, redirectTo: `/requisitions/${f.requisitionId}` },
      // Not behind a trusted proxy: this header is anyone's to forge and must be ignored.
      { "X-Forwarded-For": "6.6.6.6" },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/requisitions/${f.requisitionId}`);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^mle_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const entry = await web.testDb.db.auditEntry.findFirstOrThrow({
      where: { action: "auth.sign_in", actorId: f.users.manager.id },
    });
    expect(entry.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it.each(["https://evil.example/phish", "//evil.example", "/\\evil.example"])(
    "never redirects off-site (%s)",
    async (redirectTo) => {
      const { response } = await postLogin({ email: f.users.admin.email, password: TEST_PASSWORD, redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/requisitions");
    },
  );

  it("gives an unknown e-mail and a wrong password the same answer, after the same work", async () => {
    // An account hashed at the production cost (the fixtures use a cheap one), like every real account.
    await web.testDb.db.user.create({
      data: {
        email: "timing@access.test",
        name: "Timing",
        role: "RECRUITER",
        passwordHash: await hashPassword(TEST_PASSWORD),
      },
    });
    const timed = async (email: string) => {
      const start = performance.now();
      const result = await postLogin({ email, password: "not-the-password" });
      return { ...result, ms: performance.now() - start };
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Warm-up (the dummy hash is computed once per process).
    await timed("warmup@nowhere.test");
    const unknown = [
      await timed("nobody@access.test"),
      await timed("nobody2@access.test"),
      await timed("nobody3@access.test"),
    ];
    const wrong = [
      await timed("timing@access.test"),
      await timed("timing@access.test"),
      await timed("timing@access.test"),
    ];
    const message = (text: string) => /data-testid="login-error">([^<]+)</.exec(text)?.[1];
    for (const attempt of [...unknown, ...wrong]) {
      expect(attempt.response.status).toBe(401);
      expect(message(attempt.text)).toBe(
        "That e-mail and password do not match an active account. Check both and try again.",
      );
    }
    // Both verify a scrypt hash of the same cost: neither answers in a fraction of the other's time.
    const [u, w] = [median(unknown.map((a) => a.ms)), median(wrong.map((a) => a.ms))];
    expect(u, `unknown ${u.toFixed(0)} ms vs wrong ${w.toFixed(0)} ms`).toBeGreaterThan(w / 3);
    expect(w, `unknown ${u.toFixed(0)} ms vs wrong ${w.toFixed(0)} ms`).toBeGreaterThan(u / 3);
  });

  it("explains missing fields", async () => {
    const { response, text } = await postLogin({ email: "", password: "" });
    expect(response.status).toBe(400);
    expect(text).toContain("Enter your e-mail address.");
    expect(text).toContain("Enter your password.");
  });

  it("refuses a disabled account with the same message", async () => {
    await web.testDb.db.user.update({ where: { id: f.users.managerOutsider.id }, data: { disabled: true } });
    const { response, text } = await postLogin({ email: f.users.managerOutsider.email, password: TEST_PASSWORD });
    expect(response.status).toBe(401);
    expect(text).toContain("do not match an active account");
    await web.testDb.db.user.update({ where: { id: f.users.managerOutsider.id }, data: { disabled: false } });
  });

  it("is rate limited per e-mail: the sixth try within 15 minutes is refused (429), even with the right password", async () => {
    const email = f.users.recruiterOutsider.email;
    for (let i = 0; i < 5; i++) {
      const { response } = await postLogin({ email, password: `wrong-guess-${i}` });
      expect(response.status).toBe(401);
    }
    const limited = await postLogin({ email, password: TEST_PASSWORD });
    expect(limited.response.status).toBe(429);
    expect(limited.text).toMatch(/Too many failed sign-ins\. Try again in 15 minutes\./);
    expect(limited.response.headers.get("retry-after")).toBe("900");
    // Other accounts are not affected.
    const other = await postLogin({ email: f.users.admin.email, password: TEST_PASSWORD });
    expect(other.response.status).toBe(302);
  });
});

describe("sign-out and password change", () => {
  it("sign-out destroys the session: the old cookie no longer opens anything", async () => {
    const cookie = await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD);
    const out = await fetch(url("/logout"), { method: "POST", headers: { Cookie: cookie }, redirect: "manual" });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/login?signedOut=1");
    expect(out.headers.get("set-cookie")).toMatch(/mle_session=;.*Max-Age=0/);
    const after = await fetch(url("/requisitions"), { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(
      await web.testDb.db.auditEntry.count({ where: { action: "auth.sign_out", actorId: f.users.recruiter.id } }),
    ).toBe(1);
  });

  it("a password change needs the current password and signs out the other sessions", async () => {
    const here = await signInCookie(web.baseUrl, f.users.manager.email, TEST_PASSWORD);
    const elsewhere = await signInCookie(web.baseUrl, f.users.manager.email, TEST_PASSWORD);
    const change = (fields: Record<string, string>) =>
      fetch(url("/account"), {
        method: "POST",
        headers: { Cookie: here, "Content-Type": "application/x-www-form-urlencoded" },
        body: form(fields),
        redirect: "manual",
      });
    const wrong = await change({
      currentPassword: "not-it-at-all",
      newPassword: "a brand new secret",
      confirmPassword: "a brand new secret",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The current password is not correct.");

    const ok = await change({
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new secret",
      confirmPassword: "a brand new secret",
    });
    expect(ok.status).toBe(200);
    // The sign-in tests above left more sessions of this account open: all of them end.
    expect(await ok.text()).toMatch(/\d+ other sessions? (was|were) signed out\./);
    expect((await fetch(url("/account"), { headers: { Cookie: here }, redirect: "manual" })).status).toBe(200);
    expect((await fetch(url("/account"), { headers: { Cookie: elsewhere }, redirect: "manual" })).status).toBe(302);
    await signInCookie(web.baseUrl, f.users.manager.email, "a brand new secret");
  });
});

describe("hostile uploads can never run in the app", () => {
  const HOSTILE = [
    {
      name: "cv.html",
      type: "text/html",
      body: "<!DOCTYPE html><html><body><script>fetch('/admin/users')</script>Jane</body></html>",
    },
    {
      name: "photo.svg",
      type: "image/svg+xml",
      body: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
    },
    // A Windows executable (MZ header, PE signature) renamed to look like a PDF.
    {
      name: "resume.pdf",
      type: "application/pdf",
      body: Buffer.concat([
        Buffer.from("MZ"),
        Buffer.alloc(58),
        Buffer.from([0x80, 0, 0, 0]),
        Buffer.alloc(64),
        Buffer.from("PE\0\0"),
      ]),
    },
  ];

  it.each(HOSTILE)("$name is stored as unsupported and downloads only as an inert attachment", async (file) => {
    const cookie = await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD);
    const body = new FormData();
    body.append("resumes", new Blob([file.body], { type: file.type }), file.name);
    const upload = await fetch(url(`/api/requisitions/${f.requisitionId}/resumes`), {
      method: "POST",
      headers: { Cookie: cookie },
      body,
    });
    expect(upload.status).toBe(200);
    const { outcomes } = (await upload.json()) as {
      outcomes: Array<{ accepted: boolean; applicationId?: string; reason: { code: string } | null }>;
    };
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0]!;
    expect(outcome.accepted).toBe(true);
    expect(outcome.reason?.code).toBe("unsupported_type");

    const stored = await web.testDb.db.application.findUniqueOrThrow({
      where: { id: outcome.applicationId! },
      select: { status: true, failureCode: true, resumeFile: { select: { detectedType: true } } },
    });
    expect(stored).toMatchObject({
      status: "FAILED",
      failureCode: "unsupported_type",
      resumeFile: { detectedType: null },
    });

    const download = await fetch(url(`/requisitions/${f.requisitionId}/candidates/${outcome.applicationId}/file`), {
      headers: { Cookie: cookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("content-disposition")).not.toMatch(/\.(html?|svg)"/i);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    // The route's own sandboxing policy replaces the page policy (one header, not two).
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(file.body))).toBe(true);
  });
});

describe("erasing a candidate over HTTP", () => {
  it("needs the erase permission and the confirmation, then leaves nothing and returns with ?erased=1", async () => {
    const db = web.testDb.db;
    const target = await createApplication(
      db,
      f.requisitionId,
      { name: "marie-curie.txt", bytes: Buffer.from("Marie Curie\nmarie@radium.example"), type: "TXT" },
      {
        name: "Marie Curie",
        email: "marie@radium.example",
      },
    );
    const path = `/requisitions/${f.requisitionId}/candidates/${target.id}/erase`;
    const post = async (cookie: string, fields: Record<string, string>) =>
      fetch(url(path), {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: form(fields),
        redirect: "manual",
      });
    const recruiter = await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD);
    expect((await post(recruiter, { confirm: "yes" })).status).toBe(403);
    const admin = await signInCookie(web.baseUrl, f.users.admin.email, TEST_PASSWORD);
    const unconfirmed = await post(admin, {});
    expect(unconfirmed.status).toBe(400);
    expect(await db.application.count({ where: { id: target.id } })).toBe(1);

    const erased = await post(admin, { confirm: "yes" });
    expect(erased.status).toBe(302);
    expect(erased.headers.get("location")).toBe(`/requisitions/${f.requisitionId}?erased=1`);
    expect(await db.application.count({ where: { id: target.id } })).toBe(0);
    expect(await db.resumeFile.count({ where: { id: target.resumeFileId } })).toBe(0);
    expect(await db.candidate.count({ where: { id: target.candidateId } })).toBe(0);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "candidate.erase", targetId: target.id } });
    expect(entry).toMatchObject({ actorId: f.users.admin.id, requisitionId: f.requisitionId });
    expect(JSON.stringify(entry)).not.toMatch(/Marie|radium/i);
    // Erased means gone: a second attempt is a 404.
    expect((await post(admin, { confirm: "yes" })).status).toBe(404);
  });
});

describe("queue dashboard", () => {
  it("sends anonymous visitors to sign in, refuses other roles and opens for admins", async () => {
    const anonymous = await fetch(url("/admin/queues"), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fadmin%2Fqueues");
    const recruiter = await fetch(url("/admin/queues/api/queues"), {
      headers: { Cookie: await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD) },
    });
    expect(recruiter.status).toBe(403);
    const adminCookie = await signInCookie(web.baseUrl, f.users.admin.email, TEST_PASSWORD);
    const page = await fetch(url("/admin/queues"), { headers: { Cookie: adminCookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("__UI_CONFIG__");
  });
});
