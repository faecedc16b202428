// A requisition's recent uploads with their progress. The upload form on the requisition page
// loads this route's data (through a fetcher) to show the uploads still being read.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BatchProgressBar, progressWords } from "~/components/batch-progress.tsx";
import { EmptyState } from "~/components/empty-state.tsx";
import { RelativeTime } from "~/components/relative-time.tsx";
import { requireRequisitionAccess } from "~/lib/auth.server.ts";
import { plural } from "~/lib/format.ts";
import { getRecentBatches } from "~/lib/intake.server.ts";
import { useLiveRevalidation } from "~/lib/use-live-revalidation.ts";
import type { BreadcrumbHandle } from "~/components/breadcrumbs.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requisition } = await requireRequisitionAccess(request, params.id, "view");
  const batches = await getRecentBatches(requisition.id);
  return {
    requisition: { id: requisition.id, title: requisition.title },
    batches: batches.map((batch) => ({ ...batch, createdAt: batch.createdAt.toISOString() })),
  };
}

export const handle: BreadcrumbHandle = {
  breadcrumb: (match) => ({ label: "Uploads", to: match.pathname }),
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `Uploads · ${loaderData.requisition.title} · MLE Screening` : "Uploads · MLE Screening" },
];

export default function UploadsPage() {
  const { requisition, batches } = useLoaderData<typeof loader>();
  useLiveRevalidation(
    batches.some((batch) => batch.counts.pending > 0),
    3_000,
  );
  return (
    <>
      <div className="page-header">
        <h1 className="page-title">Uploads</h1>
        <Link to={`/requisitions/${requisition.id}`} className="button">
          ← Back to candidates
        </Link>
      </div>
      <section className="card card--flush" aria-label="Recent uploads">
        {batches.length === 0 ? (
          <EmptyState title="No uploads yet">
            <p>Upload résumés or a ZIP archive from the requisition page; each upload is listed here.</p>
          </EmptyState>
        ) : (
          <ul className="file-list">
            {batches.map((batch) => (
              <li key={batch.id} className="file-list__item batch-row" data-testid="batch-row">
                <div className="file-list__name">
                  <span className="file-list__file">
                    {plural(batch.fileCount, "file")} · <RelativeTime iso={batch.createdAt} />
                  </span>
                  <span className="file-list__archive">
                    {batch.createdBy ? `by ${batch.createdBy}` : ""}
                    {batch.refusedCount > 0 ? ` · ${batch.refusedCount} refused` : ""}
                  </span>
                </div>
                <div className="batch-row__bar">
                  <BatchProgressBar
                    counts={batch.counts}
                    size="small"
                    label={`Upload of ${plural(batch.fileCount, "file")}`}
                  />
                </div>
                <p className="file-list__reason small muted">
                  {batch.counts.pending > 0 ? <span className="live-dot" aria-hidden="true" /> : null}
                  {progressWords(batch.counts)}
                  {batch.counts.FAILED > 0 ? ` · ${batch.counts.FAILED} failed` : ""}
                </p>
                <div className="file-list__action">
                  <Link
                    to={batch.id}
                    className="button button--small button--ghost"
                    aria-label={`Progress of the upload of ${plural(batch.fileCount, "file")}`}
                  >
                    View progress →
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-panel.tsx";
