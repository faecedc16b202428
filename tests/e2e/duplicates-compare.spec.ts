// Duplicates and side-by-side comparison through a real browser, web process and worker (issue
// 14, items 7 and 8): uploading the same file twice is refused with "Already applied on … as …"
// and a link to the existing candidate; a new version of a résumé (same e-mail and phone) is
// flagged in the table and merged from the candidate page (one candidate, both files); three rows
// selected in the table are compared side by side, and two points picked on the plot too. Axe
// stays clean; the comparison is looked at on a laptop (1280) and a phone (390).
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BACKEND_ENGINEER, DATA_SCIENTIST, makeResumeText, ML_ENGINEER } from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible, screenshot, watchErrors } from "./support/page-checks.ts";
import { createRequisition } from "./support/requisitions.ts";
import { chooseFiles } from "./support/uploads.ts";

/** Uploads files from the requisition page; ends on the upload's progress view. */
async function upload(page: Page, requisitionPath: string, files: string[]) {
  await page.goto(requisitionPath);
  // The upload card may be folded once candidates exist: open it.
  const toggle = page.getByRole("button", { name: /upload résumés/i });
  if (
    (await page.getByTestId("upload-input").count()) === 0 ||
    !(await page.getByTestId("upload-submit").isVisible())
  ) {
    if (await toggle.count()) await toggle.first().click();
  }
  await chooseFiles(page, files);
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(/\/uploads\/[a-z0-9]+$/);
}

async function waitForRows(page: Page, requisitionPath: string, count: number) {
  await page.goto(requisitionPath);
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(count, {
    timeout: 60_000,
  });
}

async function expectFitsWidth(page: Page, what: string) {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scroll, `${what} is no wider than the viewport`).toBeLessThanOrEqual(viewport);
}

test("the same file twice is refused with a link, a new version is flagged and merged, three are compared", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "recruiter");
  const requisitionPath = await createRequisition(page, "Duplicates and compare");
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-dup-"));
  const file = async (name: string, text: string) => {
    const at = path.join(dir, name);
    await writeFile(at, text, "utf8");
    return at;
  };
  const ml = await file("priya.txt", makeResumeText(ML_ENGINEER));
  const backend = await file("marcus-2025.txt", makeResumeText(BACKEND_ENGINEER));
  const scientist = await file("sofia.txt", makeResumeText(DATA_SCIENTIST));
  await upload(page, requisitionPath, [ml, backend, scientist]);
  await waitForRows(page, requisitionPath, 3);

  // 1. The same bytes again: refused at upload, saying when and as whom, with a link.
  await upload(page, requisitionPath, [ml]);
  const refused = page.getByTestId("refused-file");
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText(`Already applied on`);
  await expect(refused).toContainText(`as ${ML_ENGINEER.name}`);
  await expectAccessible(page, "the upload view with a duplicate");
  await screenshot(page, "dup-compare-upload-duplicate");
  await refused.getByTestId("open-existing-candidate").click();
  await expect(page.getByTestId("candidate-page").getByTestId("candidate-name")).toHaveText(ML_ENGINEER.name);
  await waitForRows(page, requisitionPath, 3);

  // 2. A new version of Marcus's résumé (same e-mail and phone): flagged on both rows once read.
  const newer = await file("marcus-2026.txt", `${makeResumeText(BACKEND_ENGINEER)}\nAlso: Kubernetes operators.\n`);
  await upload(page, requisitionPath, [newer]);
  await waitForRows(page, requisitionPath, 4);
  const chips = page.getByTestId("duplicate-chip");
  await expect(chips).toHaveCount(2);
  await expect(chips.first()).toHaveAccessibleName(/^Duplicate\? (Already|Applied again) .*the same e-mail/);
  await expectAccessible(page, "the table with duplicate chips");
  await screenshot(page, "dup-compare-table-chips");

  // Merge from the earlier application's page: one candidate with both files.
  await page.getByTestId("candidate-row").filter({ hasText: "marcus-2025.txt" }).getByTestId("duplicate-chip").click();
  const panel = page.getByTestId("duplicates");
  await expect(panel.getByTestId("duplicate-match")).toContainText("Applied again on");
  await expectAccessible(page, "the candidate page with a possible duplicate");
  await screenshot(page, "dup-compare-candidate-duplicate");
  await panel.getByTestId("merge-duplicate").click();
  await expect(panel.getByTestId("duplicate-result")).toContainText("Merged: one candidate with 2 files");
  await expect(panel.getByTestId("merged-files")).toContainText("marcus-2026.txt");
  await waitForRows(page, requisitionPath, 3);
  await expect(page.getByTestId("duplicate-chip")).toHaveCount(0);

  // 3. Select three rows → Compare.
  const boxes = page.getByTestId("select-row");
  for (let i = 0; i < 3; i += 1) await boxes.nth(i).check();
  const compare = page.getByTestId("bulk-compare");
  await expect(compare).toHaveText("Compare (3)");
  await compare.click();
  await expect(page).toHaveURL(/\/compare\?ids=/);
  await expect(page.getByTestId("compare-candidate")).toHaveCount(3);
  await expect(page.getByTestId("compare-page")).toContainText(ML_ENGINEER.name);
  await expect(page.getByTestId("compare-production").first()).toContainText(/none|little|some|solid|strong/);
  await expect(page.getByTestId("compare-area").first()).toBeVisible();
  await expectAccessible(page, "the comparison");
  await expectFitsWidth(page, "the comparison at 1280 px");
  await screenshot(page, "dup-compare-compare-1280", true);
  // Keyboard: the table region is focusable (it scrolls sideways on a phone) and links follow.
  await page.getByTestId("compare-page").getByRole("region").focus();
  await expect(page.getByTestId("compare-page").getByRole("region")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("href", /\/candidates\//);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsWidth(page, "the comparison at 390 px");
  await expectAccessible(page, "the comparison on a phone");
  await screenshot(page, "dup-compare-compare-390", true);

  // Printing shows the comparison without the app's header.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(page.getByTestId("compare-print")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });

  // 4. More than four ids: a clear refusal, not a broken page.
  const tooMany = await page.request.get(`${requisitionPath}/compare?ids=a,b,c,d,e`);
  expect(tooMany.status()).toBe(400);

  // 5. From the plot: pick two points with the keyboard and compare them.
  await page.goto(`${requisitionPath}/plot`);
  await page.getByTestId("plot-point").nth(0).focus();
  await page.keyboard.press("c");
  await page.getByTestId("plot-point").nth(1).focus();
  await page.keyboard.press("c");
  await expect(page.locator('[data-testid="plot-point"].is-picked')).toHaveCount(2);
  await expectAccessible(page, "the plot with two picks");
  await page.getByTestId("plot-compare").click();
  await expect(page.getByTestId("compare-candidate")).toHaveCount(2);

  expect(errors).toEqual([]);
});
