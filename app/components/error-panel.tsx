import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

interface ErrorCopy {
  status: number | null;
  title: string;
  message: string;
}

/** Turns whatever a loader/action threw into words a recruiter can act on. */
export function describeError(error: unknown): ErrorCopy {
  if (isRouteErrorResponse(error)) {
    const body = typeof error.data === "object" && error.data !== null ? (error.data as Record<string, unknown>) : {};
    const message =
      typeof body.message === "string"
        ? body.message
        : typeof error.data === "string" && error.data
          ? error.data
          : error.statusText;
    const titles: Record<number, string> = {
      400: "This request has an invalid setting",
      404: "Not found",
      413: "Upload too large",
    };
    const title = typeof body.title === "string" ? body.title : (titles[error.status] ?? `Error ${error.status}`);
    return { status: error.status, title, message };
  }
  return {
    status: null,
    title: "Something went wrong",
    message:
      "The page could not be loaded because of an unexpected error. Try again in a moment; if it keeps happening, the server logs have the details.",
  };
}

export function ErrorPanel({ error, actions }: { error: unknown; actions?: ReactNode }) {
  const copy = describeError(error);
  if (!isRouteErrorResponse(error) && typeof console !== "undefined") console.error(error);
  return (
    <section className="error-panel" role="alert" data-testid="error-panel">
      {copy.status ? <p className="error-panel__status">{copy.status}</p> : null}
      <h1 className="error-panel__title">{copy.title}</h1>
      <p className="error-panel__message" data-testid="error-message">
        {copy.message}
      </p>
      <div className="error-panel__actions">
        {actions ?? (
          <Link to="/requisitions" className="button">
            Back to requisitions
          </Link>
        )}
      </div>
    </section>
  );
}

/** A route's error boundary with the default way back (to the requisitions): `export { RouteErrorBoundary as ErrorBoundary }`. */
export function RouteErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}

/**
 * The error boundary of a view of the candidates (table, plot): a bad filter or sort in the URL
 * (400) gets "Reset view" to the same page without its query, besides the way back.
 */
export function CandidatesViewErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const isBadQuery = error && typeof error === "object" && "status" in error && error.status === 400;
  return (
    <ErrorPanel
      error={error}
      actions={
        <>
          {isBadQuery ? (
            <Link to={location.pathname} className="button button--primary" data-testid="reset-view">
              Reset view
            </Link>
          ) : null}
          <Link to="/requisitions" className="button">
            Back to requisitions
          </Link>
        </>
      }
    />
  );
}
