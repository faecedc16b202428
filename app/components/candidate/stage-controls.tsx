// Moving the candidate between stages, and the history of those moves (who, when).
import { useFetcher } from "@remix-run/react";
import type { Stage } from "@server/generated/prisma/enums.ts";
import { RelativeTime } from "~/components/relative-time.tsx";
import { StageBadge } from "~/components/stage-badge.tsx";
import { STAGE_LABELS, STAGE_ORDER } from "~/lib/format.ts";

export interface StageActionData {
  intent: "stage";
  ok: boolean;
  error?: string;
}

const STAGE_VERBS: Record<Stage, string> = {
  NEW: "Move to new",
  SCREENING: "Move to screening",
  SHORTLISTED: "Shortlist",
  REJECTED: "Reject",
};

/**
 * The stage buttons the user's role may press (server/auth/permissions.ts, STAGE_MOVES): every
 * stage for recruiters and admins; Shortlisted and Rejected for hiring managers, and only while the
 * candidate is in Screening or Shortlisted (otherwise a sentence says who moves them).
 */
export function StageButtons({
  stage,
  action,
  blindReview,
  moves,
}: {
  stage: Stage;
  action: string;
  blindReview: boolean;
  moves: { from: readonly Stage[]; to: readonly Stage[] };
}) {
  const fetcher = useFetcher<StageActionData>({ key: "candidate-stage" });
  const pending = fetcher.state !== "idle" ? (fetcher.formData?.get("toStage") as Stage | null) : null;
  const shown = pending ?? stage;
  const options = STAGE_ORDER.filter((option) => moves.to.includes(option));
  if (!moves.from.includes(stage)) {
    return (
      <p className="muted small stage-buttons__note" data-testid="stage-decision-note">
        {STAGE_LABELS[stage]}: hiring managers shortlist or reject candidates once a recruiter has moved them to
        Screening.
      </p>
    );
  }
  return (
    <fetcher.Form method="post" action={action} className="stage-buttons" aria-label="Stage">
      <input type="hidden" name="intent" value="stage" />
      <div className="segmented" role="group" aria-label="Move to stage">
        {options.map((option) => (
          <button
            key={option}
            type="submit"
            name="toStage"
            value={option}
            className={`segmented__button segmented__button--${option.toLowerCase()}${shown === option ? " is-current" : ""}`}
            aria-pressed={shown === option}
            disabled={pending !== null}
            title={
              option === "SHORTLISTED" && blindReview && stage !== "SHORTLISTED"
                ? "Shortlisting reveals the candidate's identity (blind review)"
                : STAGE_VERBS[option]
            }
            data-testid={`stage-button-${option}`}
          >
            {STAGE_LABELS[option]}
          </button>
        ))}
      </div>
      {fetcher.data && !fetcher.data.ok ? (
        <p className="field__error" role="alert">
          {fetcher.data.error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

export interface StageHistoryEntry {
  id: string;
  fromStage: Stage;
  toStage: Stage;
  at: string;
  by: { name: string; email: string } | null;
}

export function StageHistory({ history, uploadedAt }: { history: readonly StageHistoryEntry[]; uploadedAt: string }) {
  const entries = [...history].reverse();
  return (
    <section className="card history" aria-labelledby="history-heading" data-testid="stage-history">
      <h2 id="history-heading" className="card__title">
        Stage history
      </h2>
      <ol className="history-list">
        {entries.map((entry) => (
          <li key={entry.id} className="history-item" data-testid="stage-history-entry">
            <span
              className={`history-item__dot history-item__dot--${entry.toStage.toLowerCase()}`}
              aria-hidden="true"
            />
            <div>
              <div className="history-item__change">
                <StageBadge stage={entry.fromStage} /> <span aria-label="to">→</span>{" "}
                <StageBadge stage={entry.toStage} />
              </div>
              <div className="muted small">
                {entry.by ? entry.by.name : "Former user"} · <RelativeTime iso={entry.at} />
              </div>
            </div>
          </li>
        ))}
        <li className="history-item">
          <span className="history-item__dot" aria-hidden="true" />
          <div>
            <div className="history-item__change">Uploaded</div>
            <div className="muted small">
              <RelativeTime iso={uploadedAt} />
            </div>
          </div>
        </li>
      </ol>
    </section>
  );
}
