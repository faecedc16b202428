// Creating a requisition through the "New requisition" form, as the journeys do: a unique title,
// and demo people ticked for its team (the creator is on it by default).
import { expect, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "./auth.ts";

/**
 * Creates a requisition titled `title` plus a unique suffix (or exactly `title`, already unique,
 * with `exact`), with `team` ticked; returns its path.
 */
export async function createRequisition(
  page: Page,
  title: string,
  options: { team?: readonly DemoUser[]; exact?: boolean } = {},
): Promise<string> {
  await page.goto("/requisitions/new");
  const unique = options.exact ? title : `${title} ${Date.now().toString(36)}`;
  // Typed before hydration, the form could be reset: retry until it is submitted with everything.
  await expect(async () => {
    await page.getByLabel("Title").fill(unique);
    for (const member of options.team ?? []) {
      await page.getByTestId("team-person").filter({ hasText: DEMO_USERS[member].email }).getByRole("checkbox").check();
    }
    await page.getByTestId("create-requisition").click();
    await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/, { timeout: 3_000 });
  }).toPass();
  return new URL(page.url()).pathname;
}
