// Uploads at the edge in a real browser (issue 13, defects 1 and 9): file names with ";" and "="
// chosen in the file picker all arrive, stored under their own names; closing a requisition asks
// for confirmation, and a closed requisition refuses an upload with a clear message.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth.ts";

const SCREENS = "test-results/screens";
const NAMES = ["Jane Doe; CV 2024.txt", "a=b.txt", "=start.txt", "CV – Jane; final.pdf"];

function resume(name: string) {
  const text = `${name.replace(/\W+/g, " ").trim()}\nMachine Learning Engineer\nPython, PyTorch, Kubernetes\n`;
  return { name, mimeType: "text/plain", buffer: Buffer.from(text) };
}

async function newRequisition(page: Page, title: string): Promise<string> {
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`${title} ${Date.now().toString(36)}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  return new URL(page.url()).pathname;
}

test("file names with ';' and '=' are all kept; a closed requisition refuses uploads after a confirmed close", async ({
  page,
}) => {
  await signIn(page, "recruiter");
  const requisitionPath = await newRequisition(page, "ML Engineer, odd file names");
  await page.getByTestId("upload-input").setInputFiles(NAMES.map(resume));
  await expect(page.getByTestId("upload-selection")).toContainText("4 files");
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/[a-z0-9]+$`), { timeout: 30_000 });
  const files = page.getByTestId("batch-file");
  await expect(files).toHaveCount(NAMES.length);
  expect((await files.locator(".file-list__file").allTextContents()).sort()).toEqual([...NAMES].sort());
  await page.screenshot({ path: `${SCREENS}/upload-odd-names.png`, fullPage: true });

  // Closing asks first; "Keep it open" changes nothing.
  const closedPath = await newRequisition(page, "ML Engineer, closed");
  await page.goto(`${closedPath}/settings`);
  await page.getByTestId("toggle-requisition-status").click();
  const confirm = page.getByTestId("close-requisition");
  await expect(confirm).toContainText("New résumés will be refused");
  await page.screenshot({ path: `${SCREENS}/close-requisition-confirm.png` });
  await confirm.getByRole("button", { name: "Keep it open" }).click();
  await expect(page.getByTestId("confirm-close-requisition")).toBeHidden();
  await expect(page.getByTestId("requisition-status")).toHaveText("Open");
  await page.getByTestId("toggle-requisition-status").click();
  await page.getByTestId("confirm-close-requisition").click();
  await expect(page.getByTestId("requisition-status")).toHaveText("Closed");

  await page.goto(closedPath);
  await page.getByTestId("upload-input").setInputFiles([resume("late; applicant.txt")]);
  await page.getByTestId("upload-submit").click();
  await expect(page.getByTestId("upload-error")).toContainText("This requisition is closed");
  await expect(page).toHaveURL(new RegExp(`${closedPath}$`));
  await page.screenshot({ path: `${SCREENS}/upload-closed-refused.png` });
});
