// The bar that appears over the candidates table when rows are selected: how many, "select all
// N matching", the stage moves the user's role allows, and "Compare" for 2 to 4 selected rows
// (routes/requisitions.$id.compare.tsx). A move of every matching candidate asks once more
// before it is sent.
import { Link, useParams, useRouteLoaderData } from "@remix-run/react";
import { useState } from "react";
import { STAGE_MOVES } from "@server/auth/permissions.ts";
import type { Stage } from "@server/generated/prisma/enums.ts";
import { STAGE_LABELS } from "~/lib/format.ts";
import type { loader as rootLoader } from "~/root.tsx";

/** How many candidates the comparison takes (server/candidates/compare-candidates.ts MIN/MAX_COMPARE). */
const COMPARE_MIN = 2;
const COMPARE_MAX = 4;

/** The stage moves, in funnel order, with the words of the buttons. */
const MOVES: ReadonlyArray<{ stage: Stage; label: string }> = [
  { stage: "SCREENING", label: "Move to screening" },
  { stage: "SHORTLISTED", label: "Shortlist" },
  { stage: "REJECTED", label: "Reject" },
  { stage: "NEW", label: "Back to New" },
];

export interface BulkSelection {
  /** Rows selected on this page (ids). */
  ids: string[];
  /** Every candidate matching the view is selected (resolved again on the server). */
  allMatching: boolean;
}

export function BulkActionBar({
  selection,
  pageRowCount,
  total,
  maxBulk,
  canStage,
  canRetry,
  failedSelected,
  blindReview,
  busy,
  onSelectAllMatching,
  onClear,
  onMove,
  onRetry,
}: {
  selection: BulkSelection;
  pageRowCount: number;
  /** Candidates matching the view. */
  total: number;
  maxBulk: number;
  canStage: boolean;
  canRetry: boolean;
  /** Failed résumés among the selected rows (for "Retry selected"). */
  failedSelected: number;
  blindReview: boolean;
  busy: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onMove: (stage: Stage) => void;
  onRetry: () => void;
}) {
  const [confirming, setConfirming] = useState<Stage | null>(null);
  const { id: requisitionId } = useParams();
  // Only the moves the role may make (hiring managers: shortlist or reject; server/auth/permissions.ts).
  const role = useRouteLoaderData<typeof rootLoader>("root")?.user?.role;
  const moves = role ? MOVES.filter((option) => STAGE_MOVES[role].to.includes(option.stage)) : MOVES;
  const count = selection.allMatching ? total : selection.ids.length;
  const wholePage = !selection.allMatching && selection.ids.length === pageRowCount && total > pageRowCount;
  const countText = `${count.toLocaleString("en")} selected`;

  const move = (stage: Stage) => {
    if (selection.allMatching && confirming !== stage) {
      setConfirming(stage);
      return;
    }
    setConfirming(null);
    onMove(stage);
  };

  return (
    <div
      className="bulk-bar"
      role="region"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      aria-busy={busy || undefined}
    >
      <div className="bulk-bar__summary">
        <span className="bulk-bar__count" data-testid="selected-count" aria-live="polite">
          {selection.allMatching ? `All ${countText.replace(" selected", "")} matching selected` : countText}
        </span>
        {wholePage ? (
          total <= maxBulk ? (
            <button
              type="button"
              className="link-button"
              onClick={onSelectAllMatching}
              data-testid="select-all-matching"
            >
              Select all {total.toLocaleString("en")} matching
            </button>
          ) : (
            <span className="bulk-bar__note">
              {total.toLocaleString("en")} match: bulk changes take at most {maxBulk.toLocaleString("en")}; narrow the
              filters
            </span>
          )
        ) : null}
        <button type="button" className="link-button" onClick={onClear} data-testid="clear-selection">
          Clear selection
        </button>
      </div>

      {confirming ? (
        <div className="bulk-bar__confirm" role="group" aria-label="Confirm bulk change">
          <span>
            Move all {total.toLocaleString("en")} matching candidates to <strong>{STAGE_LABELS[confirming]}</strong>?
          </span>
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => move(confirming)}
            disabled={busy}
            data-testid="confirm-bulk"
          >
            Yes, move {total.toLocaleString("en")}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="bulk-bar__actions">
          {canStage ? (
            moves.map((option) => (
              <button
                key={option.stage}
                type="button"
                className={`button button--small bulk-bar__move bulk-bar__move--${option.stage.toLowerCase()}`}
                onClick={() => move(option.stage)}
                disabled={busy}
                title={
                  option.stage === "SHORTLISTED" && blindReview
                    ? "Shortlisting reveals the candidates' identity (blind review)"
                    : undefined
                }
                data-testid={`bulk-${option.stage.toLowerCase()}`}
              >
                <span className={`dot dot--stage-${option.stage.toLowerCase()}`} aria-hidden="true" />
                {option.label}
              </button>
            ))
          ) : (
            <span className="bulk-bar__note">Your role cannot change stages.</span>
          )}
          {canRetry && (selection.allMatching || failedSelected > 0) ? (
            <button
              type="button"
              className="button button--small"
              onClick={onRetry}
              disabled={busy}
              data-testid="bulk-retry"
            >
              Retry failed{selection.allMatching ? "" : ` (${failedSelected})`}
            </button>
          ) : null}
          <CompareButton requisitionId={requisitionId ?? ""} selection={selection} />
          {busy ? <span className="spinner bulk-bar__spinner" aria-label="Working" role="img" /> : null}
        </div>
      )}
    </div>
  );
}

/** "Compare (3)": a link to the comparison of the selected rows, or a disabled button saying why not. */
function CompareButton({ requisitionId, selection }: { requisitionId: string; selection: BulkSelection }) {
  const count = selection.ids.length;
  const possible = !selection.allMatching && count >= COMPARE_MIN && count <= COMPARE_MAX;
  if (possible) {
    return (
      <Link
        to={`/requisitions/${requisitionId}/compare?ids=${selection.ids.map(encodeURIComponent).join(",")}`}
        className="button button--small bulk-bar__compare"
        data-testid="bulk-compare"
      >
        Compare ({count})
      </Link>
    );
  }
  const why = `Select ${COMPARE_MIN} to ${COMPARE_MAX} candidates on this page to compare them`;
  return (
    <button
      type="button"
      className="button button--small bulk-bar__compare"
      disabled
      title={why}
      aria-label={`Compare: ${why}`}
      data-testid="bulk-compare"
    >
      Compare
    </button>
  );
}
