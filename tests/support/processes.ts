// Real processes for fault tests and the benchmark: web and worker processes of this app, each
// started as `node --import tsx <entry>` (one process, so a SIGKILL hits the real thing and not a
// wrapper), with their output kept for assertions and for the failure message, and everything
// stopped when the test process ends.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAX_OUTPUT_CHARS = 8 * 1024 * 1024;

export interface ManagedProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** JSON log lines (pino) parsed; other lines are skipped. */
  logs: () => Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning: () => boolean;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  kill: (signal?: NodeJS.Signals) => void;
}

const running = new Set<ManagedProcess>();
process.once("exit", () => {
  for (const managed of running) managed.child.kill("SIGKILL");
});

export function spawnNode(name: string, entry: string, env: Record<string, string>): ManagedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > MAX_OUTPUT_CHARS) output = output.slice(-MAX_OUTPUT_CHARS / 2);
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const managed: ManagedProcess = {
    name,
    pid: child.pid!,
    child,
    output: () => output,
    logs: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop: async (graceMs = 20_000) => {
      if (!managed.isRunning()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill: (signal = "SIGKILL") => {
      child.kill(signal);
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

export function startWorker(env: Record<string, string>, name = "worker"): ManagedProcess {
  return spawnNode(name, "workers/index.ts", env);
}

export function startWeb(env: Record<string, string>, name = "web"): ManagedProcess {
  return spawnNode(name, "server/index.ts", { NODE_ENV: "production", HOST: "127.0.0.1", ...env });
}

/** Stops every process started here that is still running (afterAll). */
export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop(graceMs)));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Polls `probe` until it returns something other than undefined/false; no fixed sleeps in tests. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs: number; intervalMs?: number; what: string; details?: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
  const details = options.details ? `\n${options.details()}` : "";
  throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}${cause}${details}`);
}

/** Waits until `url` answers with `status` (e.g. a /readyz of a process that is still starting). */
export async function waitForHttp(
  url: string,
  options: { status?: number; timeoutMs: number; process?: ManagedProcess },
): Promise<void> {
  const wanted = options.status ?? 200;
  await waitFor(
    async () => {
      if (options.process && !options.process.isRunning()) {
        throw new Error(`${options.process.name} exited:\n${options.process.output().slice(-4_000)}`);
      }
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return response.status === wanted;
    },
    {
      timeoutMs: options.timeoutMs,
      intervalMs: 250,
      what: `${url} to answer ${wanted}`,
      details: () => options.process?.output().slice(-4_000) ?? "",
    },
  );
}
