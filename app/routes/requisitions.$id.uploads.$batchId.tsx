// Progress of one upload batch: live counts (server-sent events, polling as fallback), a progress
// bar, every stored file with its state and reason, and the files refused at upload.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { BatchProgressBar, finishedCount, progressWords } from "~/components/batch-progress.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { StatusBadge } from "~/components/status-badge.tsx";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { plural, scanStatusWords, STATUS_LABELS, STATUS_ORDER } from "~/lib/format.ts";
import { getBatchView } from "~/lib/intake.server.ts";
import { duplicateMarks } from "~/lib/candidate.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { DuplicateChip } from "~/components/duplicate-chip.tsx";
import { reasonLabel } from "~/lib/reason-labels.ts";
import { useBatchEvents } from "~/lib/use-batch-events.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";
import { notFound } from "~/lib/app-error.server.ts";
import { roleAllows } from "@server/auth/permissions.ts";
import { FailureActions } from "~/components/candidate/failure-actions.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, requisition } = await requireRequisitionAccess(request, params.id, "view");
  const batch = await getBatchView(requisition.id, params.batchId ?? "", user.id);
  if (!batch) {
    notFound("Upload not found", "This upload does not exist in this requisition. The link may be incomplete.");
  }
  return {
    requisition: { id: requisition.id, title: requisition.title },
    batch: { ...batch, createdAt: batch.createdAt.toISOString() },
    /** Retry or upload a new version of a failed file (as on the candidate page). */
    canFix: roleAllows(user.role, "upload"),
    // Stored files the worker found to share an e-mail, phone or file with an earlier candidate.
    duplicates: await duplicateMarks(
      getPrisma(),
      batch.files.map((file) => file.applicationId),
    ),
  };
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => [
    { label: "Uploads", to: match.pathname.replace(/\/[^/]+\/?$/, "") },
    { label: "Upload", to: match.pathname },
  ],
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  {
    title: loaderData ? `Upload progress · ${loaderData.requisition.title} · MLE Screening` : "Upload · MLE Screening",
  },
];

type FileFilter = "all" | "FAILED" | "pending" | "NEEDS_REVIEW" | "DONE";
const FILTERS: Array<{ value: FileFilter; label: string }> = [
  { value: "all", label: "All" },
  { value: "FAILED", label: "Failed" },
  { value: "pending", label: "Not read yet" },
  { value: "NEEDS_REVIEW", label: "Needs review" },
  { value: "DONE", label: "Done" },
];

export default function UploadProgressPage() {
  const { requisition, batch, duplicates, canFix } = useLoaderData<typeof loader>();
  const eventsUrl = `/requisitions/${requisition.id}/uploads/${batch.id}/events`;
  const { counts, mode } = useBatchEvents(eventsUrl, batch.counts);
  const finished = finishedCount(counts);
  const pending = counts.pending > 0;
  const candidatesUrl = `/requisitions/${requisition.id}`;
  const [filter, setFilter] = useState<FileFilter>("all");
  const shownFiles = batch.files.filter((file) =>
    filter === "all"
      ? true
      : filter === "pending"
        ? file.status === "QUEUED" || file.status === "PROCESSING"
        : file.status === filter,
  );
  const filterCount = (value: FileFilter) =>
    value === "all"
      ? batch.files.length
      : batch.files.filter((file) =>
          value === "pending" ? file.status === "QUEUED" || file.status === "PROCESSING" : file.status === value,
        ).length;

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title">Upload progress</h1>
          <p className="page-subtitle" data-testid="batch-summary">
            {plural(batch.fileCount, "file")} received <RelativeTime iso={batch.createdAt} />
            {batch.createdBy ? ` by ${batch.createdBy}` : ""} · {plural(counts.total, "résumé")} stored
            {batch.refused.length > 0 ? ` · ${batch.refused.length} refused` : ""}
          </p>
        </div>
        <div className="page-header__actions">
          <Link to={`/requisitions/${requisition.id}/uploads`} className="button" data-testid="all-uploads">
            All uploads
          </Link>
          <Link to={candidatesUrl} className="button" data-testid="back-to-candidates">
            ← Back to candidates
          </Link>
        </div>
      </div>

      <section className="card batch-progress" aria-labelledby="progress-heading" data-testid="batch-progress">
        <div className="batch-progress__top">
          <h2 id="progress-heading" className="card__title">
            {counts.total === 0 ? "Nothing to read" : pending ? "Reading résumés…" : "All résumés read"}
          </h2>
          <p className="batch-progress__live small" data-testid="batch-live-status" data-mode={mode}>
            {pending ? (
              <>
                <span className="live-dot" aria-hidden="true" />
                {mode === "polling" ? "Refreshing every few seconds" : "Updating live"}
              </>
            ) : counts.total > 0 ? (
              <span className="text-done">✓ Finished</span>
            ) : null}
          </p>
        </div>
        <BatchProgressBar counts={counts} label="Résumés read in this upload" />
        {/* One polite live region: the numbers are announced as they change, not every tick. */}
        <div className="batch-counts" aria-live="polite" aria-atomic="true" data-testid="batch-counts">
          <p className="visually-hidden">
            {progressWords(counts)}: {counts.QUEUED} waiting, {counts.PROCESSING} being read, {counts.DONE} done,{" "}
            {counts.NEEDS_REVIEW > 0 ? `${counts.NEEDS_REVIEW} need review, ` : ""}
            {counts.FAILED} failed.
          </p>
          {STATUS_ORDER.map((status) => (
            <div
              key={status}
              className={`batch-count batch-count--${status.toLowerCase()}${counts[status] === 0 ? " is-zero" : ""}`}
              aria-hidden="true"
            >
              <span className="batch-count__value" data-testid={`batch-count-${status.toLowerCase()}`}>
                {counts[status]}
              </span>
              <span className="batch-count__label">
                <span className={`dot dot--${status.toLowerCase()}`} />
                {STATUS_LABELS[status]}
              </span>
            </div>
          ))}
          <div
            className={`batch-count batch-count--refused${batch.refused.length === 0 ? " is-zero" : ""}`}
            aria-hidden="true"
          >
            <span className="batch-count__value" data-testid="batch-count-refused">
              {batch.refused.length}
            </span>
            <span className="batch-count__label">
              <span className="dot dot--refused" />
              Refused at upload
            </span>
          </div>
        </div>
        <p className="small muted">
          {progressWords(counts)}
          {counts.total > 0 ? ` (${Math.round((finished / counts.total) * 100)}%)` : ""}.{" "}
          {pending
            ? "You can leave this page: reading goes on in the background."
            : "Scores are in the candidates table."}
        </p>
      </section>

      {batch.refused.length > 0 ? (
        <section className="card card--flush" aria-labelledby="refused-heading" data-testid="batch-refused">
          <div className="card__header">
            <h2 id="refused-heading" className="card__title">
              Refused at upload <span className="count">{batch.refused.length}</span>
            </h2>
            <p className="small muted">Nothing was stored for these files. Fix them and upload them again.</p>
          </div>
          <ul className="file-list">
            {batch.refused.map((file, index) => (
              <li
                key={`${file.archive ?? ""}/${file.fileName}/${index}`}
                className="file-list__item"
                data-testid="refused-file"
              >
                <div className="file-list__name">
                  <span className="file-list__file">{file.fileName}</span>
                  {file.archive ? <span className="file-list__archive">in {file.archive}</span> : null}
                </div>
                <div className="file-list__state">
                  <span className="badge badge--refused" data-code={file.code}>
                    {reasonLabel(file.code)}
                  </span>
                </div>
                <p className="file-list__reason">{file.message}</p>
                {file.applicationId ? (
                  <div className="file-list__action">
                    <Link
                      to={`/requisitions/${requisition.id}/candidates/${file.applicationId}`}
                      className="button button--small button--ghost"
                      data-testid="open-existing-candidate"
                    >
                      Open existing candidate →
                    </Link>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card card--flush" aria-labelledby="files-heading" data-testid="batch-files">
        <div className="card__header">
          <h2 id="files-heading" className="card__title">
            Stored files <span className="count">{batch.files.length}</span>
          </h2>
          {batch.files.length > 0 ? (
            <div className="segmented" role="group" aria-label="Show files">
              {FILTERS.map(({ value, label }) => (
                <button
                  key={value}
                  type="button"
                  className={`segmented__button segmented__button--filter-${value.toLowerCase()}${filter === value ? " is-current" : ""}`}
                  aria-pressed={filter === value}
                  onClick={() => setFilter(value)}
                  data-testid={`filter-${value.toLowerCase()}`}
                >
                  {label} <span className="segmented__count">{filterCount(value)}</span>
                </button>
              ))}
            </div>
          ) : null}
        </div>
        {counts.FAILED > 0 ? (
          <p className="batch-files__note small muted">
            Failed files are kept with their reason, so you can ask the candidate for another copy.
            {batch.files.some((file) => file.status === "FAILED" && file.identityHidden)
              ? " Blind review hides who sent some of them: open one and use “Reveal contact for this file”."
              : null}
          </p>
        ) : null}
        {batch.files.length === 0 ? (
          <p className="file-list__empty muted">No file of this upload could be stored; see the reasons above.</p>
        ) : shownFiles.length === 0 ? (
          <p className="file-list__empty muted">No file in this list.</p>
        ) : (
          <ul className="file-list">
            {shownFiles.map((file) => (
              <li
                key={file.applicationId}
                className="file-list__item"
                data-testid="batch-file"
                data-status={file.status}
              >
                <div className="file-list__name">
                  <span className={`file-list__file${file.identityHidden ? " muted" : ""}`}>{file.fileName}</span>
                </div>
                <div className="file-list__state">
                  <StatusBadge status={file.status} scanPages={file.scanPages} />
                  {file.status === "FAILED" ? (
                    <span className="badge badge--refused" data-code={file.failureCode ?? ""}>
                      {reasonLabel(file.failureCode)}
                    </span>
                  ) : null}
                </div>
                <p className="file-list__reason">
                  {file.status === "FAILED" ? (
                    file.failureMessage
                  ) : file.status === "QUEUED" || file.status === "PROCESSING" ? (
                    <span className="muted">
                      {scanStatusWords(file.status, file.scanPages)?.sentence ??
                        (file.status === "QUEUED" ? "Waiting for a worker…" : "Reading and scoring…")}
                    </span>
                  ) : file.status === "NEEDS_REVIEW" ? (
                    <span className="muted">Read by OCR with low confidence: not ranked until someone checks it.</span>
                  ) : null}
                  <DuplicateChip
                    applicationId={file.applicationId}
                    href={`/requisitions/${requisition.id}/candidates/${file.applicationId}`}
                    matches={duplicates[file.applicationId] ?? []}
                    verbose
                  />
                </p>
                <div className="file-list__action">
                  {file.status === "DONE" || file.status === "NEEDS_REVIEW" || file.status === "FAILED" ? (
                    <Link
                      to={`/requisitions/${requisition.id}/candidates/${file.applicationId}`}
                      className="button button--small button--ghost"
                      data-testid="open-candidate"
                    >
                      Open candidate →
                    </Link>
                  ) : null}
                </div>
                {file.status === "FAILED" && canFix ? (
                  // Retry where it can help (timeouts, our errors); else a new version of this application.
                  <div className="file-list__fix">
                    <FailureActions
                      applicationId={file.applicationId}
                      code={file.failureCode}
                      action={`/requisitions/${requisition.id}/candidates/${file.applicationId}`}
                      label={file.fileName}
                      compact
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
