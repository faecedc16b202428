import type { ProcessingStatus } from "@server/generated/prisma/enums.ts";
import { STATUS_LABELS, STATUS_ORDER } from "~/lib/format.ts";

/** "3 queued · 1 processing · 5 done · 1 failed", announced politely as it changes. */
export function ProgressSummary({ counts, live }: { counts: Record<ProcessingStatus, number>; live: boolean }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return null;
  return (
    <p className="progress-summary" data-testid="progress-summary" aria-live="polite">
      {STATUS_ORDER.map((status, index) => (
        <span key={status} className={`progress-summary__item${counts[status] === 0 ? " is-zero" : ""}`}>
          {index > 0 ? <span className="progress-summary__sep">{" · "}</span> : null}
          <span className={`dot dot--${status.toLowerCase()}`} aria-hidden="true" />
          {counts[status]} {STATUS_LABELS[status].toLowerCase()}
        </span>
      ))}
      {live ? <span className="progress-summary__live">Updating live…</span> : null}
    </p>
  );
}
