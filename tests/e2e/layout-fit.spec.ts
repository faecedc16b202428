// Every screen fits its window: at 390 px (a phone) and 1280 px (a laptop) no page is wider than
// the viewport (document.documentElement.scrollWidth ≤ window.innerWidth), and at 1280 and 1440
// px the candidates table fits its card with the first candidate visible without scrolling. The
// widths measured are printed and saved (test-results/layout-fit.json) with a screenshot of each
// screen at each width (test-results/screens/fit-*.png) to look at.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import {
  BACKEND_ENGINEER,
  DATA_ENGINEER,
  DATA_SCIENTIST,
  makeResumeText,
  ML_ENGINEER,
  RESEARCHER,
} from "../factories/resume-factory.ts";
import { signIn } from "./support/auth.ts";
import { setRequirements } from "./support/e2e-database.ts";
import { expectAccessible, screenshot } from "./support/page-checks.ts";

const expect = baseExpect.configure({ timeout: 20_000 });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const DESKTOP = { width: 1440, height: 900 };

// Real résumés of the shared corpus (long names, two columns, many gaps) beside generated ones,
// and an unreadable file: the table's widest content. Read by path, never copied in.
const CORPUS = path.resolve("../shared/corpus/public");
const CORPUS_FILES = [
  "01_rm_harvey_dent_mle.pdf",
  "02_rm_bruce_wayne_fullstack.pdf",
  "06_rm_john_smith_python_mle.pdf",
  "07_rm_template_modern_two_column.pdf",
  "14_soupboss_mickey_solutions_architect.docx",
  "19_openresume_john_doe.pdf",
  "21_awesomecv_resume_devops.pdf",
  "23_deedy_two_column.pdf",
];
const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001" +
    "0d0a2db40000000049454e44ae426082",
  "hex",
);

interface Requisition {
  path: string;
  id: string;
  batchPath: string;
  candidatePath: string;
  /** Résumés that were read (DONE) and files that failed. */
  done: number;
  failed: number;
}

let requisition: Requisition;

async function createRequisition(browser: Browser): Promise<Requisition> {
  const page = await browser.newPage();
  await signIn(page, "admin");
  await page.goto("/requisitions/new");
  await page.getByLabel("Title").fill(`Senior Machine Learning Engineer, Recommendations and Ranking ${Date.now()}`);
  await page.getByTestId("create-requisition").click();
  await expect(page).toHaveURL(/\/requisitions\/(?!new$)[a-z0-9]+$/);
  const requisitionPath = new URL(page.url()).pathname;
  const id = requisitionPath.split("/").pop()!;
  // Must-haves and minimum years, so the requirements column and its flags show.
  await setRequirements(id, ["pytorch", "kubernetes"], 3);
  const dir = await mkdtemp(path.join(os.tmpdir(), "mle-e2e-fit-"));
  const generated = await Promise.all(
    [ML_ENGINEER, BACKEND_ENGINEER, DATA_SCIENTIST, DATA_ENGINEER, RESEARCHER].map(async (profile) => {
      const file = path.join(dir, `${profile.key}.txt`);
      await writeFile(file, makeResumeText(profile), "utf8");
      return file;
    }),
  );
  const corpus = CORPUS_FILES.map((name) => path.join(CORPUS, name)).filter((file) => existsSync(file));
  const broken = path.join(dir, "scanned-photo-of-a-resume-taken-with-a-phone.pdf");
  await writeFile(broken, PNG_BYTES);
  const files = [...generated, ...corpus, broken];
  await page.getByTestId("upload-input").setInputFiles(files);
  await page.getByTestId("upload-submit").click();
  await expect(page).toHaveURL(new RegExp(`${requisitionPath}/uploads/`));
  const batchPath = new URL(page.url()).pathname;
  await page.goto(requisitionPath);
  const rows = page.getByTestId("candidate-row");
  await expect(rows).toHaveCount(files.length, { timeout: 60_000 });
  await expect(page.locator('[data-testid="candidate-row"][data-status="QUEUED"]')).toHaveCount(0, { timeout: 90_000 });
  await expect(page.locator('[data-testid="candidate-row"][data-status="PROCESSING"]')).toHaveCount(0, {
    timeout: 90_000,
  });
  const done = await page.locator('[data-testid="candidate-row"][data-status="DONE"]').count();
  const failed = await page.locator('[data-testid="candidate-row"][data-status="FAILED"]').count();
  const href = await page
    .locator('[data-testid="candidate-row"][data-status="DONE"] [data-testid="candidate-name"]')
    .first()
    .getAttribute("href");
  await page.close();
  return { path: requisitionPath, id, batchPath, candidatePath: new URL(href!, "http://x").pathname, done, failed };
}

interface Measure {
  screen: string;
  width: number;
  scrollWidth: number;
  innerWidth: number;
  wide?: string[];
}
const measures: Measure[] = [];

async function measure(page: Page, screen: string, width: number): Promise<Measure> {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
    // The outermost elements that stick out of the window (not inside a sideways scroller), for the message.
    const scrolled = (element: Element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    const out = (element: Element | null) =>
      !!element && element.getBoundingClientRect().right > window.innerWidth + 0.5;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wide: [...document.querySelectorAll("body *")]
        .filter((element) => out(element) && !out(element.parentElement) && !scrolled(element))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`),
    };
  });
  const found = { screen, width, scrollWidth, innerWidth, wide };
  measures.push(found);
  return found;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  requisition = await createRequisition(browser);
});

test.afterAll(async () => {
  await mkdir("test-results", { recursive: true });
  const file = "test-results/layout-fit.json";
  const previous = existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as Measure[]) : [];
  const merged = [...previous.filter((m) => !measures.some((n) => n.screen === m.screen && n.width === m.width))];
  await writeFile(file, JSON.stringify([...merged, ...measures], null, 2));
  console.log(measures.map((m) => `${m.screen} @${m.width}: ${m.scrollWidth} / ${m.innerWidth}`).join("\n"));
});

/** The screens of the app, as the admin (who may open all of them). */
async function screens(page: Page): Promise<Array<{ name: string; url: string }>> {
  const r = requisition;
  await page.goto("/admin/users");
  const userHref = await page.locator('[data-testid="user-row"] a[href^="/admin/users/"]').first().getAttribute("href");
  const list: Array<{ name: string; url: string }> = [
    { name: "requisitions", url: "/requisitions" },
    { name: "new-requisition", url: "/requisitions/new" },
    { name: "table", url: r.path },
    { name: "plot", url: `${r.path}/plot` },
    { name: "uploads", url: `${r.path}/uploads` },
    { name: "upload-batch", url: r.batchPath },
    { name: "candidate", url: r.candidatePath },
    { name: "erase", url: `${r.candidatePath}/erase` },
    { name: "settings", url: `${r.path}/settings` },
    { name: "weights", url: `${r.path}/weights` },
    { name: "admin-users", url: "/admin/users" },
    { name: "admin-audit", url: "/admin/audit" },
    { name: "admin-retention", url: "/admin/retention" },
    { name: "account", url: "/account" },
  ];
  if (userHref) list.push({ name: "admin-user", url: userHref });
  // Side-by-side comparison of the two best candidates (issue 14, item 8), when the app has it.
  await page.goto(r.path);
  const best = await page
    .locator('[data-testid="candidate-row"][data-status="DONE"] [data-testid="candidate-name"]')
    .evaluateAll((links) => links.slice(0, 2).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const compare = `${r.path}/compare?ids=${best.map((href) => href.split("/").pop()).join(",")}`;
  await page.goto(compare);
  if ((await page.getByTestId("compare-page").count()) > 0) list.push({ name: "compare", url: compare });
  return list;
}

for (const viewport of [PHONE, LAPTOP]) {
  test(`every screen fits a ${viewport.width} px window`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    // Signed out first: the sign-in page.
    await page.goto("/login");
    await measure(page, "login", viewport.width);
    await screenshot(page, `fit-login-${viewport.width}`, true);
    await signIn(page, "admin");
    const overflowing: string[] = [];
    for (const screen of await screens(page)) {
      await page.goto(screen.url);
      await page.waitForLoadState("networkidle").catch(() => {});
      const found = await measure(page, screen.name, viewport.width);
      await screenshot(page, `fit-${screen.name}-${viewport.width}`, true);
      if (found.scrollWidth > found.innerWidth)
        overflowing.push(`${screen.name}: ${found.scrollWidth} px (${found.wide?.join(", ")})`);
    }
    expect(overflowing, `screens wider than ${viewport.width} px`).toEqual([]);
  });
}

for (const viewport of [LAPTOP, DESKTOP]) {
  test(`the candidates table fits its card at ${viewport.width} px, the first candidate in view`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, "admin", { redirectTo: requisition.path });
    await expect(page.getByTestId("candidate-row").first()).toBeVisible();
    const scroll = await page
      .locator(".table-scroll")
      .evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    measures.push({
      screen: "table-card",
      width: viewport.width,
      scrollWidth: scroll.scrollWidth,
      innerWidth: scroll.clientWidth,
    });
    await screenshot(page, `fit-table-top-${viewport.width}`);
    expect(scroll.scrollWidth, "table width against its card").toBeLessThanOrEqual(scroll.clientWidth);
    const box = await page.getByTestId("candidate-row").first().boundingBox();
    expect(box!.y + box!.height, "first candidate row inside the window").toBeLessThanOrEqual(viewport.height);
    await expectAccessible(page, `candidates table at ${viewport.width}`);
  });
}

test("the table opens best first; failed files are counted above it with their own view", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin", { redirectTo: requisition.path });
  const rows = page.getByTestId("candidate-row");
  await expect(rows).toHaveCount(requisition.done + requisition.failed);
  expect(new URL(page.url()).searchParams.get("sort")).toBeNull();
  await expect(page.locator('th[aria-sort="descending"]')).toHaveText(/Overall/);
  // Best first: scored rows in descending overall order, every failed file below them.
  const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")));
  expect(statuses.slice(0, requisition.done).every((status) => status === "DONE")).toBe(true);
  expect(statuses.slice(requisition.done).every((status) => status === "FAILED")).toBe(true);
  const overall = await rows.evaluateAll((trs) =>
    trs.flatMap((tr) => {
      const value = tr.querySelector(".col-score--overall .score__value")?.textContent;
      return value ? [Number(value)] : [];
    }),
  );
  expect(overall.length).toBe(requisition.done);
  expect(overall).toEqual([...overall].sort((a, b) => b - a));

  const attention = page.getByTestId("needs-attention");
  expect(requisition.failed).toBeGreaterThan(0);
  await expect(attention).toContainText(
    `${requisition.failed} ${requisition.failed === 1 ? "file needs" : "files need"} attention`,
  );
  await attention.getByTestId("needs-attention-show").click();
  await expect(page).toHaveURL(/[?&]status=FAILED(&|$)/);
  await expect(rows).toHaveCount(requisition.failed);
  await expect(page.locator('[data-testid="candidate-row"]:not([data-status="FAILED"])')).toHaveCount(0);
  // The processing filter it set lives behind "More filters", which opens to show it.
  await expect(page.getByTestId("more-filters-panel")).toBeVisible();
  await expect(page.getByTestId("filter-status-FAILED")).toBeChecked();
  await page.getByTestId("needs-attention-all").click();
  await expect(rows).toHaveCount(requisition.done + requisition.failed);
  expect(new URL(page.url()).searchParams.get("status")).toBeNull();
});

test("a laptop sees one line of upload, one row of filters, short gap chips and the column menu", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin", { redirectTo: requisition.path });
  await expect(page.getByTestId("candidate-row").first()).toBeVisible();
  // The upload is folded to one line once candidates exist, and opens on a click.
  await expect(page.getByTestId("drop-zone")).toBeHidden();
  await page.getByTestId("upload-toggle").click();
  await expect(page.getByTestId("drop-zone")).toBeVisible();
  await page.getByTestId("upload-toggle").click();
  await expect(page.getByTestId("drop-zone")).toBeHidden();
  // Filters: search and stage on one row; the rest behind "More filters".
  await expect(page.getByTestId("filter-search")).toBeVisible();
  await expect(page.getByTestId("more-filters-panel")).toBeHidden();
  await expect(page.getByTestId("more-filters")).toHaveAttribute("aria-expanded", "false");
  await page.getByTestId("more-filters").click();
  await expect(page.getByTestId("more-filters-panel")).toBeVisible();
  await expect(page.getByTestId("filter-background")).toBeVisible();
  await page.getByTestId("more-filters").click();
  // Gap chips: a short label; the full wording as tooltip and accessible description, shown on focus.
  const chip = page.getByTestId("gap-chip").first();
  const full = await chip.getAttribute("title");
  expect(full).toMatch(/ — /);
  await expect(chip).toHaveAccessibleDescription(full!);
  expect(full!.length).toBeGreaterThan((await chip.textContent())!.length);
  await page.getByTestId("candidate-row").first().focus();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("gap-chip").first()).toBeFocused();
  await expect(page.locator(".gap__label:focus + .gap__full")).toBeVisible();
  // Years, background, degree and upload time wait in the column menu.
  await expect(page.getByTestId("candidates-table")).not.toContainText("Background");
  await page.getByTestId("column-menu").locator("summary").click();
  await expect(page.getByTestId("column-menu")).toContainText("More columns");
  await expect(page.getByTestId("column-toggle-background")).not.toBeChecked();
  await expect(page.getByTestId("column-toggle-gaps")).toBeChecked();
  await page.keyboard.press("Escape");
  await expectAccessible(page, "the candidates page on a laptop");
});

test("on a phone the table is a list of cards with the same actions: open, select, change stage", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "admin", { redirectTo: requisition.path });
  const card = page.getByTestId("candidate-row").first();
  await expect(card).toBeVisible();
  const box = await card.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await expect(card.getByTestId("candidate-name")).toBeVisible();
  await expect(card.getByTestId("stage-badge")).toBeVisible();
  // Sorting stays at hand: the headers are a row of sort links.
  await expect(page.getByTestId("sort-overall")).toBeVisible();
  await card.getByTestId("select-row").check();
  await expect(page.getByTestId("bulk-bar")).toBeVisible();
  const bar = await page.getByTestId("bulk-bar").boundingBox();
  expect(bar!.x + bar!.width).toBeLessThanOrEqual(PHONE.width);
  await card.getByTestId("select-row").uncheck();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, "fit-table-cards-390");
  await expectAccessible(page, "the candidates cards on a phone");
  await card.getByTestId("candidate-name").click();
  await expect(page).toHaveURL(/\/candidates\/[a-z0-9]+/);
  await expect(page.getByTestId("candidate-page")).toBeVisible();
  // The score breakdown's area names are read whole on a phone (the bar goes under them).
  const names = page.locator(".area-score__name");
  await expect(names).toHaveCount(14);
  const cut = await names.evaluateAll((spans) =>
    spans.filter((span) => span.scrollWidth > span.clientWidth + 1).map((span) => span.textContent),
  );
  expect(cut).toEqual([]);
});

test("the plot labels the best candidates and keeps points and labels off the quadrant captions", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin", { redirectTo: `${requisition.path}/plot` });
  const points = page.getByTestId("plot-point");
  await expect(points).toHaveCount(requisition.done);
  const labels = page.getByTestId("plot-label");
  const labelCount = await labels.count();
  expect(labelCount).toBeGreaterThan(0);
  expect(labelCount).toBeLessThanOrEqual(5);
  // The best candidate by overall score carries a label.
  await page.goto(requisition.path);
  const bestHref = await page.getByTestId("candidate-name").first().getAttribute("href");
  const bestId = new URL(bestHref!, "http://x").pathname.split("/").pop();
  await page.goto(`${requisition.path}/plot`);
  await expect(page.locator(`[data-testid="plot-label"][data-id="${bestId}"]`)).toHaveCount(1);
  // No two points are drawn on top of each other, and none covers a quadrant caption.
  const geometry = await page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      points: [...document.querySelectorAll('[data-testid="plot-point"]')].map(rect),
      labels: [...document.querySelectorAll('[data-testid="plot-label"]')].map(rect),
      captions: [...document.querySelectorAll(".scatter__quadrant")].map(rect),
    };
  });
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(geometry.captions).toHaveLength(4);
  for (const caption of geometry.captions) {
    expect(geometry.points.filter((point) => overlap(point, caption))).toEqual([]);
    expect(geometry.labels.filter((label) => overlap(label, caption))).toEqual([]);
  }
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  for (let i = 0; i < geometry.points.length; i++) {
    for (let j = i + 1; j < geometry.points.length; j++) {
      const a = centre(geometry.points[i]!);
      const b = centre(geometry.points[j]!);
      expect(Math.hypot(a.x - b.x, a.y - b.y), "two points drawn on one spot").toBeGreaterThan(3);
    }
  }
  await screenshot(page, "fit-plot-1280");
  await expectAccessible(page, "the score plot");
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
