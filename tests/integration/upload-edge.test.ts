// Uploads at the edge, through a real web process: file names with ";" and "=" (which made the
// old multipart parser answer 500 and lose the whole upload), names it cannot read, a body cut
// off before its end, bidi and control characters in names, uploads to a closed requisition,
// the cross-site check's scheme and port, the queue dashboard without external fonts, and the
// web process's Redis keys removed when it stops (issue 13: defects 1, 9, 10, 11, 13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessFixtures, TEST_PASSWORD, type AccessFixtures } from "../support/access-fixtures.ts";
import { listQueueKeys } from "../support/queue-keys.ts";
import { signInCookie, startWebApp, type WebApp } from "../support/web-app.ts";

let web: WebApp;
let f: AccessFixtures;
let closedRequisitionId: string;
let recruiter: string;
let stopped = false;

beforeAll(async () => {
  web = await startWebApp({
    prepare: async (testDb) => {
      f = await createAccessFixtures(testDb.db);
      const closed = await testDb.db.requisition.create({
        data: {
          title: "Closed: ML Engineer",
          status: "CLOSED",
          closedAt: new Date(),
          members: { create: [{ userId: f.users.recruiter.id }] },
        },
      });
      closedRequisitionId = closed.id;
    },
  });
  recruiter = await signInCookie(web.baseUrl, f.users.recruiter.email, TEST_PASSWORD);
}, 180_000);

afterAll(async () => {
  if (!stopped) await web?.stop();
});

const url = (p: string) => `${web.baseUrl}${p}`;
const db = () => web.testDb.db;

const HOSTILE_NAMES = ["Jane Doe; CV 2024.txt", "a=b.txt", "=start.txt", "CV – Jane; final.pdf"];

function resumeText(name: string): string {
  return `${name.replace(/\W+/g, " ").trim()}\nMachine Learning Engineer\nPython, PyTorch, Kubernetes\n`;
}

function formOf(files: Array<{ name: string; body: string }>): FormData {
  const form = new FormData();
  for (const file of files) form.append("resumes", new File([file.body], file.name, { type: "text/plain" }));
  return form;
}

async function storedFiles(batchId: string) {
  const rows = await db().application.findMany({
    where: { batchId },
    select: { resumeFile: { select: { originalName: true, bytes: true } } },
  });
  return rows.map((row) => ({
    name: row.resumeFile.originalName,
    text: Buffer.from(row.resumeFile.bytes).toString("utf8"),
  }));
}

/** A multipart body written by hand, for what FormData would never send. */
function rawBody(
  boundary: string,
  parts: Array<{ disposition: Buffer | string; body: string }>,
  close = true,
): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: `), Buffer.from(part.disposition));
    chunks.push(Buffer.from(`\r\nContent-Type: text/plain\r\n\r\n${part.body}\r\n`));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

describe("file names with ';' and '=' (defect 1)", () => {
  it("POST /api/requisitions/:id/resumes keeps every file with its name and bytes", async () => {
    const files = HOSTILE_NAMES.map((name) => ({ name, body: resumeText(name) }));
    const response = await fetch(url(`/api/requisitions/${f.requisitionId}/resumes`), {
      method: "POST",
      headers: { Cookie: recruiter },
      body: formOf(files),
    });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as {
      batchId: string;
      outcomes: Array<{ fileName: string; accepted: boolean }>;
    };
    expect(receipt.outcomes.map((o) => [o.fileName, o.accepted])).toEqual(HOSTILE_NAMES.map((name) => [name, true]));
    const stored = await storedFiles(receipt.batchId);
    expect(stored.map((s) => s.name).sort()).toEqual([...HOSTILE_NAMES].sort());
    for (const file of files) expect(stored.find((s) => s.name === file.name)?.text).toBe(file.body);
  });

  it("the upload form (POST /requisitions/:id) keeps them too and redirects to the batch", async () => {
    const files = HOSTILE_NAMES.map((name) => ({ name: `form ${name}`, body: resumeText(`form ${name}`) }));
    const response = await fetch(url(`/requisitions/${f.requisitionId}`), {
      method: "POST",
      headers: { Cookie: recruiter, Origin: web.baseUrl },
      body: formOf(files),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const batchId = /\/uploads\/([^/?]+)$/.exec(response.headers.get("location") ?? "")?.[1];
    expect(batchId).toBeTruthy();
    const stored = await storedFiles(batchId!);
    expect(stored.map((s) => s.name).sort()).toEqual(files.map((file) => file.name).sort());
    for (const file of files) expect(stored.find((s) => s.name === file.name)?.text).toBe(file.body);
  });

  it("keeps a file whose name cannot be read under a fallback name, with its bytes", async () => {
    const boundary = "edge-boundary-1";
    const latin1 = Buffer.concat([
      Buffer.from('form-data; name="resumes"; filename="Jos'),
      Buffer.from([0xe9]),
      Buffer.from(' P\xe9rez.txt"', "latin1"),
    ]);
    const response = await fetch(url(`/api/requisitions/${f.requisitionId}/resumes`), {
      method: "POST",
      headers: { Cookie: recruiter, "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: rawBody(boundary, [
        { disposition: latin1, body: "José Pérez\nML Engineer\n" },
        { disposition: `form-data; name="resumes"; filename*=UTF-8''%ZZ`, body: "Broken Star\nML Engineer\n" },
        { disposition: 'form-data; name="resumes"; filename=""', body: "No Name\nML Engineer\n" },
        { disposition: 'form-data; name="resumes"; filename="ok; fine.txt"', body: "Ok Fine\nML Engineer\n" },
      ]),
    });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as { batchId: string; outcomes: Array<{ fileName: string }> };
    expect(receipt.outcomes.map((o) => o.fileName)).toEqual([
      "unnamed-file-1",
      "unnamed-file-2",
      "unnamed-file-3",
      "ok; fine.txt",
    ]);
    const stored = await storedFiles(receipt.batchId);
    expect(stored.find((s) => s.name === "unnamed-file-1")?.text).toBe("José Pérez\nML Engineer\n");
    expect(stored.find((s) => s.name === "unnamed-file-3")?.text).toBe("No Name\nML Engineer\n");
  });

  it("answers a body cut off mid-file with a 400 naming the files that arrived, storing nothing", async () => {
    const boundary = "edge-boundary-2";
    const whole = rawBody(boundary, [
      { disposition: 'form-data; name="resumes"; filename="first; one.txt"', body: "First One\nEngineer\n" },
      { disposition: 'form-data; name="resumes"; filename="second=two.txt"', body: "Second Two\nEngineer\n" },
      { disposition: 'form-data; name="resumes"; filename="third.txt"', body: `Third\n${"x".repeat(2000)}` },
    ]);
    const cut = whole.slice(0, whole.length - 1000);
    const before = await db().application.count();
    for (const [path, headers] of [
      [`/api/requisitions/${f.requisitionId}/resumes`, {}],
      [`/requisitions/${f.requisitionId}`, { Origin: web.baseUrl }],
    ] as const) {
      const response = await fetch(url(path), {
        method: "POST",
        headers: { Cookie: recruiter, "Content-Type": `multipart/form-data; boundary=${boundary}`, ...headers },
        body: cut,
        redirect: "manual",
      });
      expect(response.status, path).toBe(400);
      const text = await response.text();
      expect(text).toContain("cut off");
      expect(text).toContain("first; one.txt");
      expect(text).toContain("second=two.txt");
      expect(text).toContain("third.txt");
      if (path.startsWith("/api/")) {
        expect(JSON.parse(text)).toMatchObject({ arrived: ["first; one.txt", "second=two.txt"], cutOff: "third.txt" });
      }
    }
    expect(await db().application.count()).toBe(before);
  });
});

describe("bidi and control characters in file names (defect 10)", () => {
  it("are stripped from the stored name and the downloaded name", async () => {
    const name = "cv\u202Efdp.exe\u200b.txt";
    const response = await fetch(url(`/api/requisitions/${f.requisitionId}/resumes`), {
      method: "POST",
      headers: { Cookie: recruiter },
      body: formOf([{ name: `\u2066Ana\u2069 ${name}`, body: "Ana Lima\nML Engineer\n" }]),
    });
    const receipt = (await response.json()) as { outcomes: Array<{ fileName: string; applicationId: string }> };
    expect(receipt.outcomes[0]!.fileName).toBe("Ana cvfdp.exe.txt");
    const row = await db().application.findUniqueOrThrow({
      where: { id: receipt.outcomes[0]!.applicationId },
      select: { displayName: true, resumeFile: { select: { originalName: true } } },
    });
    expect(row.resumeFile.originalName).toBe("Ana cvfdp.exe.txt");
    expect(row.displayName).toBe("Ana cvfdp.exe.txt");
    // An older row stored before the fix: the download's name is cleaned too.
    await db().resumeFile.updateMany({
      where: { application: { id: receipt.outcomes[0]!.applicationId } },
      data: { originalName: `old\u202Etxt.exe\u0085.txt` },
    });
    const download = await fetch(
      url(`/requisitions/${f.requisitionId}/candidates/${receipt.outcomes[0]!.applicationId}/file`),
      { headers: { Cookie: recruiter } },
    );
    expect(download.status).toBe(200);
    const disposition = download.headers.get("content-disposition") ?? "";
    expect(disposition).toContain(`filename*=UTF-8''oldtxt.exe.txt`);
    expect(disposition).not.toMatch(/%E2%80%AE|%C2%85/i);
  });
});

describe("uploads to a closed requisition (defect 9)", () => {
  it("are refused with a clear message by the API and the form, and nothing is stored", async () => {
    const api = await fetch(url(`/api/requisitions/${closedRequisitionId}/resumes`), {
      method: "POST",
      headers: { Cookie: recruiter },
      body: formOf([{ name: "late.txt", body: "Late Applicant\nML Engineer\n" }]),
    });
    expect(api.status).toBe(409);
    expect(((await api.json()) as { error: string }).error).toMatch(/requisition is closed.*nothing was uploaded/i);

    const form = await fetch(url(`/requisitions/${closedRequisitionId}`), {
      method: "POST",
      headers: { Cookie: recruiter, Origin: web.baseUrl },
      body: formOf([{ name: "late.txt", body: "Late Applicant\nML Engineer\n" }]),
      redirect: "manual",
    });
    expect(form.status).toBe(409);
    expect(await form.text()).toMatch(/requisition is closed/);
    expect(await db().application.count({ where: { requisitionId: closedRequisitionId } })).toBe(0);
    expect(await db().uploadBatch.count({ where: { requisitionId: closedRequisitionId } })).toBe(0);
  });
});

describe("cross-site check compares scheme, host and port (defect 11)", () => {
  it("refuses an https:// or other-port Origin of the same host for this http:// site", async () => {
    const { host, port } = new URL(web.baseUrl);
    for (const origin of [`https://${host}`, `https://${host}:${port}`, `http://${host}:${Number(port) + 1}`]) {
      const response = await fetch(url(`/api/requisitions/${f.requisitionId}/resumes`), {
        method: "POST",
        headers: { Cookie: recruiter, Origin: origin },
        body: formOf([{ name: "cross.txt", body: "Cross Site\n" }]),
      });
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toContain(`another site (${origin})`);
    }
    const same = await fetch(url(`/api/requisitions/${f.requisitionId}/resumes`), {
      method: "POST",
      headers: { Cookie: recruiter, Origin: web.baseUrl },
      body: formOf([{ name: "same.txt", body: "Same Site\nEngineer\n" }]),
    });
    expect(same.status).toBe(200);
  });
});

describe("queue dashboard (defect 13)", () => {
  it("loads no external fonts (the CSP would block them) and links back to the app", async () => {
    const admin = await signInCookie(web.baseUrl, f.users.admin.email, TEST_PASSWORD);
    const page = await fetch(url("/admin/queues"), { headers: { Cookie: admin } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("__UI_CONFIG__");
    expect(html).not.toMatch(/fonts\.googleapis\.com|fonts\.gstatic\.com/);
    // Everything the page loads comes from this origin.
    const loads = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(loads.length).toBeGreaterThan(0);
    for (const load of loads) expect(load, load).not.toMatch(/^(?:https?:)?\/\//);
    const config = JSON.parse(/<script id="__UI_CONFIG__" type="application\/json">([^<]*)</.exec(html)![1]!) as {
      miscLinks?: Array<{ text: string; url: string }>;
    };
    expect(config.miscLinks).toEqual([{ text: "← Back to MLE Screening", url: "/requisitions" }]);
  });
});

describe("Redis keys (defect 13)", () => {
  it("the web process's queue keys are gone once it stops", async () => {
    expect((await listQueueKeys(web.queuePrefix)).length).toBeGreaterThan(0);
    stopped = true;
    await web.stop();
    expect(await listQueueKeys(web.queuePrefix)).toEqual([]);
  });
});
