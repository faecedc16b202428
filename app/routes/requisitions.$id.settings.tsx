// GET /requisitions/:id/settings: the requisition's details, closing or reopening it (recruiters
// and admins, "edit"; the form posts to /requisitions/:id/status), and blind review (recruiters
// and admins, "edit"; this route's action; the last switch is shown to the whole team), and the team (app/components/team-editor.tsx,
// posting to /requisitions/:id/team: recruiters on the team and admins, "edit").
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useFetcher, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod";
import { BlindReviewSchema } from "~/forms/requisition-settings.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { RoleDescriptionCard } from "~/components/role-description.tsx";
import { auditActor, clientIp, requireRequisitionAccess } from "~/lib/auth.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { lastBlindReviewSwitch, loadTeam, setBlindReview } from "~/lib/requisitions.server.ts";
import { TeamEditor } from "~/components/team-editor.tsx";
import { formatDate } from "~/lib/format.ts";
import { useRequisitionShell } from "~/lib/use-requisition-shell.ts";
import { invalidForm } from "~/lib/app-error.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { user, requisition, can } = await requireRequisitionAccess(request, params.id, "view");
  // The Team card (app/components/team-editor.tsx): members, and who may join when the user may edit.
  const team = await loadTeam(getPrisma(), requisition.id);
  // Who last switched blind review, and when (from the audit log): every member sees it.
  const blindReviewSwitch = await lastBlindReviewSwitch(getPrisma(), requisition.id);
  return {
    team: { members: team.members, assignable: can.edit ? team.assignable : [] },
    currentUser: { id: user.id, role: user.role },
    blindReviewSwitch: blindReviewSwitch && { ...blindReviewSwitch, at: blindReviewSwitch.at.toISOString() },
  };
}

/** Blind review on or off (`blindReview=on` turns it on; its absence turns it off): a requisition setting. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const { user, requisition } = await requireRequisitionAccess(request, params.id, "edit");
  const submission = parseWithZod(await request.formData(), { schema: BlindReviewSchema });
  if (submission.status !== "success") return invalidForm(submission.reply());
  const blindReview = submission.value.blindReview === "on";
  await setBlindReview(getPrisma(), requisition.id, blindReview, {
    actor: auditActor(user),
    ip: clientIp(request, context),
  });
  return { ...submission.reply(), blindReview };
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => ({ label: "Settings", to: match.pathname }),
};

export const meta: MetaFunction = ({ matches }) => {
  const shell = matches.find((match) => match.id === "routes/requisitions.$id")?.data as
    { requisition: { title: string } } | undefined;
  return [{ title: shell ? `Settings · ${shell.requisition.title} · MLE Screening` : "Settings · MLE Screening" }];
};

function StatusCard() {
  const { requisition, can } = useRequisitionShell();
  const open = requisition.status === "OPEN";
  return (
    <section className="card stack" aria-labelledby="status-heading" data-testid="status-card">
      <h2 id="status-heading" className="card__title">
        Status{" "}
        <span className={`badge ${open ? "badge--info" : "badge--muted"}`} data-testid="requisition-status">
          {open ? "Open" : "Closed"}
        </span>
      </h2>
      <p className="muted small">
        Closing a requisition stops new uploads and starts the retention period after which its applications are erased
        (see the retention page). Reopening stops it.
      </p>
      {can.edit && open ? (
        // Closing asks first (a <details>, so it works without JavaScript too): it refuses new
        // résumés and starts the retention clock.
        <details className="confirm-close" data-testid="close-requisition">
          <summary className="button" data-testid="toggle-requisition-status">
            Close requisition…
          </summary>
          <div className="confirm-close__panel stack" role="group" aria-labelledby="confirm-close-text">
            <p id="confirm-close-text">
              Close “{requisition.title}”? New résumés will be refused (upload form and API), and its applications will
              be erased when the retention period after closing ends, unless it is reopened before then.
            </p>
            <Form method="post" action={`/requisitions/${requisition.id}/status`} className="confirm-close__actions">
              <input type="hidden" name="status" value="CLOSED" />
              <button type="submit" className="button button--danger" data-testid="confirm-close-requisition">
                Yes, close it
              </button>
              <button
                type="button"
                className="button button--ghost"
                onClick={(event) => event.currentTarget.closest("details")?.removeAttribute("open")}
              >
                Keep it open
              </button>
            </Form>
          </div>
        </details>
      ) : can.edit ? (
        <Form method="post" action={`/requisitions/${requisition.id}/status`}>
          <input type="hidden" name="status" value="OPEN" />
          <button type="submit" className="button" data-testid="toggle-requisition-status">
            Reopen
          </button>
        </Form>
      ) : (
        <p className="muted small">Recruiters and admins open and close requisitions.</p>
      )}
    </section>
  );
}

/** Blind review (PRODUCT.md, fairness): identity stays hidden until a candidate is shortlisted. */
function BlindReviewCard() {
  const { requisition, can } = useRequisitionShell();
  const { blindReviewSwitch: last } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const pending = fetcher.state !== "idle";
  const on = fetcher.formData ? fetcher.formData.get("blindReview") === "on" : requisition.blindReview;
  const lastMatches = last !== null && last.on === requisition.blindReview;
  return (
    <section
      className="card stack blind-review-card"
      aria-labelledby="blind-review-heading"
      data-testid="blind-review-card"
    >
      <h2 id="blind-review-heading" className="card__title">
        Blind review <span className={`badge ${on ? "badge--info" : "badge--muted"}`}>{on ? "On" : "Off"}</span>
      </h2>
      <p className="muted small">
        When on, names, contact details, links, schools, places and original files are hidden in the table, the plot,
        candidate pages and exports until a candidate is shortlisted, so early decisions rest on the evidence.
      </p>
      {lastMatches && !last.on ? (
        <p className="alert alert--warning small" role="status" data-testid="blind-review-off-notice">
          {`Blind review switched off by ${last.by} on ${formatDate(last.at)}.`} Names and contact details are shown to
          everyone on this requisition.
        </p>
      ) : lastMatches ? (
        <p className="muted small" data-testid="blind-review-switched">
          {`Switched on by ${last.by} on ${formatDate(last.at)}.`}
        </p>
      ) : null}
      {can.edit ? (
        <fetcher.Form method="post">
          {on ? null : <input type="hidden" name="blindReview" value="on" />}
          <button type="submit" className="button" disabled={pending} data-testid="toggle-blind-review">
            {pending ? "Saving…" : on ? "Turn blind review off" : "Turn blind review on"}
          </button>
        </fetcher.Form>
      ) : (
        <p className="muted small">
          Recruiters and admins switch blind review; switching it off is recorded and shown here.
        </p>
      )}
    </section>
  );
}

function TeamCard() {
  const { requisition, can } = useRequisitionShell();
  const { team, currentUser } = useLoaderData<typeof loader>();
  return (
    <TeamEditor
      requisitionId={requisition.id}
      members={team.members}
      assignable={team.assignable}
      canEdit={can.edit}
      currentUser={currentUser}
    />
  );
}

export default function RequisitionSettings() {
  const { requisition, can } = useRequisitionShell();
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">
            {[requisition.team, requisition.location].filter(Boolean).join(" · ")}
            {requisition.team || requisition.location ? " · " : ""}
            created <RelativeTime iso={requisition.createdAt} />
          </p>
        </div>
      </div>
      <div className="settings-grid">
        <StatusCard />
        <BlindReviewCard />
        <RoleDescriptionCard requisitionId={requisition.id} canDraft={can.weights} />
        <TeamCard />
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
