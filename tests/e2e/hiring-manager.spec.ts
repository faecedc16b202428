// Issue 13, defect 12 in the browser: a hiring manager decides on candidates a recruiter put in
// Screening (Shortlist / Reject buttons only), sees who moves the others, and the table's bulk bar
// offers only the moves their role may make. It works on a requisition of its own.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { createRequisition } from "./support/requisitions.ts";

const SHOTS = "test-results/screens";

/** As the recruiter: a requisition with the demo hiring manager on its team and one scored résumé. */
async function requisitionWithManager(page: Page): Promise<string> {
  const requisitionPath = await createRequisition(page, "Hiring manager decisions", { team: ["manager"] });
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-manager-"));
  const file = path.join(dir, "candidate.txt");
  await writeFile(file, makeResumeText(PROFILES[0]!), "utf8");
  await expect(async () => {
    await page.getByTestId("upload-input").setInputFiles([file]);
    await expect(page.getByTestId("upload-submit")).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await page.getByTestId("upload-submit").click();
  await expect(page).not.toHaveURL(requisitionPath);
  await page.goto(requisitionPath);
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(1, { timeout: 60_000 });
  return requisitionPath;
}

test("a hiring manager shortlists or rejects candidates in Screening and nothing else", async ({ page }) => {
  await signIn(page, "recruiter");
  const requisitionPath = await requisitionWithManager(page);
  await page.getByTestId("candidate-row").first().locator('a[href*="/candidates/"]').first().click();
  await expect(page.getByTestId("candidate-page")).toBeVisible();
  const candidatePath = new URL(page.url()).pathname;

  await signIn(page, "manager", { redirectTo: candidatePath });
  await expect(page.getByTestId("candidate-stage")).toHaveAttribute("data-stage", "NEW");
  await expect(page.getByTestId("stage-decision-note")).toContainText(
    "hiring managers shortlist or reject candidates once a recruiter has moved them to Screening",
  );
  await expect(page.locator('[data-testid^="stage-button-"]')).toHaveCount(0);

  await signIn(page, "recruiter", { redirectTo: candidatePath });
  await page.getByTestId("stage-button-SCREENING").click();
  await expect(page.getByTestId("candidate-stage")).toHaveAttribute("data-stage", "SCREENING");

  await signIn(page, "manager", { redirectTo: candidatePath });
  await expect(page.getByTestId("stage-button-SHORTLISTED")).toBeVisible();
  await expect(page.getByTestId("stage-button-REJECTED")).toBeVisible();
  await expect(page.getByTestId("stage-button-NEW")).toHaveCount(0);
  await expect(page.getByTestId("stage-button-SCREENING")).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/manager-stage-decision.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/manager-stage-decision-phone.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("stage-button-REJECTED").click();
  await expect(page.getByTestId("candidate-stage")).toHaveAttribute("data-stage", "REJECTED");
  // Rejected: reopening is the recruiters'.
  await expect(page.getByTestId("stage-decision-note")).toBeVisible();

  // The table's bulk bar offers the manager only Shortlist and Reject.
  await page.goto(requisitionPath);
  await page.getByTestId("candidate-row").first().getByRole("checkbox").check();
  await expect(page.getByTestId("bulk-bar")).toBeVisible();
  await expect(page.getByTestId("bulk-shortlisted")).toBeVisible();
  await expect(page.getByTestId("bulk-rejected")).toBeVisible();
  await expect(page.getByTestId("bulk-screening")).toHaveCount(0);
  await expect(page.getByTestId("bulk-new")).toHaveCount(0);
});
