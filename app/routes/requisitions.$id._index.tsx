import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useState } from "react";
import { CandidatesFilterBar } from "~/components/candidates-filter-bar.tsx";
import { NeedsAttentionNotice, NeedsReviewNotice } from "~/components/needs-review-notice.tsx";
import { countNeedsReview } from "@server/candidates/count-needs-review.ts";
import { CandidatesTable } from "~/components/candidates-table.tsx";
import { EmptyState } from "~/components/empty-state.tsx";
import { ExportMenu } from "~/components/export-menu.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { ProgressSummary } from "~/components/progress-summary.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { Toast, type ToastMessage } from "~/components/toast.tsx";
import { UploadForm } from "~/components/upload-form.tsx";
import {
  backgroundOptions,
  candidatesQueryFrom,
  failedInView,
  hasFilters,
  listCandidates,
  loadRankingContext,
  MAX_BULK_CANDIDATES,
  PAGE_SIZES,
  stageCounts,
  withLabels,
} from "~/lib/candidates.server.ts";
import { auditActor, requireRequisitionAccess } from "~/lib/auth.server.ts";
import { getConfig } from "~/lib/config.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { REREADING_COUNT_LIMIT } from "@server/candidates/count-rereading.ts";
import { duplicateMarks, rowsForViewer } from "~/lib/candidate.server.ts";
import { plural } from "~/lib/format.ts";
import { clearFilters } from "~/lib/table-url.ts";
import { useLiveRevalidation } from "~/lib/use-live-revalidation.ts";
import { useRequisitionShell } from "~/lib/use-requisition-shell.ts";
import type { BulkActionData } from "./requisitions.$id.candidates.bulk.tsx";
import type { loader as shellLoader } from "./requisitions.$id.tsx";

export async function loader({ params, request }: LoaderFunctionArgs) {
  // The requisition row and the membership come from the shell's read of this request.
  const { user, requisition, can } = await requireRequisitionAccess(request, params.id, "view");
  const query = candidatesQueryFrom(request);
  const db = getPrisma();
  const ranking = await loadRankingContext(db, requisition.id, requisition);
  const [listed, byStage] = await Promise.all([
    listCandidates(db, requisition.id, query, ranking),
    stageCounts(db, requisition.id),
  ]);
  // Blind review: identities this viewer saw while shortlisted, or revealed for an unreadable file.
  const candidates = {
    ...listed,
    rows: await rowsForViewer(
      db,
      auditActor(user),
      { id: requisition.id, blindReview: ranking.blindReview },
      listed.rows,
    ),
  };
  const config = getConfig();
  return {
    candidates: { ...candidates, rows: withLabels(candidates.rows) },
    // Open duplicate pairs of the page's rows, for the name cell's chip (app/components/duplicate-chip.tsx).
    duplicates: await duplicateMarks(
      db,
      candidates.rows.map((row) => row.id),
    ),
    stageCounts: byStage,
    // Résumés OCR read with low confidence, not ranked until reviewed (partial index).
    needsReview: await countNeedsReview(db, requisition.id),
    failedInView: can.upload ? await failedInView(db, ranking, query, candidates.statusCounts.FAILED) : 0,
    backgrounds: backgroundOptions(),
    weights: {
      version: ranking.version,
      requirements: { mustHaveCount: ranking.weights.mustHave.length, minYears: ranking.weights.minYears },
    },
    query,
    filtered: hasFilters(query.filters),
    pageSizes: [...PAGE_SIZES],
    maxBulk: MAX_BULK_CANDIDATES,
    limits: { maxUploadBytes: config.MAX_UPLOAD_BYTES, maxFiles: config.MAX_FILES_PER_UPLOAD },
  };
}

export const meta: MetaFunction<typeof loader, { "routes/requisitions.$id": typeof shellLoader }> = ({ matches }) => {
  const shell = matches.find((match) => match.id === "routes/requisitions.$id")?.data;
  return [{ title: shell ? `${shell.requisition.title} · MLE Screening` : "Requisition · MLE Screening" }];
};

export default function RequisitionPage() {
  const data = useLoaderData<typeof loader>();
  const { requisition, can } = useRequisitionShell();
  const { candidates, weights, query, pageSizes, limits } = data;
  const { statusCounts } = candidates;
  const working = statusCounts.QUEUED + statusCounts.PROCESSING > 0;
  // Résumés read by an older reader or scorer are being read again: refresh as they finish too.
  const rereading = candidates.rereading;
  useLiveRevalidation(working || rereading > 0);
  const location = useLocation();
  const navigation = useNavigation();
  // A new view of this table (filters, sort, page) is on its way: dim the table, show a bar.
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const showBulkResult = useCallback((result: BulkActionData) => {
    setToast({
      id: Date.now(),
      tone: result.ok ? "success" : "error",
      text: result.ok ? result.result.message : result.error,
    });
  }, []);

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-title" data-testid="requisition-title">
            {requisition.title}
          </h1>
          <p className="page-subtitle">
            {[requisition.team, requisition.location].filter(Boolean).join(" · ")}
            {requisition.team || requisition.location ? " · " : ""}
            created <RelativeTime iso={requisition.createdAt} />
            {requisition.status === "CLOSED" ? (
              <span className="badge badge--muted page-subtitle__badge" data-testid="closed-badge">
                Closed
              </span>
            ) : null}
            {requisition.blindReview ? (
              <span className="badge badge--blind page-subtitle__badge" data-testid="blind-badge">
                Blind review
              </span>
            ) : null}
          </p>
        </div>
        <div className="page-header__actions">
          {can.export ? (
            <ExportMenu requisitionId={requisition.id} search={location.search} viewCount={candidates.total} />
          ) : null}
          <Link to={`/requisitions/${requisition.id}/weights`} className="button" data-testid="tune-ranking">
            {can.weights ? "Tune ranking" : "Ranking weights"}
          </Link>
        </div>
      </div>
      {requisition.description ? (
        <details className="description">
          <summary>Role description</summary>
          <p>{requisition.description}</p>
        </details>
      ) : null}

      {new URLSearchParams(location.search).get("erased") === "1" ? (
        <p className="alert alert--success" role="status" data-testid="candidate-erased">
          Candidate erased: their file, text, scores, notes and stage history are gone; the audit log keeps only that it
          happened.
        </p>
      ) : null}

      {can.upload ? (
        <UploadForm
          action={`/requisitions/${requisition.id}`}
          maxUploadBytes={limits.maxUploadBytes}
          maxFiles={limits.maxFiles}
          // Once there are candidates the table matters most: the upload folds to one line.
          collapsed={candidates.requisitionTotal > 0}
        />
      ) : null}

      {/* ---- Candidates: filters, table, pages (the table experience) ---- */}
      <section className="card card--flush candidates" aria-labelledby="candidates-heading">
        <div className="card__header">
          <h2 id="candidates-heading" className="card__title">
            Candidates{" "}
            <span className="count" data-testid="candidates-count">
              {data.filtered ? `${candidates.total} of ${candidates.requisitionTotal}` : candidates.requisitionTotal}
            </span>
          </h2>
          <ProgressSummary counts={statusCounts} live={working} />
        </div>
        {rereading > 0 ? (
          <p className="alert alert--info candidates__notice" role="status" data-testid="rereading-notice">
            {rereading >= REREADING_COUNT_LIMIT
              ? `More than ${REREADING_COUNT_LIMIT.toLocaleString("en")} résumés are`
              : `${plural(rereading, "résumé")} ${rereading === 1 ? "is" : "are"}`}{" "}
            being read again with the improved reader and scorer; their scores update here as each one finishes.
          </p>
        ) : null}
        {statusCounts.FAILED > 0 ? (
          <NeedsAttentionNotice failed={statusCounts.FAILED} search={location.search} />
        ) : null}
        {data.needsReview > 0 ? <NeedsReviewNotice count={data.needsReview} search={location.search} /> : null}
        {candidates.requisitionTotal === 0 ? (
          <EmptyState title="No résumés yet — upload PDFs, DOCX or TXT" testId="candidates-empty">
            <p>
              {can.upload
                ? "Use the upload form above; each résumé appears here right away and is scored in the background."
                : "A recruiter uploads the résumés for this requisition; they appear here as they are scored."}
            </p>
          </EmptyState>
        ) : (
          <>
            <CandidatesFilterBar
              stageCounts={data.stageCounts}
              statusCounts={statusCounts}
              backgrounds={data.backgrounds}
              mustHaveCount={weights.requirements.mustHaveCount}
            />
            <div className="candidates__progress" aria-hidden={!loading}>
              {loading ? <span className="candidates__progress-bar" data-testid="table-loading" /> : null}
            </div>
            <p className="visually-hidden" aria-live="polite" data-testid="results-summary">
              {loading
                ? "Loading candidates…"
                : `${plural(candidates.total, "candidate")} shown of ${candidates.requisitionTotal}`}
            </p>
            {candidates.total === 0 ? (
              <EmptyState title="No candidates match these filters" testId="candidates-no-match">
                <p>
                  {candidates.requisitionTotal} {candidates.requisitionTotal === 1 ? "candidate is" : "candidates are"}{" "}
                  in this requisition; none matches every filter.
                </p>
                <Link
                  to={{ search: clearFilters(location.search).replace(/^\?$/, "") }}
                  preventScrollReset
                  className="button button--primary"
                  data-testid="empty-clear-filters"
                >
                  Clear filters
                </Link>
              </EmptyState>
            ) : (
              <>
                <CandidatesTable
                  requisitionId={requisition.id}
                  rows={candidates.rows}
                  sorts={query.sorts}
                  total={candidates.total}
                  weightsVersion={weights.version}
                  requirements={weights.requirements}
                  blindReview={requisition.blindReview}
                  can={{ stage: can.stage, upload: can.upload }}
                  failedInView={data.failedInView}
                  maxBulk={data.maxBulk}
                  loading={loading}
                  onBulkResult={showBulkResult}
                />
                <Pagination
                  page={candidates.page}
                  pageCount={candidates.pageCount}
                  pageSize={candidates.pageSize}
                  total={candidates.total}
                  pageSizes={pageSizes}
                />
              </>
            )}
          </>
        )}
      </section>
      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  );
}

/**
 * Files that could not be read are not candidates to rank: they sort to the bottom of the
 * best-first table (no score) and are counted here, with their own view (status=FAILED).
 */
export { CandidatesViewErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
