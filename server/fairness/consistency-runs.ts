// Consistency runs (issue 16, item 4): a compliance user or an admin starts the check for one
// requisition; a ConsistencyRun row is written (queued) with its audit entry in one transaction,
// then the background job is enqueued (run-consistency-check.ts does the work in the worker).
// When the job queue is unreachable the run is marked failed with that reason at once, so a run
// never waits forever for a job that does not exist. The report shows the latest run of a
// requisition through `consistencyRunView`: counts, share identical, each résumé that moved (its
// application id and the cue that moved it), never résumé text or names.
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import { AppError, isAppError } from "../errors/app-error.ts";
import type { ConsistencyRun, User } from "../generated/prisma/client.ts";
import { SCREENING_VERSION } from "../screening/screening-version.ts";
import type { CheckedScore, Scores } from "./check-consistency.ts";
import type { CueKind } from "./identity-variants.ts";

/** A queued or running run whose row has not moved for this long was abandoned (its worker or job is gone). */
export const ABANDONED_AFTER_MS = 15 * 60 * 1000;

export type ConsistencyRunStatus = "queued" | "running" | "done" | "failed";

export interface MovedCue {
  kind: CueKind;
  /** "name → Lakisha Washington", "pronouns → she/her", … */
  description: string;
  /** The scores that moved, and the variant's scores. */
  moved: CheckedScore[];
  scores: Scores;
}

export interface MovedResume {
  applicationId: string;
  original: Scores;
  cues: MovedCue[];
}

export interface ConsistencyRunView {
  id: string;
  requisitionId: string;
  status: ConsistencyRunStatus;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Résumés with a stored text (M), checked so far, identical (N), variants scored, applications without text. */
  resumes: number;
  checked: number;
  identical: number;
  variants: number;
  skipped: number;
  /** N / M once done; null before, or with nothing to check. */
  shareIdentical: number | null;
  moved: MovedResume[];
  scorerVersion: string;
  weightsVersion: number;
  error: string | null;
}

/** The moved list as stored (ConsistencyRun.moved): see run-consistency-check.ts. */
export function movedFromJson(json: unknown): MovedResume[] {
  return Array.isArray(json) ? (json as MovedResume[]) : [];
}

export function consistencyRunView(run: ConsistencyRun & { startedBy: Pick<User, "name"> | null }): ConsistencyRunView {
  return {
    id: run.id,
    requisitionId: run.requisitionId,
    status: run.status.toLowerCase() as ConsistencyRunStatus,
    startedBy: run.startedBy?.name ?? null,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    resumes: run.resumes,
    checked: run.checked,
    identical: run.identical,
    variants: run.variants,
    skipped: run.skipped,
    shareIdentical: run.shareIdentical,
    moved: movedFromJson(run.moved),
    scorerVersion: run.scorerVersion,
    weightsVersion: run.weightsVersion,
    error: run.error,
  };
}

/** The latest run of a requisition (any state), or null when none was started. */
export async function latestConsistencyRun(db: Db, requisitionId: string): Promise<ConsistencyRunView | null> {
  const run = await db.consistencyRun.findFirst({
    where: { requisitionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { startedBy: { select: { name: true } } },
  });
  return run ? consistencyRunView(run) : null;
}

/** Marks a run failed with a reason the compliance user can read (unless it already finished). */
export async function markConsistencyRunFailed(db: Db, runId: string, reason: string): Promise<void> {
  await db.consistencyRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: reason.slice(0, 500), finishedAt: new Date() },
  });
}

export interface StartOptions {
  /** Adds the background job; throws (an `unavailable` AppError) when the queue is unreachable. */
  enqueue: (runId: string) => Promise<void>;
  ip?: string | null;
  now?: Date;
}

/**
 * Starts a consistency check of a requisition: refuses (409) while another run of it is queued or
 * running, writes the queued run and its audit entry together, then enqueues the job. When the
 * queue is unreachable the run is marked failed and an `unavailable` AppError says so.
 */
export async function startConsistencyRun(
  db: Db,
  actor: AuditActor,
  requisitionId: string,
  options: StartOptions,
): Promise<ConsistencyRunView> {
  const now = options.now ?? new Date();
  const requisition = await db.requisition.findUnique({
    where: { id: requisitionId },
    select: { id: true, title: true, weightsVersion: true },
  });
  if (!requisition) throw new AppError("not_found", "This requisition does not exist.");

  const active = await db.consistencyRun.findFirst({
    where: { requisitionId, status: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
  });
  if (active && now.getTime() - active.updatedAt.getTime() < ABANDONED_AFTER_MS) {
    throw new AppError(
      "conflict",
      "A consistency check of this requisition is already running: its result shows here when it is done.",
    );
  }
  if (active) {
    await markConsistencyRunFailed(db, active.id, "Abandoned: no progress for 15 minutes (the worker stopped?).");
  }

  const run = await db.$transaction(async (tx) => {
    const created = await tx.consistencyRun.create({
      data: {
        requisitionId,
        startedById: actor.id,
        scorerVersion: SCREENING_VERSION,
        weightsVersion: requisition.weightsVersion,
      },
      include: { startedBy: { select: { name: true } } },
    });
    await recordAudit(tx, actor, {
      action: "fairness.consistency.start",
      summary: `Started the consistency check of ${requisition.title}`,
      targetType: "consistency_run",
      targetId: created.id,
      requisitionId,
      after: { scorerVersion: SCREENING_VERSION, weightsVersion: requisition.weightsVersion },
      ip: options.ip ?? null,
    });
    return created;
  });

  try {
    await options.enqueue(run.id);
  } catch (error) {
    const reason = isAppError(error) && error.code === "unavailable" ? error.message : "the job could not be queued";
    await markConsistencyRunFailed(db, run.id, `Not started: ${reason}. Nothing was checked; try again.`);
    throw new AppError(
      "unavailable",
      "The job queue is unreachable, so the consistency check could not start. Nothing was checked; try again in a minute.",
      { cause: error },
    );
  }
  return consistencyRunView(run);
}

/** Records that someone saw a run's result (the report shows the latest run). */
export async function auditConsistencyView(
  db: Db,
  actor: AuditActor,
  run: ConsistencyRunView,
  how: { export?: "csv" | "json"; ip?: string | null },
): Promise<void> {
  await recordAudit(db, actor, {
    action: how.export ? "fairness.consistency.export" : "fairness.consistency.view",
    summary: `${how.export ? `Exported (${how.export.toUpperCase()})` : "Viewed"} the consistency check of ${run.createdAt.slice(0, 10)} (${run.status})`,
    targetType: "consistency_run",
    targetId: run.id,
    requisitionId: run.requisitionId,
    after: { status: run.status, resumes: run.resumes, identical: run.identical },
    ip: how.ip ?? null,
  });
}
