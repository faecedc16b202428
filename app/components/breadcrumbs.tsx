// The one breadcrumb trail. A route says what it adds with `handle.breadcrumb`; this reads the
// matched routes (root → leaf) and links every crumb but the last, which is the current page.
import { Link, useMatches, type UIMatch } from "@remix-run/react";

export interface Crumb {
  label: string;
  to: string;
}

/** What a route module exports as `handle` to add crumbs (its match's data may be missing after an error). */
export interface BreadcrumbHandle {
  breadcrumb: (match: UIMatch<unknown, unknown>) => Crumb | Crumb[] | null;
}

function crumbsOf(match: UIMatch<unknown, unknown>): Crumb[] {
  const handle = match.handle as Partial<BreadcrumbHandle> | undefined;
  const crumb = handle?.breadcrumb?.(match);
  return crumb ? (Array.isArray(crumb) ? crumb : [crumb]) : [];
}

export function Breadcrumbs() {
  const crumbs = useMatches().flatMap(crumbsOf);
  if (crumbs.length < 2) return null;
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb" data-testid="breadcrumbs">
      {crumbs.map((crumb, index) =>
        index === crumbs.length - 1 ? (
          <span key={crumb.to} aria-current="page">
            {crumb.label}
          </span>
        ) : (
          <span key={crumb.to} className="breadcrumbs__item">
            <Link to={crumb.to}>{crumb.label}</Link>
            <span aria-hidden="true">/</span>
          </span>
        ),
      )}
    </nav>
  );
}
