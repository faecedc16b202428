// Issue 13, defect 6 in the browser: "Reveal contact for this file". Under blind review a file that
// could not be read (here a password-protected PDF) cannot be chased without knowing who sent it.
// The recruiter opens the failed candidate (masked), is told clearly when the reason is too short,
// reveals with a proper reason and sees the file's name and original, with the notice of who sees
// it and why. The hiring manager on the team sees that notice but not the identity, and has no
// reveal action; the admin finds the entry in the audit log. Screens at 1280 and 390 px before and
// after, each no wider than its window, axe clean.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { makePasswordProtectedPdf } from "../factories/pdf-writer.ts";
import { DEMO_USERS, signIn } from "./support/auth.ts";
import { expectAccessible, SCREENS, watchErrors } from "./support/page-checks.ts";
import { createRequisition } from "./support/requisitions.ts";
import { chooseFiles } from "./support/uploads.ts";

/** Where the screenshots go (SHOTS_DIR=/tmp/shots to look at them outside the repository). */
const SHOTS = process.env.SHOTS_DIR ?? SCREENS;
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The person is in the file's name only: the file cannot be read. */
const FILE_NAME = "Quentin Secretname CV.pdf";
const IDENTIFYING = ["Quentin", "Secretname"];
const REASON = "The PDF is password-protected; asking the candidate for an unlocked copy.";

/** Full-page screenshots at 1280 and 390 px, each checked to fit its window. */
async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const [label, size] of [
    ["1280", LAPTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    await page.screenshot({ path: `${SHOTS}/identity-reveal-${name}-${label}.png`, fullPage: true });
    expect(scrollWidth, `${name} at ${label} px is wider than the window`).toBeLessThanOrEqual(innerWidth);
  }
  await page.setViewportSize(LAPTOP);
}

/** Nothing on the page (text or data) names the person. */
async function expectNoIdentity(page: Page, who: string): Promise<void> {
  const text = (await page.locator("body").textContent()) ?? "";
  const html = await page.content();
  for (const token of IDENTIFYING) {
    expect(text, `${who}: “${token}” on the page`).not.toContain(token);
    expect(html, `${who}: “${token}” in the page's data`).not.toContain(token);
  }
}

test("under blind review a recruiter reveals an unreadable file's contact with a reason; the team sees who and why", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.setViewportSize(LAPTOP);
  await signIn(page, "recruiter");

  // A requisition with Morgan (hiring manager) on its team, blind review switched on in Settings.
  const requisitionPath = await createRequisition(page, "Blind review, unreadable file", { team: ["manager"] });
  await page.goto(`${requisitionPath}/settings`);
  const blindCard = page.getByTestId("blind-review-card");
  await expect(blindCard).toContainText("Off");
  await page.getByTestId("toggle-blind-review").click();
  await expect(blindCard).toContainText("On");

  // The candidate sends a password-protected PDF: it fails, and the table does not name them.
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-reveal-"));
  const locked = path.join(dir, FILE_NAME);
  await writeFile(locked, makePasswordProtectedPdf());
  await page.goto(requisitionPath);
  await chooseFiles(page, [locked]);
  await page.getByTestId("upload-submit").click();
  await expect(page).not.toHaveURL(requisitionPath, { timeout: 30_000 });
  await page.goto(requisitionPath);
  const failedRow = page.locator('[data-testid="candidate-row"][data-status="FAILED"]');
  await expect(failedRow).toHaveCount(1, { timeout: 60_000 });
  await expectNoIdentity(page, "the table");

  // The failed candidate, masked: why it failed, and the reveal action.
  await failedRow.locator('a[href*="/candidates/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/candidates/[a-z0-9]+`));
  const candidatePath = new URL(page.url()).pathname;
  const candidate = page.getByTestId("candidate-page");
  const heading = candidate.getByTestId("candidate-name");
  await expect(candidate).toHaveAttribute("data-identity", "hidden");
  await expect(heading).toHaveText(/^Candidate [A-Z0-9]{6}$/);
  const anonymous = (await heading.textContent())!;
  await expect(page.getByTestId("blind-badge")).toHaveText("Blind review · identity hidden");
  await expect(page.getByTestId("identity-hidden")).toBeVisible();
  const failure = page.getByTestId("failure-panel");
  await expect(failure).toContainText("The file is password-protected");
  await expect(failure).toContainText("encrypted");
  await expect(failure).toContainText("reveal the contact for this file to ask them for another copy");
  await expect(page.getByTestId("download-file")).toHaveCount(0);
  await expect(page.getByTestId("identity-reveals")).toHaveCount(0);
  await expectNoIdentity(page, "the recruiter before revealing");
  expect((await page.request.get(`${candidatePath}/file`)).status()).toBe(403);
  const reveal = page.getByTestId("reveal-contact");
  const summary = reveal.locator("summary");
  await expect(summary).toHaveText("Reveal contact for this file…");
  await page.mouse.move(0, 0);
  await expectAccessible(page, "a failed candidate under blind review");
  await shoot(page, "before");

  // A reason too short to tell the team anything: a clear error, nothing revealed.
  await summary.click();
  const reason = page.getByTestId("reveal-reason");
  await expect(reason).toBeVisible();
  await reason.fill("asking");
  await page.getByTestId("reveal-submit").click();
  const error = page.getByTestId("reveal-error");
  await expect(error).toHaveText(
    "Say why you need this candidate's contact (at least 10 characters): the team sees it.",
  );
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAttribute("aria-describedby", "reveal-error");
  // Spaces do not count.
  await reason.fill("  asking        ");
  await page.getByTestId("reveal-submit").click();
  await expect(error).toBeVisible();
  await expect(candidate).toHaveAttribute("data-identity", "hidden");
  await expect(page.getByTestId("identity-reveals")).toHaveCount(0);
  await expectAccessible(page, "the reveal form with its error");
  await shoot(page, "reason-too-short");

  // A proper reason: the file's name and original, to the recruiter alone, and the team's notice.
  await reason.fill(REASON);
  await page.getByTestId("reveal-submit").click();
  await expect(candidate).toHaveAttribute("data-identity", "visible");
  await expect(heading).toHaveText(FILE_NAME);
  await expect(page.getByTestId("blind-badge")).toHaveText("Blind review · identity shown to you");
  // An unreadable file has no contact details: the page says so instead of an empty list.
  await expect(page.getByTestId("contact-unreadable")).toHaveText(
    "No contact details could be read from this file: only its name and the original file.",
  );
  await expect(page.getByTestId("download-file")).toBeVisible();
  expect((await page.request.get(`${candidatePath}/file`)).status()).toBe(200);
  await expect(page.getByTestId("reveal-contact")).toHaveCount(0);
  const reveals = page.getByTestId("identity-reveals");
  await expect(reveals).toContainText("Identity shown to 1");
  await expect(reveals).toContainText("these people keep seeing who this candidate is");
  const entry = reveals.getByTestId("identity-reveal");
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`${DEMO_USERS.recruiter.email} revealed the contact (unreadable file)`);
  await expect(entry).toContainText(REASON);
  await page.mouse.move(0, 0);
  await expectAccessible(page, "the candidate after revealing");
  await shoot(page, "after");
  // Still shown after a reload (it is the recruiter's, not the page's).
  await page.reload();
  await expect(heading).toHaveText(FILE_NAME);

  // Morgan, the hiring manager on the team: who revealed it and why, not who it is; no reveal action.
  await signIn(page, "manager", { redirectTo: candidatePath });
  await expect(candidate).toHaveAttribute("data-identity", "hidden");
  await expect(heading).toHaveText(anonymous);
  await expect(page.getByTestId("blind-badge")).toHaveText("Blind review · identity hidden");
  await expect(page.getByTestId("reveal-contact")).toHaveCount(0);
  // Told who already revealed it (not asked to find a recruiter for what is done).
  await expect(page.getByTestId("reveal-ask-recruiter")).toHaveText(
    `${DEMO_USERS.recruiter.email} has revealed the contact for this file to ask for another copy (see "Identity shown to" below).`,
  );
  // Nothing asks the manager to do what their role does not (reveal, upload).
  await expect(page.getByTestId("failure-panel")).toContainText("blind review hides who sent it");
  await expect(page.getByTestId("failure-panel")).not.toContainText("then upload it here");
  await expect(page.getByTestId("download-file")).toHaveCount(0);
  await expect(page.getByTestId("identity-reveal")).toHaveCount(1);
  await expect(page.getByTestId("identity-reveal")).toContainText(
    `${DEMO_USERS.recruiter.email} revealed the contact (unreadable file)`,
  );
  await expect(page.getByTestId("identity-reveal")).toContainText(REASON);
  await expectNoIdentity(page, "the hiring manager");
  expect((await page.request.get(`${candidatePath}/file`)).status()).toBe(403);
  await page.mouse.move(0, 0);
  await expectAccessible(page, "the candidate for the hiring manager");
  await shoot(page, "manager");

  // The admin finds the entry in the audit log: who, about which candidate, and the reason.
  await signIn(page, "admin", { redirectTo: "/admin/audit" });
  await page.getByLabel("Action").selectOption("application.identity_reveal");
  await page.getByLabel("Requisition").selectOption(requisitionPath.split("/").pop()!);
  await page.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(/[?&]action=application\.identity_reveal(&|$)/);
  const audit = page.getByTestId("audit-row");
  await expect(audit).toHaveCount(1);
  await expect(audit).toHaveAttribute("data-action", "application.identity_reveal");
  await expect(audit).toContainText(DEMO_USERS.recruiter.email);
  await expect(audit).toContainText(`Contact of ${anonymous} revealed to ${DEMO_USERS.recruiter.email}`);
  await expect(audit.getByTestId("audit-changes")).toContainText(REASON);
  await shoot(page, "audit");

  // The refused reasons answered 400 and the refused file downloads 403: the browser logs those.
  expect(errors.filter((message) => !/status of (400|403)/.test(message))).toEqual([]);
});
