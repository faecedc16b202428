import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { needsMembership, ROLE_LABELS, roleAllows } from "@server/auth/permissions.ts";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RequisitionListQuerySchema } from "@server/requisitions/list-requisitions.ts";
import { EmptyState } from "~/components/empty-state.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { requireUser } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { plural, STAGE_LABELS, STAGE_ORDER, STATUS_LABELS, STATUS_ORDER } from "~/lib/format.ts";
import { listRequisitions } from "~/lib/requisitions.server.ts";

export const meta: MetaFunction = () => [{ title: "Requisitions · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A bad value in the URL falls back to no filter (the schema's `catch`), never an error page.
  const query = RequisitionListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Recruiters and hiring managers see only the requisitions they are members of.
  const memberId = needsMembership(user.role) ? user.id : undefined;
  const db = getPrisma();
  const [requisitions, anyAtAll] = await Promise.all([
    listRequisitions(db, { memberId, query }),
    // Whether the user has any requisition at all: "none match" and "none yet" are different pages.
    db.requisition.count({ where: memberId ? { members: { some: { userId: memberId } } } : {}, take: 1 }),
  ]);
  return {
    query,
    hasAny: anyAtAll > 0,
    canCreate: roleAllows(user.role, "requisition.create"),
    requisitions: requisitions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

export default function RequisitionsIndex() {
  const { requisitions, canCreate, query, hasAny } = useLoaderData<typeof loader>();
  const filtered = query.q !== "" || query.status !== "all";
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Requisitions</h1>
          <p className="page-subtitle">Open roles and the résumés screened for each.</p>
        </div>
        {hasAny && canCreate ? (
          <Link to="/requisitions/new" className="button button--primary" data-testid="new-requisition">
            New requisition
          </Link>
        ) : null}
      </div>

      {hasAny ? (
        <Form
          method="get"
          className="card card--flush filters requisition-filters"
          role="search"
          data-testid="requisition-filters"
        >
          <div className="field requisition-filters__search">
            <label htmlFor="requisition-search" className="field__label">
              Search
            </label>
            <input
              id="requisition-search"
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder="Title, team, location or a team member"
              maxLength={100}
            />
          </div>
          <div className="field">
            <label htmlFor="requisition-status" className="field__label">
              Status
            </label>
            <select id="requisition-status" name="status" defaultValue={query.status}>
              <option value="all">Open and closed</option>
              <option value="open">Open</option>
              <option value="closed">Closed</option>
            </select>
          </div>
          <button type="submit" className="button" data-testid="apply-requisition-filters">
            Show
          </button>
          {filtered ? (
            <Link to="/requisitions" className="button button--ghost">
              Clear
            </Link>
          ) : null}
        </Form>
      ) : null}

      {hasAny && requisitions.length === 0 ? (
        <EmptyState title="No requisitions match" testId="requisitions-no-match">
          <p>Try another word, or show open and closed requisitions.</p>
          <Link to="/requisitions" className="button">
            Clear the search
          </Link>
        </EmptyState>
      ) : requisitions.length === 0 ? (
        canCreate ? (
          <EmptyState title="No requisitions yet — create the first one" testId="requisitions-empty">
            <p>A requisition is one open role. Create it, then upload the résumés you received for it.</p>
            <Link to="/requisitions/new" className="button button--primary" data-testid="new-requisition">
              Create a requisition
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No requisitions shared with you yet" testId="requisitions-empty">
            <p>You see the requisitions you are a member of. Ask a recruiter or an admin to add you to one.</p>
          </EmptyState>
        )
      ) : (
        <div className="card card--flush">
          <div className="table-scroll">
            <table className="data-table requisitions-table" data-testid="requisitions-table">
              <thead>
                <tr>
                  <th scope="col">Requisition</th>
                  <th scope="col" className="num">
                    Candidates
                  </th>
                  <th scope="col">Stages</th>
                  <th scope="col">Processing</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {requisitions.map((requisition) => {
                  const href = `/requisitions/${requisition.id}`;
                  return (
                    <tr key={requisition.id} data-testid="requisition-row">
                      <td>
                        <Link to={href} className="row-title">
                          {requisition.title}
                        </Link>
                        <div className="row-meta">
                          {[requisition.team, requisition.location].filter(Boolean).join(" · ") ||
                            "No team or location"}
                          {requisition.status === "CLOSED" ? <span className="badge badge--muted">Closed</span> : null}
                        </div>
                        <div className="requisition-team" data-testid="requisition-team">
                          {requisition.members.length === 0 ? (
                            <span className="muted small">Admins only</span>
                          ) : (
                            <ul className="team-chips" aria-label="Team">
                              {requisition.members.map((member) => (
                                <li key={member.id}>
                                  {member.name}{" "}
                                  <span className="team-chips__role">{ROLE_LABELS[member.role].toLowerCase()}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </div>
                      </td>
                      <td className="num col-total" data-testid="requisition-total">
                        {requisition.total}
                      </td>
                      <td data-testid="stage-counts">
                        <CountLinks
                          items={STAGE_ORDER.map((stage) => ({
                            key: stage,
                            label: STAGE_LABELS[stage].toLowerCase(),
                            count: requisition.byStage[stage],
                            tone: stage.toLowerCase(),
                            href: `${href}?stage=${stage}`,
                          }))}
                          showZero
                        />
                        {requisition.total > 0 ? (
                          <StageBar byStage={requisition.byStage} total={requisition.total} />
                        ) : null}
                      </td>
                      <td data-testid="processing-counts">
                        {requisition.total === 0 ? (
                          <span className="muted small">No résumés yet</span>
                        ) : (
                          <CountLinks
                            items={PROCESSING_ORDER.map((status) => ({
                              key: status,
                              label: STATUS_LABELS[status].toLowerCase(),
                              count: requisition.byStatus[status],
                              tone: status.toLowerCase(),
                              href: `${href}?status=${status}`,
                            }))}
                          />
                        )}
                      </td>
                      <td className="nowrap muted">
                        <RelativeTime iso={requisition.createdAt} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="card__footer muted small">
            {plural(requisitions.length, "requisition")}
            {filtered ? (requisitions.length === 1 ? " matches" : " match") : ""}
          </p>
        </div>
      )}
    </>
  );
}

// Work still running or needing attention first; "done" last.
const PROCESSING_ORDER = [...STATUS_ORDER.filter((status) => status !== "DONE"), "DONE" as const];

/** Counts as coloured pills that open the table filtered to them ("3 shortlisted"). */
function CountLinks({
  items,
  showZero = false,
}: {
  items: { key: string; label: string; count: number; tone: string; href: string }[];
  showZero?: boolean;
}) {
  const shown = showZero ? items : items.filter((item) => item.count > 0);
  return (
    <ul className="req-counts count-chips">
      {shown.map((item) => (
        <li key={item.key}>
          {item.count > 0 ? (
            <Link
              to={item.href}
              className={`req-count req-count--${item.tone}`}
              title={`Show the ${item.count} ${item.label}`}
            >
              <span className="req-count__count">{item.count}</span> {item.label}
            </Link>
          ) : (
            <span className="req-count is-zero">
              <span className="req-count__count">0</span> {item.label}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The funnel at a glance: one segment per stage, in the stage colours. */
function StageBar({ byStage, total }: { byStage: Record<(typeof STAGE_ORDER)[number], number>; total: number }) {
  return (
    <div className="stage-bar" aria-hidden="true">
      {STAGE_ORDER.map((stage) =>
        byStage[stage] > 0 ? (
          <span
            key={stage}
            className={`stage-bar__segment--${stage.toLowerCase()}`}
            style={{ width: `${(byStage[stage] / total) * 100}%` }}
          />
        ) : null,
      )}
    </div>
  );
}
