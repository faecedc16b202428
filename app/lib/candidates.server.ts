// The candidates table's server side: URL state validation and one sorted page of rows.
import { data } from "@remix-run/node";
import { InvalidQueryError, parseCandidatesQuery } from "@server/candidates/candidates-query.ts";

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
