// What a recruiter can do about a résumé that failed, wherever it is shown (the candidate page's
// failure panel, each failed file of an upload's progress view): Retry where it can help (timeouts
// and errors on our side), else "Upload a new version" of that application, since reading the same
// file again fails the same way (server/candidates/retryable-failures.ts). Both post to the
// candidate page's action (intents "retry" and "replace"), audited there.
import { useFetcher } from "@remix-run/react";
import { isRetryableFailure } from "@server/candidates/retryable-failures.ts";

type Outcome = { ok: boolean; error?: string };

export function FailureActions({
  applicationId,
  code,
  action,
  label,
  compact = false,
}: {
  applicationId: string;
  code: string | null;
  /** The candidate page's URL, whose action does the work. */
  action: string;
  /** The file or candidate, for the buttons' accessible names where several are listed. */
  label?: string;
  /** One line in a list: the file field's label is visually hidden. */
  compact?: boolean;
}) {
  const retry = useFetcher<Outcome>({ key: `retry-${applicationId}` });
  const error = retry.data && !retry.data.ok && retry.data.error;

  if (isRetryableFailure(code)) {
    const busy = retry.state !== "idle";
    return (
      <div className="failure-actions" data-testid="failure-actions" data-kind="retry">
        <retry.Form method="post" action={action}>
          <input type="hidden" name="intent" value="retry" />
          <button
            type="submit"
            className={`button ${compact ? "button--small" : "button--primary"}`}
            disabled={busy}
            aria-label={label ? `Retry reading ${label}` : undefined}
            data-testid="retry"
          >
            {busy ? "Queuing…" : "Retry"}
          </button>
        </retry.Form>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="failure-actions" data-testid="failure-actions" data-kind="replace">
      <ReplaceFileForm applicationId={applicationId} action={action} label={label} compact={compact} />
    </div>
  );
}

/**
 * "Upload a new version": the file field and its button, with the server's refusal under them.
 * Also offered on a scan waiting for review, whose OCR reading was too poor to trust.
 */
export function ReplaceFileForm({
  applicationId,
  action,
  label,
  compact = false,
}: {
  applicationId: string;
  action: string;
  label?: string;
  compact?: boolean;
}) {
  const replace = useFetcher<Outcome>({ key: `replace-${applicationId}` });
  const inputId = `replace-file-${applicationId}`;
  const error = replace.data && !replace.data.ok && replace.data.error;
  const busy = replace.state !== "idle";
  return (
    <>
      <replace.Form
        method="post"
        action={action}
        encType="multipart/form-data"
        className={compact ? "failure-actions__replace" : "failure-panel__actions"}
      >
        <input type="hidden" name="intent" value="replace" />
        <label className={compact ? "visually-hidden" : "small"} htmlFor={inputId}>
          New version of {label ? `${label} ` : "the résumé "}(PDF, Word, text, PNG or JPEG)
        </label>
        <input id={inputId} type="file" name="file" required data-testid="replace-file" />
        <button
          type="submit"
          className={`button ${compact ? "button--small" : "button--primary"}`}
          disabled={busy}
          aria-label={label ? `Upload a new version of ${label}` : undefined}
          data-testid="replace-submit"
        >
          {busy ? "Uploading…" : "Upload a new version"}
        </button>
      </replace.Form>
      {error ? (
        <p className="field__error" role="alert" data-testid="replace-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
