// The web process: Express serving the Remix build (classic compiler output in build/ and
// public/build/). Run `npm run build` first; `npm start` starts this and the worker together.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getConfig } from "./config.ts";
import { logger } from "./logger.ts";
import { postgresCheck, readiness, redisCheck } from "./health/checks.ts";
import { withDatabaseUnavailablePage } from "./health/unavailable-page.ts";
import { redisOf } from "./queue/redis-ready.ts";
import { queueDashboardRouter, QUEUE_DASHBOARD_PATH, requireQueueDashboardUser } from "./http/queue-dashboard.ts";
import { withUnstorableInputRefused } from "./http/hostile-input.ts";
import { requestContextStorage } from "./http/request-context.ts";
import { crossSiteMutationGuard, cspNonce, securityHeaders, trustProxySetting } from "./http/security.ts";
import { getConsistencyQueue, getParseQueue, getPrisma, getRerankQueue } from "./services.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const config = getConfig();

const buildPath = path.join(root, "build/index.js");
const build = (await import(buildPath).catch((error: Error) => {
  logger.fatal({ err: error.message }, `No Remix build at ${buildPath}: run \`npm run build\` first`);
  process.exit(1);
})) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// Off by default: req.ip is the socket's address unless TRUST_PROXY names the proxy in front.
app.set("trust proxy", trustProxySetting(config.TRUST_PROXY));
app.use(compression());
app.use(cspNonce, securityHeaders());
app.use(crossSiteMutationGuard({ allowedOrigins: config.ALLOWED_ORIGINS }));
// fallthrough: false — a missing asset (an old page after a deploy) is a plain 404, not a sign-in page.
app.use(
  "/build",
  express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y", fallthrough: false }),
);
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.get("/healthz", (_req, res) => {
  res.json({ ok: true });
});
// Readiness: PostgreSQL is required (503 without it); Redis is not (uploads are stored QUEUED and
// enqueued later), so without it the web is "degraded" but still 200.
app.get("/readyz", async (_req, res) => {
  const redis = redisOf(getParseQueue());
  const result = await readiness({
    postgres: { check: postgresCheck(getPrisma()), required: true },
    ...(redis ? { redis: { check: redisCheck(redis), required: false } } : {}),
  });
  res
    .status(result.status === "unavailable" ? 503 : 200)
    .set("Cache-Control", "no-store")
    .json(result);
});
app.use(
  QUEUE_DASHBOARD_PATH,
  requireQueueDashboardUser(getPrisma),
  queueDashboardRouter([getParseQueue(), getRerankQueue(), getConsistencyQueue()]),
);
let lastUnavailableLog = 0;
const remixHandler = createRequestHandler({
  // PostgreSQL unreachable → 503 "temporarily unavailable" page or JSON, never a stack trace.
  // Text PostgreSQL cannot store (NUL, surrogate halves) → 400 before any loader or action runs.
  build: withDatabaseUnavailablePage(withUnstorableInputRefused(build), (error) => {
    if (Date.now() - lastUnavailableLog < 10_000) return;
    lastUnavailableLog = Date.now();
    logger.error(
      { err: error instanceof Error ? error.message.split("\n").at(-1) : String(error) },
      "database unreachable: answering 503",
    );
  }),
  mode: config.NODE_ENV,
  getLoadContext: (req, res) => ({ clientIp: req.ip ?? null, cspNonce: res.locals.cspNonce as string }),
});
app.all("*", (req, res, next) =>
  requestContextStorage().run({ clientIp: req.ip ?? null, cspNonce: res.locals.cspNonce as string }, () =>
    remixHandler(req, res, next),
  ),
);

const server = app.listen(config.PORT, config.HOST, () => {
  logger.info(`Web app listening on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    logger.info(`${signal}: closing web server`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
