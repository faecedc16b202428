// Issue 14, item 5 on the upload progress view: a failed file offers Retry only where it can help
// (a timeout, an error on our side); a permanent reason (here a GIF: unsupported type) offers
// "Upload a new version" of that application instead, which replaces the file from that row.
// Screens at 1280 and 390 px, no wider than the window, axe clean.
import { expect, test, type Page } from "@playwright/test";
import { makeResumeText, PROFILES } from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { failApplication } from "./support/e2e-database.ts";
import { expectAccessible, screenshot } from "./support/page-checks.ts";
import { createRequisition } from "./support/requisitions.ts";

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `${name}-${width}`, true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a failed file offers Retry for a timeout and a new version for an unsupported file, on the upload view", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "recruiter");
  const requisitionPath = await createRequisition(page, "Upload fixes");
  const requisitionId = requisitionPath.split("/").pop()!;

  const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 7, 0, 0, 0x3b]);
  await expect(async () => {
    await page.getByTestId("upload-input").setInputFiles([
      { name: "photo.gif", mimeType: "image/gif", buffer: gif },
      { name: "ada-cv.txt", mimeType: "text/plain", buffer: Buffer.from(makeResumeText(PROFILES[0]!)) },
    ]);
    await expect(page.getByTestId("upload-submit")).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`), { timeout: 30_000 });
  const batchPath = new URL(page.url()).pathname;

  // The GIF fails for good: "Upload a new version", no Retry.
  const gifRow = page.getByTestId("batch-file").filter({ hasText: "photo.gif" });
  await expect(gifRow).toHaveAttribute("data-status", "FAILED", { timeout: 60_000 });
  await expect(gifRow.getByTestId("failure-actions")).toHaveAttribute("data-kind", "replace");
  await expect(gifRow.getByTestId("retry")).toHaveCount(0);
  await expect(gifRow.getByRole("button", { name: "Upload a new version of photo.gif" })).toBeVisible();

  // The text file is read; then a worker timeout on it: Retry, and no new-version form.
  const textRow = page.getByTestId("batch-file").filter({ hasText: "ada-cv.txt" });
  await expect(textRow).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  const textId = /\/candidates\/([a-z0-9]+)/.exec(
    (await textRow.getByTestId("open-candidate").getAttribute("href"))!,
  )![1]!;
  await failApplication(requisitionId, textId, "timeout", "Reading this file took longer than 60 s.");
  await page.goto(batchPath);
  await expect(textRow).toHaveAttribute("data-status", "FAILED");
  await expect(textRow.getByTestId("failure-actions")).toHaveAttribute("data-kind", "retry");
  await expect(textRow.getByTestId("replace-submit")).toHaveCount(0);
  await page.mouse.move(0, 0);
  await expectAccessible(page, "upload progress with failed files");
  await shoot(page, "uploads-fix-failed");

  // Retry re-reads the timed-out file.
  await textRow.getByRole("button", { name: "Retry reading ada-cv.txt" }).click();
  await expect(textRow).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });

  // A new version of the GIF, from its row: a text file, read and scored.
  await gifRow.getByTestId("replace-file").setInputFiles({
    name: "photo-as-text.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(makeResumeText(PROFILES[1]!)),
  });
  // Wait for the upload's answer before reloading: navigating at once could abort the POST.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.status() < 500),
    gifRow.getByTestId("replace-submit").click(),
  ]);
  await page.goto(batchPath);
  await expect(page.locator('[data-testid="batch-file"][data-status="FAILED"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId("failure-actions")).toHaveCount(0);
  await shoot(page, "uploads-fix-fixed");
});
