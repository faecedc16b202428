// Admin: the audit log — who did what, when, before → after — filtered by action, actor, dates
// and requisition; the filters and the page live in the URL so a view can be shared.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { AppError } from "@server/errors/app-error.ts";
import { throwAppError } from "~/lib/app-error.server.ts";
import { Form, Link, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { auditActions, AuditQuerySchema, listAuditEntries } from "@server/audit/list-audit-entries.ts";
import { EmptyState } from "~/components/empty-state.tsx";
import { ErrorPanel } from "~/components/error-panel.tsx";
import { requirePermission } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { plural } from "~/lib/format.ts";
import { describeChange, readableSummary, subjectLabel } from "~/lib/describe-audit-change.ts";

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = AuditQuerySchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = `The filter “${issue.path.join(".")}” ${issue.message}. Clear the filters to see the whole log.`;
    throwAppError(new AppError("invalid_input", message), { invalid_input: "This link has an invalid filter" });
  }
  const db = getPrisma();
  const [result, actions, requisitions] = await Promise.all([
    listAuditEntries(db, parsed.data),
    auditActions(db),
    db.requisition.findMany({ select: { id: true, title: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const titles = new Map(requisitions.map((r) => [r.id, r.title]));
  const { subjects, ...page } = result;
  return {
    query: parsed.data,
    actions,
    requisitions,
    ...page,
    entries: page.entries.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      actorLabel: e.actorLabel,
      action: e.action,
      summary: readableSummary(e.summary),
      // Whom it is about: a name, a blind-review label, "erased candidate" (describe-audit-change.ts).
      // (Not repeated when an account acts on itself: the actor already says who.)
      subject:
        e.targetType === "user" && e.targetId === e.actorId
          ? null
          : subjectLabel(e.targetType, e.targetId, e.targetId ? subjects[e.targetId] : undefined),
      targetType: e.targetType,
      targetId: e.targetId,
      requisitionId: e.requisitionId,
      requisitionTitle: e.requisitionId ? (titles.get(e.requisitionId) ?? null) : null,
      changes: describeChange(e.before, e.after, { requisitionTitles: titles }),
      ip: e.ip,
    })),
  };
}

/** Long values (a description, a filter) are cut in the row; the full text is on hover. */
function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default function AuditLog() {
  const { query, actions, requisitions, entries, total, page, pageCount } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete("page");
    else next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const filtered = Boolean(
    query.action || query.actor || query.requisitionId || query.targetId || query.from || query.to,
  );
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Audit log</h1>
          <p className="page-subtitle">
            Sign-ins, stage and weight changes, exports, downloads, account changes and erasures. Times are UTC.
          </p>
        </div>
      </div>
      <section className="card card--flush" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="visually-hidden">
          Entries
        </h2>
        <Form method="get" className="filters" data-testid="audit-filters">
          <div className="field">
            <label htmlFor="action" className="field__label">
              Action
            </label>
            <select id="action" name="action" defaultValue={query.action}>
              <option value="">All actions</option>
              {[...new Set(actions.map((a) => a.split(".")[0]!))].map((family) => (
                <optgroup key={family} label={family}>
                  <option value={`${family}.`}>{family}.* (all)</option>
                  {actions
                    .filter((a) => a.split(".")[0] === family)
                    .map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actor" className="field__label">
              Actor
            </label>
            <input id="actor" name="actor" type="search" placeholder="e-mail or “system”" defaultValue={query.actor} />
          </div>
          <div className="field">
            <label htmlFor="requisitionId" className="field__label">
              Requisition
            </label>
            <select id="requisitionId" name="requisitionId" defaultValue={query.requisitionId}>
              <option value="">Any</option>
              {requisitions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="from" className="field__label">
              From
            </label>
            <input id="from" name="from" type="date" defaultValue={query.from} />
          </div>
          <div className="field">
            <label htmlFor="to" className="field__label">
              To
            </label>
            <input id="to" name="to" type="date" defaultValue={query.to} />
          </div>
          {query.targetId ? <input type="hidden" name="targetId" value={query.targetId} /> : null}
          <button type="submit" className="button button--primary" data-testid="apply-filters">
            Filter
          </button>
          {filtered ? (
            <Link to="/admin/audit" className="button button--ghost">
              Clear
            </Link>
          ) : null}
        </Form>
        {entries.length === 0 ? (
          <EmptyState title={filtered ? "No entries match these filters" : "Nothing recorded yet"} testId="audit-empty">
            <p>
              {filtered ? "Widen the dates or clear a filter." : "Entries appear as people sign in and make changes."}
            </p>
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="nowrap small">
                      <time dateTime={e.createdAt}>{timeFormat.format(new Date(e.createdAt))}</time>
                    </td>
                    <td className="small">
                      {e.actorLabel}
                      {e.ip ? <div className="row-meta">{e.ip}</div> : null}
                    </td>
                    <td>
                      <code className="badge">{e.action}</code>
                    </td>
                    <td>
                      <div>
                        {e.summary}
                        {e.subject ? (
                          <>
                            {" "}
                            <span className="audit-subject" data-testid="audit-subject">
                              — {e.subject}
                            </span>
                          </>
                        ) : null}
                      </div>
                      {e.requisitionId ? (
                        <div className="row-meta">
                          {e.requisitionTitle ? (
                            <Link to={`/requisitions/${e.requisitionId}`}>{e.requisitionTitle}</Link>
                          ) : (
                            `requisition ${e.requisitionId}`
                          )}
                        </div>
                      ) : null}
                      {e.changes.length > 0 ? (
                        <ul className="audit-changes" data-testid="audit-changes">
                          {e.changes.map((change) => (
                            <li key={change.field}>
                              <span className="audit-changes__field">{change.field}</span>{" "}
                              {change.added || change.removed ? (
                                <>
                                  {change.added?.length ? (
                                    <span className="audit-changes__added">+ {change.added.join(", ")}</span>
                                  ) : null}{" "}
                                  {change.removed?.length ? (
                                    <span className="audit-changes__removed">− {change.removed.join(", ")}</span>
                                  ) : null}
                                </>
                              ) : (
                                <>
                                  {change.before !== null ? (
                                    <span className="audit-changes__before" title={change.before}>
                                      {shorten(change.before)}
                                    </span>
                                  ) : null}
                                  {change.before !== null && change.after !== null ? (
                                    <span aria-label="changed to"> → </span>
                                  ) : null}
                                  {change.after !== null ? (
                                    <span className="audit-changes__after" title={change.after}>
                                      {shorten(change.after)}
                                    </span>
                                  ) : (
                                    <span className="muted"> (cleared)</span>
                                  )}
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="pagination" aria-label="Audit log pages">
          <span className="muted small" data-testid="audit-count">
            {plural(total, "entry", "entries")}
          </span>
          <div className="pagination__pages">
            {page > 1 ? (
              <Link to={pageLink(page - 1)} className="button button--small" rel="prev">
                Newer
              </Link>
            ) : (
              <span className="button button--small is-disabled" aria-disabled="true">
                Newer
              </span>
            )}
            <span className="pagination__current" data-testid="audit-page">
              Page {Math.min(page, pageCount)} of {pageCount}
            </span>
            {page < pageCount ? (
              <Link to={pageLink(page + 1)} className="button button--small" rel="next">
                Older
              </Link>
            ) : (
              <span className="button button--small is-disabled" aria-disabled="true">
                Older
              </span>
            )}
          </div>
        </nav>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <ErrorPanel
      error={useRouteError()}
      actions={
        <Link to="/admin/audit" className="button">
          Clear the filters
        </Link>
      }
    />
  );
}
