// The candidate page through a real browser, web process and worker: a recruiter opens a
// candidate from the table, selects an area and sees its evidence highlighted in the résumé,
// adds a note, shortlists, steps to the next and previous candidates (links and keyboard), and
// downloads the original file; on a blind-review requisition the page hides identity until
// shortlisting.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { makeImageOnlyPdf } from "../factories/pdf-writer.ts";
import {
  BACKEND_ENGINEER,
  DATA_SCIENTIST,
  makeResumeText,
  ML_ENGINEER,
  type ResumeProfile,
} from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { setBlindReview } from "./support/e2e-database.ts";
import { expectAccessible, screenshot, watchErrors } from "./support/page-checks.ts";
import { createRequisition } from "./support/requisitions.ts";
import { uploadAndWaitUntilRead } from "./support/uploads.ts";

/** Creates a requisition, uploads the profiles as text résumés and waits until all are scored. */
async function requisitionWith(page: Page, title: string, profiles: ResumeProfile[]): Promise<string> {
  const requisitionPath = await createRequisition(page, title);
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-candidate-"));
  const files = await Promise.all(
    profiles.map(async (profile) => {
      const file = path.join(dir, `${profile.key}.txt`);
      await writeFile(file, makeResumeText(profile), "utf8");
      return file;
    }),
  );
  await uploadAndWaitUntilRead(page, requisitionPath, files, 60_000);
  return requisitionPath;
}

/** The candidate page's heading (the table uses the same test id for its name cells). */
const nameOf = (page: Page) => page.getByTestId("candidate-page").getByTestId("candidate-name");

const candidateLink = (page: Page, text?: string) => {
  const rows = page.getByTestId("candidate-row");
  return (text ? rows.filter({ hasText: text }) : rows).first().locator('a[href*="/candidates/"]').first();
};

test("a recruiter reads the evidence, adds a note, shortlists and steps through candidates", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "recruiter");
  const requisitionPath = await requisitionWith(page, "ML Engineer, Candidate page", [
    ML_ENGINEER,
    BACKEND_ENGINEER,
    DATA_SCIENTIST,
  ]);

  // Open the candidate from the table, sorted by overall score: the page keeps that view.
  await page.goto(`${requisitionPath}?sort=overall&dir=desc`);
  await candidateLink(page, ML_ENGINEER.name).click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/candidates/[a-z0-9]+\\?(.*&)?sort=overall`));
  const firstUrl = page.url();
  await expect(nameOf(page)).toHaveText(ML_ENGINEER.name);
  await expect(page.getByTestId("candidate-stage")).toHaveAttribute("data-stage", "NEW");
  await expect(page.getByTestId("weights-version")).toHaveText("Ranked with weights v1");
  await expect(page.getByTestId("score-overall")).toContainText(/\d+/);
  // The two dimension scores carry their band in words, as in the table.
  for (const dimension of ["production", "ml"])
    await expect(page.getByTestId(`score-${dimension}-band`)).toHaveText(/^(none|little|some|solid|strong)$/);
  await expect(page.getByTestId("contact")).toContainText(ML_ENGINEER.email);
  await expect(page.getByTestId("area-button")).toHaveCount(14);
  await expect(page.getByTestId("gaps")).toBeVisible();
  await expect(page.getByTestId("background")).toContainText("ML engineer");
  await expect(page.getByTestId("timeline-entry")).toHaveCount(2);
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Senior Machine Learning Engineer");
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Mar 2021 – Present");
  // Every area's evidence is marked before anything is selected.
  await expect(page.locator('[data-testid="resume-text"] mark.ev').first()).toBeVisible();
  await screenshot(page, "candidate-page");
  await screenshot(page, "candidate-page-full", true);
  await expectAccessible(page, "the candidate page");

  // Selecting an area highlights its evidence lines (and only those) in the résumé text.
  const containers = page.locator('[data-testid="area-button"][data-area="containers_orchestration"]');
  await containers.click();
  await expect(containers).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("evidence-selection")).toContainText("Containers and orchestration");
  const selected = page.locator('[data-testid="resume-text"] mark.is-selected');
  await expect(selected.first()).toBeVisible();
  expect(await selected.count()).toBeGreaterThan(0);
  for (const areas of await selected.evaluateAll((marks) => marks.map((m) => m.getAttribute("data-areas") ?? ""))) {
    expect(areas.split(" ")).toContain("containers_orchestration");
  }
  expect((await selected.allTextContents()).join(" ")).toMatch(/Kubernetes|Docker/);
  await expect(page.locator('[data-testid="resume-text"] mark.is-muted').first()).toBeAttached();
  await expect(selected.first()).toBeInViewport();

  // The keyboard works too: Tab to another area and press Enter, step through its lines.
  const serving = page.locator('[data-testid="area-button"][data-area="serving_apis"]');
  await serving.focus();
  await page.keyboard.press("Enter");
  await expect(serving).toHaveAttribute("aria-pressed", "true");
  await expect(containers).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("evidence-selection")).toContainText("line 1 of");
  await page.getByRole("button", { name: "Next evidence line" }).click();
  await expect(page.getByTestId("evidence-selection")).toContainText("line 2 of");
  await expect(page.locator('[data-testid="resume-text"] mark.is-current').first()).toBeInViewport();
  await screenshot(page, "candidate-evidence");
  await expectAccessible(page, "the candidate page with an area selected");

  // A note: an empty one is refused with a message; typing "j" in the box does not navigate.
  await page.getByTestId("note-submit").click();
  await expect(page.getByTestId("note-error")).toHaveText(/empty/);
  await page.getByTestId("note-input").fill("Strong serving work (Triton, p99 35 ms). Ask about drift monitoring.");
  await page.getByTestId("note-input").press("j");
  await page.getByTestId("note-input").press("ArrowRight");
  expect(page.url()).toBe(firstUrl);
  await page.getByTestId("note-submit").click();
  await expect(page.getByTestId("note")).toHaveCount(1);
  await expect(page.getByTestId("note").first()).toContainText(
    "Strong serving work (Triton, p99 35 ms). Ask about drift monitoring.j",
  );
  await expect(page.getByTestId("note-input")).toHaveValue("");

  // Shortlist: the stage and its history update.
  await page.getByTestId("stage-button-SHORTLISTED").click();
  await expect(page.getByTestId("candidate-stage")).toHaveAttribute("data-stage", "SHORTLISTED");
  await expect(page.getByTestId("stage-button-SHORTLISTED")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("stage-history-entry")).toHaveCount(1);
  await expect(page.getByTestId("stage-history-entry").first()).toContainText("Shortlisted");
  await expect(page.getByTestId("stage-history-entry").first()).toContainText("Riley");
  await screenshot(page, "candidate-shortlisted", true);

  // The original file: an attachment with locked-down headers.
  const href = await page.getByTestId("download-file").getAttribute("href");
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(file.headers()["content-disposition"]).toBe(
    `attachment; filename="ml_engineer.txt"; filename*=UTF-8''ml_engineer.txt`,
  );
  expect(file.headers()["x-content-type-options"]).toContain("nosniff");
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect(file.headers()["cache-control"]).toBe("private, no-store");
  expect(await file.text()).toContain(ML_ENGINEER.email);

  // Previous / next in the table's order, keeping the table's view; then back with the keyboard.
  const position = (await page.getByTestId("pager-position").textContent()) ?? "";
  expect(position).toMatch(/^\d of 3$/);
  const hasNext = (await page.getByTestId("next-candidate").count()) > 0;
  await page.getByTestId(hasNext ? "next-candidate" : "previous-candidate").click();
  await expect(page).not.toHaveURL(firstUrl);
  await expect(nameOf(page)).not.toHaveText(ML_ENGINEER.name);
  const step = Number(position[0]) + (hasNext ? 1 : -1);
  await expect(page.getByTestId("pager-position")).toHaveText(`${step} of 3`);
  await page.locator("body").press(hasNext ? "k" : "j");
  // Back on the first candidate, in the same view (best first is the default, so the pager's URL
  // may leave the sort out).
  await expect(page).toHaveURL(new RegExp(`^${firstUrl.split("?")[0]}(\\?(sort=overall&dir=desc)?)?$`));
  await expect(nameOf(page)).toHaveText(ML_ENGINEER.name);
  await page.locator("body").press(hasNext ? "ArrowRight" : "ArrowLeft");
  await expect(page.getByTestId("pager-position")).toHaveText(`${step} of 3`);

  // Back to the table, in the same view (best first is the default, so the URL may not spell it).
  await page.getByTestId("back-to-table").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}(\\?.*)?$`));
  await expect(page.getByTestId("candidate-row")).toHaveCount(3);

  // The empty note was answered 400 on purpose; nothing else may fail.
  expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
});

test("blind review hides identity on the candidate page until the candidate is shortlisted", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page, "recruiter");
  const requisitionPath = await requisitionWith(page, "ML Engineer, Blind review", [ML_ENGINEER]);
  await setBlindReview(requisitionPath.split("/").pop()!, true);

  await page.goto(requisitionPath);
  await candidateLink(page).click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/candidates/[a-z0-9]+`));
  const candidateUrl = page.url();
  await expect(page.getByTestId("candidate-page")).toHaveAttribute("data-identity", "hidden");
  await expect(nameOf(page)).toHaveText(/^Candidate [A-Z0-9]{6}$/);
  await expect(page.getByTestId("identity-hidden")).toBeVisible();
  await expect(page.getByTestId("blind-notice")).toBeVisible();
  expect(await page.getByTestId("redacted").count()).toBeGreaterThan(3);
  await expect(page.getByTestId("download-file")).toHaveCount(0);
  const body = (await page.locator("body").textContent()) ?? "";
  for (const value of [
    ML_ENGINEER.name,
    ML_ENGINEER.email,
    ML_ENGINEER.phone,
    "University of Texas",
    "Austin",
    "priya-raman-ml",
    "ml_engineer.txt",
  ]) {
    expect(body, value).not.toContain(value);
  }
  // Nor is it in the page's data.
  expect(await page.content()).not.toContain(ML_ENGINEER.email);
  expect((await page.request.get(`${new URL(candidateUrl).pathname}/file`)).status()).toBe(403);

  // The evidence still reads and highlights.
  await page.locator('[data-testid="area-button"][data-area="serving_apis"]').click();
  await expect(page.locator('[data-testid="resume-text"] mark.is-selected').first()).toBeVisible();
  await screenshot(page, "candidate-blind");
  await expectAccessible(page, "the candidate page under blind review");

  await page.getByTestId("stage-button-SHORTLISTED").click();
  await expect(page.getByTestId("candidate-page")).toHaveAttribute("data-identity", "visible");
  await expect(nameOf(page)).toHaveText(ML_ENGINEER.name);
  await expect(page.getByTestId("download-file")).toBeVisible();
  await screenshot(page, "candidate-blind-shortlisted");

  expect(errors).toEqual([]);
});

test("a failed résumé says why in plain words and offers a new version, not a retry that cannot help", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await signIn(page, "recruiter");
  const requisitionPath = await createRequisition(page, "ML Engineer, Failed résumé");
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-failed-"));
  const scan = path.join(dir, "scanned-cv.pdf");
  await writeFile(scan, makeImageOnlyPdf());
  await expect(async () => {
    await page.getByTestId("upload-input").setInputFiles([scan]);
    await expect(page.getByTestId("upload-submit")).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await page.getByTestId("upload-submit").click();
  await expect(page).not.toHaveURL(requisitionPath);
  await page.goto(requisitionPath);
  await expect(page.locator('[data-testid="candidate-row"][data-status="FAILED"]')).toHaveCount(1, { timeout: 60_000 });

  await candidateLink(page).click();
  const panel = page.getByTestId("failure-panel");
  await expect(panel).toContainText("needs OCR or a text version");
  await expect(panel).toContainText("no_text");
  await expect(page.getByTestId("failure-message")).toContainText("text-based PDF or DOCX");
  await expect(panel).toContainText("1 attempt so far");
  await screenshot(page, "candidate-failed");
  await expectAccessible(page, "a failed candidate");

  // "No text" is permanent: reading the same file again cannot help, so there is no Retry, and a
  // text version of the résumé replaces the scan and is read.
  await expect(page.getByTestId("retry")).toHaveCount(0);
  const text = path.join(dir, "cv.txt");
  await writeFile(text, makeResumeText(ML_ENGINEER));
  await page.getByTestId("replace-file").setInputFiles(text);
  await page.getByTestId("replace-submit").click();
  await expect(panel).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId("resume-text")).toContainText("PyTorch", { timeout: 60_000 });
  expect(errors).toEqual([]);
});
