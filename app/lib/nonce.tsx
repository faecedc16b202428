// The request's CSP nonce for components that render inline scripts (<Scripts>,
// <ScrollRestoration>). Set on the server in app/entry.server.tsx; in the browser it is empty,
// which is fine: scripts added after hydration are not inline.
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
