// Admin: data retention — the policy, what is due for erasure and what comes next; run it now.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { retentionPreview, runRetention } from "@server/privacy/retention.ts";
import { EmptyState } from "~/components/empty-state.tsx";
import { auditActor, requirePermission } from "~/lib/auth.server.ts";
import { getConfig } from "~/lib/config.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { plural } from "~/lib/format.ts";

export const meta: MetaFunction = () => [{ title: "Retention · Admin · MLE Screening" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "retention.manage");
  const preview = await retentionPreview(getPrisma(), { retentionDays: getConfig().RETENTION_DAYS });
  return {
    retentionDays: preview.retentionDays,
    dueNow: preview.dueNow,
    requisitions: preview.requisitions.map((r) => ({
      ...r,
      closedAt: r.closedAt?.toISOString() ?? null,
      dueAt: r.dueAt.toISOString(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "retention.manage");
  const result = await runRetention(getPrisma(), {
    retentionDays: getConfig().RETENTION_DAYS,
    actor: auditActor(user),
  });
  return { erased: result.erased, more: result.more };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default function Retention() {
  const { retentionDays, dueNow, requisitions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const running = useNavigation().state === "submitting";
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Retention</h1>
          <p className="page-subtitle">
            Applications of a requisition are erased {retentionDays} days after it closes (RETENTION_DAYS). The worker
            checks every hour; <code>npm run retention</code> runs it by hand.
          </p>
        </div>
        {dueNow === 0 && !running ? (
          // Nothing to erase is good news, not an error: a plain status instead of a red, disabled button.
          <p className="retention-idle muted" role="status" data-testid="run-retention">
            Nothing due
          </p>
        ) : (
          <Form method="post">
            <button type="submit" className="button button--danger" disabled={running} data-testid="run-retention">
              {running ? "Erasing…" : `Erase ${plural(dueNow, "due application")} now`}
            </button>
          </Form>
        )}
      </div>
      {result ? (
        <p className="alert alert--success" role="status" data-testid="retention-result">
          Erased {plural(result.erased, "application")}.
          {result.more ? " More are due: run it again, or let the worker go on." : ""}
        </p>
      ) : null}
      <section className="card card--flush" aria-labelledby="retention-heading">
        <div className="card__header">
          <h2 id="retention-heading" className="card__title">
            Closed requisitions with applications <span className="count">{requisitions.length}</span>
          </h2>
          <span className="muted small" data-testid="retention-due">
            {plural(dueNow, "application")} due now
          </span>
        </div>
        {requisitions.length === 0 ? (
          <EmptyState title="Nothing to erase" testId="retention-empty">
            <p>Only closed requisitions are erased. Open ones keep their applications.</p>
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="retention-table">
              <thead>
                <tr>
                  <th scope="col">Requisition</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Erased on</th>
                  <th scope="col" className="num">
                    Applications
                  </th>
                </tr>
              </thead>
              <tbody>
                {requisitions.map((r) => (
                  <tr key={r.id}>
                    <td className="row-title">{r.title}</td>
                    <td className="nowrap">
                      {r.closedAt ? (
                        dateFormat.format(new Date(r.closedAt))
                      ) : (
                        <span className="muted">date unknown</span>
                      )}
                    </td>
                    <td className="nowrap">
                      {r.due ? (
                        <span className="badge badge--danger">Due now</span>
                      ) : (
                        dateFormat.format(new Date(r.dueAt))
                      )}
                    </td>
                    <td className="num strong">{r.applications}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
