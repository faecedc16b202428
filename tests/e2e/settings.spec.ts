// Requisition settings in the browser (the Settings tab): a hiring manager turns blind review on
// (and the requisition page says so); a recruiter closes and reopens the requisition.
import { expect, test } from "@playwright/test";
import { DEMO_REQUISITIONS, signIn } from "./support/auth.ts";

const SCREENS = "test-results/screens";

test("blind review is switched in the settings; a recruiter closes and reopens the requisition", async ({ page }) => {
  await signIn(page, "manager");
  await page.getByRole("link", { name: DEMO_REQUISITIONS.recommendations }).first().click();
  await expect(page.getByTestId("requisition-title")).toHaveText(DEMO_REQUISITIONS.recommendations);
  const requisitionPath = new URL(page.url()).pathname;
  await page.getByTestId("tab-settings").click();
  await expect(page.getByTestId("toggle-requisition-status")).toHaveCount(0); // managers do not close requisitions

  const card = page.getByTestId("blind-review-card");
  await expect(card).toContainText("Off");
  await page.getByTestId("toggle-blind-review").click();
  await expect(card).toContainText("On");
  await card.screenshot({ path: `${SCREENS}/blind-review-card.png` });
  await page.goto(requisitionPath);
  await expect(page.getByTestId("blind-badge")).toBeVisible();

  // Turn it off again so other specs see the seeded state.
  await page.goto(`${requisitionPath}/settings`);
  await page.getByTestId("toggle-blind-review").click();
  await expect(page.getByTestId("blind-review-card")).toContainText("Off");

  await signIn(page, "recruiter", { redirectTo: `${requisitionPath}/settings` });
  await page.getByTestId("toggle-requisition-status").click();
  await expect(page.getByTestId("requisition-status")).toHaveText("Closed");
  await page.goto(requisitionPath);
  await expect(page.getByTestId("closed-badge")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/requisition-closed.png` });
  await page.goto(`${requisitionPath}/settings`);
  await page.getByTestId("toggle-requisition-status").click();
  await expect(page.getByTestId("requisition-status")).toHaveText("Open");
});
