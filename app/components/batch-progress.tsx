// How far an upload batch has been read: a stacked bar (done, failed, being read, waiting) with
// the progressbar role, so screen readers hear "12 of 40 résumés read".
import type { BatchCounts } from "@server/intake/get-upload-batch.ts";
import { plural } from "~/lib/format.ts";

/** Read one way or another: done, waiting for a person to check an OCR reading, or failed. */
export function finishedCount(counts: BatchCounts): number {
  return counts.DONE + counts.NEEDS_REVIEW + counts.FAILED;
}

export function progressWords(counts: BatchCounts): string {
  if (counts.total === 0) return "No résumés stored";
  return `${finishedCount(counts)} of ${plural(counts.total, "résumé")} read`;
}

function share(part: number, total: number): string {
  return `${total === 0 ? 0 : (part / total) * 100}%`;
}

export function BatchProgressBar({
  counts,
  size = "large",
  label,
}: {
  counts: BatchCounts;
  size?: "large" | "small";
  /** Accessible name of the bar, e.g. "Upload of 12 Mar". */
  label: string;
}) {
  const finished = finishedCount(counts);
  return (
    <div
      className={`batch-bar batch-bar--${size}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.max(counts.total, 1)}
      aria-valuenow={finished}
      aria-valuetext={progressWords(counts)}
      data-testid="batch-progressbar"
    >
      <span
        className="batch-bar__segment batch-bar__segment--done"
        style={{ width: share(counts.DONE, counts.total) }}
      />
      <span
        className="batch-bar__segment batch-bar__segment--needs_review"
        style={{ width: share(counts.NEEDS_REVIEW, counts.total) }}
      />
      <span
        className="batch-bar__segment batch-bar__segment--failed"
        style={{ width: share(counts.FAILED, counts.total) }}
      />
      <span
        className="batch-bar__segment batch-bar__segment--processing"
        style={{ width: share(counts.PROCESSING, counts.total) }}
      />
    </div>
  );
}
