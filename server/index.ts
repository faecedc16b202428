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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const config = getConfig();

const buildPath = path.join(root, "build/index.js");
const build = (await import(buildPath).catch((error: Error) => {
  logger.fatal({ err: error.message }, `No Remix build at ${buildPath}: run \`npm run build\` first`);
  process.exit(1);
})) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.get("/healthz", (_req, res) => {
  res.json({ ok: true });
});
app.all("*", createRequestHandler({ build, mode: config.NODE_ENV }));

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
