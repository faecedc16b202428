// `npm test`: every suite (Vitest unit + integration, then Playwright end-to-end), then one
// closing line `N passed, N failed` with the totals of both, which CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
const vitestJson = "test-results/vitest.json";
const playwrightJson = "test-results/playwright.json";
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env: process.env }).status ?? 1;

// The browser suite runs against a production build of the current sources.
const buildStatus = run("npx", ["remix", "build"]);
const vitestStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestJson}`,
]);
process.env.E2E_SKIP_BUILD = "1";
const playwrightStatus = buildStatus === 0 ? run("npx", ["playwright", "test"]) : 1;

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
} else if (vitestStatus !== 0) {
  failed += 1; // Vitest could not even start: count it, never report a silent pass.
}
if (existsSync(playwrightJson)) {
  const { stats } = JSON.parse(readFileSync(playwrightJson, "utf8"));
  passed += stats.expected + (stats.flaky ?? 0);
  failed += stats.unexpected;
} else if (playwrightStatus !== 0) {
  failed += 1;
}
if (buildStatus !== 0) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(vitestStatus || playwrightStatus || buildStatus ? 1 : 0);
