// HTTP hardening for the web process: security headers (with a per-request CSP nonce for Remix's
// inline scripts) and a refusal of cross-site mutations. Mounted in server/index.ts before Remix.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/** Express's `trust proxy` from TRUST_PROXY: off, on, a hop count, or a list of addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0" || v === "off") return false;
  if (v === "true" || v === "on") return true;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}

/** Sets res.locals.cspNonce, a fresh random value for every response. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

/**
 * Content-Security-Policy and the other headers. Scripts run only from this origin or with the
 * request's nonce (Remix's hydration scripts carry it); nothing may frame the app; style
 * attributes stay allowed because components set widths (score bars) inline.
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // Sent below only over HTTPS: on the plain-HTTP demo it would mean nothing.
    strictTransportSecurity: false,
    xContentTypeOptions: true,
  });
  return (req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // Remix copies a response's headers with res.append: a route that sets its own policy (the
    // résumé download's "default-src 'none'; sandbox") must replace these defaults, not add a second copy.
    const append = res.append.bind(res);
    res.append = ((field: string, value?: string | string[]) => {
      if (ROUTE_OVERRIDABLE.has(field.toLowerCase()) && value !== undefined) {
        res.setHeader(field, value);
        return res;
      }
      return append(field, value);
    }) as typeof res.append;
    headers(req, res, next);
  };
}

const ROUTE_OVERRIDABLE = new Set([
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "cross-origin-resource-policy",
  "x-frame-options",
]);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `scheme://host[:port]` with the default port dropped, lower-case; null for anything that is not an http(s) origin. */
export function normalizedOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Why a request must be refused as cross-site, or null when it may go on. Pure, for tests.
 * The Origin must be this site's own origin: the same scheme, host and port (an `https://` page
 * of the same host is another origin for an `http://` site, and so is another port).
 */
export function crossSiteProblem(input: {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** The Host header (host and, when not the default, port). */
  host: string | undefined;
  /** The scheme the request arrived with: `http` or `https` (Express's req.protocol, which follows TRUST_PROXY). */
  protocol: string;
  allowedOrigins: readonly string[];
}): string | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  const origin = input.origin?.trim();
  if (origin) {
    const sent = origin === "null" ? null : normalizedOrigin(origin);
    if (sent && input.allowedOrigins.some((allowed) => normalizedOrigin(allowed) === sent)) return null;
    const own = input.host ? normalizedOrigin(`${input.protocol.replace(/:$/, "")}://${input.host}`) : null;
    if (sent && own && sent === own) return null;
    return `This request came from another site (${origin}). Changes can only be made from MLE Screening's own pages.`;
  }
  // No Origin (older browsers on same-origin form posts, or a script such as the CLI or bench):
  // browsers that send Sec-Fetch-Site still say whether the request crossed sites.
  const site = input.secFetchSite?.trim().toLowerCase();
  if (site === "cross-site" || site === "same-site") {
    return "This request came from another site. Changes can only be made from MLE Screening's own pages.";
  }
  return null;
}

/** Refuses non-GET/HEAD requests from other sites with 403 and a plain explanation. */
export function crossSiteMutationGuard(options: { allowedOrigins: string }): RequestHandler {
  const allowedOrigins = options.allowedOrigins
    .split(",")
    .map((o) => o.trim().toLowerCase().replace(/\/+$/, ""))
    .filter(Boolean);
  return (req: Request, res: Response, next: NextFunction) => {
    const problem = crossSiteProblem({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: req.get("host"),
      protocol: req.protocol,
      allowedOrigins,
    });
    if (!problem) return next();
    res.status(403).type("text/plain; charset=utf-8").send(`403 Forbidden: ${problem}\n`);
  };
}
