import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { CandidatesTable } from "~/components/candidates-table.tsx";
import { EmptyState } from "~/components/empty-state.tsx";
import { ErrorPanel } from "~/components/error-panel.tsx";
import { Pagination } from "~/components/pagination.tsx";
import { ProgressSummary } from "~/components/progress-summary.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { UploadForm, type UploadActionData } from "~/components/upload-form.tsx";
import { candidatesQueryFrom, listCandidates, PAGE_SIZES, withLabels } from "~/lib/candidates.server.ts";
import { getConfig } from "~/lib/config.server.ts";
import { getPrisma } from "~/lib/db.server.ts";
import { intakeResumes, readResumeUploads } from "~/lib/intake.server.ts";
import { requireRequisition } from "~/lib/requisitions.server.ts";
import { useLiveRevalidation } from "~/lib/use-live-revalidation.ts";
import { getRequisitionWeights } from "~/lib/weights.server.ts";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const requisition = await requireRequisition(params.id);
  const query = candidatesQueryFrom(request);
  const [candidates, saved] = await Promise.all([
    listCandidates(getPrisma(), requisition.id, query),
    getRequisitionWeights(getPrisma(), requisition.id),
  ]);
  const config = getConfig();
  return {
    requisition: { ...requisition, createdAt: requisition.createdAt.toISOString() },
    candidates: { ...candidates, rows: withLabels(candidates.rows) },
    weights: {
      version: saved?.version ?? 1,
      requirements: { mustHaveCount: saved?.weights.mustHave.length ?? 0, minYears: saved?.weights.minYears ?? null },
    },
    query,
    pageSizes: [...PAGE_SIZES],
    limits: { maxUploadBytes: config.MAX_UPLOAD_BYTES, maxFiles: config.MAX_FILES_PER_UPLOAD },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const requisition = await requireRequisition(params.id);
  const upload = await readResumeUploads(request);
  if (!upload.ok) {
    return data<UploadActionData>({ formError: upload.message, outcomes: [] }, { status: upload.status });
  }
  const outcomes = await intakeResumes(requisition.id, upload.files);
  return data<UploadActionData>({ formError: null, outcomes });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.requisition.title} · MLE Screening` : "Requisition · MLE Screening" },
];

export default function RequisitionPage() {
  const { requisition, candidates, weights, query, pageSizes, limits } = useLoaderData<typeof loader>();
  const { statusCounts } = candidates;
  const working = statusCounts.QUEUED + statusCounts.PROCESSING > 0;
  useLiveRevalidation(working);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/requisitions">Requisitions</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{requisition.title}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1 className="page-title" data-testid="requisition-title">
            {requisition.title}
          </h1>
          <p className="page-subtitle">
            {[requisition.team, requisition.location].filter(Boolean).join(" · ")}
            {requisition.team || requisition.location ? " · " : ""}
            created <RelativeTime iso={requisition.createdAt} />
          </p>
        </div>
        <Link to={`/requisitions/${requisition.id}/weights`} className="button" data-testid="tune-ranking">
          Tune ranking
        </Link>
      </div>
      {requisition.description ? (
        <details className="description">
          <summary>Role description</summary>
          <p>{requisition.description}</p>
        </details>
      ) : null}

      <UploadForm maxUploadBytes={limits.maxUploadBytes} maxFiles={limits.maxFiles} />

      <section className="card card--flush candidates" aria-labelledby="candidates-heading">
        <div className="card__header">
          <h2 id="candidates-heading" className="card__title">
            Candidates <span className="count">{candidates.total}</span>
          </h2>
          <ProgressSummary counts={statusCounts} live={working} />
        </div>
        {candidates.total === 0 ? (
          <EmptyState title="No résumés yet — upload PDFs, DOCX or TXT" testId="candidates-empty">
            <p>Use the upload form above; each résumé appears here right away and is scored in the background.</p>
          </EmptyState>
        ) : (
          <>
            <CandidatesTable
              rows={candidates.rows}
              weightsVersion={weights.version}
              requirements={weights.requirements}
              sort={query.sort}
              dir={query.dir}
              page={candidates.page}
              pageCount={candidates.pageCount}
              pageSize={candidates.pageSize}
            />
            <Pagination
              page={candidates.page}
              pageCount={candidates.pageCount}
              pageSize={candidates.pageSize}
              total={candidates.total}
              pageSizes={pageSizes}
              sort={query.sort}
              dir={query.dir}
            />
          </>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const isBadQuery = error && typeof error === "object" && "status" in error && error.status === 400;
  return (
    <ErrorPanel
      error={error}
      actions={
        <>
          {isBadQuery ? (
            <Link to={location.pathname} className="button button--primary" data-testid="reset-view">
              Reset view
            </Link>
          ) : null}
          <Link to="/requisitions" className="button">
            Back to requisitions
          </Link>
        </>
      }
    />
  );
}
