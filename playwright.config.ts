import { defineConfig } from "@playwright/test";

// Browsers cannot be downloaded here: Debian's Chromium is used (STACK-NOTES.md).
// scripts/e2e-server.sh builds the app, creates a fresh database and starts web + worker.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: "http://127.0.0.1:3107",
    screenshot: "on",
    trace: "retain-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: "http://127.0.0.1:3107/healthz",
    reuseExistingServer: false,
    timeout: 180_000,
    // Without this Playwright SIGKILLs the script, so its cleanup (drop the run's database and
    // queue keys) never runs.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
