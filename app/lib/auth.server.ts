// Authentication and authorisation for every loader and action. Each one starts with
// requireUser / requirePermission / requireRequisitionPermission / requireApplicationPermission:
// access is decided on the server from the session and server/auth/permissions.ts, never by
// which buttons a page happens to show.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { currentRequestContext } from "@server/http/request-context.ts";
import { actorOf, type AuditActor } from "@server/audit/record-audit.ts";
import {
  authoriseGlobal,
  decideRequisition,
  loadRequisitionAccess,
  requisitionAbilities,
  type RequisitionAccess,
} from "@server/auth/authorise-requisition.ts";
import type { LoginLimits } from "@server/auth/login-rate-limit.ts";
import type { GlobalPermission, RequisitionPermission } from "@server/auth/permissions.ts";
import { AppError, isAppError } from "@server/errors/app-error.ts";
import {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  getSessionUser,
  sessionTokenFromCookieHeader,
  type SessionUser,
} from "@server/auth/sessions.ts";
import { notFound, throwAppError } from "./app-error.server.ts";
import { getConfig } from "./config.server.ts";
import { getPrisma } from "./db.server.ts";

export type { SessionUser };

export function readSessionToken(request: Request): string | null {
  return sessionTokenFromCookieHeader(request.headers.get("Cookie") ?? undefined);
}

function cookieIsSecure(request: Request): boolean {
  const config = getConfig();
  if (config.COOKIE_SECURE !== "auto") return config.COOKIE_SECURE === "true";
  if (config.NODE_ENV !== "production") return false;
  const url = new URL(request.url);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return url.protocol === "https:" || !loopback;
}

export function sessionCookie(request: Request, token: string): string {
  const attributes = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}`,
  ];
  if (cookieIsSecure(request)) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearedSessionCookie(request: Request): string {
  return [
    `${SESSION_COOKIE}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(cookieIsSecure(request) ? ["Secure"] : []),
  ].join("; ");
}

/** The signed-in user, or null. Cached per request so nested loaders read the session once. */
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();
export function getUser(request: Request): Promise<SessionUser | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = getSessionUser(getPrisma(), readSessionToken(request));
    perRequest.set(request, pending);
  }
  return pending;
}

/** Where to send a signed-out visitor so they come back to the page they asked for. */
function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = back && back !== "/" ? `/login?redirectTo=${encodeURIComponent(back)}` : "/login";
  throw redirect(target);
}

function isDocumentGet(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = new URL(request.url);
  // Resource routes under /api and file downloads answer machines with a status, not a login page.
  return !url.pathname.startsWith("/api/");
}

/** The signed-in user; anonymous page views go to the sign-in page, anything else gets 401. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  if (isDocumentGet(request)) signInRedirect(request);
  throwAppError(new AppError("unauthenticated", "Your session has ended. Sign in again to continue."));
}

/** A refusal from server/auth (AppError forbidden / not_found) as the Response a route throws. */
function refuse(error: unknown, notFoundTitle = "Not found"): never {
  if (isAppError(error)) {
    throwAppError(error, { not_found: notFoundTitle });
  }
  throw error;
}

/** A global permission (admin pages, creating requisitions). */
export async function requirePermission(request: Request, permission: GlobalPermission): Promise<SessionUser> {
  const user = await requireUser(request);
  try {
    authoriseGlobal(user, permission);
  } catch (error) {
    refuse(error);
  }
  return user;
}

/**
 * The requisition and the user's membership, read once per HTTP request: the shell route's
 * loader and its child route's loader run in the same request (each with its own Request
 * object, so the cache is keyed by the request's context when there is one).
 */
const accessPerRequest = new WeakMap<object, Map<string, Promise<RequisitionAccess | null>>>();
function loadAccessOnce(request: Request, user: SessionUser, requisitionId: string) {
  // An action changes what it read (status, weights): never cache its read for the loaders that
  // run after it in the same document request.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return loadRequisitionAccess(getPrisma(), user, requisitionId);
  }
  const key: object = currentRequestContext() ?? request;
  let byId = accessPerRequest.get(key);
  if (!byId) accessPerRequest.set(key, (byId = new Map()));
  const cacheKey = `${user.id}:${requisitionId}`;
  let pending = byId.get(cacheKey);
  if (!pending) {
    pending = loadRequisitionAccess(getPrisma(), user, requisitionId);
    byId.set(cacheKey, pending);
  }
  return pending;
}

export interface RequisitionGrant {
  user: SessionUser;
  requisition: RequisitionAccess["requisition"];
  /** What the user's role may do here, for showing or hiding controls. */
  can: Record<RequisitionPermission, boolean>;
}

/**
 * The user, allowed `permission` on the requisition, with the requisition row: 404 when it does
 * not exist, 403 when the user is not a member or their role does not allow it. Decided by
 * server/auth/authorise-requisition.ts, like every bulk action.
 */
export async function requireRequisitionAccess(
  request: Request,
  requisitionId: string | undefined,
  permission: RequisitionPermission,
): Promise<RequisitionGrant> {
  const user = await requireUser(request);
  const access = requisitionId ? await loadAccessOnce(request, user, requisitionId) : null;
  try {
    const { requisition } = decideRequisition(user, access, permission);
    return { user, requisition, can: requisitionAbilities(user) };
  } catch (error) {
    refuse(error, "Requisition not found");
  }
}

/** Like requireRequisitionAccess, when the route needs only the user. */
export async function requireRequisitionPermission(
  request: Request,
  requisitionId: string | undefined,
  permission: RequisitionPermission,
): Promise<SessionUser> {
  return (await requireRequisitionAccess(request, requisitionId, permission)).user;
}

/** Like requireRequisitionPermission, for a route addressed by an application id. */
export async function requireApplicationPermission(
  request: Request,
  applicationId: string | undefined,
  permission: RequisitionPermission,
): Promise<{ user: SessionUser; application: { id: string; requisitionId: string } }> {
  const user = await requireUser(request);
  const application = applicationId
    ? await getPrisma().application.findUnique({
        where: { id: applicationId },
        select: { id: true, requisitionId: true },
      })
    : null;
  if (!application) {
    notFound(
      "Candidate not found",
      "This application does not exist. It may have been erased, or the link is incomplete.",
    );
  }
  await requireRequisitionPermission(request, application.requisitionId, permission);
  return { user, application };
}

/** The audit actor for a signed-in user. */
export function auditActor(user: SessionUser): AuditActor {
  return actorOf(user);
}

/**
 * The client address for audit entries and rate limits: Express's req.ip (the socket's address,
 * or the proxy-reported one only when TRUST_PROXY is set), handed over by server/index.ts as the
 * load context. Pass the loader's `context` when you have it; without it the same value is read
 * from the request's async context. Never read from a request header, which anyone can forge.
 */
export function clientIp(_request: Request, context?: Partial<AppLoadContext>): string | null {
  return context?.clientIp ?? currentRequestContext()?.clientIp ?? null;
}

/** The limits on password guesses (sign-in and a password change's current password), from the configuration. */
export function loginLimits(): LoginLimits {
  const config = getConfig();
  return {
    maxFailuresPerEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
    maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
    windowMinutes: config.LOGIN_WINDOW_MINUTES,
  };
}
