// Picking candidates on the score plot to compare them (issue 14, item 8): the plot reports picks
// (C on a focused point, or shift+click; app/components/score-scatter.tsx) and this bar lists
// them, says how many more are possible, and links to the comparison once 2 to 4 are picked.
// The picks live in the page's state: a comparison is a moment's question, not a saved list.
import { Link } from "@remix-run/react";
import { useCallback, useState } from "react";
import type { PlotPoint } from "@server/candidates/plot-candidates.ts";

/** As many as the comparison takes (server/candidates/compare-candidates.ts MIN/MAX_COMPARE). */
const PICK_MIN = 2;
const PICK_MAX = 4;

export function useComparePicks() {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = useCallback((id: string) => {
    setPicked((current) =>
      current.includes(id)
        ? current.filter((other) => other !== id)
        : current.length >= PICK_MAX
          ? [...current.slice(1), id]
          : [...current, id],
    );
  }, []);
  const clear = useCallback(() => setPicked([]), []);
  return { picked, pickedSet: new Set(picked), toggle, clear };
}

export function ComparePicks({
  requisitionId,
  points,
  picked,
  onUnpick,
  onClear,
}: {
  requisitionId: string;
  points: readonly PlotPoint[];
  picked: readonly string[];
  onUnpick: (id: string) => void;
  onClear: () => void;
}) {
  const labels = new Map(points.map((point) => [point.id, point.label]));
  const ready = picked.length >= PICK_MIN;
  return (
    <div className="compare-picks" role="region" aria-label="Pick candidates to compare" data-testid="compare-picks">
      <p className="compare-picks__status small" aria-live="polite">
        {picked.length === 0
          ? `Pick ${PICK_MIN} to ${PICK_MAX} points to compare: focus a point and press C, or shift+click it.`
          : `${picked.length} picked${picked.length < PICK_MIN ? `: pick ${PICK_MIN - picked.length} more` : ""}${
              picked.length === PICK_MAX ? " (the most; a new pick replaces the first)" : ""
            }.`}
      </p>
      {picked.length > 0 ? (
        <ul className="compare-picks__list">
          {picked.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="compare-picks__chip"
                onClick={() => onUnpick(id)}
                aria-label={`Unpick ${labels.get(id) ?? id}`}
              >
                {labels.get(id) ?? id} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="compare-picks__actions">
        {ready ? (
          <Link
            to={`/requisitions/${requisitionId}/compare?ids=${picked.map(encodeURIComponent).join(",")}`}
            className="button button--small button--primary"
            data-testid="plot-compare"
          >
            Compare {picked.length}
          </Link>
        ) : null}
        {picked.length > 0 ? (
          <button type="button" className="link-button small" onClick={onClear}>
            Clear
          </button>
        ) : null}
      </div>
    </div>
  );
}
