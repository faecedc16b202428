// Each role signs in and sees only what it may: admins everything (users, audit log, retention,
// queues), recruiters and hiring managers only their requisitions, with the controls of their
// role; pages outside their reach answer 403. Screenshots of the sign-in and admin pages.
import { mkdir } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_REQUISITIONS, DEMO_USERS, signIn, signOut } from "./support/auth.ts";

const SCREENS = "test-results/screens";

async function screenshot(page: Page, name: string) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** Console errors (CSP violations are reported there) and page exceptions. */
function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // Refused forms answer 400/401 on purpose; Chrome logs every 4xx fetch.
    if (message.type() === "error" && !/status of 40[01] /.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** The demo requisitions' ids, read from the admin's list (then signed out again). */
async function demoRequisitionIds(page: Page): Promise<Record<keyof typeof DEMO_REQUISITIONS, string>> {
  await signIn(page, "admin");
  await page.goto("/requisitions");
  const id = async (title: string) =>
    (await page.getByRole("link", { name: title }).getAttribute("href"))!.split("/").pop()!;
  const ids = {
    recommendations: await id(DEMO_REQUISITIONS.recommendations),
    platform: await id(DEMO_REQUISITIONS.platform),
  };
  await page.context().clearCookies();
  return ids;
}

async function visibleRequisitions(page: Page): Promise<string[]> {
  await page.goto("/requisitions");
  return page.getByTestId("requisition-row").locator(".row-title").allTextContents();
}

test("a visitor must sign in; wrong credentials get one clear message; the page asked for opens after", async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);
  await page.goto("/requisitions");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Frequisitions$/);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  // No navigation into the app before signing in.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await screenshot(page, "login");

  await page.getByLabel("E-mail").fill(DEMO_USERS.recruiter.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByTestId("sign-in").click();
  await expect(page.getByTestId("login-error")).toHaveText(
    "That e-mail and password do not match an active account. Check both and try again.",
  );
  await expect(page.getByLabel("E-mail")).toHaveValue(DEMO_USERS.recruiter.email);
  await screenshot(page, "login-error");

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByTestId("sign-in").click();
  await expect(page).toHaveURL(/\/requisitions$/);
  await expect(page.getByTestId("user-name")).toHaveText(DEMO_USERS.recruiter.name);
  expect(errors).toEqual([]);
});

test("an admin sees every requisition and the admin pages", async ({ page }) => {
  const errors = collectBrowserErrors(page);
  await signIn(page, "admin");
  await expect(page.getByTestId("user-role")).toHaveText("Admin");
  const titles = await visibleRequisitions(page);
  expect(titles).toEqual(expect.arrayContaining([DEMO_REQUISITIONS.recommendations, DEMO_REQUISITIONS.platform]));
  for (const link of ["nav-admin-users", "nav-admin-audit", "nav-admin-retention", "nav-admin-queues"]) {
    await expect(page.getByTestId(link)).toBeVisible();
  }

  // Users: create an account and give it the platform requisition.
  await page.getByTestId("nav-admin-users").click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByTestId("user-row")).toHaveCount(5); // the five demo users: admin, recruiter, two hiring managers, compliance
  const email = `sam.${Date.now().toString(36)}@demo.test`;
  await page.getByLabel("Name").fill("Sam Sourcer");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("RECRUITER");
  // Before hydration the browser's own check stops a short password with a bubble and nothing is
  // sent (it failed so on a cold server in CI): submit until the form's own message is shown.
  await expect(async () => {
    await page.getByLabel("First password").fill("short");
    await page.getByTestId("create-user").click();
    await expect(page.getByLabel("First password")).toHaveAccessibleDescription("Use at least 10 characters.", {
      timeout: 3_000,
    });
  }).toPass();
  await page.getByLabel("First password").fill("a-good-first-password");
  await page.getByTestId("create-user").click();
  await expect(page.getByTestId("user-created")).toContainText(email);
  await screenshot(page, "admin-users");

  await page.getByRole("link", { name: "Sam Sourcer" }).click();
  await page.waitForURL(/\/admin\/users\/[a-z0-9]+$/);
  await expect(page.getByTestId("user-title")).toHaveText("Sam Sourcer");
  await page.getByLabel(DEMO_REQUISITIONS.platform).check();
  await page.getByTestId("save-memberships").click();
  await expect(page.getByTestId("user-saved")).toHaveText("Requisitions saved.");
  await screenshot(page, "admin-user");

  // The audit log has the sign-in and the account changes, filterable by action.
  await page.getByTestId("nav-admin-audit").click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.locator('[data-testid="audit-row"][data-action="auth.sign_in"]').first()).toBeVisible();
  await page.getByLabel("Action").selectOption("user.");
  await page.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(/[?&]action=user\.(&|$)/);
  const actions = await page
    .getByTestId("audit-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(actions).toEqual(["user.memberships", "user.create"]);
  await expect(page.getByTestId("audit-row").first()).toContainText(DEMO_USERS.admin.email);
  await screenshot(page, "admin-audit");

  await page.getByTestId("nav-admin-retention").click();
  await expect(page.getByRole("heading", { name: "Retention", level: 1 })).toBeVisible();
  await screenshot(page, "admin-retention");

  const queues = await page.request.get("/admin/queues");
  expect(queues.status()).toBe(200);
  expect(errors).toEqual([]);
});

test("a recruiter sees only their requisition, can upload, reads weights without saving, and is refused elsewhere", async ({
  page,
}) => {
  const ids = await demoRequisitionIds(page);
  await signIn(page, "recruiter");
  await expect(page.getByTestId("user-role")).toHaveText("Recruiter");
  await expect(page.getByTestId("nav-admin-users")).toHaveCount(0);
  const titles = await visibleRequisitions(page);
  expect(titles).toContain(DEMO_REQUISITIONS.recommendations);
  expect(titles).not.toContain(DEMO_REQUISITIONS.platform);
  await screenshot(page, "recruiter-requisitions");

  await page.getByRole("link", { name: DEMO_REQUISITIONS.recommendations }).click();
  await expect(page.getByTestId("upload-form")).toBeVisible();
  await page.getByTestId("tune-ranking").click();
  await expect(page.getByTestId("save-weights")).toBeDisabled();
  await expect(page.getByTestId("weights-read-only")).toBeVisible();

  for (const path of ["/admin/users", "/admin/audit", `/requisitions/${ids.platform}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByTestId("error-panel")).toBeVisible();
  }
  await expect(page.getByTestId("error-message")).toHaveText(
    "You are not a member of this requisition. Ask an admin to add you to it.",
  );
  await screenshot(page, "recruiter-forbidden");
  expect((await page.request.get("/admin/queues", { maxRedirects: 0 })).status()).toBe(403);
});

test("a hiring manager tunes their requisition's ranking but cannot upload or create requisitions", async ({
  page,
}) => {
  await signIn(page, "manager");
  await expect(page.getByTestId("user-role")).toHaveText("Hiring manager");
  const titles = await visibleRequisitions(page);
  expect(titles).toEqual([DEMO_REQUISITIONS.recommendations]);
  await expect(page.getByTestId("new-requisition")).toHaveCount(0);

  await page.getByRole("link", { name: DEMO_REQUISITIONS.recommendations }).click();
  await expect(page.getByTestId("requisition-title")).toHaveText(DEMO_REQUISITIONS.recommendations);
  await expect(page.getByTestId("upload-form")).toHaveCount(0);
  await expect(page.getByTestId("tune-ranking")).toHaveText("Tune ranking");
  await screenshot(page, "manager-requisition");
  await page.getByTestId("tune-ranking").click();
  await expect(page.getByTestId("save-weights")).toBeEnabled();

  expect((await page.goto("/requisitions/new"))?.status()).toBe(403);
  await expect(page.getByTestId("error-message")).toHaveText("Your role cannot create requisitions.");
});

test("another hiring manager sees only the platform requisition; signing out ends the session", async ({ page }) => {
  const ids = await demoRequisitionIds(page);
  await signIn(page, "manager2");
  expect(await visibleRequisitions(page)).toEqual([DEMO_REQUISITIONS.platform]);
  expect((await page.goto(`/requisitions/${ids.recommendations}`))?.status()).toBe(403);

  await page.goto("/requisitions");
  await signOut(page);
  await expect(page.getByTestId("signed-out")).toHaveText("You are signed out.");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("a user changes their own password", async ({ page }) => {
  await signIn(page, "manager2");
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("link", { name: "Account and password" }).click();
  await page.getByLabel("Current password").fill("wrong-current-pw");
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-2");
  await page.getByLabel("New password again").fill("a-new-password-2");
  await page.getByTestId("change-password").click();
  // The error is the field's accessible description (aria-describedby), next to the field.
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("The current password is not correct.");
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("New password again").fill(DEMO_PASSWORD);
  await page.getByTestId("change-password").click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(
    "Choose a password different from the current one.",
  );
  await screenshot(page, "account");
});
