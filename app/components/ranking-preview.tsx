// Before/after lists of the top of the ranking, for the weights editor.
import type { Movement, PreviewEntry } from "~/lib/weights-preview.server.ts";
import { formatScore } from "~/lib/format.ts";
import type { useFetcher } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state.tsx";
import type { loader as previewLoader } from "~/routes/requisitions.$id.weights_.preview.tsx";

function MovementBadge({ movement }: { movement: Movement }) {
  switch (movement.kind) {
    case "up":
      return (
        <span className="move move--up" aria-label={`up ${movement.by}`} title="Places up against the saved weights">
          ↑{movement.by}
        </span>
      );
    case "down":
      return (
        <span
          className="move move--down"
          aria-label={`down ${movement.by}`}
          title="Places down against the saved weights"
        >
          ↓{movement.by}
        </span>
      );
    case "new":
      return (
        <span className="move move--new" title="Not in the top 10 with the saved weights">
          new in top 10
        </span>
      );
    case "out":
      return (
        <span className="move move--down" title={`Drops to #${movement.to}`}>
          → #{movement.to}
        </span>
      );
    case "same":
      return (
        <span className="move move--same" aria-label="no change">
          —
        </span>
      );
  }
}

function PreviewList({ title, entries, testId }: { title: string; entries: PreviewEntry[]; testId: string }) {
  return (
    <div className="preview-col">
      <h3 className="preview-col__title">{title}</h3>
      <ol className="preview-list" data-testid={testId}>
        {entries.map((entry) => (
          <li key={entry.id} className="preview-list__item" data-testid="preview-entry">
            <span className="preview-list__rank">{entry.rank}</span>
            <span
              className="preview-list__name"
              title={entry.detail ? `${entry.label} · ${entry.detail}` : entry.label}
            >
              {entry.label}
              {entry.detail ? (
                <span className="preview-list__detail" data-testid="preview-detail">
                  {entry.detail}
                </span>
              ) : null}
            </span>
            <span className="preview-list__score">{formatScore(entry.overall)}</span>
            <MovementBadge movement={entry.movement} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function RankingPreview({
  before,
  after,
  savedVersion,
  scored,
}: {
  before: PreviewEntry[];
  after: PreviewEntry[];
  savedVersion: number;
  scored: number;
}) {
  return (
    <>
      <div className="preview-cols">
        <PreviewList title={`Saved · v${savedVersion}`} entries={before} testId="preview-before" />
        <PreviewList title="With your changes" entries={after} testId="preview-after" />
      </div>
      <p className="preview__note">
        Top {Math.min(after.length, scored)} of {scored} scored candidates, ranked from stored area scores.
      </p>
    </>
  );
}

/**
 * What the editors show in the preview pane: loading, the reason the weights cannot rank
 * (after `invalidLead`), an empty requisition, or the before/after lists.
 */
export function PreviewPane({
  preview,
  invalidLead,
}: {
  preview: ReturnType<typeof useFetcher<typeof previewLoader>>["data"];
  invalidLead: string;
}) {
  if (!preview) return <p className="muted">Loading the current ranking…</p>;
  if (!preview.ok) {
    return (
      <p className="text-warning" data-testid="preview-invalid">
        {invalidLead} {Object.values(preview.errors).join(" ")}
      </p>
    );
  }
  if (preview.scored === 0) {
    return (
      <EmptyState title="No scored candidates yet" testId="preview-empty">
        <p>Upload résumés to see how these weights rank them.</p>
      </EmptyState>
    );
  }
  return (
    <RankingPreview
      before={preview.before}
      after={preview.after}
      savedVersion={preview.savedVersion}
      scored={preview.scored}
    />
  );
}
