// A real web process (server/index.ts serving the Remix build) on a free port against a fresh
// database, for tests that go through HTTP like a browser or a script would.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { removeQueueKeys } from "./queue-keys.ts";
import { createTestDatabase, uniqueName, type TestDatabase } from "./test-database.ts";
import { freePort, ROOT, startWeb, waitForHttp, type ManagedProcess } from "./processes.ts";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the Remix app when build/ is missing or older than app/ (npm test builds first, so usually a no-op). */
export function ensureFreshRemixBuild(): void {
  let built = 0;
  try {
    built = statSync(path.join(ROOT, "build/index.js")).mtimeMs;
  } catch {
    built = 0;
  }
  if (built > newestMtime(path.join(ROOT, "app"))) return;
  // Vitest sets NODE_ENV=test, which would make a development build (jsxDEV) that the production server cannot run.
  const result = spawnSync("npx", ["remix", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface WebApp {
  baseUrl: string;
  /** The web process's QUEUE_PREFIX; its Redis keys are deleted by stop(). */
  queuePrefix: string;
  testDb: TestDatabase;
  web: ManagedProcess;
  stop: () => Promise<void>;
}

export async function startWebApp(
  options: { env?: Record<string, string>; prepare?: (testDb: TestDatabase) => Promise<void> } = {},
): Promise<WebApp> {
  ensureFreshRemixBuild();
  const testDb = await createTestDatabase();
  await options.prepare?.(testDb);
  const port = await freePort();
  const queuePrefix = options.env?.QUEUE_PREFIX ?? uniqueName("mle_web");
  const web = startWeb({
    DATABASE_URL: testDb.url,
    PORT: String(port),
    LOG_LEVEL: "warn",
    ...options.env,
    QUEUE_PREFIX: queuePrefix,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/healthz`, { timeoutMs: 60_000, process: web });
  return {
    baseUrl,
    queuePrefix,
    testDb,
    web,
    stop: async () => {
      await web.stop(10_000);
      await testDb.drop();
      // The queues the web process created (meta keys, the jobs of uploads): not left in Redis.
      await removeQueueKeys([queuePrefix], options.env?.REDIS_URL);
    },
  };
}

/** Signs in through POST /login and returns the Cookie header value. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/requisitions" }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const setCookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !setCookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return setCookie.split(";")[0]!;
}
