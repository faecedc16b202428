// Issue 14, item 9 in the browser: whoever creates a requisition puts recruiters and hiring
// managers on its team when creating it and later (Settings → Team), so a hiring manager added
// later opens it instead of meeting a 403; the requisitions list shows each team, finds a
// requisition by a team member's name and filters open / closed. Screens at 1280 and 390 px,
// each no wider than its window, axe clean.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, signIn } from "./support/auth.ts";
import { expectAccessible, screenshot, watchErrors } from "./support/page-checks.ts";
import { createRequisition } from "./support/requisitions.ts";

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

async function expectFits(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what} is wider than the window`).toBeLessThanOrEqual(innerWidth);
}

/** Screenshots at 1280 and 390 px, each checked to fit. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of [
    ["1280", LAPTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await expectFits(page, `${name} at ${label} px`);
    await screenshot(page, `team-${name}-${label}`, true);
  }
  await page.setViewportSize(LAPTOP);
}

test("the creator builds the team at creation and later; a hiring manager added later opens the requisition", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize(LAPTOP);
  await signIn(page, "recruiter");

  // Creating: Morgan (hiring manager) ticked in the form; the recruiter is on the team by default.
  const title = `Team journey ${Date.now().toString(36)}`;
  await page.goto("/requisitions/new");
  await expect(page.getByTestId("new-team-picker")).toBeVisible();
  const requisitionPath = await createRequisition(page, title, { team: ["manager"], exact: true });

  // Jordan, a hiring manager not on the team, is refused.
  await signIn(page, "manager2", { redirectTo: requisitionPath });
  await expect(page.getByTestId("error-panel")).toBeVisible();
  await expect(page.getByTestId("error-panel")).toContainText(/403|not.*(allowed|member|access)/i);

  // The creator adds Jordan later, on the Settings tab.
  await signIn(page, "recruiter", { redirectTo: `${requisitionPath}/settings` });
  const card = page.getByTestId("team-card");
  await expect(card).toBeVisible();
  await expect(
    card.getByTestId("team-person").filter({ hasText: DEMO_USERS.manager.email }).getByRole("checkbox"),
  ).toBeChecked();
  const jordan = card.getByTestId("team-person").filter({ hasText: DEMO_USERS.manager2.email }).getByRole("checkbox");
  await expect(jordan).not.toBeChecked();
  await jordan.check();
  await card.getByTestId("save-team").click();
  await expect(card.getByTestId("team-saved")).toBeVisible();
  await expect(card.getByRole("heading", { name: /Team/ })).toContainText("3");
  await expectAccessible(page, "settings with the team card");
  await shoot(page, "settings");

  // Jordan now opens the requisition (its candidates page), no 403.
  await signIn(page, "manager2", { redirectTo: requisitionPath });
  await expect(page.getByTestId("error-panel")).toHaveCount(0);
  await expect(page.getByTestId("requisition-title")).toContainText(title);
  // …and finds it in the list, with its team.
  await page.goto("/requisitions");
  const jordanRow = page.getByTestId("requisition-row").filter({ hasText: title });
  await expect(jordanRow).toHaveCount(1);

  // The list as the recruiter: the team on the row, search by a member's name, open / closed.
  await signIn(page, "recruiter");
  const row = page.getByTestId("requisition-row").filter({ hasText: title });
  const team = row.getByTestId("requisition-team");
  await expect(team).toContainText(DEMO_USERS.recruiter.name);
  await expect(team).toContainText(DEMO_USERS.manager.name);
  await expect(team).toContainText(DEMO_USERS.manager2.name);
  await expect(team).toContainText(/hiring manager/);
  // (The pointer left where the sign-in button was would hover the first row.)
  await page.mouse.move(0, 0);
  await expectAccessible(page, "requisitions list with teams");
  await shoot(page, "list");

  const filters = page.getByTestId("requisition-filters");
  await filters.getByLabel("Search").fill(DEMO_USERS.manager2.name);
  await filters.getByTestId("apply-requisition-filters").click();
  await expect(page).toHaveURL(/q=Jordan/);
  await expect(page.getByTestId("requisition-row").filter({ hasText: title })).toHaveCount(1);
  // Every row found has Jordan on its team.
  for (const found of await page.getByTestId("requisition-team").all()) {
    await expect(found).toContainText(DEMO_USERS.manager2.name);
  }
  await shoot(page, "list-search");

  await filters.getByLabel("Search").fill(title);
  await filters.getByLabel("Status").selectOption("closed");
  await filters.getByTestId("apply-requisition-filters").click();
  await expect(page.getByTestId("requisitions-no-match")).toBeVisible();

  // Closed, it shows under "Closed" and no longer under "Open".
  await page.goto(`${requisitionPath}/settings`);
  await page.getByTestId("close-requisition").locator("summary").click();
  await page.getByTestId("confirm-close-requisition").click();
  await expect(page.getByTestId("requisition-status")).toHaveText("Closed");
  await page.goto(`/requisitions?q=${encodeURIComponent(title)}&status=closed`);
  await expect(page.getByTestId("requisition-row").filter({ hasText: title })).toHaveCount(1);
  await expect(page.getByTestId("requisition-row").filter({ hasText: title })).toContainText("Closed");
  await page.goto(`/requisitions?q=${encodeURIComponent(title)}&status=open`);
  await expect(page.getByTestId("requisitions-no-match")).toBeVisible();

  // (The refused visit's 403 is logged by the browser as a failed resource: expected.)
  expect(errors.filter((error) => !/status of 403/.test(error))).toEqual([]);
});
