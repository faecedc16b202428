// A hiring manager tunes a requisition's ranking: presets, a live before/after preview, a proxy
// warning before saving, a new weights version, and a table that says which version ranked it.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DATA_ENGINEER, makeResumeText, ML_ENGINEER, RESEARCHER } from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";

const SCREENS = "test-results/screens";

async function screenshot(page: Page, name: string) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** Name → overall score text, for each item of a list. */
async function scoresByName(items: Locator, nameSelector: string, scoreSelector: string) {
  const result: Record<string, string> = {};
  for (const item of await items.all()) {
    result[(await item.locator(nameSelector).textContent()) ?? ""] =
      (await item.locator(scoreSelector).textContent()) ?? "";
  }
  return result;
}

async function resumeFiles(): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-weights-"));
  return Promise.all(
    [ML_ENGINEER, RESEARCHER, DATA_ENGINEER].map(async (profile) => {
      const file = path.join(dir, `${profile.key}.txt`);
      await writeFile(file, makeResumeText(profile), "utf8");
      return file;
    }),
  );
}

// These journeys create a requisition, upload and tune in one go: an admin may do all three (the
// per-role split is in auth.spec.ts and the role-matrix test).
test.beforeEach(async ({ page }) => {
  await signIn(page, "admin");
});

test("a hiring manager tunes weights, sees the preview move, is warned about proxies and saves a new version", async ({
  page,
}) => {
  const browserErrors: string[] = [];
  page.on("pageerror", (error) => browserErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") browserErrors.push(message.text());
  });

  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`ML Engineer, Tuning ${Date.now().toString(36)}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;

  await page.getByTestId("upload-input").setInputFiles(await resumeFiles());
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`));
  await page.getByTestId("back-to-candidates").click();
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId("weights-note")).toContainText("weights v1");

  await page.getByTestId("tune-ranking").click();
  await expect(page).toHaveURL(`${requisitionPath}/weights`);
  await expect(page.getByRole("heading", { name: "Tune ranking", level: 1 })).toBeVisible();

  // The preview shows the current ranking on both sides before anything changes.
  const before = page.getByTestId("preview-before").getByTestId("preview-entry");
  const after = page.getByTestId("preview-after").getByTestId("preview-entry");
  await expect(before).toHaveCount(3);
  await expect(after).toHaveCount(3);
  await expect(page.getByTestId("productionWeight-value")).toHaveText("Production 50% · ML 50%");

  await page.getByTestId("preset-research").click();
  await expect(page.getByTestId("preset-research")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("productionWeight-value")).toHaveText("Production 35% · ML 65%");
  // The preview is recomputed with the preset (debounced): both lists, and every candidate in both.
  await expect(page.getByTestId("ranking-preview")).toHaveAttribute("data-fresh", "true");
  await expect(page.getByTestId("ranking-preview")).toContainText("Not saved yet");
  await expect(before).toHaveCount(3);
  await expect(after).toHaveCount(3);
  const names = async (list: typeof before) => (await list.locator(".preview-list__name").allTextContents()).sort();
  expect(await names(after)).toEqual(await names(before));
  expect(await names(after)).toEqual([DATA_ENGINEER.name, ML_ENGINEER.name, RESEARCHER.name].sort());

  // A must-have skill picked from the searchable list becomes a chip.
  const mustHave = page.getByTestId("skills-mustHave");
  await mustHave.getByLabel("Must-have skills").fill("PyTorch");
  await expect(mustHave.getByTestId("skill-chip")).toHaveText(/PyTorch/);

  // A minimum degree is a likely proxy: the warning appears before saving.
  await expect(page.getByTestId("minDegree-warning")).toHaveCount(0);
  await page.getByLabel("Minimum degree").selectOption("masters");
  await expect(page.getByTestId("minDegree-warning")).toContainText("likely proxy");
  await expect(page.getByTestId("minDegree-warning-region")).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("ranking-preview")).toHaveAttribute("data-fresh", "true");
  await screenshot(page, "weights-editor");
  await page.getByTestId("ranking-preview").screenshot({ path: `${SCREENS}/weights-preview.png` });
  // What the preview promises is what saving does: the table's scores match the "after" list.
  const promised = await scoresByName(
    page.getByTestId("preview-after").getByTestId("preview-entry"),
    ".preview-list__name",
    ".preview-list__score",
  );

  await page.getByTestId("save-weights").click();
  await expect(page.getByTestId("weights-saved")).toHaveText(
    "Saved as version 2 · the candidates table ranks with it now",
  );
  await expect(page).toHaveURL(`${requisitionPath}/weights`);
  await expect(page.getByTestId("weights-version")).toHaveText("2");
  await expect(page.getByTestId("preset-research")).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "Back to candidates" }).click();
  await expect(page).toHaveURL(requisitionPath);
  await expect(page.getByTestId("weights-note")).toContainText("weights v2");
  await expect(page.getByTestId("stale-version")).toHaveCount(0);
  await expect(page.getByTestId("flags")).toHaveCount(3);
  await expect(page.getByTestId("candidates-table")).toContainText("Gaps");
  // The table opens best first (overall, highest first): no click needed.
  await screenshot(page, "requisition-table-weights");
  const rows = page.getByTestId("candidate-row");
  expect(await scoresByName(rows, '[data-testid="candidate-name"]', ".score__value >> nth=0")).toEqual(promised);
  expect(browserErrors).toEqual([]);
});

test("an invalid minimum is refused with a field error and nothing is saved", async ({ page }) => {
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill("ML Engineer, Invalid Weights");
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  await page.getByTestId("tune-ranking").click();
  await expect(page.getByTestId("preview-empty")).toBeVisible();

  await page.getByLabel("Minimum years of experience").fill("60");
  await page.getByTestId("save-weights").click();
  await expect(page.getByTestId("weights-errors")).toContainText("Nothing was saved");
  await expect(page.getByLabel("Minimum years of experience")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("weights-version")).toHaveText("1");

  // 12 years is valid but a likely proxy for age: warned, not refused.
  await page.getByLabel("Minimum years of experience").fill("12");
  await expect(page.getByTestId("minYears-warning")).toContainText("proxy for age");
});

test("moving a slider moves the preview beside it, and the table's search says what matched", async ({ page }) => {
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`ML Engineer, Preview ${Date.now().toString(36)}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;
  await page.getByTestId("upload-input").setInputFiles(await resumeFiles());
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`));
  await page.goto(requisitionPath);
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(3, { timeout: 60_000 });

  // Search: a surname finds its person by name; a skill shows which skill matched.
  await page.goto(`${requisitionPath}?q=${encodeURIComponent(RESEARCHER.name.split(" ")[1]!)}`);
  await expect(page.getByTestId("candidate-row")).toHaveCount(1);
  await expect(page.getByTestId("candidate-row").getByTestId("match-chip").first()).toHaveText("name");
  await page.goto(`${requisitionPath}?q=pytorch`);
  await expect(page.getByTestId("match-chip").filter({ hasText: "skill: PyTorch" }).first()).toBeVisible();

  await page.goto(`${requisitionPath}/weights`);
  const preview = page.getByTestId("ranking-preview");
  await expect(preview).toHaveAttribute("data-fresh", "true");
  // Beside the sliders at desktop width: the preview's top is level with the form's.
  const [form, box] = [await page.getByTestId("weights-form").boundingBox(), await preview.boundingBox()];
  expect(box!.x).toBeGreaterThan(form!.x + form!.width - 1);
  expect(Math.abs(box!.y - form!.y)).toBeLessThan(40);
  await expect(preview.locator(".move--up, .move--down")).toHaveCount(0);

  // All weight on ML depth: the researcher climbs, the data engineer drops.
  const slider = page.getByLabel("Production engineering vs ML depth");
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(page.getByTestId("productionWeight-value")).toHaveText("Production 0% · ML 100%");
  await expect(preview).toHaveAttribute("data-fresh", "true");
  await expect(page.getByTestId("preview-after").locator(".move--up").first()).toHaveText(/^↑\d+$/);
  await expect(page.getByTestId("preview-before").locator(".move--down").first()).toHaveText(/^↓\d+$/);
  await page.getByTestId("ranking-preview").screenshot({ path: `${SCREENS}/weights-preview-moved.png` });

  // A phone: the form and the preview fit the screen, and the preview is a folded panel at the bottom.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const part of [page.getByTestId("weights-form"), preview]) {
    const partBox = (await part.boundingBox())!;
    expect(partBox.x).toBeGreaterThanOrEqual(0);
    expect(partBox.x + partBox.width).toBeLessThanOrEqual(390);
  }
  await expect(page.getByTestId("preview-toggle")).toHaveAttribute("aria-expanded", "false");
  await page.getByTestId("preview-toggle").click();
  await expect(page.getByTestId("preview-after")).toBeVisible();
  await screenshot(page, "weights-editor-phone");
});
