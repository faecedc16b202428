// A private redis-server for tests that stop, restart or flush Redis: the shared one on 6379 is
// used by every other test file running at the same time, so it is never touched.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort, waitFor } from "./processes.ts";

export interface TestRedisServer {
  port: number;
  url: string;
  /** Restartable: stop(...) then start(). */
  start: () => Promise<void>;
  /**
   * `keepData`: SHUTDOWN SAVE, so the next start loads everything (a clean restart); otherwise
   * SIGKILL (memory lost).
   */
  stop: (options: { keepData: boolean }) => Promise<void>;
  /** Removes the server and its files. */
  destroy: () => Promise<void>;
}

/** `port`: a given one (e.g. where a process already expects Redis); default a free one. */
export async function startTestRedisServer(options: { port?: number } = {}): Promise<TestRedisServer> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), "mle-redis-"));
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;

  const ping = async () => {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    client.on("error", () => {});
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } finally {
      client.disconnect();
    }
  };

  const server: TestRedisServer = {
    port,
    url,
    start: async () => {
      // Snapshots only when asked (SHUTDOWN SAVE), never automatically; no AOF.
      child = spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--save",
          "",
          "--appendonly",
          "no",
          "--dir",
          dir,
          "--dbfilename",
          "dump.rdb",
          "--logfile",
          "",
        ],
        { stdio: "ignore" },
      );
      await waitFor(ping, { timeoutMs: 15_000, intervalMs: 100, what: `redis-server on port ${port}` });
    },
    stop: async ({ keepData }) => {
      const current = child;
      if (!current || current.exitCode !== null) return;
      const exited = new Promise((resolve) => current.once("exit", resolve));
      if (keepData) {
        const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
        client.on("error", () => {});
        await client.shutdown("SAVE").catch(() => {});
        client.disconnect();
      } else {
        current.kill("SIGKILL");
      }
      await exited;
      child = null;
    },
    destroy: async () => {
      await server.stop({ keepData: false });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
