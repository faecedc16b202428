// Signing in as one of the demo users that scripts/e2e-server.sh seeds (prisma/seed.ts), through
// the real sign-in form. `await signIn(page, "recruiter")` before visiting any page.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS = {
  admin: { email: "admin@demo.test", name: "Avery Admin", role: "Admin" },
  recruiter: { email: "recruiter@demo.test", name: "Riley Recruiter", role: "Recruiter" },
  manager: { email: "manager@demo.test", name: "Morgan Manager", role: "Hiring manager" },
  /** A hiring manager who is a member of the second demo requisition only. */
  manager2: { email: "manager2@demo.test", name: "Jordan Platform-Lead", role: "Hiring manager" },
  /** Sees only the fairness screens (issue 16): nobody's requisition member. */
  compliance: { email: "compliance@demo.test", name: "Casey Compliance", role: "Compliance" },
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

/** The demo requisitions: the recruiter and the manager are members of the first only. */
export const DEMO_REQUISITIONS = {
  recommendations: "Machine Learning Engineer — Recommendations (demo)",
  platform: "ML Platform Engineer — Serving (demo)",
} as const;

/** Signs in through the form and waits until the app has taken the visitor on (to `redirectTo` or /requisitions). */
export async function signIn(page: Page, who: DemoUser, options: { redirectTo?: string } = {}): Promise<void> {
  const target = options.redirectTo ? `/login?redirectTo=${encodeURIComponent(options.redirectTo)}` : "/login";
  // A previous test's session would skip the form: start signed out.
  await page.context().clearCookies();
  await page.goto(target);
  await page.getByLabel("E-mail").fill(DEMO_USERS[who].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByTestId("sign-in").click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await expect(page.getByTestId("user-name")).toHaveText(DEMO_USERS[who].name);
}

/** Signs out through the user menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByTestId("sign-out").click();
  await page.waitForURL(/\/login\?signedOut=1$/);
}
