// The requisition's uploads still being read, under the upload form: a small bar each and a link
// to its progress view. Loaded from the uploads route by a fetcher, so the requisition page's
// own loader stays as it is; the page's live refresh revalidates it while résumés are read.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import type { loader as uploadsLoader } from "~/routes/requisitions.$id.uploads._index.tsx";
import { plural } from "~/lib/format.ts";
import { BatchProgressBar, progressWords } from "./batch-progress.tsx";
import { RelativeTime } from "./relative-time.tsx";

const SHOWN = 3;

export function ActiveUploads({ requisitionId }: { requisitionId: string }) {
  const fetcher = useFetcher<typeof uploadsLoader>();
  const url = `/requisitions/${requisitionId}/uploads`;

  const { load } = fetcher;
  useEffect(() => {
    // Load once per requisition (load is stable); later refreshes come with the page's revalidation.
    load(url);
  }, [load, url]);

  const active = (fetcher.data?.batches ?? []).filter((batch) => batch.counts.pending > 0).slice(0, SHOWN);
  if (active.length === 0) return null;
  return (
    <div className="active-uploads" data-testid="active-uploads">
      <p className="active-uploads__title">
        Uploads being read{" "}
        <Link to={url} className="small">
          See all uploads
        </Link>
      </p>
      <ul className="active-uploads__list">
        {active.map((batch) => (
          <li key={batch.id} className="active-uploads__item">
            <Link to={`${url}/${batch.id}`} className="active-uploads__link" data-testid="active-upload">
              {plural(batch.fileCount, "file")} · <RelativeTime iso={batch.createdAt} />
            </Link>
            <BatchProgressBar
              counts={batch.counts}
              size="small"
              label={`Upload of ${plural(batch.fileCount, "file")}`}
            />
            <span className="small muted">{progressWords(batch.counts)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
