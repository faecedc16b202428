// Requisition settings in the browser (the Settings tab): a recruiter turns blind review on (and
// the requisition page says so) and off again, which the hiring manager sees as a notice with who and
// when (issue 13, defect 12: hiring managers do not switch it); a recruiter closes and reopens the
// requisition.
import { expect, test } from "@playwright/test";
import { DEMO_REQUISITIONS, signIn } from "./support/auth.ts";

const SCREENS = "test-results/screens";

test("blind review is switched in the settings; a recruiter closes and reopens the requisition", async ({ page }) => {
  await signIn(page, "recruiter");
  await page.getByRole("link", { name: DEMO_REQUISITIONS.recommendations }).first().click();
  await expect(page.getByTestId("requisition-title")).toHaveText(DEMO_REQUISITIONS.recommendations);
  const requisitionPath = new URL(page.url()).pathname;
  await page.getByTestId("tab-settings").click();

  const card = page.getByTestId("blind-review-card");
  await expect(card).toContainText("Off");
  await page.getByTestId("toggle-blind-review").click();
  await expect(card).toContainText("On");
  await card.screenshot({ path: `${SCREENS}/blind-review-card.png` });
  await page.goto(requisitionPath);
  await expect(page.getByTestId("blind-badge")).toBeVisible();

  // Turn it off again (other specs expect the seeded state): the team is told who did it.
  await page.goto(`${requisitionPath}/settings`);
  await page.getByTestId("toggle-blind-review").click();
  await expect(page.getByTestId("blind-review-card")).toContainText("Off");

  await signIn(page, "manager", { redirectTo: `${requisitionPath}/settings` });
  await expect(page.getByTestId("toggle-requisition-status")).toHaveCount(0); // managers do not close requisitions
  await expect(page.getByTestId("toggle-blind-review")).toHaveCount(0); // nor switch blind review
  await expect(page.getByTestId("blind-review-off-notice")).toContainText(/Blind review switched off by .+ on \d/);
  await page.getByTestId("blind-review-card").screenshot({ path: `${SCREENS}/blind-review-off-notice.png` });

  await signIn(page, "recruiter", { redirectTo: `${requisitionPath}/settings` });
  await page.getByTestId("toggle-requisition-status").click();
  // Closing asks first: nothing changes until it is confirmed.
  await expect(page.getByTestId("close-requisition")).toContainText("New résumés will be refused");
  await expect(page.getByTestId("requisition-status")).toHaveText("Open");
  await page.getByTestId("confirm-close-requisition").click();
  await expect(page.getByTestId("requisition-status")).toHaveText("Closed");
  await page.goto(requisitionPath);
  await expect(page.getByTestId("closed-badge")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/requisition-closed.png` });
  await page.goto(`${requisitionPath}/settings`);
  await page.getByTestId("toggle-requisition-status").click();
  await expect(page.getByTestId("requisition-status")).toHaveText("Open");
});
