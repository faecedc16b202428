// Runs in every Vitest test file (vitest.config.ts setupFiles). Its afterAll is registered before
// the file's own hooks, so it runs after them (Vitest runs "after" hooks in reverse order): once
// the file has stopped its web processes and workers, the Redis keys of every queue prefix it
// made with uniqueName() are deleted.
import { afterAll } from "vitest";
import { removeQueueKeys, trackedTestNames } from "./queue-keys.ts";

afterAll(async () => {
  const names = trackedTestNames();
  if (names.length > 0) await removeQueueKeys(names);
}, 30_000);
