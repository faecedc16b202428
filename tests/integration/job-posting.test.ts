// The job posting through the real web process: added by paste or upload on the draft page, bad
// input refused with its message next to the field (empty, binary, too large, encrypted PDF), the
// review saved as a weights version that records the posting and who accepted it, audited; a
// posting replaced during the review is not saved over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePasswordProtectedPdf, makePdf } from "../factories/pdf-writer.ts";
import { PLATFORM_POSTING } from "../factories/job-postings.ts";
import { createAccessFixtures, TEST_PASSWORD, type AccessFixtures } from "../support/access-fixtures.ts";
import { signInCookie, startWebApp, type WebApp } from "../support/web-app.ts";

const MAX_UPLOAD_BYTES = 100_000;

let web: WebApp;
let fixtures: AccessFixtures;
let manager: string;
let recruiter: string;

beforeAll(async () => {
  web = await startWebApp({
    prepare: async (testDb) => {
      fixtures = await createAccessFixtures(testDb.db);
    },
    env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) },
  });
  manager = await signInCookie(web.baseUrl, fixtures.users.manager.email, TEST_PASSWORD);
  recruiter = await signInCookie(web.baseUrl, fixtures.users.recruiter.email, TEST_PASSWORD);
}, 180_000);

afterAll(async () => {
  await web?.stop();
});

const page = () => `/requisitions/${fixtures.requisitionId}/weights/from-posting`;

async function post(cookie: string, form: FormData | URLSearchParams, path = page()) {
  const response = await fetch(`${web.baseUrl}${path}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** The page's HTML as text reads (React's markers between text pieces removed). */
async function getPage(cookie: string, path = page()): Promise<string> {
  const response = await fetch(`${web.baseUrl}${path}`, { headers: { Cookie: cookie } });
  return (await response.text()).replace(/<!-- -->/g, "");
}

function postingForm(fields: { text?: string; file?: { name: string; bytes: Uint8Array } }): FormData {
  const form = new FormData();
  form.set("intent", "posting");
  form.set("postingText", fields.text ?? "");
  if (fields.file) form.set("postingFile", new Blob([new Uint8Array(fields.file.bytes)]), fields.file.name);
  else form.set("postingFile", new Blob([]), "");
  return form;
}

/** The error shown under a field: `<p id="postingText-error" …>message</p>`. */
function fieldError(html: string, field: "postingText" | "postingFile"): string | null {
  const match = new RegExp(`id="${field}-error"[^>]*>([^<]*)<`).exec(html);
  return match ? match[1]!.replace(/&#x27;/g, "'").replace(/&quot;/g, '"') : null;
}

describe("bad input is refused with a message next to the field, nothing stored", () => {
  it("an empty posting", async () => {
    const blank = await post(manager, postingForm({ text: "   \n\n  " }));
    expect(blank.status).toBe(400);
    expect(fieldError(blank.html, "postingText")).toBe(
      "The posting is empty: paste its text (at least a few lines) or choose its file.",
    );
    const nothing = await post(manager, postingForm({}));
    expect(nothing.status).toBe(400);
    expect(fieldError(nothing.html, "postingText")).toBe("Paste the job posting or choose its file.");
  });

  it("a binary file", async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(300).fill(0)]);
    const result = await post(manager, postingForm({ file: { name: "posting.pdf", bytes: elf } }));
    expect(result.status).toBe(400);
    expect(fieldError(result.html, "postingFile")).toMatch(
      /^This file is .*, not a posting that can be read\. Use a PDF/,
    );
  });

  it("a file over the limit", async () => {
    const big = new TextEncoder().encode("Machine Learning Engineer\n".repeat(5_000));
    const result = await post(manager, postingForm({ file: { name: "posting.txt", bytes: big } }));
    expect(result.status).toBe(413);
    expect(fieldError(result.html, "postingFile")).toBe(
      "The file is larger than 98 KB, the limit per file. Paste the posting's text instead.",
    );
  });

  it("a password-protected PDF", async () => {
    const result = await post(
      manager,
      postingForm({ file: { name: "posting.pdf", bytes: makePasswordProtectedPdf() } }),
    );
    expect(result.status).toBe(400);
    expect(fieldError(result.html, "postingFile")).toBe(
      "The PDF is password-protected, so its text cannot be read. Save a copy without a password, or paste the posting's text.",
    );
  });

  it("stored nothing", async () => {
    expect(await web.testDb.db.jobPosting.count()).toBe(0);
  });
});

describe("from the posting to saved weights", () => {
  it("a recruiter (a member without the weights permission) sees the page but cannot add the posting", async () => {
    const response = await fetch(`${web.baseUrl}${page()}`, { headers: { Cookie: recruiter } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("No job posting yet");
    expect((await post(recruiter, postingForm({ text: PLATFORM_POSTING }))).status).toBe(403);
  });

  it("an uploaded PDF posting is stored with its file name, who added it and an audit entry", async () => {
    const pdf = makePdf(PLATFORM_POSTING.split("\n"));
    const result = await post(manager, postingForm({ file: { name: "platform.pdf", bytes: pdf } }));
    expect(result.status).toBe(302);
    expect(result.location).toBe(page());
    const posting = await web.testDb.db.jobPosting.findUniqueOrThrow({
      where: { requisitionId: fixtures.requisitionId },
    });
    expect(posting.fileName).toBe("platform.pdf");
    expect(posting.uploadedById).toBe(fixtures.users.manager.id);
    expect(posting.text).toContain("Experience with Docker and Kubernetes in production");
    const audit = await web.testDb.db.auditEntry.findFirstOrThrow({ where: { action: "requisition.posting" } });
    expect(audit.summary).toMatch(/^Job posting added \(from platform\.pdf, \d+ characters\)$/);
  });

  it("a pasted posting replaces it; the page shows the draft beside the posting, with warnings and what is not scored", async () => {
    const result = await post(manager, postingForm({ text: PLATFORM_POSTING }));
    expect(result.status).toBe(302);
    const html = await getPage(manager);
    expect(html).toContain("Pasted by Test manager");
    expect(html).toContain("Must-have: Kubernetes");
    expect(html).toContain("Minimum 5 years");
    expect(html).toContain("Required degree");
    expect(html).toContain("Age proxy");
    expect(html).toContain('class="pm pm--suggestion');
  });

  it("saving with one suggestion rejected makes a version drafted from the posting, accepted by the manager", async () => {
    const db = web.testDb.db;
    const posting = await db.jobPosting.findUniqueOrThrow({ where: { requisitionId: fixtures.requisitionId } });
    const html = await getPage(manager);
    const ids = [...html.matchAll(/<input[^>]*name="accept"[^>]*value="([^"]+)"/g)].map((match) => match[1]!);
    expect(ids).toContain("mustHave:kubernetes");
    const form = new URLSearchParams([
      ["intent", "save"],
      ["postingUploadedAt", posting.uploadedAt.toISOString()],
      ...ids.filter((id) => id !== "mustHave:kubernetes").map((id) => ["accept", id]),
    ]);
    const result = await post(manager, form);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/requisitions/${fixtures.requisitionId}/weights`);

    const requisition = await db.requisition.findUniqueOrThrow({ where: { id: fixtures.requisitionId } });
    expect(requisition.weightsVersion).toBe(2);
    const weights = requisition.weights as { mustHave: string[]; minYears: number; productionWeight: number };
    expect(weights.mustHave).not.toContain("kubernetes");
    expect(weights.mustHave).toContain("docker");
    expect(weights.minYears).toBe(5);
    expect(weights.productionWeight).toBe(0.65);
    const version = await db.requisitionWeightsVersion.findFirstOrThrow({
      where: { requisitionId: fixtures.requisitionId, version: 2 },
    });
    expect(version.origin).toBe("posting");
    expect(version.createdById).toBe(fixtures.users.manager.id);
    expect(version.review).toMatchObject({ rejected: ["mustHave:kubernetes"], postingFileName: null });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "requisition.weights" } });
    expect(audit.summary).toBe("Ranking weights saved as version 2, drafted from the job posting");

    const versions = await (
      await fetch(`${web.baseUrl}/requisitions/${fixtures.requisitionId}/weights/versions.data`, {
        headers: { Cookie: manager },
      })
    ).text();
    expect(versions).toContain("Test manager");
    expect(versions).toContain("posting");
  });

  it("a save against a posting replaced meanwhile is refused, nothing saved", async () => {
    const form = new URLSearchParams([
      ["intent", "save"],
      ["postingUploadedAt", "2020-01-01T00:00:00.000Z"],
      ["accept", "lean"],
    ]);
    const result = await post(manager, form);
    expect(result.status).toBe(409);
    expect(result.html).toContain("The job posting was replaced while you reviewed it");
    const requisition = await web.testDb.db.requisition.findUniqueOrThrow({ where: { id: fixtures.requisitionId } });
    expect(requisition.weightsVersion).toBe(2);
  });
});

describe("a posting given when the requisition is created", () => {
  function newRequisition(title: string, postingText: string): FormData {
    const form = new FormData();
    form.set("title", title);
    form.set("postingText", postingText);
    form.set("postingFile", new Blob([]), "");
    return form;
  }

  it("is stored; a recruiter lands on the requisition, and members read it under Role description", async () => {
    const result = await post(recruiter, newRequisition("Posting: recruiter", PLATFORM_POSTING), "/requisitions/new");
    expect(result.status).toBe(302);
    const id = /^\/requisitions\/([a-z0-9]+)$/.exec(result.location ?? "")?.[1];
    expect(id).toBeDefined();
    const posting = await web.testDb.db.jobPosting.findUniqueOrThrow({ where: { requisitionId: id } });
    expect(posting.uploadedById).toBe(fixtures.users.recruiter.id);
    const read = await fetch(`${web.baseUrl}/requisitions/${id}/posting.data`, { headers: { Cookie: recruiter } });
    expect(read.status).toBe(200);
    expect(await read.text()).toContain("ML Platform Engineer");
  });

  it("an admin (who may set weights) lands on the draft review", async () => {
    const admin = await signInCookie(web.baseUrl, fixtures.users.admin.email, TEST_PASSWORD);
    const result = await post(admin, newRequisition("Posting: admin", PLATFORM_POSTING), "/requisitions/new");
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/requisitions\/[a-z0-9]+\/weights\/from-posting$/);
  });

  it("a bad posting creates nothing and says why next to the field", async () => {
    const before = await web.testDb.db.requisition.count();
    const result = await post(recruiter, newRequisition("Posting: blank", "  \n  "), "/requisitions/new");
    expect(result.status).toBe(400);
    expect(result.html).toContain("The posting is empty: paste its text");
    expect(await web.testDb.db.requisition.count()).toBe(before);
  });
});
