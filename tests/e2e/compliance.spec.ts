// The compliance journey of issue 16 in a real browser: the compliance demo user downloads the
// self-identification template of a requisition, fills it in, checks it (a dry run with a result
// per row), imports it, reads the fairness report (impact ratios), starts the consistency check and
// sees its result (100 % identical on this requisition) in the report and its JSON export, and
// records one applicant's answers on the single-entry screen (a clear error for an unknown id
// first). Recruiters and hiring managers get 403 on every compliance route. Every screen is
// checked with axe, photographed at 1280 and 390 px (test-results/screens/compliance-*.png) and
// is no wider than the window at 390 px.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible, screenshot, watchErrors } from "./support/page-checks.ts";
import { uploadAndWaitUntilRead } from "./support/uploads.ts";
import { createRequisition } from "./support/requisitions.ts";

const expect = baseExpect.configure({ timeout: 20_000 });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

/** A résumé with every kind of identity cue: a name, he/his, a fraternity and "chairman". */
const WRITTEN = {
  name: "daniel-brooks.txt",
  text:
    "Daniel Brooks\ndaniel.brooks@example.com\nMachine Learning Engineer\n\nExperience\n" +
    "Acme Corp, Machine Learning Engineer, 2019 - present\n" +
    "He built recommendation models in PyTorch and served them on Kubernetes; he was chairman of the ML guild.\n" +
    "Member of Sigma Chi fraternity.\n\nSkills: Python, PyTorch, Kubernetes, Docker, SQL, Airflow\n",
};

/** The answers written into the template, in its order (two of each sex, several races, one declined). */
const ANSWERS: Array<[string, string]> = [
  ["Female", "Asian"],
  ["Male", "White"],
  ["Female", "Black or African American"],
  ["Male", "Hispanic or Latino"],
  ["Female", "White"],
  ["Prefer not to say", "Asian"],
];

let requisition: { id: string; path: string; title: string };

/** The page is no wider than its window (layout-fit.spec.ts measures every other screen the same way). */
async function expectFits(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: document width at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

/** Axe, then a screenshot at 1280 and at 390 px, where the page must fit. */
async function checkScreen(page: Page, name: string, what: string) {
  await page.setViewportSize(LAPTOP);
  await expectAccessible(page, what);
  await screenshot(page, `compliance-${name}-1280`, true);
  await page.setViewportSize(PHONE);
  await expectFits(page, what);
  await expectAccessible(page, `${what} at 390 px`);
  await screenshot(page, `compliance-${name}-390`, true);
  await page.setViewportSize(LAPTOP);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  await signIn(page, "admin");
  const title = `ML Engineer, Fairness ${Date.now().toString(36)}`;
  const requisitionPath = await createRequisition(page, title, { exact: true });
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-compliance-"));
  const files = await Promise.all(
    [...PROFILES.map((p) => ({ name: `${p.key}.txt`, text: makeResumeText(p) })), WRITTEN].map(async (f) => {
      const file = path.join(dir, f.name);
      await writeFile(file, f.text, "utf8");
      return file;
    }),
  );
  await uploadAndWaitUntilRead(page, requisitionPath, files, 90_000);
  requisition = { id: requisitionPath.split("/").pop()!, path: requisitionPath, title };
  await page.close();
});

test("a compliance user imports self-identification, reads the report, runs the consistency check and records one applicant", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await signIn(page, "compliance");
  // Signing in leads a compliance user to the fairness report, not to the requisitions.
  await expect(page).toHaveURL(/\/compliance\/report$/);
  await page.getByTestId("nav-fairness").click();
  await expect(page).toHaveURL(/\/compliance\/report/);

  // 1. The template: one line per application, ids filled in, answers empty, no names.
  await page.goto("/compliance/self-identification");
  await page.getByTestId("template-requisition").selectOption(requisition.id);
  await checkScreen(page, "import", "the self-identification import page");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-download").click()]);
  expect(download.suggestedFilename()).toBe(`self-identification-${requisition.id}.csv`);
  const template = await readFile((await download.path())!, "utf8");
  const [header, ...lines] = template.trimEnd().split("\r\n");
  expect(header).toBe("application_id,sex,race_ethnicity");
  expect(lines).toHaveLength(ANSWERS.length);
  expect(lines.every((line) => /^c[a-z0-9]{24},,$/.test(line))).toBe(true);
  expect(template).not.toMatch(/Priya|Brooks|@/);
  const ids = lines.map((line) => line.split(",")[0]!);

  // 2. Filled in: the dry run shows one result per row, then the real import records them.
  const filled = [header, ...ids.map((id, index) => `${id},${ANSWERS[index]![0]},${ANSWERS[index]![1]}`)].join("\r\n");
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "mle-e2e-self-id-")), "self-identification.csv");
  await writeFile(file, filled, "utf8");
  await page.getByTestId("self-id-file").setInputFiles(file);
  await page.getByTestId("self-id-check").click();
  await expect(page.getByTestId("self-id-result")).toContainText(
    `Dry run of self-identification.csv: ${ANSWERS.length} rows ready, 0 with errors`,
  );
  const rows = page.getByTestId("self-id-row");
  await expect(rows).toHaveCount(ANSWERS.length);
  await expect(rows.nth(0)).toContainText("Female");
  await expect(rows.nth(0)).toContainText("Asian (Not Hispanic or Latino)");
  await expect(rows.nth(5)).toContainText("Unknown");
  for (let index = 0; index < ANSWERS.length; index += 1) await expect(rows.nth(index)).toContainText("OK");
  await checkScreen(page, "dry-run", "the import's dry run");
  await page.getByTestId("self-id-file").setInputFiles(file);
  await page.getByTestId("self-id-import").click();
  await expect(page.getByTestId("self-id-result")).toContainText(
    `Imported ${ANSWERS.length} rows from self-identification.csv`,
  );

  // 3. The report: 5 applicants with both categories known, one unknown; impact ratios shown.
  await page.goto(`/compliance/report?requisition=${requisition.id}`);
  await expect(page.getByTestId("applicants-assessed")).toHaveText(String(ANSWERS.length));
  await expect(page.getByTestId("applicants-included")).toHaveText(String(ANSWERS.length - 1));
  await expect(page.getByTestId("unknown-count")).toContainText("1");
  const sexScoring = page.getByTestId("table-scoring-sex");
  await expect(sexScoring.getByRole("row", { name: /^Male/ }).getByTestId("impact-ratio")).toHaveText(/^\d\.\d{3}/);
  await expect(sexScoring.getByRole("row", { name: /^Female/ }).getByTestId("impact-ratio")).toHaveText(/^\d\.\d{3}/);
  await expect(page.getByTestId("table-scoring-raceEthnicity").getByTestId("impact-ratio").first()).toHaveText(
    /^\d\.\d{3}/,
  );
  await expect(page.getByTestId("consistency-state")).toContainText("Not run yet for this requisition.");

  // 4. The consistency check runs in the background; its result joins the report.
  await page.getByTestId("consistency-start").click();
  await expect(page.getByTestId("consistency-result")).toContainText(
    `${ANSWERS.length} of ${ANSWERS.length} résumés identical (100%)`,
    { timeout: 90_000 },
  );
  await expect(page.getByTestId("consistency-result")).toContainText("Goal met");
  await expect(page.getByTestId("consistency-meta")).toContainText("by Casey Compliance");
  await expect(page.getByTestId("consistency-moved")).toHaveCount(0);
  await expect(page.getByTestId("consistency-start")).toHaveText("Run the check again");
  await checkScreen(page, "report", "the fairness report with the consistency check");
  const exported = await page.request.get(`/compliance/report/export?requisition=${requisition.id}&format=json`);
  expect(exported.status()).toBe(200);
  const summary = (await exported.json()) as {
    applicantsAssessed: number;
    consistencyCheck: { status: string; resumes: number; identical: number; shareIdentical: number; moved: [] };
  };
  expect(summary.applicantsAssessed).toBe(ANSWERS.length);
  expect(summary.consistencyCheck).toMatchObject({
    status: "done",
    resumes: ANSWERS.length,
    identical: ANSWERS.length,
    shareIdentical: 1,
    moved: [],
  });

  // 5. One applicant on the single-entry screen: an unknown id first, then the real one.
  await page.goto("/compliance/self-identification/record");
  await page.getByTestId("self-id-requisition").selectOption(requisition.id);
  await page.getByTestId("self-id-key").fill("cnosuchapplication0000000");
  await page.getByTestId("self-id-find-button").click();
  await expect(page.getByTestId("self-id-find-error")).toHaveText(
    "No application has the id cnosuchapplication0000000.",
  );
  await page.getByTestId("self-id-key").fill(ids[5]!);
  await page.getByTestId("self-id-find-button").click();
  const entry = page.getByTestId("self-id-entry");
  await expect(entry).toContainText(ids[5]!);
  await expect(page.getByTestId("self-id-current")).toContainText(
    "sex unknown or declined; Asian (Not Hispanic or Latino)",
  );
  await entry.getByRole("group", { name: "Sex" }).getByLabel("Male", { exact: true }).check();
  await entry.getByRole("group", { name: "Race/ethnicity" }).getByLabel("Declined to answer").check();
  await page.getByTestId("self-id-save").click();
  await expect(page.getByTestId("self-id-saved")).toContainText(
    "Saved: Male; race/ethnicity unknown or declined (recorded by a compliance user",
  );
  await checkScreen(page, "record", "the single-entry screen");

  // The unknown id answers 404 on purpose; the browser logs that response, nothing else may be logged.
  expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
});

test("recruiters and hiring managers get 403 on every compliance route", async ({ page }) => {
  const routes = [
    "/compliance/report",
    `/compliance/report/export?requisition=${requisition.id}&format=json`,
    "/compliance/self-identification",
    `/compliance/self-identification/template.csv?requisition=${requisition.id}`,
    `/compliance/self-identification/record?requisition=${requisition.id}`,
    `/compliance/consistency?requisition=${requisition.id}`,
  ];
  for (const who of ["recruiter", "manager"] as const) {
    await signIn(page, who);
    await expect(page.getByTestId("nav-fairness")).toHaveCount(0);
    for (const route of routes) {
      const response = await page.request.get(route, { maxRedirects: 0 });
      expect(response.status(), `GET ${route} as ${who}`).toBe(403);
    }
    for (const [route, form] of [
      ["/compliance/consistency", { requisitionId: requisition.id }],
      ["/compliance/self-identification/record", { requisitionId: requisition.id, applicationId: "x" }],
    ] as const) {
      const response = await page.request.post(route, { form, maxRedirects: 0 });
      expect(response.status(), `POST ${route} as ${who}`).toBe(403);
    }
    // The page a person sees: the error panel, not the report.
    await page.goto(`/compliance/report?requisition=${requisition.id}`);
    await expect(page.getByTestId("report-summary")).toHaveCount(0);
  }
});
