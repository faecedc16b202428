// Exports and the score plot through a real browser, web process and worker: a recruiter
// shortlists two candidates (one whose file name is a spreadsheet formula), exports the shortlist
// CSV from the requisition page, and the test opens the downloaded file; then the recruiter opens
// the plot, moves between points with the keyboard and opens a candidate with Enter.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import {
  BACKEND_ENGINEER,
  DATA_ENGINEER,
  DATA_SCIENTIST,
  makeResumeText,
  ML_ENGINEER,
  RESEARCHER,
} from "../factories/resume-factory.ts";
import { DEMO_REQUISITIONS, DEMO_USERS, signIn } from "./support/auth.ts";
import { expectAccessible, screenshot as takeScreenshot, watchErrors } from "./support/page-checks.ts";
import { uploadAndWaitUntilRead } from "./support/uploads.ts";
import { createRequisition } from "./support/requisitions.ts";

const screenshot = (page: Page, name: string, fullPage = true) => takeScreenshot(page, name, fullPage);

/** A file name that is a formula: with no name in the résumé, the file name labels the candidate. */
// (It starts with @: a file name starting with = is dropped by the multipart parser before intake.)
const CRAFTED_FILE = "@SUM(1+1) crafted.txt";

async function resumeFiles(): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-exports-"));
  const files = [ML_ENGINEER, BACKEND_ENGINEER, DATA_SCIENTIST, RESEARCHER].map((profile) => ({
    name: `${profile.key}.txt`,
    text: makeResumeText(profile),
  }));
  // No name line: the parser finds no name, so the table and the export call it by its file name.
  files.push({ name: CRAFTED_FILE, text: makeResumeText({ ...DATA_ENGINEER, name: "" }) });
  return Promise.all(
    files.map(async ({ name, text }) => {
      const file = path.join(dir, name);
      await writeFile(file, text, "utf8");
      return file;
    }),
  );
}

async function shortlist(page: Page, requisitionPath: string, rowText: string) {
  await page.goto(`${requisitionPath}?sort=overall&dir=desc`);
  await page
    .getByTestId("candidate-row")
    .filter({ hasText: rowText })
    .first()
    .locator('a[href*="/candidates/"]')
    .first()
    .click();
  await expect(page).toHaveURL(/\/candidates\//);
  await page.getByTestId("stage-button-SHORTLISTED").click();
  await expect(page.getByTestId("stage-button-SHORTLISTED")).toHaveAttribute("aria-pressed", "true");
}

test("a recruiter exports the shortlist as CSV and opens a candidate from the plot with the keyboard", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await signIn(page, "recruiter");

  const title = `ML Engineer, Exports ${Date.now().toString(36)}`;
  const requisitionPath = await createRequisition(page, title, { exact: true });

  const files = await resumeFiles();
  await uploadAndWaitUntilRead(page, requisitionPath, files, 90_000);

  await shortlist(page, requisitionPath, ML_ENGINEER.name);
  await shortlist(page, requisitionPath, CRAFTED_FILE);

  // Export the shortlist from the requisition page's toolbar.
  await page.goto(`${requisitionPath}?sort=overall&dir=desc`);
  await page.getByTestId("export-menu-button").click();
  await expect(page.getByTestId("export-shortlist-csv")).toBeVisible();
  await screenshot(page, "exports-menu", false);
  await expectAccessible(page, "the requisition page with the export menu open");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-shortlist-csv").click(),
  ]);
  const day = new Date().toISOString().slice(0, 10);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^ml-engineer-exports-[a-z0-9]+-shortlist-${day}\\.csv$`));
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
  const column = (name: string) => {
    const index = header!.indexOf(name);
    expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  expect(rows).toHaveLength(2);
  expect(rows.every((row) => row[column("Stage")] === "Shortlisted")).toBe(true);
  expect(rows.every((row) => row[column("Stage decided by")] === DEMO_USERS.recruiter.email)).toBe(true);
  expect(rows.every((row) => row[column("Weights version")] === "1")).toBe(true);
  expect(header).toContain("Serving and APIs");
  const candidates = rows.map((row) => row[column("Candidate")]);
  expect(candidates).toContain(ML_ENGINEER.name);
  // The formula is written as text: a leading quote keeps the spreadsheet from running it.
  expect(candidates).toContain(`'${CRAFTED_FILE}`);
  expect(rows.every((row) => /^\d+(\.\d)?$/.test(row[column("Overall score")]!))).toBe(true);
  const overall = rows.map((row) => Number(row[column("Overall score")]));
  expect(overall).toEqual([...overall].sort((a, b) => b - a));

  // The plot of the same view: the table's query string carries over.
  await page.keyboard.press("Escape");
  await page.getByTestId("view-plot").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/plot\\?sort=overall&dir=desc$`));
  await expect(page.getByRole("heading", { name: "Score plot", level: 1 })).toBeVisible();
  const points = page.getByTestId("plot-point");
  await expect(points).toHaveCount(files.length);
  await expect(page.getByTestId("balance-region")).toBeVisible();
  await expect(page.getByTestId("balance-iso-line")).toBeAttached();
  await expect(page.getByTestId("quadrant-balanced")).toContainText("Balanced: both dimensions");
  await expect(page.getByTestId("quadrant-ml_depth")).toContainText("Data scientist / researcher path");
  await expect(page.getByTestId("plot-table").getByRole("row")).toHaveCount(files.length + 1);
  const priya = points.and(page.locator(`[aria-label^="${ML_ENGINEER.name}: production "]`));
  await expect(priya).toHaveAttribute(
    "aria-label",
    new RegExp(`^${ML_ENGINEER.name}: production \\d+ \\(\\w+\\), ML \\d+ \\(\\w+\\), shortlisted, overall \\d+$`),
  );
  await screenshot(page, "plot");
  await expectAccessible(page, "the score plot");

  // One tab stop: Tab from the control before the plot lands on a point (roving tabindex).
  await expect(points.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  await page.getByTestId("view-table").focus();
  let focusedPoint = false;
  for (let i = 0; i < 12 && !focusedPoint; i++) {
    await page.keyboard.press("Tab");
    focusedPoint = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "plot-point");
  }
  expect(focusedPoint).toBe(true);
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  // Best overall first (the table's order): the shortlisted ML engineer.
  await page.keyboard.press("Home");
  expect(await focusedLabel()).toMatch(new RegExp(`^${ML_ENGINEER.name}:`));
  await expect(page.getByTestId("plot-tooltip")).toContainText(ML_ENGINEER.name);
  // ← steps to the next lower production score, → comes back.
  await page.keyboard.press("ArrowLeft");
  const left = await focusedLabel();
  expect(left).not.toMatch(new RegExp(`^${ML_ENGINEER.name}:`));
  await expect(page.getByTestId("plot-tooltip")).toBeVisible();
  await screenshot(page, "plot-keyboard-focus", false);
  await page.keyboard.press("ArrowRight");
  expect(await focusedLabel()).toMatch(new RegExp(`^${ML_ENGINEER.name}:`));

  // Enter opens the candidate, keeping the table's view for previous / next.
  const id = await page.evaluate(() => document.activeElement?.getAttribute("data-id"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/candidates/${id}\\?sort=overall&dir=desc$`));
  await expect(page.getByTestId("candidate-name")).toHaveText(ML_ENGINEER.name);

  // A hiring manager of the demo requisition sees its plot but cannot export.
  await signIn(page, "manager");
  await page.goto("/requisitions");
  await page.getByRole("link", { name: DEMO_REQUISITIONS.recommendations }).click();
  await expect(page).toHaveURL(/\/requisitions\/[a-z0-9]+$/);
  const demoPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("export-menu-button")).toHaveCount(0);
  await page.getByTestId("view-plot").click();
  await expect(page.getByRole("heading", { name: "Score plot", level: 1 })).toBeVisible();
  await expect(page.getByTestId("export-menu-button")).toHaveCount(0);
  // The demo requisition has no résumés in this run: the plot says so.
  await expect(page.getByTestId("plot-empty")).toBeVisible();
  await screenshot(page, "plot-empty", false);
  const refused = await page.request.get(`${demoPath}/export.csv?scope=shortlist`);
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-disposition"]).toBeUndefined();
  expect(await refused.text()).toMatch(/cannot export candidates/);

  expect(errors).toEqual([]);
});
