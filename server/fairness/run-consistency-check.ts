// The work of one consistency run (issue 16, item 4), done by the worker's consistency-check job:
// every stored résumé text of the requisition (ResumeAnalysis.text) is re-scored with its identity
// cues swapped (checkConsistency, pure) under the requisition's current weights, and the run row
// gets the counts, the share identical and each résumé that moved with the cue that moved it.
// Progress is written every batch, so the report shows "checked k of M" while it runs. A job that
// is delivered again (a retry after a database outage, a stalled worker) starts the count over; a
// run that already finished is left alone. Applications without a stored text (failed, not read
// yet) have nothing to check and are counted as skipped.
import { setImmediate as nextTick } from "node:timers/promises";
import type { Db } from "../db/client.ts";
import { weightsFromJson } from "../ranking/weights-from-json.ts";
import { checkConsistency, summariseConsistency, type ConsistencyOptions } from "./check-consistency.ts";
import type { MovedResume } from "./consistency-runs.ts";

export interface RunConsistencyOptions {
  /** The date the scorer measures experience to (the run's start by default). */
  now?: Date;
  /** Résumés read from PostgreSQL at a time (and progress written after each batch). */
  batchSize?: number;
  /** The scorer under test (tests pass a biased one); the screening scorer by default. */
  score?: ConsistencyOptions["score"];
}

export type RunConsistencyOutcome =
  { outcome: "done"; resumes: number; identical: number; variants: number } | { outcome: "missing" | "finished" };

export async function runConsistencyCheck(
  db: Db,
  runId: string,
  options: RunConsistencyOptions = {},
): Promise<RunConsistencyOutcome> {
  const run = await db.consistencyRun.findUnique({
    where: { id: runId },
    select: { status: true, requisition: { select: { id: true, weights: true, weightsVersion: true } } },
  });
  // Deleted with its requisition, or already finished (a duplicate delivery): nothing to do.
  if (!run) return { outcome: "missing" };
  if (run.status === "DONE" || run.status === "FAILED") return { outcome: "finished" };

  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 25;
  const requisitionId = run.requisition.id;
  const weights = weightsFromJson(run.requisition.weights);
  const withText = { application: { requisitionId }, text: { not: "" } };
  const [applications, resumes] = await Promise.all([
    db.application.count({ where: { requisitionId } }),
    db.resumeAnalysis.count({ where: withText }),
  ]);
  await db.consistencyRun.update({
    where: { id: runId },
    data: {
      status: "RUNNING",
      startedAt: now,
      weightsVersion: run.requisition.weightsVersion,
      resumes,
      skipped: applications - resumes,
      checked: 0,
      identical: 0,
      variants: 0,
      moved: [],
      error: null,
    },
  });

  let checked = 0;
  let identical = 0;
  let variants = 0;
  const moved: MovedResume[] = [];
  let cursor: string | null = null;
  for (;;) {
    const batch: Array<{ applicationId: string; text: string }> = await db.resumeAnalysis.findMany({
      where: withText,
      select: { applicationId: true, text: true },
      orderBy: { applicationId: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { applicationId: cursor }, skip: 1 } : {}),
    });
    if (batch.length === 0) break;
    const results = [];
    for (const { applicationId, text } of batch) {
      const result = checkConsistency(text, { now, weights, score: options.score });
      variants += result.variants.length;
      results.push({ id: applicationId, result });
      // Let BullMQ renew the job's lock (and the worker answer health checks) between résumés.
      await nextTick();
    }
    const summary = summariseConsistency(results);
    checked += summary.resumes;
    identical += summary.identical;
    moved.push(
      ...summary.moved.map(({ id, original, variants: cues }) => ({
        applicationId: id,
        original,
        cues: cues.map(({ cue, scores, moved: which }) => ({
          kind: cue.kind,
          description: cue.description,
          moved: which,
          scores,
        })),
      })),
    );
    cursor = batch.at(-1)!.applicationId;
    // If the run was marked failed meanwhile (abandoned, then restarted by someone), stop writing to it.
    const progress = await db.consistencyRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { checked, identical, variants },
    });
    if (progress.count === 0) return { outcome: "finished" };
  }

  await db.consistencyRun.updateMany({
    where: { id: runId, status: "RUNNING" },
    data: {
      status: "DONE",
      // Résumés can arrive while the run reads; the counts are of what it checked.
      resumes: checked,
      checked,
      identical,
      variants,
      shareIdentical: checked ? identical / checked : null,
      moved: moved as unknown as object[],
      finishedAt: new Date(),
    },
  });
  return { outcome: "done", resumes: checked, identical, variants };
}
