// "Role description": the requisition's job posting on its Settings tab, who added it and when,
// and the way to the draft of the ranking read from it (or to add one). Loads the posting from
// /requisitions/:id/posting, so the Settings page only renders it.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { RelativeTime } from "~/components/relative-time.tsx";
import type { loader as postingLoader } from "~/routes/requisitions.$id.posting.tsx";

export function RoleDescriptionCard({ requisitionId, canDraft }: { requisitionId: string; canDraft: boolean }) {
  const fetcher = useFetcher<typeof postingLoader>();
  const load = fetcher.load;
  useEffect(() => {
    load(`/requisitions/${requisitionId}/posting`);
  }, [load, requisitionId]);
  const posting = fetcher.data?.posting;
  const draftLink = `/requisitions/${requisitionId}/weights/from-posting`;
  return (
    <section
      className="card stack role-description"
      aria-labelledby="role-description-heading"
      data-testid="role-description"
    >
      <h2 id="role-description-heading" className="card__title">
        Role description
      </h2>
      {fetcher.data === undefined ? (
        <p className="muted small">Loading…</p>
      ) : posting ? (
        <>
          <p className="muted small" data-testid="role-description-source">
            {posting.fileName ? `From ${posting.fileName}` : "Pasted"}
            {posting.uploadedBy ? ` by ${posting.uploadedBy}` : ""}, <RelativeTime iso={posting.uploadedAt} />
          </p>
          <div className="role-description__text" tabIndex={0} aria-label="The job posting">
            {posting.text}
          </div>
          <p>
            <Link to={draftLink} className="button" data-testid="role-description-draft">
              {canDraft ? "Draft the ranking from it" : "See the ranking drafted from it"}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted small">No job posting yet.</p>
          {canDraft ? (
            <p>
              <Link to={draftLink} className="button" data-testid="role-description-add">
                Add the job posting
              </Link>
            </p>
          ) : (
            <p className="muted small">Hiring managers and admins add it, and draft the ranking from it.</p>
          )}
        </>
      )}
    </section>
  );
}
