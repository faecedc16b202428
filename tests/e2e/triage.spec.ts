// Triage in the candidates table through a real browser, web process and worker: a recruiter
// filters (the URL changes and a reload keeps the view), sorts by two columns, moves through the
// rows with the keyboard, selects rows and shortlists them in bulk, is offered a new version for an unreadable file; the
// requisitions list counts stages; a blind-review requisition shows labels, never names. Axe
// checks the table screen and the list for serious or critical violations.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import {
  BACKEND_ENGINEER,
  DATA_ENGINEER,
  DATA_SCIENTIST,
  makeResumeText,
  ML_ENGINEER,
  RESEARCHER,
  type ResumeProfile,
} from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { setBlindReview } from "./support/e2e-database.ts";
import { expectAccessible, screenshot, watchErrors } from "./support/page-checks.ts";

// Each step waits for a server round trip and a revalidation; give them room on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const PROFILES: ResumeProfile[] = [ML_ENGINEER, BACKEND_ENGINEER, DATA_SCIENTIST, DATA_ENGINEER, RESEARCHER];

// PNG bytes under a .pdf name: accepted at upload (the name is not trusted), failed by the worker
// with a named reason — the row to retry.
const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001" +
    "0d0a2db40000000049454e44ae426082",
  "hex",
);

/** A new requisition with the five profiles and one unreadable file, all processed. */
async function requisitionWithResumes(page: Page, title: string): Promise<{ path: string; id: string }> {
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`${title} ${Date.now().toString(36)}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-triage-"));
  const files = await Promise.all(
    PROFILES.map(async (profile) => {
      const file = path.join(dir, `${profile.key}.txt`);
      await writeFile(file, makeResumeText(profile), "utf8");
      return file;
    }),
  );
  const broken = path.join(dir, "scan-photo.pdf");
  await writeFile(broken, PNG_BYTES);
  await page.getByTestId("upload-input").setInputFiles([...files, broken]);
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/`));
  await page.goto(requisitionPath);
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(PROFILES.length, {
    timeout: 60_000,
  });
  await expect(page.locator('[data-testid="candidate-row"][data-status="FAILED"]')).toHaveCount(1, { timeout: 30_000 });
  return { path: requisitionPath, id: requisitionPath.split("/").pop()! };
}

const rows = (page: Page) => page.getByTestId("candidate-row");
const names = (page: Page) => page.getByTestId("candidate-name").allTextContents();
const search = (page: Page) => new URL(page.url()).searchParams;

async function scores(page: Page, column: number): Promise<number[]> {
  const texts = await rows(page).evaluateAll(
    (trs, index) => trs.map((tr) => tr.querySelectorAll(".score__value")[index]?.textContent ?? ""),
    column,
  );
  return texts.map(Number);
}

test("a recruiter filters, sorts by two columns, bulk-shortlists and is offered a new version, not a retry, for a file that cannot be read", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  await signIn(page, "recruiter");
  const requisition = await requisitionWithResumes(page, "ML Engineer, Triage");
  await expect(page.getByTestId("candidates-count")).toHaveText("6");

  // ---- Filters write the URL; a reload keeps the view; chips show counts.
  await expect(page.getByTestId("status-filter")).toContainText("Done5");
  // Search and stage are on the one row; processing, scores, background and years are behind "More filters".
  await expect(page.getByTestId("more-filters-panel")).toBeHidden();
  await page.getByTestId("more-filters").click();
  await page.getByTestId("filter-status-DONE").check();
  await expect(page).toHaveURL(/[?&]status=DONE(&|$)/);
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByTestId("candidates-count")).toHaveText("5 of 6");

  await page.getByTestId("filter-search").fill("pytorch");
  await expect(page).toHaveURL(/[?&]q=pytorch/);
  const withPytorch = await rows(page).count();
  expect(withPytorch).toBeGreaterThan(0);
  expect(withPytorch).toBeLessThan(5);

  await page.getByTestId("filter-overallMin").fill("101");
  await expect(page.getByTestId("filter-overallMin")).toHaveAttribute("aria-invalid", "true");
  await page.getByTestId("filter-overallMin").fill("");
  expect(search(page).get("overallMin")).toBeNull();

  await page.reload();
  await expect(page.getByTestId("filter-search")).toHaveValue("pytorch");
  await expect(page.getByTestId("filter-status-DONE")).toBeChecked();
  await expect(rows(page)).toHaveCount(withPytorch);

  // Nothing matches: a clear empty state with a way out.
  await page.getByTestId("filter-search").fill("cobol-on-punchcards");
  await expect(page.getByTestId("candidates-no-match")).toContainText("No candidates match these filters");
  await page.getByTestId("empty-clear-filters").click();
  await expect(rows(page)).toHaveCount(6);
  expect(search(page).get("q")).toBeNull();
  await expect(page.getByTestId("filter-search")).toHaveValue("");

  // The back button walks back through the views.
  await page.goBack();
  await expect(page).toHaveURL(/q=cobol-on-punchcards/);
  await expect(page.getByTestId("candidates-no-match")).toBeVisible();
  await page.getByTestId("clear-filters").click();
  await expect(rows(page)).toHaveCount(6);

  // ---- The table opens best first (overall, descending); shift+click years for a secondary key.
  await page.getByTestId("filter-status-DONE").check();
  await expect(rows(page)).toHaveCount(5);
  expect(search(page).get("sort")).toBeNull();
  await expect(page.locator('th[aria-sort="descending"]')).toHaveText(/Overall/);
  // Years is one of the columns that live in the column menu until shown.
  await page.getByTestId("column-menu").locator("summary").click();
  await page.getByTestId("column-toggle-years").check();
  await page.keyboard.press("Escape");
  await page.getByTestId("sort-years").click({ modifiers: ["Shift"] });
  await expect.poll(() => search(page).get("sort")).toBe("overall,years:desc");
  expect(search(page).get("status")).toBe("DONE");
  await expect(page.getByTestId("sort-rank-overall")).toHaveText(/1$/);
  await expect(page.getByTestId("sort-rank-years")).toHaveText(/2$/);
  await expect(page.locator("th[aria-sort]")).toHaveCount(2);
  await expect(page.getByTestId("sort-summary")).toHaveText(
    "Sorted by overall score descending, then years of experience descending",
  );
  const overall = await scores(page, 0);
  expect(overall).toEqual([...overall].sort((a, b) => b - a));

  // ---- Rows link to the candidate page with the table's view; keyboard moves, opens, selects.
  const firstName = (await names(page))[0]!;
  await expect(page.getByTestId("candidate-name").first()).toHaveAttribute(
    "href",
    /\/candidates\/[a-z0-9]+\?.*sort=overall%2Cyears%3Adesc/,
  );
  await rows(page).first().focus();
  await page.keyboard.press("j");
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows(page).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/candidates\/[a-z0-9]+\?/);
  expect(search(page).get("sort")).toBe("overall,years:desc");
  await page.goBack();
  await expect(page.getByTestId("candidates-table")).toBeVisible();
  expect((await names(page))[0]).toBe(firstName);

  // ---- Select two rows (keyboard x and a checkbox), shortlist them in bulk.
  await rows(page).first().focus();
  await page.keyboard.press("x");
  await rows(page).nth(1).getByTestId("select-row").check();
  await expect(page.getByTestId("bulk-bar")).toBeVisible();
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  const chosen = (await names(page)).slice(0, 2);
  // Background is hidden by default (the table fits a laptop); the column menu shows it.
  await expect(page.getByTestId("candidates-table")).not.toContainText("Background");
  await page.getByTestId("column-menu").locator("summary").click();
  await page.getByTestId("column-toggle-background").check();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("candidates-table")).toContainText("Background");
  await screenshot(page, "triage-table-selection");
  await expectAccessible(page, "the requisition page with a selection");

  await page.getByTestId("bulk-shortlisted").click();
  await expect(page.getByTestId("toast")).toHaveText(/2 candidates moved to Shortlisted/);
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  for (const name of chosen) {
    await expect(rows(page).filter({ hasText: name }).getByTestId("stage-badge")).toHaveText("Shortlisted");
  }
  await expect(page.getByTestId("stage-filter")).toContainText("Shortlisted2");
  // The column choice is the recruiter's own and survives a reload.
  await page.reload();
  await expect(page.getByTestId("candidates-table")).toContainText("Background");
  await page.getByTestId("column-menu").locator("summary").click();
  await page.getByTestId("column-toggle-background").uncheck();
  await page.keyboard.press("Escape");

  // ---- Select the page, then every matching candidate, and move them all to screening.
  await page.getByTestId("filter-stage-NEW").check();
  await expect(rows(page)).toHaveCount(3);
  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
  await page.getByTestId("bulk-screening").click();
  await expect(page.getByTestId("toast")).toHaveText(/3 candidates moved to Screening/);
  await expect(page.getByTestId("candidates-no-match")).toBeVisible();
  await page.getByTestId("empty-clear-filters").click();

  // ---- The failed résumé: no text is a reason a retry cannot fix, so neither its row nor
  // "Retry all failed" offers a retry; the row links to a new version (on the candidate page).
  // A retry of a timed-out file is in uploads-fix.spec.ts.
  const failed = rows(page).filter({ has: page.getByTestId("failure-reason") });
  await expect(failed).toHaveCount(1);
  // A 1 × 1 PNG is read by OCR, which finds no text in it.
  await expect(failed.getByTestId("failure-reason")).toContainText("no_text");
  await expect(failed.getByTestId("retry-row")).toHaveCount(0);
  await expect(failed.getByTestId("new-version-row")).toHaveAttribute("href", /\/candidates\//);
  await expect(page.getByTestId("retry-all-failed")).toHaveCount(0);
  await screenshot(page, "triage-table-after");

  // ---- The requisitions list counts stages and processing states.
  await page.goto("/requisitions");
  const listRow = page.getByTestId("requisition-row").filter({ has: page.locator(`a[href="${requisition.path}"]`) });
  await expect(listRow.getByTestId("stage-counts")).toContainText("3 screening");
  await expect(listRow.getByTestId("stage-counts")).toContainText("2 shortlisted");
  await expect(listRow.getByTestId("processing-counts")).toContainText("1 failed");
  await expect(listRow.getByTestId("processing-counts")).toContainText("5 done");
  await screenshot(page, "triage-requisitions-list");
  await expectAccessible(page, "the requisitions list");
  await listRow.getByRole("link", { name: "2 shortlisted" }).click();
  await expect(page).toHaveURL(new RegExp(`${requisition.path}\\?stage=SHORTLISTED$`));
  await expect(rows(page)).toHaveCount(2);

  // ---- An impossible view in the URL is a clear 400.
  const response = await page.goto(`${requisition.path}?overallMin=90&overallMax=10`);
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId("error-message")).toContainText("overallMin (90) is above overallMax (10)");

  expect(errors.filter((e) => !e.includes("400"))).toEqual([]);
});

test("a blind-review requisition shows neutral labels until shortlisting, never names", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await signIn(page, "recruiter");
  const requisition = await requisitionWithResumes(page, "ML Engineer, Blind triage");
  await setBlindReview(requisition.id, true);
  await page.goto(`${requisition.path}?sort=overall&dir=desc`);

  await expect(page.getByTestId("blind-note")).toBeVisible();
  await expect(page.getByTestId("identity-hidden")).toHaveCount(6);
  for (const label of await names(page)) expect(label).toMatch(/^Candidate [A-Z0-9]{6}$/);
  const table = page.getByTestId("candidates-table");
  for (const profile of PROFILES) await expect(table).not.toContainText(profile.name);
  await expect(table).not.toContainText("scan-photo.pdf");
  // Searching by name finds nothing while identity is hidden.
  await page.getByTestId("filter-search").fill(ML_ENGINEER.name.split(" ")[0]!);
  await expect(page.getByTestId("candidates-no-match")).toBeVisible();
  await page.getByTestId("empty-clear-filters").click();
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByTestId("table-loading")).toHaveCount(0);
  await screenshot(page, "triage-blind");

  // Shortlisting reveals the identity of those shortlisted, only.
  await rows(page).first().getByTestId("select-row").check();
  await page.getByTestId("bulk-shortlisted").click();
  await expect(page.getByTestId("toast")).toHaveText(/1 candidate moved to Shortlisted/);
  await expect(page.getByTestId("identity-hidden")).toHaveCount(5);
  const shortlisted = rows(page).filter({
    has: page.locator('[data-testid="stage-badge"]', { hasText: "Shortlisted" }),
  });
  await expect(shortlisted.getByTestId("candidate-name")).not.toHaveText(/^Candidate [A-Z0-9]{6}$/);
  expect(PROFILES.map((p) => p.name)).toContain(await shortlisted.getByTestId("candidate-name").textContent());
  await expectAccessible(page, "a blind-review requisition");
  expect(errors).toEqual([]);
});
