// A tiny HTTP server for a process without a web server of its own (the worker):
// GET /healthz  liveness: 200 while the process runs and its `alive` test holds;
// GET /readyz   readiness: 200 when its dependencies answer, 503 (JSON, per dependency) when not.
// A port already taken does not stop the process: several workers on one machine each set
// their own WORKER_HEALTH_PORT, or 0 for none.
import { createServer, type Server } from "node:http";
import type { Readiness } from "./checks.ts";

export interface HealthServerOptions {
  port: number;
  host: string;
  alive: () => boolean;
  ready: () => Promise<Readiness>;
  onListenError?: (error: Error) => void;
}

export function startHealthServer(options: HealthServerOptions): Server {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      response.end(JSON.stringify(body));
    };
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, { error: "method not allowed" });
    if (path === "/healthz") {
      const alive = options.alive();
      return send(alive ? 200 : 503, { status: alive ? "ok" : "stopping" });
    }
    if (path === "/readyz") {
      options.ready().then(
        (result) => send(result.status === "unavailable" ? 503 : 200, result),
        (error: Error) => send(503, { status: "unavailable", error: error.message }),
      );
      return;
    }
    send(404, { error: "not found; try /healthz or /readyz" });
  });
  server.on("error", (error) => options.onListenError?.(error));
  server.listen(options.port, options.host);
  // Health checks must never keep a stopping process alive.
  server.unref();
  return server;
}
