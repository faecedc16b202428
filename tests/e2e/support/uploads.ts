// Uploading through the requisition page's form, as the journeys share it: choose the files
// (the form enables its button once the hydrated browser has seen the selection), send them,
// then wait on the table until the worker has read every one.
import { expect, type Page } from "@playwright/test";

export async function chooseFiles(page: Page, files: string[]): Promise<void> {
  await expect(async () => {
    await page.getByTestId("upload-input").setInputFiles(files);
    await expect(page.getByTestId("upload-submit")).toBeEnabled({ timeout: 1_000 });
  }).toPass();
}

/** Uploads the files from the requisition page and waits until the table shows them all read. */
export async function uploadAndWaitUntilRead(
  page: Page,
  requisitionPath: string,
  files: string[],
  timeout: number,
): Promise<void> {
  await chooseFiles(page, files);
  await page.getByTestId("upload-submit").click();
  // Every file is checked and stored before the redirect: allow for a busy machine.
  await expect(page).not.toHaveURL(requisitionPath, { timeout: 30_000 });
  await page.goto(requisitionPath);
  await expect(page.locator('[data-testid="candidate-row"][data-status="DONE"]')).toHaveCount(files.length, {
    timeout,
  });
}
