// Structured logs (JSON lines) for web and worker; pino is fast and keeps logs machine-readable.
// `npm run demo` sets LOG_FORMAT=pretty: the same records as coloured, readable lines
// (pino-pretty, written synchronously in this thread). Production keeps JSON.
import { pino } from "pino";
import { PinoPretty } from "pino-pretty";

const options = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { pid: process.pid },
};

export const logger =
  process.env.LOG_FORMAT === "pretty"
    ? pino(options, PinoPretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", sync: true }))
    : pino(options);
