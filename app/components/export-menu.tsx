// "Export" in the requisition toolbar: the shortlist, or the table's current view, as CSV or JSON.
// Plain download links (the export routes stream the file as an attachment), in a disclosure
// that works without JavaScript; with it, Escape and a click outside close the menu.
import { useEffect, useRef } from "react";

/** The table's URL state an export keeps: the view's filters and sort, not its page. */
export function exportSearch(search: string, scope: "shortlist" | "view"): string {
  const current = new URLSearchParams(search);
  const params = new URLSearchParams();
  for (const [key, value] of current) {
    if (key === "page" || key === "pageSize" || key === "scope") continue;
    // The shortlist is every shortlisted candidate, whatever the view's filters; it keeps the sort.
    if (scope === "shortlist" && key !== "sort" && key !== "dir") continue;
    params.append(key, value);
  }
  if (scope === "shortlist") params.set("scope", "shortlist");
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function ExportMenu({
  requisitionId,
  search,
  viewCount,
}: {
  requisitionId: string;
  /** The page's current search string ("?stage=NEW&sort=overall…"). */
  search: string;
  /** Rows in the current view, shown next to "Export this view". */
  viewCount?: number;
}) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (event: Event) => {
      if (!details.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
        return;
      }
      if (!details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  const base = `/requisitions/${requisitionId}/export`;
  const shortlist = exportSearch(search, "shortlist");
  const view = exportSearch(search, "view");
  const item = (format: "csv" | "json", query: string, label: string, testId: string) => (
    <li>
      <a
        href={`${base}.${format}${query}`}
        download
        className="export-menu__item"
        data-testid={testId}
        onClick={() => ref.current?.removeAttribute("open")}
      >
        <span>{label}</span>
        <span className="export-menu__format">{format.toUpperCase()}</span>
      </a>
    </li>
  );

  return (
    <details className="export-menu" ref={ref} data-testid="export-menu">
      <summary className="button" data-testid="export-menu-button">
        Export
        <span aria-hidden="true" className="export-menu__caret">
          ▾
        </span>
      </summary>
      <div className="export-menu__panel">
        <p className="export-menu__heading" id={`export-shortlist-${requisitionId}`}>
          Shortlist
        </p>
        <ul aria-labelledby={`export-shortlist-${requisitionId}`}>
          {item("csv", shortlist, "Export shortlist (CSV)", "export-shortlist-csv")}
          {item("json", shortlist, "Export shortlist (JSON)", "export-shortlist-json")}
        </ul>
        <p className="export-menu__heading" id={`export-view-${requisitionId}`}>
          This view{viewCount !== undefined ? ` · ${viewCount} candidate${viewCount === 1 ? "" : "s"}` : ""}
        </p>
        <ul aria-labelledby={`export-view-${requisitionId}`}>
          {item("csv", view, "Export this view (CSV)", "export-view-csv")}
          {item("json", view, "Export this view (JSON)", "export-view-json")}
        </ul>
        <p className="export-menu__note">
          Scores, area breakdown, gaps, reasons, weights version and decisions. Every export is recorded in the audit
          log.
        </p>
      </div>
    </details>
  );
}
