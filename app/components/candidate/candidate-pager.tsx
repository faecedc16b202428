// Previous / next candidate in the table's order, keeping the table's view in every link.
// Keyboard: j or → for the next candidate, k or ← for the previous one — except while typing
// (inputs, text areas, selects, editable text) or with a modifier key held.
import { Link, useNavigate } from "@remix-run/react";
import { useEffect } from "react";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

export function useCandidateShortcuts(previousHref: string | null, nextHref: string | null) {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isTyping(event.target)) return;
      const key = event.key;
      const href =
        key === "j" || key === "ArrowRight" ? nextHref : key === "k" || key === "ArrowLeft" ? previousHref : undefined;
      if (href === undefined) return;
      event.preventDefault();
      if (href) navigate(href);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [navigate, previousHref, nextHref]);
}

export function CandidatePager({
  previousHref,
  nextHref,
  position,
  total,
  tableHref,
}: {
  previousHref: string | null;
  nextHref: string | null;
  position: number | null;
  total: number;
  tableHref: string;
}) {
  useCandidateShortcuts(previousHref, nextHref);
  return (
    <nav className="pager" aria-label="Candidates in the table's order" data-testid="candidate-pager">
      <Link to={tableHref} className="button button--ghost button--small" data-testid="back-to-table">
        ← Table
      </Link>
      <div className="pager__steps">
        {previousHref ? (
          <Link
            to={previousHref}
            className="button button--small"
            rel="prev"
            data-testid="previous-candidate"
            aria-keyshortcuts="k ArrowLeft"
          >
            ‹ Previous
          </Link>
        ) : (
          <span className="button button--small is-disabled" aria-disabled="true">
            ‹ Previous
          </span>
        )}
        <span className="pager__position" data-testid="pager-position">
          {position !== null ? `${position} of ${total}` : `not in this view (${total})`}
        </span>
        {nextHref ? (
          <Link
            to={nextHref}
            className="button button--small"
            rel="next"
            data-testid="next-candidate"
            aria-keyshortcuts="j ArrowRight"
          >
            Next ›
          </Link>
        ) : (
          <span className="button button--small is-disabled" aria-disabled="true">
            Next ›
          </span>
        )}
      </div>
      <span className="pager__hint muted small" aria-hidden="true">
        <kbd>k</kbd>/<kbd>←</kbd> <kbd>j</kbd>/<kbd>→</kbd>
      </span>
    </nav>
  );
}
