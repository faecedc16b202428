// "Read by OCR": where a résumé's text came from a scan or photo, how sure OCR was (in words and
// numbers), and, when it is flagged for review, a warning that the scores may miss evidence, a
// link to the original file, "Mark reviewed" and "Upload a better copy" (docs/candidate-page.md,
// docs/extraction.md §6).
import { useFetcher } from "@remix-run/react";
import { ReplaceFileForm } from "./failure-actions.tsx";

/** Below this OCR confidence the page warns (the worker's OCR_MIN_CONFIDENCE is 60). */
const LOW_CONFIDENCE = 60;

/** OCR confidence in words: "high" (85+), "fair" (60–84) or "low". */
export function confidenceWords(confidence: number): "high" | "fair" | "low" {
  if (confidence >= 85) return "high";
  if (confidence >= LOW_CONFIDENCE) return "fair";
  return "low";
}

/** "Read by OCR · 71% confidence (fair) — check the text". */
export function ocrLabel(textSource: string, confidence: number | null): string {
  const source = textSource === "mixed" ? "Partly read by OCR" : "Read by OCR";
  if (confidence === null) return `${source} — check the text`;
  const words = confidenceWords(confidence);
  return `${source} · ${Math.round(confidence)}% confidence (${words})${words === "high" ? "" : " — check the text"}`;
}

export function OcrBadge({ textSource, confidence }: { textSource: string; confidence: number | null }) {
  if (textSource !== "ocr" && textSource !== "mixed") return null;
  const low = confidence !== null && confidence < LOW_CONFIDENCE;
  const label = ocrLabel(textSource, confidence);
  return (
    <span
      className={`badge badge--ocr${low ? " badge--ocr-low" : ""}`}
      data-testid="ocr-badge"
      data-confidence={confidence === null ? "" : Math.round(confidence)}
      title="The text was read from an image of the résumé (a scan or photo); OCR can misread words."
    >
      {label}
    </span>
  );
}

export function OcrReviewPanel({
  textSource,
  confidence,
  needsReview,
  fileHref,
  canReview,
  action,
  applicationId,
}: {
  textSource: string;
  confidence: number | null;
  needsReview: boolean;
  /** The original file, when this viewer may download it (null under blind review). */
  fileHref: string | null;
  canReview: boolean;
  action: string;
  applicationId: string;
}) {
  const fetcher = useFetcher<{ intent: "mark-reviewed"; ok: boolean; error?: string }>({ key: "mark-reviewed" });
  const low = confidence !== null && confidence < LOW_CONFIDENCE;
  if (!needsReview && !low) return null;
  const busy = fetcher.state !== "idle";
  return (
    <section
      className="card ocr-review alert alert--warning"
      role="status"
      aria-label="Read by OCR"
      data-testid="ocr-review"
      data-needs-review={needsReview ? "yes" : "no"}
    >
      <div className="ocr-review__text">
        <h2 className="ocr-review__title">
          {needsReview ? "Needs review: " : ""}
          {`${needsReview ? "r" : "R"}ead by OCR${textSource === "mixed" ? " (some pages)" : ""} with ${
            confidence === null ? "unknown" : `${Math.round(confidence)}%`
          } confidence`}
        </h2>
        <p className="small">
          OCR may have misread or missed words, so the scores may miss evidence the candidate has.
          {needsReview
            ? " It is not ranked in the table until someone compares the text below with the original file."
            : " Compare the text below with the original file before relying on them."}
        </p>
        {fileHref ? (
          <p className="small">
            <a href={fileHref} target="_blank" rel="noopener noreferrer" data-testid="ocr-original">
              Open the original file
            </a>
          </p>
        ) : (
          <p className="small muted">The original file is hidden under blind review.</p>
        )}
        {fetcher.data && !fetcher.data.ok ? (
          <p className="field__error" role="alert">
            {fetcher.data.error}
          </p>
        ) : null}
      </div>
      {needsReview && canReview ? (
        <div className="ocr-review__actions">
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value="mark-reviewed" />
            <button type="submit" className="button button--primary" disabled={busy} data-testid="mark-reviewed">
              {busy ? "Saving…" : "Mark reviewed and rank"}
            </button>
          </fetcher.Form>
          {/* A reading too poor to trust: a better scan or a text version replaces it. */}
          <details className="ocr-review__replace" data-testid="ocr-replace">
            <summary className="button button--small">Upload a better copy…</summary>
            <ReplaceFileForm applicationId={applicationId} action={action} />
          </details>
        </div>
      ) : null}
    </section>
  );
}
