// What server/index.ts hands every loader and action as `context` (getLoadContext); see
// server/http/request-context.ts.
import type { RequestContext } from "@server/http/request-context.ts";

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends RequestContext {}
}

export {};
