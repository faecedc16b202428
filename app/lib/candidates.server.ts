// The candidates table's server side: URL state validation and one sorted page of rows.
import { data } from "@remix-run/node";
import { InvalidQueryError, parseCandidatesQuery } from "@server/candidates/candidates-query.ts";
import type { CandidateRow } from "@server/candidates/list-candidates.ts";
import { getArea, getSkill } from "@server/taxonomy/index.ts";

export { listCandidates } from "@server/candidates/list-candidates.ts";
export { PAGE_SIZES } from "@server/candidates/candidates-query.ts";

/** Reads ?sort/dir/page/pageSize; a bad value becomes a 400 that the route's ErrorBoundary explains. */
export function candidatesQueryFrom(request: Request) {
  try {
    return parseCandidatesQuery(new URL(request.url).searchParams);
  } catch (error) {
    if (error instanceof InvalidQueryError) {
      throw data(
        {
          title: "This link has an invalid table setting",
          message: `${error.message}. Reset the view to see the table with its default sorting.`,
        },
        { status: 400 },
      );
    }
    throw error;
  }
}

/** Area names for gaps (short, with the guide's wording for a tooltip) and skill names for flags. */
export function withLabels<Row extends CandidateRow>(rows: Row[]) {
  return rows.map((row) => ({
    ...row,
    gapAreas: row.gaps.flatMap((id) => {
      const area = getArea(id);
      return area ? [{ id, name: shortAreaName(area.name), title: `${area.name} — ${area.guideLabel}` }] : [];
    }),
    missingMustHaveNames: row.missingMustHaves.map((id) => getSkill(id)?.name ?? id),
  }));
}

export type LabelledCandidateRow = ReturnType<typeof withLabels<CandidateRow>>[number];

/** "Monitoring, reliability and incident response" → "Monitoring"; "Cloud and infrastructure as code" → "Cloud". */
function shortAreaName(name: string): string {
  return name.split(/,| and /)[0]!.trim();
}
