// "3 résumés read by OCR need review" above the candidates table, with a link that shows only
// them (?review=needed) and back. They are not ranked until someone marks them reviewed on the
// candidate page (docs/candidate-page.md). The count is served by a partial index.
import { Link } from "@remix-run/react";
import { plural } from "~/lib/format.ts";
import { withFilters } from "~/lib/table-url.ts";

export function NeedsReviewNotice({ count, search }: { count: number; search: string }) {
  const only = new URLSearchParams(search).get("review") === "needed";
  return (
    <p className="alert alert--warning candidates__notice needs-attention" data-testid="needs-review">
      <span>
        <strong>{plural(count, "résumé")}</strong> read by OCR {count === 1 ? "needs" : "need"} review: the text was
        hard to read, so {count === 1 ? "it is" : "they are"} not ranked until someone checks{" "}
        {count === 1 ? "it" : "them"}.
      </span>
      {only ? (
        <Link
          to={{ search: withFilters(search, { review: null }).replace(/^\?$/, "") }}
          preventScrollReset
          className="button button--small"
          data-testid="needs-review-all"
        >
          Back to the ranking
        </Link>
      ) : (
        <Link
          to={{ search: withFilters(search, { review: "needed" }) }}
          preventScrollReset
          className="button button--small"
          data-testid="needs-review-show"
        >
          Show {count === 1 ? "it" : "them"}
        </Link>
      )}
    </p>
  );
}
