// Résumé upload: a drop zone (and file picker) for many files or ZIP archives, posted as one
// multipart form. The action stores them as one batch and redirects to its progress view; only a
// refusal of the whole request (too big, too many files) comes back here as a message.
// Collapsed (once the requisition has candidates) it is one line, "Upload résumés", that opens
// on a click, on a drag of files over it, and whenever files are chosen, uploading or refused.
import { useFetcher, useParams } from "@remix-run/react";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { formatBytes, formatMegabytes, plural } from "~/lib/format.ts";
import { ActiveUploads } from "./active-uploads.tsx";

export interface UploadActionData {
  formError: string | null;
}

export const ACCEPTED_TYPES = ".pdf,.docx,.txt,.md,.png,.jpg,.jpeg,.zip";
const SHOWN_NAMES = 6;

interface Selection {
  files: number;
  archives: number;
  bytes: number;
  names: string[];
  oversize: string[];
}

function describeSelection(files: File[], maxUploadBytes: number): Selection | null {
  if (files.length === 0) return null;
  const isArchive = (file: File) => /\.zip$/i.test(file.name);
  return {
    files: files.filter((file) => !isArchive(file)).length,
    archives: files.filter(isArchive).length,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    names: files.map((file) => file.name),
    // Archives are checked entry by entry on the server; only loose résumés have a size limit here.
    oversize: files.filter((file) => !isArchive(file) && file.size > maxUploadBytes).map((file) => file.name),
  };
}

function selectionWords(selection: Selection): string {
  const parts = [
    selection.files > 0 ? plural(selection.files, "file") : null,
    selection.archives > 0 ? plural(selection.archives, "ZIP archive") : null,
  ].filter(Boolean);
  return `${parts.join(" and ")} (${formatBytes(selection.bytes)})`;
}

export function UploadForm({
  action,
  maxUploadBytes,
  maxFiles,
  collapsed = false,
}: {
  /** The requisition's URL (its shell route takes the upload). */
  action: string;
  maxUploadBytes: number;
  maxFiles: number;
  /** Start folded to one line (the requisition already has candidates, and the table comes first). */
  collapsed?: boolean;
}) {
  const { id: requisitionId } = useParams();
  const fetcher = useFetcher<UploadActionData>();
  const inputRef = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dragging, setDragging] = useState(false);
  const uploading = fetcher.state !== "idle";
  const [open, setOpen] = useState(!collapsed);
  const formError = !uploading && fetcher.data?.formError;
  // What the recruiter chose, is sending or must fix is never folded away.
  useEffect(() => {
    if (selection || uploading || formError) setOpen(true);
  }, [selection, uploading, formError]);

  const select = (files: File[]) => setSelection(describeSelection(files, maxUploadBytes));

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const input = inputRef.current;
    if (!input || uploading || event.dataTransfer.files.length === 0) return;
    // Dropped files join those already chosen, so a recruiter can drop from several folders.
    const merged = new DataTransfer();
    for (const file of Array.from(input.files ?? [])) merged.items.add(file);
    for (const file of Array.from(event.dataTransfer.files)) merged.items.add(file);
    input.files = merged.files;
    select(Array.from(merged.files));
  };

  const clear = () => {
    if (inputRef.current) inputRef.current.value = "";
    setSelection(null);
  };

  // A refused request keeps the selection so the recruiter can remove a file and retry.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && !fetcher.data.formError) clear();
  }, [fetcher.state, fetcher.data]);

  const intro = (
    <p className="muted small upload__hint">
      PDF, DOCX, TXT or Markdown, PNG or JPEG photos and scans (read by OCR), or ZIP archives of them · up to{" "}
      {formatMegabytes(maxUploadBytes)} per résumé · up to {maxFiles} files at once. Each file is checked, stored and
      read in the background; you can follow the upload on its progress page.
    </p>
  );
  const form = (
    <>
      <fetcher.Form method="post" action={action} encType="multipart/form-data" className="upload__form">
        <div
          className={`drop-zone${dragging ? " is-dragging" : ""}${selection ? " has-files" : ""}${uploading ? " is-busy" : ""}`}
          data-testid="drop-zone"
          onDragEnter={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
        >
          <svg className="drop-zone__icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
          </svg>
          <div className="drop-zone__text">
            {selection ? (
              <>
                <span className="drop-zone__title" data-testid="upload-selection">
                  {selectionWords(selection)} ready
                </span>
                <span className="drop-zone__names" title={selection.names.join("\n")}>
                  {selection.names.slice(0, SHOWN_NAMES).join(", ")}
                  {selection.names.length > SHOWN_NAMES ? `, and ${selection.names.length - SHOWN_NAMES} more` : ""}
                </span>
              </>
            ) : (
              <>
                <span className="drop-zone__title">Drop résumés or ZIP archives here</span>
                <span className="drop-zone__names">or choose them from your computer</span>
              </>
            )}
          </div>
          <label className="button button--small drop-zone__choose">
            {selection ? "Add or change files" : "Choose files"}
            <input
              ref={inputRef}
              className="visually-hidden"
              type="file"
              name="resumes"
              multiple
              accept={ACCEPTED_TYPES}
              disabled={uploading}
              data-testid="upload-input"
              onChange={(event) => select(Array.from(event.currentTarget.files ?? []))}
            />
          </label>
        </div>
        <div className="upload__actions">
          {selection && !uploading ? (
            <button type="button" className="button button--ghost button--small" onClick={clear}>
              Clear
            </button>
          ) : null}
          <button
            type="submit"
            className="button button--primary"
            disabled={uploading || !selection}
            data-testid="upload-submit"
          >
            {uploading ? "Uploading…" : "Upload"}
          </button>
        </div>
      </fetcher.Form>
      {selection && selection.oversize.length > 0 ? (
        <p className="small text-warning" data-testid="upload-oversize">
          Over the {formatMegabytes(maxUploadBytes)} limit, will be refused: {selection.oversize.join(", ")}
        </p>
      ) : null}
      {uploading ? (
        <p className="small upload__status" role="status">
          <span className="spinner" aria-hidden="true" /> Uploading {selection ? selectionWords(selection) : "files"}…
          every file is checked before anything is stored, then you will see its progress.
        </p>
      ) : null}
      {!uploading && fetcher.data?.formError ? (
        <p className="alert alert--error" role="alert" data-testid="upload-error">
          {fetcher.data.formError}
        </p>
      ) : null}
    </>
  );

  return (
    <section
      className={`card upload${collapsed ? " upload--collapsible" : ""}`}
      aria-labelledby="upload-heading"
      data-testid="upload-form"
      data-max-upload-bytes={maxUploadBytes}
      onDragEnter={collapsed ? () => setOpen(true) : undefined}
    >
      {collapsed ? (
        <details className="upload__details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary className="upload__summary" data-testid="upload-toggle">
            <h2 id="upload-heading" className="card__title">
              Upload résumés
            </h2>
            <span className="muted small">
              PDF, DOCX, TXT, Markdown, PNG/JPEG scans or ZIP · drop files here or open to choose
            </span>
          </summary>
          <div className="upload__body">
            {intro}
            {form}
          </div>
        </details>
      ) : (
        <>
          <div className="upload__intro">
            <h2 id="upload-heading" className="card__title">
              Upload résumés
            </h2>
            {intro}
          </div>
          {form}
        </>
      )}
      {requisitionId ? <ActiveUploads requisitionId={requisitionId} /> : null}
    </section>
  );
}
