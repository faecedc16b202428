// The ranking editor's note on where its weights came from: the way to draft them from the job
// posting, and the saved versions (newest first), each set in the editor or drafted from the
// posting and accepted by whom. Loads its data from /requisitions/:id/weights/versions, so the
// editor only renders it.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { RelativeTime } from "~/components/relative-time.tsx";
import type { loader as versionsLoader } from "~/routes/requisitions.$id.weights_.versions.tsx";

export function WeightsOrigin({ requisitionId, version }: { requisitionId: string; version: number }) {
  const fetcher = useFetcher<typeof versionsLoader>();
  const load = fetcher.load;
  useEffect(() => {
    load(`/requisitions/${requisitionId}/weights/versions`);
  }, [load, requisitionId, version]);
  const versions = fetcher.data?.versions ?? [];
  const current = versions.find((entry) => entry.version === version);
  return (
    <div className="weights-origin" data-testid="weights-origin">
      <Link
        to={`/requisitions/${requisitionId}/weights/from-posting`}
        className="button button--small"
        data-testid="draft-from-posting"
      >
        Draft from the job posting
      </Link>
      {current?.origin === "posting" && current.review ? (
        <p className="small" data-testid="weights-provenance">
          Version {current.version} was drafted from the job posting
          {current.review.postingFileName ? ` (${current.review.postingFileName})` : ""}
          {current.savedBy ? ` and accepted by ${current.savedBy}` : ""}, <RelativeTime iso={current.createdAt} />:{" "}
          {current.review.accepted} suggestions accepted, {current.review.rejected.length} rejected.
        </p>
      ) : null}
      {versions.length > 1 ? (
        <details className="weights-origin__history">
          <summary className="small">Version history</summary>
          <ol className="weights-origin__list small" data-testid="weights-history">
            {versions.map((entry) => (
              <li key={entry.version}>
                v{entry.version} · {entry.origin === "posting" ? "drafted from the job posting" : "set in the editor"}
                {entry.savedBy
                  ? ` · ${entry.origin === "posting" ? "accepted" : "saved"} by ${entry.savedBy}`
                  : ""} · <RelativeTime iso={entry.createdAt} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
