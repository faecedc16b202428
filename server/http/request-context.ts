// Facts about the current HTTP request that only Express knows (the client address as resolved
// with `trust proxy`, the CSP nonce). They reach Remix loaders and actions as the load context
// (getLoadContext in server/index.ts) and, for code that has only the Request, through this
// AsyncLocalStorage. It lives on globalThis because server/index.ts (run by tsx) and the Remix
// build (a bundled copy of server/) would otherwise each hold their own instance.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  /** The client's address: the socket's, or the proxy-reported one only when TRUST_PROXY says so. */
  clientIp: string | null;
  /** Per-request nonce of the Content-Security-Policy for Remix's inline scripts. */
  cspNonce: string;
}

const store = globalThis as unknown as { __mleRequestContext?: AsyncLocalStorage<RequestContext> };

export function requestContextStorage(): AsyncLocalStorage<RequestContext> {
  store.__mleRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return store.__mleRequestContext;
}

/** The context of the request being handled, or undefined outside one (tests calling a loader directly). */
export function currentRequestContext(): RequestContext | undefined {
  return requestContextStorage().getStore();
}
