// GET /requisitions/:id/compare?ids=a,b,c — 2 to 4 candidates side by side (issue 14, item 8):
// both dimensions with their bands, the area bars, gaps, must-haves and minimum years, background,
// years and degree, and the strongest evidence lines of each area. One table, candidates as
// columns, so a screen reader reads it by row and column headers and the keyboard reaches every
// link in order; the page prints on its own (print CSS drops the app's chrome). The data is the
// candidate page's (server/candidates/compare-candidates.ts → getCandidate): scores through
// shown-scores.ts, identity filtered by blind review. Reached from the table's selection
// ("Compare" in the bulk bar) and from the plot's "pick to compare".
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ComparedCandidate } from "@server/candidates/compare-candidates.ts";
import { isAppError } from "@server/errors/app-error.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { DIMENSION_LABELS } from "~/components/candidate/score-breakdown.tsx";
import { StageBadge } from "~/components/stage-badge.tsx";
import { StatusBadge } from "~/components/status-badge.tsx";
import { throwAppError } from "~/lib/app-error.server.ts";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { compareCandidates, parseCompareIds } from "~/lib/candidate.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { EMPTY, degreeLabel, formatYears } from "~/lib/format.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { requisition } = await requireRequisitionAccess(request, params.id, "view");
  try {
    const ids = parseCompareIds(new URL(request.url).searchParams.get("ids"));
    const comparison = await compareCandidates(getPrisma(), { requisitionId: requisition.id, ids });
    return {
      requisition: { id: requisition.id, title: requisition.title, blindReview: requisition.blindReview },
      comparison,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    throwAppError(error, { invalid_input: "Cannot compare these candidates", not_found: "Candidate not found" });
  }
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => ({ label: "Compare", to: `${match.pathname}` }),
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Compare ${data.comparison.candidates.length} candidates · ${data.requisition.title} · MLE Screening`
      : "Compare · MLE Screening",
  },
];

function Band({ score, band }: { score: number; band: string }) {
  return (
    <span className="compare-score">
      <span className="compare-score__value">{Math.round(score)}</span>{" "}
      <span className={`compare-score__band compare-score__band--${band}`}>{band}</span>
    </span>
  );
}

function Bar({ score, dimension }: { score: number; dimension: string }) {
  return (
    <span className={`compare-bar compare-bar--${dimension}`} aria-hidden="true">
      <span className="compare-bar__fill" style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
    </span>
  );
}

function requirementCell(candidate: ComparedCandidate) {
  const ranking = candidate.ranking;
  if (!ranking) return <span className="muted">{EMPTY}</span>;
  return (
    <ul className="compare-list">
      {ranking.mustHaves.map((must) => (
        <li key={must.id} className={must.met ? "compare-met" : "compare-missing"}>
          <span aria-hidden="true">{must.met ? "✓" : "✗"}</span> {must.name}
          <span className="visually-hidden">{must.met ? " (has it)" : " (missing)"}</span>
        </li>
      ))}
      {ranking.minYears !== null ? (
        <li className={ranking.meetsMinYears ? "compare-met" : "compare-missing"}>
          <span aria-hidden="true">{ranking.meetsMinYears ? "✓" : "✗"}</span> at least {formatYears(ranking.minYears)}{" "}
          years
          <span className="visually-hidden">{ranking.meetsMinYears ? " (meets it)" : " (does not meet it)"}</span>
        </li>
      ) : null}
      {ranking.mustHaves.length === 0 && ranking.minYears === null ? (
        <li className="muted">No must-haves or minimum years set</li>
      ) : null}
    </ul>
  );
}

export default function ComparePage() {
  const { requisition, comparison } = useLoaderData<typeof loader>();
  const { candidates, areas } = comparison;
  const base = `/requisitions/${requisition.id}`;
  const weighed = areas.filter((area) => area.weight > 0);
  const columns = candidates.length;

  return (
    <div className="compare-page" data-testid="compare-page" data-count={columns}>
      <div className="page-header compare-page__header">
        <div>
          <h1 className="page-title">Compare {columns} candidates</h1>
          <p className="page-subtitle">
            {requisition.title} · scores under the current ranking weights
            {requisition.blindReview ? " · blind review: identities stay hidden until shortlisting" : ""}
          </p>
        </div>
        <div className="page-header__actions compare-page__actions">
          <button type="button" className="button" onClick={() => window.print()} data-testid="compare-print">
            Print
          </button>
          <Link to={base} className="button">
            Back to candidates
          </Link>
        </div>
      </div>

      <div
        className="compare-scroll card card--flush"
        role="region"
        aria-labelledby="compare-caption"
        // A region that scrolls sideways on a phone must be reachable by keyboard.
        tabIndex={0}
      >
        <table className="compare-table" style={{ ["--compare-columns" as string]: columns }}>
          <caption id="compare-caption" className="visually-hidden">
            {columns} candidates side by side: scores, requirements, gaps, background and the strongest evidence per
            area
          </caption>
          <thead>
            <tr>
              <td className="compare-table__corner" />
              {candidates.map((candidate) => (
                <th key={candidate.id} scope="col" className="compare-table__candidate" data-testid="compare-candidate">
                  <Link to={`${base}/candidates/${candidate.id}`} className="compare-table__name">
                    {candidate.label}
                  </Link>
                  <span className="compare-table__badges">
                    <StageBadge stage={candidate.stage} />
                    {candidate.status !== "DONE" ? <StatusBadge status={candidate.status} /> : null}
                    {!candidate.identityVisible ? <span className="badge badge--blind">identity hidden</span> : null}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="compare-table__section">
              <th scope="rowgroup" colSpan={columns + 1}>
                Scores
              </th>
            </tr>
            <tr>
              <th scope="row">Overall</th>
              {candidates.map((c) => (
                <td key={c.id} data-testid="compare-overall">
                  {c.scores ? (
                    <span className="compare-score compare-score--overall">{Math.round(c.scores.overall)}</span>
                  ) : (
                    <span className="muted">Not scored yet</span>
                  )}
                </td>
              ))}
            </tr>
            {(["production", "ml"] as const).map((dimension) => (
              <tr key={dimension}>
                <th scope="row">
                  <span className={`dim-dot dim-dot--${dimension}`} aria-hidden="true" /> {DIMENSION_LABELS[dimension]}
                </th>
                {candidates.map((c) => (
                  <td key={c.id} data-testid={`compare-${dimension}`}>
                    {c.scores ? (
                      <>
                        <Band
                          score={c.scores[dimension]}
                          band={dimension === "production" ? c.scores.productionBand : c.scores.mlBand}
                        />
                        <Bar score={c.scores[dimension]} dimension={dimension} />
                      </>
                    ) : (
                      <span className="muted">{EMPTY}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}

            <tr className="compare-table__section">
              <th scope="rowgroup" colSpan={columns + 1}>
                Requirements and gaps
              </th>
            </tr>
            <tr>
              <th scope="row">Must-haves and minimum years</th>
              {candidates.map((c) => (
                <td key={c.id} data-testid="compare-requirements">
                  {requirementCell(c)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Gaps</th>
              {candidates.map((c) => (
                <td key={c.id} data-testid="compare-gaps">
                  {c.ranking && c.ranking.gaps.length > 0 ? (
                    <ul className="compare-list">
                      {c.ranking.gaps.map((gap) => (
                        <li key={gap.id}>
                          {gap.guideLabel} <span className="muted">({Math.round(gap.score)})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{c.ranking ? "No gap" : EMPTY}</span>
                  )}
                </td>
              ))}
            </tr>

            <tr className="compare-table__section">
              <th scope="rowgroup" colSpan={columns + 1}>
                Background
              </th>
            </tr>
            <tr>
              <th scope="row">Years of experience</th>
              {candidates.map((c) => (
                <td key={c.id} data-testid="compare-years">
                  {c.yearsExperience !== null ? `${formatYears(c.yearsExperience)} years` : EMPTY}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Background</th>
              {candidates.map((c) => (
                <td key={c.id}>
                  {c.background ? (
                    <>
                      {c.background.label}
                      <span className="compare-note muted">Typical gap: {c.background.typicalGap}</span>
                    </>
                  ) : (
                    EMPTY
                  )}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Highest degree</th>
              {candidates.map((c) => (
                <td key={c.id}>{c.highestDegree ? degreeLabel(c.highestDegree) : EMPTY}</td>
              ))}
            </tr>

            {(["production", "ml"] as const).map((dimension) => (
              <AreaRows
                key={dimension}
                title={`${DIMENSION_LABELS[dimension]}: areas and strongest evidence`}
                dimension={dimension}
                areas={weighed.filter((area) => area.dimension === dimension)}
                candidates={candidates}
                columns={columns}
              />
            ))}
          </tbody>
        </table>
      </div>
      {weighed.length < areas.length ? (
        <p className="muted small">
          {areas.length - weighed.length} areas this requisition does not weigh are left out.
        </p>
      ) : null}
    </div>
  );
}

function AreaRows({
  title,
  dimension,
  areas,
  candidates,
  columns,
}: {
  title: string;
  dimension: "production" | "ml";
  areas: ReadonlyArray<{ id: string; name: string; guideLabel: string; weight: number }>;
  candidates: readonly ComparedCandidate[];
  columns: number;
}) {
  if (areas.length === 0) return null;
  return (
    <>
      <tr className="compare-table__section">
        <th scope="rowgroup" colSpan={columns + 1}>
          <span className={`dim-dot dim-dot--${dimension}`} aria-hidden="true" /> {title}
        </th>
      </tr>
      {areas.map((area) => (
        <tr key={area.id} data-testid="compare-area" data-area={area.id}>
          <th scope="row" title={area.guideLabel}>
            {area.name}
            {area.weight !== 1 ? <span className="compare-note muted">weight {area.weight}</span> : null}
          </th>
          {candidates.map((c) => {
            const scored = c.areas.find((a) => a.id === area.id);
            if (!scored || !c.scores) {
              return (
                <td key={c.id}>
                  <span className="muted">{EMPTY}</span>
                </td>
              );
            }
            return (
              <td key={c.id}>
                <Band score={scored.score} band={scored.band} />
                <Bar score={scored.score} dimension={dimension} />
                {scored.lines.length > 0 ? (
                  <ul className="compare-evidence">
                    {scored.lines.map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="compare-note muted">no evidence</span>
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
