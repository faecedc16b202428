// The foundation flow through a real browser, web process and worker: create a requisition,
// upload résumés, watch them get parsed live, sort on the server, and get clear errors.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "../factories/pdf-writer.ts";
import { signIn } from "./support/auth.ts";

const SCREENS = "test-results/screens";

const TXT_RESUME = [
  "Ada Lovelace",
  "Machine Learning Engineer",
  "London, UK · ada.lovelace@example.com · +44 20 7946 0000",
  "",
  "EXPERIENCE",
  "Senior Machine Learning Engineer, Analytical Engines Ltd (London)   Jan 2019 - Present",
  "- Built and deployed PyTorch ranking models behind a FastAPI service on Kubernetes, p99 under 40 ms.",
  "- Owned the training pipeline in Airflow and the CI/CD with GitHub Actions; added drift monitoring.",
  "Software Engineer, Difference Systems (London)   Jun 2015 - Dec 2018",
  "- Wrote Python and Go services backed by PostgreSQL; designed REST APIs used by 40 teams.",
  "",
  "EDUCATION",
  "MSc Computer Science, University of London, 2015",
  "",
  "SKILLS",
  "Python, PyTorch, scikit-learn, Docker, Kubernetes, SQL, AWS, MLflow",
].join("\n");

const PDF_RESUME = [
  "Grace Hopper",
  "Data Scientist",
  "Arlington, VA - grace.hopper@example.com - (555) 010-2030",
  "",
  "EXPERIENCE",
  "Data Scientist, Compiler Analytics (Arlington)   Mar 2020 - Present",
  "- Trained gradient-boosted and deep learning models in TensorFlow; evaluated with A/B tests.",
  "- Built feature pipelines in Spark and SQL; shipped a batch scoring job on Airflow.",
  "",
  "EDUCATION",
  "PhD Mathematics, Yale University, 2019",
  "",
  "SKILLS",
  "Python, TensorFlow, pandas, SQL, Spark, statistics",
];

// PNG signature and a minimal IHDR chunk: an image, whatever the file is called.
const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001" +
    "0d0a2db40000000049454e44ae426082",
  "hex",
);

async function fixtureFiles(): Promise<{ txt: string; pdf: string; png: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-"));
  const files = {
    txt: path.join(dir, "ada-lovelace.txt"),
    pdf: path.join(dir, "grace-hopper.pdf"),
    png: path.join(dir, "photo.pdf"),
  };
  await writeFile(files.txt, TXT_RESUME, "utf8");
  await writeFile(files.pdf, makePdf(PDF_RESUME));
  await writeFile(files.png, PNG_BYTES);
  return files;
}

async function screenshot(page: Page, name: string) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function createRequisition(page: Page, title: string): Promise<string> {
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Team" }).fill("Search Relevance");
  await page.getByLabel("Location").fill("Berlin or remote (EU)");
  await page.getByLabel("Description").fill("Own ranking models from training to production serving.");
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/[a-z0-9]+$/);
  await expect(page.getByTestId("requisition-title")).toHaveText(title);
  return new URL(page.url()).pathname;
}

async function candidateNames(page: Page): Promise<string[]> {
  return page.getByTestId("candidate-name").allTextContents();
}

// A recruiter creates and fills requisitions (they become a member of what they create).
test.beforeEach(async ({ page }) => {
  await signIn(page, "recruiter");
});

test("creates a requisition, uploads résumés, shows live parsing and sorts on the server", async ({ page }) => {
  // Hydration mismatches and client exceptions surface as console errors: there must be none.
  const browserErrors: string[] = [];
  page.on("pageerror", (error) => browserErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") browserErrors.push(message.text());
  });

  await page.goto("/");
  await expect(page).toHaveURL(/\/requisitions$/);
  await expect(page.getByRole("heading", { name: "Requisitions", level: 1 })).toBeVisible();
  if (await page.getByTestId("requisitions-empty").isVisible()) await screenshot(page, "requisitions-empty");

  await page.getByTestId("new-requisition").first().click();
  await expect(page).toHaveURL(/\/requisitions\/new$/);
  const title = `Machine Learning Engineer, Ranking ${Date.now().toString(36)}`;
  const requisitionPath = await createRequisition(page, title);
  await expect(page.getByTestId("candidates-empty")).toContainText("No résumés yet");

  // A marker on window proves that the statuses below change without a page reload.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const files = await fixtureFiles();
  await page.getByTestId("upload-input").setInputFiles([files.txt, files.pdf, files.png]);
  await page.getByTestId("upload-submit").click();

  // The upload becomes a batch with its own progress view, which lists every stored file.
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`));
  const stored = page.getByTestId("batch-file");
  await expect(stored).toHaveCount(3);
  await expect(stored.filter({ hasText: "photo.pdf" })).toHaveAttribute("data-status", "FAILED");
  // A PNG (named .pdf) is read by OCR; this tiny image holds no text, and the row says so.
  await expect(stored.filter({ hasText: "photo.pdf" })).toContainText("No text (scan or image)");
  await page.getByTestId("back-to-candidates").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}$`));

  const rows = page.getByTestId("candidate-row");
  await expect(rows).toHaveCount(3);
  const photoRow = rows.filter({ hasText: "photo.pdf" });
  await expect(photoRow).toHaveAttribute("data-status", "FAILED");
  await expect(photoRow.getByTestId("failure-reason")).toContainText("found no text");

  // The worker parses in the background; the page polls until nothing is queued or processing.
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId("progress-summary")).toContainText(
    "0 queued · 0 processing · 0 needs review · 2 done · 1 failed",
  );
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(rows.filter({ hasText: "Ada Lovelace" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Grace Hopper" })).toHaveCount(1);

  // Sorting is done by the server and kept in the URL.
  await page.getByTestId("sort-name").click();
  await expect(page).toHaveURL(/[?&]sort=name&dir=asc/);
  await expect(page.locator("th[aria-sort]")).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => candidateNames(page)).toEqual(["Ada Lovelace", "Grace Hopper", "photo.pdf"]);
  const ascending = await candidateNames(page);
  expect(ascending).toEqual([...ascending].sort());

  await page.getByTestId("sort-name").click();
  await expect(page).toHaveURL(/[?&]sort=name&dir=desc/);
  await expect(page.locator("th[aria-sort]")).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => candidateNames(page)).toEqual(["photo.pdf", "Grace Hopper", "Ada Lovelace"]);

  // Overall, best first, is the default order: the URL leaves it out.
  await page.getByTestId("sort-overall").click();
  await expect(page).not.toHaveURL(/[?&]sort=/);
  await expect(page.locator('th[aria-sort="descending"]')).toHaveText(/Overall/);
  await expect(page.getByTestId("page-indicator")).toHaveText("Page 1 of 1");
  await screenshot(page, "requisition-table");

  await page.goto("/requisitions");
  const listRow = page.getByTestId("requisition-row").filter({ hasText: title });
  await expect(listRow).toContainText("3");
  await expect(listRow).toContainText("2 done");
  await expect(listRow).toContainText("1 failed");
  await screenshot(page, "requisitions-list");

  await listRow.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}$`));
  expect(browserErrors).toEqual([]);
});

test("a bad sort key in the URL shows a clear 400 with a way back", async ({ page }) => {
  const requisitionPath = await createRequisition(page, "Platform ML Engineer");
  const response = await page.goto(`${requisitionPath}?sort=bogus&dir=asc`);
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId("error-panel")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has an invalid table setting");
  await expect(page.getByTestId("error-message")).toContainText(
    "sort must be one of: name, overall, production, ml, years, status, stage, uploaded",
  );
  await screenshot(page, "error-bad-sort");

  await page.getByTestId("reset-view").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}$`));
  await expect(page.getByTestId("requisition-title")).toHaveText("Platform ML Engineer");
});

test("an unknown requisition is a 404 with a link back", async ({ page }) => {
  const response = await page.goto("/requisitions/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Requisition not found");
  await expect(page.getByTestId("error-message")).toContainText("This requisition does not exist");
  await screenshot(page, "error-not-found");
  await page.getByRole("link", { name: "Back to requisitions" }).click();
  await expect(page).toHaveURL(/\/requisitions$/);
});

test("the requisition form shows field errors and keeps what was typed", async ({ page }) => {
  await page.goto("/requisitions/new");
  await page.getByRole("textbox", { name: "Team" }).fill("Applied Science");
  await page.getByLabel("Location").fill("x".repeat(81));
  await page.getByTestId("create-requisition").click();
  await expect(page.getByTestId("title-error")).toHaveText("Title is required");
  await expect(page.getByTestId("location-error")).toContainText("at most 80 characters");
  await expect(page.getByRole("textbox", { name: "Team" })).toHaveValue("Applied Science");
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "requisition-form-errors");
});

test("a file over the size limit is refused with a message naming it", async ({ page }) => {
  const requisitionPath = await createRequisition(page, "ML Engineer, Size Limits");
  const maxBytes = Number(await page.getByTestId("upload-form").getAttribute("data-max-upload-bytes"));
  expect(maxBytes).toBeGreaterThan(0);
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-big-"));
  const big = path.join(dir, "huge-resume.txt");
  await writeFile(big, Buffer.alloc(maxBytes + 256 * 1024, "a"));

  await page.getByTestId("upload-input").setInputFiles(big);
  await page.getByTestId("upload-submit").click();
  // Refused on its own (nothing stored), named with the limit on the upload's progress view.
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`));
  const refused = page.getByTestId("refused-file");
  await expect(refused).toContainText("huge-resume.txt");
  await expect(refused).toContainText(`is larger than ${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB`);
  await expect(page.getByTestId("batch-files")).toContainText("No file of this upload could be stored");
  await screenshot(page, "upload-too-large");
});
