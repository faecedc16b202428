import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { withParams } from "~/lib/table-url.ts";

interface PaginationProps {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
}

export function Pagination({ page, pageCount, pageSize, total, pageSizes }: PaginationProps) {
  const location = useLocation();
  const submit = useSubmit();
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Candidates pages" data-testid="pagination">
      <p className="pagination__range">
        {first}–{last} of {total}
      </p>
      <div className="pagination__pages">
        <PageLink to={withParams(location.search, { page: page - 1 })} disabled={page <= 1} label="Previous page">
          ← Prev
        </PageLink>
        <span className="pagination__current" data-testid="page-indicator">
          Page {page} of {pageCount}
        </span>
        <PageLink to={withParams(location.search, { page: page + 1 })} disabled={page >= pageCount} label="Next page">
          Next →
        </PageLink>
      </div>
      <Form
        method="get"
        preventScrollReset
        className="pagination__size"
        onChange={(event) => submit(event.currentTarget, { preventScrollReset: true })}
      >
        {/* The rest of the view (sort, filters) rides along; a new page size starts at page 1. */}
        {[...new URLSearchParams(location.search)]
          .filter(([key]) => key !== "pageSize" && key !== "page")
          .map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
        <label htmlFor="page-size">Rows per page</label>
        <select id="page-size" name="pageSize" defaultValue={pageSize} key={pageSize}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <noscript>
          <button type="submit" className="button button--small">
            Apply
          </button>
        </noscript>
      </Form>
    </nav>
  );
}

function PageLink({
  to,
  disabled,
  label,
  children,
}: {
  to: string;
  disabled: boolean;
  label: string;
  children: string;
}) {
  if (disabled) {
    return (
      <span className="button button--small button--ghost is-disabled" aria-disabled="true" aria-label={label}>
        {children}
      </span>
    );
  }
  return (
    <Link className="button button--small button--ghost" to={to} preventScrollReset aria-label={label}>
      {children}
    </Link>
  );
}
