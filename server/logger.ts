// Structured logs (JSON lines) for web and worker; pino is fast and keeps logs machine-readable.
import { pino } from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { pid: process.pid },
});
