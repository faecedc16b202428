// Configuration is read once from the environment and validated. Every default works on a
// fresh machine with the local PostgreSQL and Redis, so nothing needs to be set to start.
import { z } from "zod";

const MB = 1024 * 1024;

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .default("postgresql://postgres@127.0.0.1:5432/mle_screening"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .default("redis://127.0.0.1:6379"),
  /** Prefix of every BullMQ key, so several installations (or test runs) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("mle"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest résumé accepted at upload, in bytes. */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(10 * MB),
  /** Largest upload request (all files together), in bytes: bounds the web process's memory. */
  MAX_UPLOAD_REQUEST_BYTES: z.coerce.number().int().positive().default(200 * MB),
  /** Most files accepted in one upload request. */
  MAX_FILES_PER_UPLOAD: z.coerce.number().int().positive().default(500),
  /** Most PDF pages read from one résumé. */
  MAX_PDF_PAGES: z.coerce.number().int().positive().default(30),
  /** Time limit for reading one résumé, in milliseconds. */
  PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Parse jobs one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Secure flag of the session cookie. "auto": set in production unless the app listens on a
   * loopback address over plain HTTP (the local demo); set "true" behind a TLS proxy.
   */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The process configuration, read from process.env on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
