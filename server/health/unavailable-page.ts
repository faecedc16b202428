// With PostgreSQL down, every page and action answers 503 "temporarily unavailable" (rendered by
// the route's ErrorBoundary from the title and message below) instead of a 500 with a generic
// error. Done once here, around every loader and action of the Remix build, so no route has to
// remember it. Nothing is half-written: each write is one transaction, which fails as a whole.
import { data, type ServerBuild } from "@remix-run/node";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailableError } from "./database-unavailable.ts";

type RouteFunction = (args: never) => unknown;

export function withDatabaseUnavailablePage(
  build: ServerBuild,
  onUnavailable: (error: unknown) => void = () => {},
): ServerBuild {
  const body = { title: DATABASE_UNAVAILABLE.title, message: DATABASE_UNAVAILABLE.message };
  const init = { status: 503, headers: { "Retry-After": String(DATABASE_UNAVAILABLE.retryAfterSeconds) } };
  const wrap = <F extends RouteFunction | undefined>(fn: F, resourceRoute: boolean): F => {
    if (!fn) return fn;
    const wrapped = async (args: never) => {
      try {
        return await fn(args);
      } catch (error) {
        if (!isDatabaseUnavailableError(error)) throw error;
        onUnavailable(error);
        // Pages render it in their ErrorBoundary; resource routes (no UI) must throw a real Response.
        throw resourceRoute ? Response.json(body, init) : data(body, init);
      }
    };
    return wrapped as unknown as F;
  };
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      if (!route) return [id, route];
      const { module } = route;
      if (!module.loader && !module.action) return [id, route];
      const resourceRoute = !module.default;
      return [
        id,
        {
          ...route,
          module: { ...module, loader: wrap(module.loader, resourceRoute), action: wrap(module.action, resourceRoute) },
        },
      ];
    }),
  );
  return { ...build, routes } as ServerBuild;
}
