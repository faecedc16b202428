// The score plot: the table's filtered view (same URL query) as production engineering against
// ML depth, with the requisition's balance region and the guide's quadrants. Points open the
// candidate page with the table's view kept, so previous / next follow the table's order.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { inBalanceRegion, QUADRANTS, quadrantOf, type QuadrantId } from "@server/ranking/balance-region.ts";
import { ExportMenu } from "~/components/export-menu.tsx";
import { ScoreScatter } from "~/components/score-scatter.tsx";
import { ComparePicks, useComparePicks } from "~/components/compare-picks.tsx";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { candidatesQueryFrom } from "~/lib/candidates.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { describeFilters } from "~/lib/describe-filters.ts";
import { plotCandidates } from "~/lib/plot.server.ts";
import { plural, STAGE_LABELS, STAGE_ORDER } from "~/lib/format.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { requisition, can } = await requireRequisitionAccess(request, params.id, "view");
  const query = candidatesQueryFrom(request);
  const plot = await plotCandidates(getPrisma(), requisition.id, query);
  return {
    requisition: { id: requisition.id, title: requisition.title },
    plot,
    filters: describeFilters(query.filters),
    can: { export: can.export },
  };
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => ({ label: "Score plot", to: match.pathname }),
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Score plot · ${data.requisition.title} · MLE Screening` : "Score plot · MLE Screening" },
];

const percent = (share: number) => `${Math.round(share * 100)} %`;

export default function PlotPage() {
  const { requisition, plot, filters, can } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const tableHref = `/requisitions/${requisition.id}${search}`;
  const hrefFor = (applicationId: string) => `/requisitions/${requisition.id}/candidates/${applicationId}${search}`;
  const picks = useComparePicks();

  const stageCounts = Object.fromEntries(STAGE_ORDER.map((stage) => [stage, 0])) as Record<
    (typeof STAGE_ORDER)[number],
    number
  >;
  const quadrantCounts: Record<QuadrantId, number> = { balanced: 0, ml_depth: 0, production: 0, early: 0 };
  let inRegion = 0;
  for (const point of plot.points) {
    stageCounts[point.stage] += 1;
    quadrantCounts[quadrantOf(point.production, point.ml, plot.balance.gapThreshold)] += 1;
    if (inBalanceRegion(point, plot.balance.threshold)) inRegion += 1;
  }
  const unscored = plot.viewTotal - plot.scoredTotal;
  const truncated = plot.scoredTotal > plot.points.length;

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Score plot</h1>
          <p className="page-subtitle">
            {requisition.title} · production engineering against ML depth, ranked with weights v{plot.weightsVersion}
            {plot.blindReview ? " · blind review: identities hidden until shortlisted" : ""}
          </p>
        </div>
        <div className="page-header__actions">
          <nav className="view-switch" aria-label="Candidates view">
            <Link to={tableHref} className="view-switch__option" data-testid="view-table">
              Table
            </Link>
            <span className="view-switch__option is-current" aria-current="page">
              Plot
            </span>
          </nav>
          {can.export ? <ExportMenu requisitionId={requisition.id} search={search} viewCount={plot.viewTotal} /> : null}
        </div>
      </div>

      <section className="card card--flush plot-card" aria-labelledby="plot-heading">
        <div className="card__header">
          <h2 id="plot-heading" className="card__title">
            Candidates <span className="count">{plot.points.length}</span>
          </h2>
          <p className="plot-card__view small" data-testid="plot-view">
            {filters.length ? (
              <>
                <span className="muted">View:</span> {filters.join(" · ")} ·{" "}
                <Link to={tableHref}>change in the table</Link>
              </>
            ) : (
              <span className="muted">Every candidate of the requisition (no filters)</span>
            )}
          </p>
        </div>
        {truncated || unscored > 0 ? (
          <p className="plot-card__note" data-testid="plot-note">
            {truncated
              ? `Showing the first ${plot.points.length.toLocaleString("en")} of ${plot.scoredTotal.toLocaleString(
                  "en",
                )} scored candidates in the table's order; narrow the view with filters to see the rest. `
              : ""}
            {unscored > 0
              ? `${plural(unscored, "candidate")} in this view ${unscored === 1 ? "is" : "are"} not plotted: still being read, or failed.`
              : ""}
          </p>
        ) : null}
        {plot.points.length > 1 ? (
          <ComparePicks
            requisitionId={requisition.id}
            points={plot.points}
            picked={picks.picked}
            onUnpick={picks.toggle}
            onClear={picks.clear}
          />
        ) : null}
        <div className="plot-card__body">
          <ScoreScatter
            points={plot.points}
            balance={plot.balance}
            hrefFor={hrefFor}
            label={`Production engineering against ML depth, ${plural(plot.points.length, "candidate")}`}
            picked={picks.pickedSet}
            onPick={picks.toggle}
          />
          <aside className="plot-legend" aria-label="Legend">
            <h3 className="plot-legend__title">Stage</h3>
            <ul className="plot-legend__list">
              {STAGE_ORDER.map((stage) => (
                <li key={stage}>
                  <span className={`plot-legend__dot plot-legend__dot--${stage.toLowerCase()}`} aria-hidden="true" />
                  <span>{STAGE_LABELS[stage]}</span>
                  <span className="plot-legend__count">{stageCounts[stage]}</span>
                </li>
              ))}
            </ul>

            <h3 className="plot-legend__title">Balance region</h3>
            <ul className="plot-legend__list">
              <li>
                <span className="plot-legend__swatch" aria-hidden="true" />
                <span>
                  Overall ≥ {plot.balance.threshold}, neither dimension below {plot.balance.gapThreshold}
                </span>
                <span className="plot-legend__count" data-testid="in-region-count">
                  {inRegion}
                </span>
              </li>
              <li>
                <span className="plot-legend__line" aria-hidden="true" />
                <span>
                  Overall = {plot.balance.threshold} with this requisition&rsquo;s weights: production{" "}
                  {percent(plot.weights.productionWeight)}, balance strictness{" "}
                  {plot.weights.balanceStrictness.toFixed(2)}
                </span>
              </li>
              <li>
                <span className="plot-legend__line plot-legend__line--gap" aria-hidden="true" />
                <span>Gap threshold {plot.balance.gapThreshold} on each dimension</span>
              </li>
            </ul>

            <h3 className="plot-legend__title">Quadrants, in the guide&rsquo;s terms</h3>
            <ul className="plot-legend__quadrants">
              {QUADRANTS.map((quadrant) => (
                <li key={quadrant.id} data-testid={`quadrant-${quadrant.id}`}>
                  <div className="plot-legend__quadrant-head">
                    <span className="strong">{quadrant.title}</span>
                    <span className="plot-legend__count">{quadrantCounts[quadrant.id]}</span>
                  </div>
                  <p className="small muted">{quadrant.path}</p>
                  <p className="plot-legend__quote">&ldquo;{quadrant.quote}&rdquo;</p>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      </section>
    </>
  );
}

export { CandidatesViewErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
