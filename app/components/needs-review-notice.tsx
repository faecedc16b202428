// The notices above the candidates table for rows that are not ranked: "2 files need attention"
// (could not be read, ?status=FAILED) and "3 résumés read by OCR need review" (?status=NEEDS_REVIEW;
// not ranked until someone marks them reviewed on the candidate page, docs/candidate-page.md).
// Each links to a view of only those rows and back to the ranking. Both counts are index-served.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { plural } from "~/lib/format.ts";
import { listParam, withFilters, type FilterParam } from "~/lib/table-url.ts";

/** A warning with a "Show them" / "Back to the ranking" link that toggles one table filter. */
function FilterNotice(props: {
  testId: string;
  count: number;
  search: string;
  param: FilterParam;
  value: string;
  children: ReactNode;
}) {
  const { testId, count, search, param, value } = props;
  const only = listParam(search, param).join(",") === value;
  return (
    <p className="alert alert--warning candidates__notice needs-attention" data-testid={testId}>
      <span>{props.children}</span>
      {only ? (
        <Link
          to={{ search: withFilters(search, { [param]: null }).replace(/^\?$/, "") }}
          preventScrollReset
          className="button button--small"
          data-testid={`${testId}-all`}
        >
          Back to the ranking
        </Link>
      ) : (
        <Link
          to={{ search: withFilters(search, { [param]: value }) }}
          preventScrollReset
          className="button button--small"
          data-testid={`${testId}-show`}
        >
          Show {count === 1 ? "it" : "them"}
        </Link>
      )}
    </p>
  );
}

export function NeedsAttentionNotice({ failed, search }: { failed: number; search: string }) {
  return (
    <FilterNotice testId="needs-attention" count={failed} search={search} param="status" value="FAILED">
      <strong>{plural(failed, "file")}</strong> {failed === 1 ? "needs" : "need"} attention: could not be read, so{" "}
      {failed === 1 ? "it is" : "they are"} not ranked.
    </FilterNotice>
  );
}

export function NeedsReviewNotice({ count, search }: { count: number; search: string }) {
  return (
    <FilterNotice testId="needs-review" count={count} search={search} param="status" value="NEEDS_REVIEW">
      <strong>{plural(count, "résumé")}</strong> read by OCR {count === 1 ? "needs" : "need"} review: the text was hard
      to read, so {count === 1 ? "it is" : "they are"} not ranked until someone checks {count === 1 ? "it" : "them"}.
    </FilterNotice>
  );
}
