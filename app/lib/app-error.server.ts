// AppError (server/errors/app-error.ts) at the edge of the web app. The domain throws AppError with
// a code; here, and only here, it becomes what Remix sends: a thrown Response for the route's
// ErrorBoundary (loaders, resource routes) or the reply of a form (actions), with the status of
// the code's row in APP_ERROR_STATUS. Routes never pick a status by hand for a domain error.
import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { APP_ERROR_STATUS, AppError, type AppErrorCode } from "@server/errors/app-error.ts";

/** The heading the ErrorBoundary shows for each code (a route may name the thing: "Requisition not found"). */
const TITLES: Record<AppErrorCode, string> = {
  invalid_input: "This request has an invalid setting",
  unauthenticated: "Sign in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Nothing changed",
  too_large: "Too large",
  rate_limited: "Too many attempts",
  unavailable: "Temporarily unavailable",
  internal: "Something went wrong",
};

/** The body of every error Response: what app/components/error-panel.tsx reads. */
export interface ErrorBody {
  title: string;
  message: string;
  issues?: ReadonlyArray<{ path: string; message: string }>;
}

type Titles = Partial<Record<AppErrorCode, string>>;

function headersOf(error: AppError): HeadersInit | undefined {
  return error.retryAfterSeconds === null ? undefined : { "Retry-After": String(error.retryAfterSeconds) };
}

/** The Response for an AppError (thrown from a loader, or returned by a resource route). */
export function appErrorResponse(error: AppError, titles: Titles = {}) {
  const body: ErrorBody = { title: titles[error.code] ?? TITLES[error.code], message: error.message };
  if (error.issues.length > 0) body.issues = error.issues;
  return data(body, { status: error.status, headers: headersOf(error) });
}

export function throwAppError(error: AppError, titles: Titles = {}): never {
  throw appErrorResponse(error, titles);
}

/** A resource route's answer for an AppError: a real Response, so a plain POST gets the status too. */
export function appErrorJson(error: AppError, titles: Titles = {}): Response {
  const { data: body, init } = appErrorResponse(error, titles);
  return Response.json(body, init ?? undefined);
}

/** "There is no such <thing>": a 404 the route's ErrorBoundary explains under `title`. */
export function notFound(title: string, message: string): never {
  throwAppError(new AppError("not_found", message), { not_found: title });
}

/** A form that failed its schema: the reply (field errors for the form) with invalid_input's status. */
export function invalidForm<Reply>(reply: Reply) {
  return data(reply, { status: APP_ERROR_STATUS.invalid_input });
}

/**
 * A form's reply for an AppError: field issues next to their fields (or the message above the
 * form when it names none), with the code's status. `reply` is the conform submission's reply (parseWithZod(...).reply).
 */
export function replyWithAppError(
  reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>,
  error: AppError,
) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path) (fieldErrors[issue.path] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  // Said once: next to its fields when it has any, above the form otherwise.
  if (formErrors.length === 0 && Object.keys(fieldErrors).length === 0) formErrors.push(error.message);
  return data(reply({ formErrors, fieldErrors }), { status: error.status, headers: headersOf(error) });
}
