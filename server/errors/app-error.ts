// The one error type the domain throws at its callers (routes, API, CLI, jobs). A code says what
// went wrong in terms a caller can act on; HTTP statuses are decided here, in one table, so a
// route never picks a status by hand. Messages are written for the person who will read them.
export const APP_ERROR_STATUS = {
  /** The input is malformed or fails validation; `issues` name the fields. */
  invalid_input: 400,
  /** Not signed in. */
  unauthenticated: 401,
  /** Signed in, but this role or membership may not do it. */
  forbidden: 403,
  /** No such thing (or not visible to this user). */
  not_found: 404,
  /** The state does not allow it now (closed requisition, a newer version, a duplicate). */
  conflict: 409,
  /** Over a size or count limit. */
  too_large: 413,
  /** Too many attempts; `retryAfterSeconds` says when to come back. */
  rate_limited: 429,
  /** A dependency (PostgreSQL, Redis) is down; try again later. */
  unavailable: 503,
  /** A bug: logged, shown as a generic message. */
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export interface FieldIssue {
  /** Dotted path of the field ("areaWeights.cloud_iac"); empty for the whole input. */
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly issues: readonly FieldIssue[];
  readonly retryAfterSeconds: number | null;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { issues?: readonly FieldIssue[]; retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** zod issues → field issues (the shape forms and the API report). */
export function issuesFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
