// Readiness checks of the dependencies, shared by the web (/readyz) and the worker's health
// server. Each check is bounded in time, so a hung dependency reads as "down", not as a hang.
import type { Redis } from "ioredis";
import type { Db } from "../db/client.ts";

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface Readiness {
  /** ready: every dependency is up; degraded: an optional one is down; unavailable: a required one is down. */
  status: "ready" | "degraded" | "unavailable";
  checks: Record<string, CheckResult & { required: boolean }>;
}

export const CHECK_TIMEOUT_MS = 2_000;

export type Check = () => Promise<void>;

export async function runCheck(check: Check, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: describeCheckError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the checks together; `required` ones decide between ready and unavailable. */
export async function readiness(checks: Record<string, { check: Check; required: boolean }>): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(
      async ([name, { check, required }]) => [name, { ...(await runCheck(check)), required }] as const,
    ),
  );
  const results = Object.fromEntries(entries);
  const failing = entries.filter(([, result]) => !result.ok);
  const status = failing.some(([, result]) => result.required) ? "unavailable" : failing.length ? "degraded" : "ready";
  return { status, checks: results };
}

export function postgresCheck(db: Db): Check {
  return async () => {
    await db.$queryRaw`SELECT 1`;
  };
}

export function redisCheck(redis: Redis): Check {
  return async () => {
    if (redis.status !== "ready") throw new Error(`connection ${redis.status}`);
    await redis.ping();
  };
}

/** One line, without the multi-line Prisma invocation excerpt. */
function describeCheckError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? "failed").slice(0, 300);
}
