import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { getPrisma } from "~/lib/db.server.ts";
import { plural, STAGE_LABELS, STAGE_ORDER, STATUS_LABELS, STATUS_ORDER } from "~/lib/format.ts";
import { listRequisitions } from "~/lib/requisitions.server.ts";

export const meta: MetaFunction = () => [{ title: "Requisitions · MLE Screening" }];

export async function loader() {
  const requisitions = await listRequisitions(getPrisma());
  return {
    requisitions: requisitions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

export default function RequisitionsIndex() {
  const { requisitions } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Requisitions</h1>
          <p className="page-subtitle">Open roles and the résumés screened for each.</p>
        </div>
        {requisitions.length > 0 ? (
          <Link to="/requisitions/new" className="button button--primary" data-testid="new-requisition">
            New requisition
          </Link>
        ) : null}
      </div>

      {requisitions.length === 0 ? (
        <EmptyState title="No requisitions yet — create the first one" testId="requisitions-empty">
          <p>A requisition is one open role. Create it, then upload the résumés you received for it.</p>
          <Link to="/requisitions/new" className="button button--primary" data-testid="new-requisition">
            Create a requisition
          </Link>
        </EmptyState>
      ) : (
        <div className="card card--flush">
          <div className="table-scroll">
            <table className="data-table" data-testid="requisitions-table">
              <thead>
                <tr>
                  <th scope="col">Requisition</th>
                  <th scope="col">Created</th>
                  <th scope="col" className="num">
                    Candidates
                  </th>
                  <th scope="col">Processing</th>
                  <th scope="col">Stages</th>
                </tr>
              </thead>
              <tbody>
                {requisitions.map((requisition) => (
                  <tr key={requisition.id} data-testid="requisition-row">
                    <td>
                      <Link to={`/requisitions/${requisition.id}`} className="row-title">
                        {requisition.title}
                      </Link>
                      <div className="row-meta">
                        {[requisition.team, requisition.location].filter(Boolean).join(" · ") || "No team or location"}
                        {requisition.status === "CLOSED" ? <span className="badge badge--muted">Closed</span> : null}
                      </div>
                    </td>
                    <td className="nowrap">
                      <RelativeTime iso={requisition.createdAt} />
                    </td>
                    <td className="num strong">{requisition.total}</td>
                    <td>
                      <CountChips
                        items={STATUS_ORDER.map((status) => ({
                          key: status,
                          label: STATUS_LABELS[status],
                          count: requisition.byStatus[status],
                          className: `dot dot--${status.toLowerCase()}`,
                        }))}
                        empty="No résumés yet"
                      />
                    </td>
                    <td>
                      <CountChips
                        items={STAGE_ORDER.map((stage) => ({
                          key: stage,
                          label: STAGE_LABELS[stage],
                          count: requisition.byStage[stage],
                          className: `dot dot--stage-${stage.toLowerCase()}`,
                        }))}
                        empty="—"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="card__footer muted small">{plural(requisitions.length, "requisition")}</p>
        </div>
      )}
    </>
  );
}

function CountChips({
  items,
  empty,
}: {
  items: { key: string; label: string; count: number; className: string }[];
  empty: string;
}) {
  const shown = items.filter((item) => item.count > 0);
  if (shown.length === 0) return <span className="muted small">{empty}</span>;
  return (
    <ul className="count-chips">
      {shown.map((item) => (
        <li key={item.key} className="count-chip">
          <span className={item.className} aria-hidden="true" />
          <span className="count-chip__count">{item.count}</span> {item.label.toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
