// A hiring manager goes from a pasted job posting to saved, explained weights in under a minute:
// the draft beside the posting with its lines marked, warnings and what is not scored, one
// suggestion rejected while the live preview follows, saved as a version the editor says was
// drafted from the posting and accepted by them. Then the same screens at phone width.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PLATFORM_POSTING } from "../factories/job-postings.ts";
import { DATA_ENGINEER, makeResumeText, ML_ENGINEER, RESEARCHER } from "../factories/resume-factory.ts";
import { DEMO_USERS, signIn } from "./support/auth.ts";

const SCREENS = process.env.SHOTS_DIR ?? "test-results/screens";
/**
 * A real ML-operations posting (../shared/jd, 15 real postings); when the set is absent, an
 * invented one with a requirement the ranking cannot score (so "not scored" shows as well).
 */
const REAL_POSTING = path.resolve("../shared/jd/jd-dev-03.txt");
const POSTING = existsSync(REAL_POSTING)
  ? readFileSync(REAL_POSTING, "utf8")
  : PLATFORM_POSTING.replace(
      "- Terraform and AWS\n",
      "- Terraform and AWS\n- Clear written communication with product teams\n",
    );

async function screenshot(page: Page, name: string) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function resumeFiles(): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-posting-"));
  return Promise.all(
    [ML_ENGINEER, RESEARCHER, DATA_ENGINEER].map(async (profile) => {
      const file = path.join(dir, `${profile.key}.txt`);
      await writeFile(file, makeResumeText(profile), "utf8");
      return file;
    }),
  );
}

test("a hiring manager pastes a posting, rejects one suggestion and saves explained weights in under a minute", async ({
  page,
}) => {
  const browserErrors: string[] = [];
  page.on("pageerror", (error) => browserErrors.push(error.message));

  // Setup (not timed): an admin opens a requisition with the hiring manager on its team and three résumés.
  await signIn(page, "admin");
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`ML Ops Engineer ${Date.now().toString(36)}`);
  await page.getByTestId("new-team-picker").getByLabel(new RegExp(DEMO_USERS.manager.name)).check();
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;
  await page.getByTestId("upload-input").setInputFiles(await resumeFiles());
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`));
  await page.getByTestId("back-to-candidates").click();
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(3, { timeout: 60_000 });

  // The hiring manager's journey, timed from sign-in to the saved weights in the editor.
  const started = Date.now();
  await signIn(page, "manager", { redirectTo: `${requisitionPath}/weights` });
  await page.getByTestId("draft-from-posting").click();
  await expect(page).toHaveURL(`${requisitionPath}/weights/from-posting`);
  await page.getByLabel("Paste the job posting").fill(POSTING);
  await page.getByTestId("posting-submit").click();

  // The draft beside the posting: marked lines, a warning with why, what is not scored, the preview.
  await expect(page.getByTestId("posting-source")).toContainText(`Pasted by ${DEMO_USERS.manager.name}`);
  await expect(page.getByTestId("posting-text").locator("mark.pm--suggestion").first()).toBeVisible();
  const degree = page.locator('[data-testid="draft-warning"][data-code="degree_required"]');
  await expect(degree).toContainText("likely proxy");
  await expect(page.getByTestId("draft-unscored")).toBeVisible();
  const suggestions = page.getByTestId("draft-suggestion");
  const total = await suggestions.count();
  expect(total).toBeGreaterThan(5);
  await expect(page.getByTestId("draft-summary")).toContainText(`${total} of ${total} suggestions accepted`);
  const preview = page.getByTestId("ranking-preview");
  await expect(preview).toHaveAttribute("data-fresh", "true");
  await expect(preview.getByTestId("preview-after").getByTestId("preview-entry")).toHaveCount(3);

  // Reject the first must-have marked on its own in the posting (a phrase that also backs an
  // area, "backend or infrastructure engineering", stays marked for the area): its mark is struck,
  // the preview is recomputed.
  const mustHaves = page.locator('[data-testid="draft-suggestion"][data-id^="mustHave:"]');
  let rejectedIndex = -1;
  for (let index = 0; index < (await mustHaves.count()); index += 1) {
    const id = await mustHaves.nth(index).getAttribute("data-id");
    if ((await page.getByTestId("posting-text").locator(`mark[data-groups="${id}"]`).count()) > 0) {
      rejectedIndex = index;
      break;
    }
  }
  expect(rejectedIndex).toBeGreaterThanOrEqual(0);
  const rejected = mustHaves.nth(rejectedIndex);
  const skillName = ((await rejected.locator(".draft-item__title > span").first().textContent()) ?? "").replace(
    /^Must-have: /,
    "",
  );
  expect(skillName).not.toBe("");
  await rejected.getByRole("checkbox").uncheck();
  await expect(rejected).toContainText("Rejected");
  await expect(page.getByTestId("draft-summary")).toContainText(`${total - 1} of ${total} suggestions accepted`);
  const rejectedId = await rejected.getAttribute("data-id");
  await expect(page.getByTestId("posting-text").locator(`mark[data-groups="${rejectedId}"]`).first()).toHaveAttribute(
    "class",
    /pm--rejected|pm--warning/,
  );
  await expect(preview).toHaveAttribute("data-fresh", "true");
  await screenshot(page, "posting-review-1440");

  await page.getByTestId("save-draft").click();
  await expect(page).toHaveURL(`${requisitionPath}/weights`);
  await expect(page.getByTestId("weights-version")).toHaveText("2");
  await expect(page.getByTestId("weights-provenance")).toContainText(
    `Version 2 was drafted from the job posting and accepted by ${DEMO_USERS.manager.name}`,
  );
  await expect(page.getByTestId("weights-provenance")).toContainText(`${total - 1} suggestions accepted, 1 rejected`);
  const chips = page.getByTestId("skills-mustHave").getByTestId("skill-chip");
  expect(await chips.count()).toBeGreaterThan(0);
  expect(await chips.allTextContents()).not.toContain(skillName);
  const elapsed = Date.now() - started;
  console.log(`posting → saved weights: ${(elapsed / 1000).toFixed(1)} s`);
  expect(elapsed).toBeLessThan(60_000);
  await screenshot(page, "posting-editor-1440");

  // The posting is shown under Role description on the Settings tab.
  await page.getByTestId("tab-settings").click();
  await expect(page.getByTestId("role-description-source")).toContainText(`Pasted by ${DEMO_USERS.manager.name}`);
  await expect(page.getByTestId("role-description")).toContainText(POSTING.split("\n")[0]!.trim());

  // Phone width: the review fits the screen (the editor is shot for looking; its layout is the editor's).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${requisitionPath}/weights/from-posting`);
  await expect(page.getByTestId("posting-text")).toBeVisible();
  await screenshot(page, "posting-review-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto(`${requisitionPath}/weights`);
  await expect(page.getByTestId("weights-provenance")).toBeVisible();
  await screenshot(page, "posting-editor-390");
  expect(browserErrors).toEqual([]);
});
