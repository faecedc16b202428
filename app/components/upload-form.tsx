// Résumé upload: a multipart form posted by a fetcher, so the table below keeps its sort and
// page while files are stored, and each file's outcome is listed when the request returns.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { IntakeOutcome } from "@server/intake/intake-resume.ts";
import { formatBytes, formatMegabytes, plural } from "~/lib/format.ts";

export interface UploadActionData {
  formError: string | null;
  outcomes: IntakeOutcome[];
}

export const ACCEPTED_TYPES = ".pdf,.docx,.txt,.md";

interface Selection {
  count: number;
  bytes: number;
  oversize: string[];
}

export function UploadForm({ maxUploadBytes, maxFiles }: { maxUploadBytes: number; maxFiles: number }) {
  const fetcher = useFetcher<UploadActionData>();
  const formRef = useRef<HTMLFormElement>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const uploading = fetcher.state !== "idle";

  // Clear the chosen files once the server has answered, ready for the next batch.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && !fetcher.data.formError) {
      formRef.current?.reset();
      setSelection(null);
    }
  }, [fetcher.state, fetcher.data]);

  return (
    <section
      className="card upload"
      aria-labelledby="upload-heading"
      data-testid="upload-form"
      data-max-upload-bytes={maxUploadBytes}
    >
      <div className="upload__intro">
        <h2 id="upload-heading" className="card__title">
          Upload résumés
        </h2>
        <p className="muted small">
          PDF, DOCX, TXT or Markdown · up to {formatMegabytes(maxUploadBytes)} each · up to {maxFiles} files at once.
          Files are stored immediately and parsed in the background.
        </p>
      </div>
      <fetcher.Form method="post" encType="multipart/form-data" ref={formRef} className="upload__form">
        <label className="file-drop">
          <span className="visually-hidden">Résumé files</span>
          <input
            type="file"
            name="resumes"
            multiple
            accept={ACCEPTED_TYPES}
            data-testid="upload-input"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              setSelection(
                files.length === 0
                  ? null
                  : {
                      count: files.length,
                      bytes: files.reduce((sum, file) => sum + file.size, 0),
                      oversize: files.filter((file) => file.size > maxUploadBytes).map((file) => file.name),
                    },
              );
            }}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={uploading} data-testid="upload-submit">
          {uploading ? "Uploading…" : "Upload"}
        </button>
      </fetcher.Form>
      {selection ? (
        <p className="small muted" data-testid="upload-selection">
          {plural(selection.count, "file")} selected ({formatBytes(selection.bytes)})
          {selection.oversize.length > 0 ? (
            <span className="text-warning">
              {" "}
              · over the {formatMegabytes(maxUploadBytes)} limit: {selection.oversize.join(", ")}
            </span>
          ) : null}
        </p>
      ) : null}
      {uploading ? (
        <p className="small" role="status">
          <span className="spinner" aria-hidden="true" /> Uploading {selection ? plural(selection.count, "file") : "files"}…
        </p>
      ) : null}
      {!uploading && fetcher.data ? <UploadResults data={fetcher.data} /> : null}
    </section>
  );
}

function UploadResults({ data }: { data: UploadActionData }) {
  if (data.formError) {
    return (
      <p className="alert alert--error" role="alert" data-testid="upload-error">
        {data.formError}
      </p>
    );
  }
  const stored = data.outcomes.filter((outcome) => outcome.accepted).length;
  const refused = data.outcomes.length - stored;
  return (
    <div className="upload-results" role="status" data-testid="upload-results">
      <p className="upload-results__summary">
        {plural(stored, "file")} stored{refused > 0 ? `, ${refused} refused` : ""}.
      </p>
      <ul className="upload-results__list">
        {data.outcomes.map((outcome, index) => (
          <li key={`${outcome.fileName}-${index}`} className="upload-results__item" data-testid="upload-outcome">
            <span className="upload-results__file">{outcome.fileName}</span>
            <OutcomeBadge outcome={outcome} />
            {outcome.reason ? (
              <span className="upload-results__reason">
                <code>{outcome.reason.code}</code> {outcome.reason.message}
              </span>
            ) : outcome.accepted && !outcome.enqueued ? (
              <span className="upload-results__reason">The queue is unreachable; parsing will start when it is back.</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OutcomeBadge({ outcome }: { outcome: IntakeOutcome }) {
  if (!outcome.accepted) return <span className="badge badge--status-failed">Refused</span>;
  if (outcome.status === "FAILED") return <span className="badge badge--status-failed">Stored · unreadable</span>;
  return <span className="badge badge--status-queued">Accepted · queued</span>;
}
