// The candidate page's duplicates card (issue 14, item 7): applications of this requisition that
// share this one's e-mail, phone or file, with "Merge into this candidate" and "Keep both" for
// those allowed (both post to ./duplicates and are audited); files merged into this candidate from
// a duplicate, downloadable; and "Also applied to" other requisitions the viewer is a member of.
// Everything arrives filtered for blind review (server/candidates/duplicates.ts): hidden
// candidates carry neutral labels, no file names and no links to other requisitions.
import { Link, useFetcher } from "@remix-run/react";
import type { CandidateDuplicates } from "@server/candidates/duplicates.ts";
import { duplicateReasonWords, duplicateSentence, shortDay } from "~/components/duplicate-chip.tsx";
import { StageBadge } from "~/components/stage-badge.tsx";
import { formatBytes } from "~/lib/format.ts";
import type { DuplicateActionData } from "~/routes/requisitions.$id.candidates.$applicationId_.duplicates.tsx";

export function DuplicatesPanel({
  duplicates,
  requisitionId,
  applicationId,
  canResolve,
  canDownload,
}: {
  duplicates: CandidateDuplicates;
  requisitionId: string;
  applicationId: string;
  canResolve: boolean;
  canDownload: boolean;
}) {
  const fetcher = useFetcher<DuplicateActionData>({ key: `duplicates-${applicationId}` });
  const { inRequisition, elsewhere, mergedFiles } = duplicates;
  if (inRequisition.length === 0 && elsewhere.length === 0 && mergedFiles.length === 0) return null;
  const base = `/requisitions/${requisitionId}/candidates/${applicationId}`;
  const busy = fetcher.state !== "idle";
  const open = inRequisition.filter((match) => !match.keptBoth);
  const kept = inRequisition.filter((match) => match.keptBoth);

  return (
    <section className="card duplicates" id="duplicates" aria-labelledby="duplicates-heading" data-testid="duplicates">
      <h2 id="duplicates-heading" className="card__title">
        {open.length > 0 ? "Possible duplicate" : "Other applications and files"}
      </h2>
      {open.length > 0 ? (
        <ul className="duplicates__list">
          {open.map((match) => (
            <li key={match.flagId} className="duplicates__item" data-testid="duplicate-match">
              <p className="duplicates__sentence">
                {duplicateSentence(match)}.{" "}
                <Link to={`/requisitions/${requisitionId}/candidates/${match.otherId}`}>Open that candidate</Link>
              </p>
              {canResolve ? (
                <fetcher.Form method="post" action={`${base}/duplicates`} className="duplicates__actions">
                  <input type="hidden" name="otherId" value={match.otherId} />
                  <button
                    type="submit"
                    name="intent"
                    value="merge"
                    className="button button--small button--primary"
                    disabled={busy}
                    data-testid="merge-duplicate"
                  >
                    Merge into this candidate
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="keep"
                    className="button button--small"
                    disabled={busy}
                    data-testid="keep-both"
                  >
                    Keep both
                  </button>
                  <span className="muted small">
                    Merging keeps this candidate&apos;s scores and stage, both files, and the notes and stage history of
                    both.
                  </span>
                </fetcher.Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {fetcher.data ? (
        <p
          className={fetcher.data.ok ? "alert alert--success small" : "field__error"}
          role={fetcher.data.ok ? "status" : "alert"}
          data-testid="duplicate-result"
        >
          {fetcher.data.ok ? fetcher.data.message : fetcher.data.error}
        </p>
      ) : null}
      {kept.length > 0 ? (
        <p className="muted small" data-testid="kept-both">
          Kept as separate candidates:{" "}
          {kept.map((match, index) => (
            <span key={match.flagId}>
              {index > 0 ? ", " : ""}
              <Link to={`/requisitions/${requisitionId}/candidates/${match.otherId}`}>{match.label}</Link> (
              {duplicateReasonWords(match.reasons)})
            </span>
          ))}
        </p>
      ) : null}

      {mergedFiles.length > 0 ? (
        <div className="duplicates__group">
          <h3 className="duplicates__subtitle">Files merged into this candidate</h3>
          <ul className="duplicates__files" data-testid="merged-files">
            {mergedFiles.map((file) => (
              <li key={file.id}>
                {canDownload && file.fileName ? (
                  <a href={`${base}/file?file=${encodeURIComponent(file.id)}`} download>
                    {file.fileName}
                  </a>
                ) : (
                  <span>{file.fileName ?? "File hidden (blind review)"}</span>
                )}{" "}
                <span className="muted small">
                  {file.type ?? "file"} · {formatBytes(file.sizeBytes)} · uploaded {shortDay(file.uploadedAt)}, merged{" "}
                  {shortDay(file.mergedAt)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {elsewhere.length > 0 ? (
        <div className="duplicates__group">
          <h3 className="duplicates__subtitle">Also applied to</h3>
          <ul className="duplicates__elsewhere" data-testid="also-applied">
            {elsewhere.map((other) => (
              <li key={other.applicationId}>
                {other.linkable ? (
                  <Link to={`/requisitions/${other.requisitionId}/candidates/${other.applicationId}`}>
                    {other.requisitionTitle}
                  </Link>
                ) : (
                  <span>{other.requisitionTitle}</span>
                )}{" "}
                <StageBadge stage={other.stage} />{" "}
                <span className="muted small">
                  as {other.label}, {shortDay(other.appliedAt)}
                </span>
              </li>
            ))}
          </ul>
          {elsewhere.some((other) => !other.linkable) ? (
            <p className="muted small">Names and links are hidden here while blind review hides this candidate.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
