import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "@server": fileURLToPath(new URL("./server", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: [
      "server/**/*.test.ts",
      "workers/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/unit/**/*.test.ts",
    ],
    exclude: ["tests/e2e/**", "node_modules/**"],
    // Removes the Redis keys of the queue prefixes each test file made (npm test leaves none behind).
    setupFiles: ["tests/support/vitest-setup.ts"],
    testTimeout: 30_000,
    // pdf.js keeps global state; separate processes isolate test files from each other.
    pool: "forks",
    // Most test files wait on PostgreSQL, Redis and child processes rather than compute: three
    // forks on the 2-core CI machines (the default is one per core) shorten the suite. Four took
    // it from 8.5 to 6.5 minutes but starved the OCR of real scans past its time limit once.
    maxWorkers: 3,
  },
});
