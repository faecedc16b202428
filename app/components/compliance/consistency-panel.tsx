// The consistency check on the fairness report (issue 16): the latest run of the requisition —
// "N of M identical (100%)", its date, who started it, the scorer and weights versions, and each
// résumé that moved with the cue that moved it — and a button that starts a new run in the
// background. While a run is queued or running, its progress is polled from
// /compliance/consistency (state and counts only) and the report reloads once it is finished.
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ConsistencyRunView } from "@server/fairness/consistency-runs.ts";
import { plural } from "~/lib/format.ts";

/** What /compliance/consistency answers the report's polling: the state and counts, no result. */
export interface ConsistencyProgress {
  run: { id: string; status: ConsistencyRunView["status"]; checked: number; resumes: number } | null;
}

/** An outside auditor's usual pass bar; the product's goal is 100 %. */
const AUDITOR_BAR = 0.95;
const POLL_MS = 1_500;

const SCORE_NAMES = { production: "production", ml: "ML", overall: "overall" } as const;

/** Two decimals: a move smaller than the table's whole numbers still shows. */
const score = (value: number) => value.toFixed(2);

function when(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

function percent(share: number | null): string {
  if (share === null) return "—";
  const value = share * 100;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

function Verdict({ share }: { share: number | null }) {
  if (share === null) return null;
  if (share === 1) return <span className="badge consistency__verdict consistency__verdict--pass">Goal met</span>;
  return (
    <span className="badge consistency__verdict consistency__verdict--fail">
      {share >= AUDITOR_BAR ? "Below the 100% goal (above the usual 95% bar)" : "Below the usual 95% bar"}
    </span>
  );
}

/** Polls the run's progress while it is queued or running; reloads the report when it has finished. */
function useRunProgress(requisitionId: string, run: ConsistencyRunView | null) {
  const fetcher = useFetcher<ConsistencyProgress>();
  const revalidator = useRevalidator();
  const active = run !== null && (run.status === "queued" || run.status === "running");
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") load.current(`/compliance/consistency?requisition=${requisitionId}`);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, requisitionId]);
  const polled = fetcher.data?.run;
  const finished = active && polled?.id === run?.id && (polled?.status === "done" || polled?.status === "failed");
  const reloaded = useRef<string | null>(null);
  useEffect(() => {
    if (finished && reloaded.current !== run!.id && revalidator.state === "idle") {
      reloaded.current = run!.id;
      revalidator.revalidate();
    }
  }, [finished, run, revalidator]);
  return polled?.id === run?.id ? polled : null;
}

export function ConsistencyPanel({
  requisitionId,
  run,
  query,
}: {
  requisitionId: string;
  run: ConsistencyRunView | null;
  /** The report's own filters, so starting a run comes back to the same report. */
  query: Record<string, string>;
}) {
  const start = useFetcher<{ title?: string; message?: string }>();
  const progress = useRunProgress(requisitionId, run);
  const active = run !== null && (run.status === "queued" || run.status === "running");
  const starting = start.state !== "idle";
  const startError = start.state === "idle" ? start.data?.message : undefined;
  const checked = progress?.checked ?? run?.checked ?? 0;
  const resumes = progress?.resumes || run?.resumes || 0;

  return (
    <section
      className="card consistency"
      id="consistency"
      aria-labelledby="consistency-title"
      data-testid="consistency"
    >
      <div className="consistency__head">
        <h2 className="section-title" id="consistency-title">
          Consistency check
        </h2>
        <start.Form method="post" action="/compliance/consistency">
          <input type="hidden" name="requisitionId" value={requisitionId} />
          {Object.entries(query).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            className="button button--primary"
            disabled={active || starting}
            data-testid="consistency-start"
          >
            {active ? "Check running…" : starting ? "Starting…" : run ? "Run the check again" : "Run the check"}
          </button>
        </start.Form>
      </div>
      <p className="muted consistency__what">
        Every stored résumé of this requisition is scored again with its identity cues swapped: the name (15 names
        across genders and ethnicities), pronouns (he, she, they) and gendered words (fraternity/sorority,
        chairman/chairwoman, …). A résumé counts as identical when its production, ML and overall scores all stay
        exactly the same under every swap. The goal is 100%; an outside auditor&rsquo;s usual bar is 95%. It runs in the
        background.
      </p>
      {startError ? (
        <p className="form-error" role="alert" data-testid="consistency-start-error">
          {startError}
        </p>
      ) : null}
      <div role="status" aria-live="polite" data-testid="consistency-state">
        {run === null ? (
          <p className="consistency__empty">Not run yet for this requisition.</p>
        ) : active ? (
          <div className="consistency__running" data-testid="consistency-running">
            <p>
              {run.status === "queued" && (progress?.status ?? "queued") === "queued"
                ? "Queued: the check starts as soon as a worker is free."
                : `Running: ${checked} of ${plural(resumes, "résumé")} checked.`}
            </p>
            <progress max={Math.max(resumes, 1)} value={checked} aria-label="Résumés checked" />
          </div>
        ) : run.status === "failed" ? (
          <p className="form-error" data-testid="consistency-failed">
            The check of {when(run.createdAt)} did not finish: {run.error ?? "unknown reason"}
          </p>
        ) : (
          <div className="consistency__result">
            <p className="consistency__headline" data-testid="consistency-result">
              <strong>
                {run.identical} of {plural(run.resumes, "résumé")} identical ({percent(run.shareIdentical)})
              </strong>{" "}
              <Verdict share={run.shareIdentical} />
            </p>
            <p className="muted consistency__meta" data-testid="consistency-meta">
              Run {when(run.finishedAt ?? run.createdAt)}
              {run.startedBy ? ` by ${run.startedBy}` : ""} · {plural(run.variants, "variant")} scored · scorer{" "}
              {run.scorerVersion} · weights version {run.weightsVersion}
              {run.skipped > 0 ? ` · ${plural(run.skipped, "application")} without a readable résumé not checked` : ""}
            </p>
          </div>
        )}
      </div>
      {run?.status === "done" && run.moved.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Résumés whose scores moved">
          <table className="data-table consistency__moved" data-testid="consistency-moved">
            <caption>Résumés whose scores moved, with the cue that moved them</caption>
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Cue</th>
                <th scope="col">Scores that moved</th>
              </tr>
            </thead>
            <tbody>
              {run.moved.flatMap((resume) =>
                resume.cues.map((cue, index) => (
                  <tr key={`${resume.applicationId}-${index}`} data-testid="consistency-moved-row">
                    {index === 0 ? (
                      <th scope="row" rowSpan={resume.cues.length} className="consistency__app">
                        <code>{resume.applicationId}</code>
                      </th>
                    ) : null}
                    <td>{cue.description}</td>
                    <td>
                      {cue.moved
                        .map(
                          (name) => `${SCORE_NAMES[name]} ${score(resume.original[name])} → ${score(cue.scores[name])}`,
                        )
                        .join("; ")}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
