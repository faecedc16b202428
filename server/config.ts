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
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("mle"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest résumé accepted at upload, in bytes. */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * MB),
  /** Largest upload request (all files together), in bytes: bounds the web process's memory. */
  MAX_UPLOAD_REQUEST_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * MB),
  /** Most files accepted in one upload request (loose files and ZIP entries together). */
  MAX_FILES_PER_UPLOAD: z.coerce.number().int().positive().default(500),
  /** Most bytes one uploaded ZIP may inflate to, counted while unpacking (declared sizes can lie). */
  MAX_ZIP_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(500 * MB),
  /** Most bytes one DOCX may inflate to before mammoth reads it, counted while inflating. */
  MAX_DOCX_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * MB),
  /** Most PDF pages read from one résumé. */
  MAX_PDF_PAGES: z.coerce.number().int().positive().default(30),
  /** Time limit for reading one résumé, in milliseconds. */
  PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Most pages of one file read by OCR (scanned PDF pages, or 1 for a PNG/JPEG); more fails as too_large. */
  MAX_OCR_PAGES: z.coerce.number().int().positive().default(5),
  /** Largest image read (width × height as declared in its header, checked before decoding), in pixels. */
  MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  /** Time limit for the OCR of one page, in milliseconds. */
  OCR_PAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Time limit for all the OCR of one file, in milliseconds (after its text layer was read). */
  OCR_TIMEOUT_MS: z.coerce.number().int().positive().default(90_000),
  /** Below this mean OCR confidence (0–100) an application is flagged "needs review" and not ranked. */
  OCR_MIN_CONFIDENCE: z.coerce.number().min(0).max(100).default(60),
  /** Parse jobs one worker process runs at once (also the number of its parse threads). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Heap cap of each parse thread, in MB: a parse that needs more fails as too_large. */
  PARSE_MAX_HEAP_MB: z.coerce.number().int().min(32).max(16_384).default(256),
  /**
   * How often a worker looks for applications whose job is missing, in ms (also how long a row
   * must sit untouched before it counts as missing).
   */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Port of the worker's /healthz and /readyz (0: no health server). */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Lock of a running job, in ms: a killed worker's jobs are taken over after about twice this. */
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** Tries per job for errors that may pass (database or Redis unreachable). */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** First retry delay, doubled at each further try (exponential backoff), in ms. */
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(1_000),
  /**
   * Secure flag of the session cookie. "auto": set in production unless the app listens on a
   * loopback address over plain HTTP (the local demo); set "true" behind a TLS proxy.
   */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  /**
   * Express's `trust proxy`: off by default, so the client address is the socket's and an
   * X-Forwarded-For header sent by anyone is ignored. Behind a reverse proxy set "true", a hop
   * count ("1") or the proxy's addresses ("loopback, 10.0.0.0/8").
   */
  TRUST_PROXY: z.string().default("false"),
  /**
   * Extra origins (comma-separated, e.g. "https://screening.example.com") allowed to send
   * mutating requests besides the app's own host, for deployments where the proxy rewrites Host.
   */
  ALLOWED_ORIGINS: z.string().default(""),
  /** Failed sign-ins allowed per e-mail address within the window before it is refused (429). */
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  /** Failed sign-ins allowed per client address within the window. */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(30),
  /** The sign-in rate-limit window, in minutes. */
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Applications of requisitions closed longer than this many days are erased by the retention job. */
  RETENTION_DAYS: z.coerce.number().int().positive().default(180),
});

export type Config = z.infer<typeof ConfigSchema>;

/** The OCR limits of ExtractionLimits (server/extraction/read-scans.ts), from the configuration. */
export function ocrLimitsOf(
  config: Pick<
    Config,
    "MAX_OCR_PAGES" | "MAX_IMAGE_PIXELS" | "OCR_PAGE_TIMEOUT_MS" | "OCR_TIMEOUT_MS" | "OCR_MIN_CONFIDENCE"
  >,
) {
  return {
    maxPages: config.MAX_OCR_PAGES,
    maxImagePixels: config.MAX_IMAGE_PIXELS,
    pageTimeoutMs: config.OCR_PAGE_TIMEOUT_MS,
    fileTimeoutMs: config.OCR_TIMEOUT_MS,
    minConfidence: config.OCR_MIN_CONFIDENCE,
  };
}

// Not an AppError: a misconfigured process must not start; it is never an answer to a request.
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
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
