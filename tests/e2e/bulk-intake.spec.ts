// Bulk intake through a real browser, web process and worker: a recruiter drops a ZIP of
// résumés (and two hostile archives) on the upload form, lands on the batch's progress view,
// watches the counts reach done / failed, and reads why each refused file was refused.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "../factories/pdf-writer.ts";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { makeDocx, makeZip } from "../factories/zip-writer.ts";
import { signIn } from "./support/auth.ts";

const SCREENS = "test-results/screens";
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function screenshot(page: Page, name: string) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-");
}

/** The archive a recruiter exports from their mailbox: nested folders, macOS junk, one stray archive. */
function applicantsZip(): { bytes: Uint8Array; stored: string[] } {
  const resumes = PROFILES.map((profile, index) => {
    const text = makeResumeText(profile);
    const name = slug(profile.name);
    if (index % 3 === 0) return { name: `applicants/pdf/${name}.pdf`, data: makePdf(text.split("\n")), compress: true };
    if (index % 3 === 1)
      return { name: `applicants/word/${name}.docx`, data: makeDocx(text.split("\n"), { compress: true }) };
    return { name: `applicants/${name}.txt`, data: text, compress: true };
  });
  const bytes = makeZip([
    { name: "applicants/", data: "" },
    ...resumes,
    { name: "applicants/scanned-cv.pdf", data: PNG },
    { name: "applicants/old-applications.zip", data: makeZip([{ name: "x.txt", data: "x" }]) },
    { name: "__MACOSX/applicants/._scanned-cv.pdf", data: "resource fork" },
    { name: "applicants/.DS_Store", data: "junk" },
  ]);
  return { bytes, stored: [...resumes.map((r) => path.basename(r.name)), "scanned-cv.pdf"] };
}

test("a recruiter uploads a ZIP, follows its progress live and sees every refusal with its reason", async ({
  page,
}) => {
  const browserErrors: string[] = [];
  page.on("pageerror", (error) => browserErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") browserErrors.push(message.text());
  });

  await signIn(page, "recruiter");
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`ML Engineer, Bulk Intake ${Date.now().toString(36)}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;

  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-bulk-"));
  const bomb = path.join(dir, "bomb.zip");
  const locked = path.join(dir, "locked.zip");
  // 30 MB of zeros that claims to be 1 KB: about 30 KB on the wire.
  await writeFile(
    bomb,
    makeZip([{ name: "cv.txt", data: new Uint8Array(30 * 1024 * 1024), compress: true, declaredSize: 1024 }]),
  );
  await writeFile(locked, makeZip([{ name: "cv.pdf", data: "\u0000".repeat(64), encrypted: true }]));
  const applicants = applicantsZip();

  // Two archives through the file picker, the main one dropped on the zone: they add up.
  await expect(page.getByTestId("upload-submit")).toBeDisabled();
  await page.getByTestId("upload-input").setInputFiles([bomb, locked]);
  await expect(page.getByTestId("upload-selection")).toContainText("2 ZIP archives");
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "applicants.zip", { type: "application/zip" }));
    return transfer;
  }, Array.from(applicants.bytes));
  await page.getByTestId("drop-zone").dispatchEvent("dragenter", { dataTransfer });
  await expect(page.getByTestId("drop-zone")).toHaveClass(/is-dragging/);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByTestId("upload-selection")).toContainText("3 ZIP archives");
  await screenshot(page, "bulk-upload-selected");

  await page.getByTestId("upload-submit").click();
  // Every file is checked and stored before the redirect: allow for a busy machine.
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`), { timeout: 30_000 });
  const batchPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload progress");
  await screenshot(page, "bulk-progress-running");

  // Counts reach their end live: every readable résumé done, the image failed, nothing pending.
  const readable = applicants.stored.length - 1;
  await expect(page.getByTestId("batch-count-done")).toHaveText(String(readable), { timeout: 60_000 });
  await expect(page.getByTestId("batch-count-failed")).toHaveText("1");
  await expect(page.getByTestId("batch-count-queued")).toHaveText("0");
  await expect(page.getByTestId("batch-count-processing")).toHaveText("0");
  await expect(page.getByTestId("batch-count-refused")).toHaveText("3");
  const bar = page.getByRole("progressbar", { name: "Résumés read in this upload" });
  await expect(bar).toHaveAttribute("aria-valuenow", String(applicants.stored.length));
  await expect(bar).toHaveAttribute("aria-valuemax", String(applicants.stored.length));
  await expect(page.getByTestId("batch-counts")).toHaveAttribute("aria-live", "polite");
  await expect(page.getByTestId("batch-live-status")).toContainText("Finished");
  await expect(page.getByTestId("batch-summary")).toContainText(
    `${applicants.stored.length} résumés stored · 3 refused`,
  );

  // Every stored file, with its state; the unreadable one says why in plain words.
  const files = page.getByTestId("batch-file");
  await expect(files).toHaveCount(applicants.stored.length);
  expect((await files.locator(".file-list__file").allTextContents()).sort()).toEqual([...applicants.stored].sort());
  const scanned = files.filter({ hasText: "scanned-cv.pdf" });
  await expect(scanned).toHaveAttribute("data-status", "FAILED");
  // PNG scans are read by OCR; these 16 bytes are a PNG's start only, refused from the header.
  await expect(scanned).toContainText("Damaged");
  await expect(scanned).toContainText("PNG image");
  const opened = files.filter({ hasText: applicants.stored[0]! }).getByTestId("open-candidate");
  await expect(opened).toHaveAttribute("href", new RegExp(`${requisitionPath}/candidates/[a-z0-9]+$`));

  // Refused files: nothing stored, each with a specific reason.
  const refused = page.getByTestId("refused-file");
  await expect(refused).toHaveCount(3);
  await expect(refused.filter({ hasText: "old-applications.zip" })).toContainText("in applicants.zip");
  await expect(refused.filter({ hasText: "old-applications.zip" })).toContainText(
    "Archives inside an archive are not opened",
  );
  await expect(refused.filter({ hasText: "bomb.zip" })).toContainText("Too large");
  await expect(refused.filter({ hasText: "bomb.zip" })).toContainText("zip bomb");
  await expect(refused.filter({ hasText: "locked.zip" })).toContainText("Password-protected");
  await screenshot(page, "bulk-progress-done");

  // The event stream behind the live counts: server-sent events, closed once nothing is pending.
  const events = await page.request.get(`${batchPath}/events`);
  expect(events.status()).toBe(200);
  expect(events.headers()["content-type"]).toBe("text/event-stream; charset=utf-8");
  const body = await events.text();
  expect(body).toContain(
    `event: counts\ndata: {"QUEUED":0,"PROCESSING":0,"NEEDS_REVIEW":0,"DONE":${readable},"FAILED":1`,
  );
  expect(body).toContain("event: end");

  // The list of uploads, then back to the table with every stored résumé in it.
  await page.goto(`${requisitionPath}/uploads`);
  await expect(page.getByTestId("batch-row")).toHaveCount(1);
  await expect(page.getByTestId("batch-row")).toContainText(
    `${applicants.stored.length} of ${applicants.stored.length} résumés read`,
  );
  await screenshot(page, "bulk-uploads-list");
  await page.goto(batchPath);
  await page.getByTestId("back-to-candidates").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}$`));
  await expect(page.getByTestId("candidate-row")).toHaveCount(applicants.stored.length);
  expect(browserErrors).toEqual([]);
});

test("the progress view counts live while the worker reads, and links back from the requisition page", async ({
  page,
}) => {
  await signIn(page, "recruiter");
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`ML Engineer, Live Progress ${Date.now().toString(36)}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;

  // Enough loose PDFs that the worker is still reading when the page opens.
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-live-"));
  const files = await Promise.all(
    Array.from({ length: 24 }, async (_, i) => {
      const profile = PROFILES[i % PROFILES.length]!;
      const file = path.join(dir, `${slug(profile.name)}-${i + 1}.pdf`);
      // A line of its own per file: identical bytes would be refused as the same application.
      await writeFile(file, makePdf([...makeResumeText(profile).split("\n"), `Application reference ${i + 1}`]));
      return file;
    }),
  );
  await page.getByTestId("upload-input").setInputFiles(files);
  await expect(page.getByTestId("upload-selection")).toContainText("24 files");
  await page.getByTestId("upload-submit").click();
  // Every file is checked and stored before the redirect: allow for a busy machine.
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`), { timeout: 30_000 });

  // A marker on window proves the counts below change without a page reload.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const first = Number(await page.getByTestId("batch-count-done").textContent());
  if (first < 24) {
    await screenshot(page, "bulk-progress-live");
    // Still reading when the page opened: the counts come from the event stream, unless the last
    // files finished between reading the count and this check (the status then says so).
    const live = page.getByTestId("batch-live-status");
    await expect
      .poll(
        async () =>
          (await live.getAttribute("data-mode")) === "stream" || /Finished/.test((await live.textContent()) ?? ""),
      )
      .toBe(true);
    await expect(live).toContainText(/Updating live|Finished/);
  }
  await expect(page.getByTestId("batch-count-done")).toHaveText("24", { timeout: 90_000 });
  await expect(page.locator('[data-testid="batch-file"][data-status="DONE"]')).toHaveCount(24);
  await expect(page.getByTestId("batch-live-status")).toContainText("Finished");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // While a batch is pending the requisition page points to it; when none is, the strip is gone.
  await page.goto(requisitionPath);
  await expect(page.getByTestId("active-uploads")).toHaveCount(0);
  await expect(page.getByTestId("candidate-row")).toHaveCount(24);
});
