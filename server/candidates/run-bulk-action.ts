// The candidates table's bulk actions: move the selected candidates (or every candidate matching
// the table's filters, "select all N matching") to a stage, or read failed résumés again.
// The route checks the session; this checks the role and membership again (through
// server/auth/authorise-requisition.ts, like every route), so no caller can skip them, resolves
// "all matching" by re-running the table's query on the server (never trusting a list of ids the
// browser made up), ignores ids of other requisitions, and caps one action at MAX_BULK_CANDIDATES.
import { z } from "zod";
import { actorOf } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import type { Role, Stage } from "../generated/prisma/enums.ts";
import { authoriseRequisition } from "../auth/authorise-requisition.ts";
import type { RequisitionPermission } from "../auth/permissions.ts";
import { STAGE_LABELS } from "../contract/vocabulary.ts";
import { AppError, isAppError } from "../errors/app-error.ts";
import type { RetryApplicationOutcome } from "../queue/retry-application.ts";
import { parseCandidatesQuery, type CandidatesQuery } from "./candidates-query.ts";
import { changeStage, MAX_STAGE_CHANGE_IDS, StageSchema } from "./change-stage.ts";
import { countCandidates, loadRankingContext, selectCandidateRows, type QueryFilters } from "./list-candidates.ts";
import { isRetryableFailure } from "./retryable-failures.ts";

/** Most candidates one bulk action touches (the same cap as one stage change). */
export const MAX_BULK_CANDIDATES = MAX_STAGE_CHANGE_IDS;

const scope = {
  /** "selected": the ids given; "matching": every candidate the table's view (search string) matches. */
  scope: z.enum(["selected", "matching"]),
  ids: z.array(z.string().min(1).max(64)).default([]),
  /** The table's search string ("?stage=NEW&sort=overall"), for scope "matching". */
  view: z.string().max(4_000).default(""),
};

export const BulkActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("stage"), toStage: StageSchema, ...scope }),
  z.object({ intent: z.literal("retry"), ...scope }),
]);

export type BulkActionResult =
  | {
      intent: "stage";
      toStage: Stage;
      /** Candidates the action was asked about (after resolving "all matching"). */
      requested: number;
      changed: number;
      unchanged: number;
      ignored: number;
      /** One sentence for the toast: "12 moved to Shortlisted · 3 already there". */
      message: string;
    }
  | {
      intent: "retry";
      requested: number;
      retried: number;
      /** Retried while Redis was unreachable: queued in the database, picked up by the reconciler. */
      queuedLater: number;
      /** Not failed (any more): left alone. */
      notFailed: number;
      /** Failed for a reason a retry cannot change (unsupported, encrypted, empty, no text): left alone. */
      needNewVersion: number;
      ignored: number;
      message: string;
    };

export interface BulkActor {
  id: string;
  email: string;
  role: Role;
}

export interface BulkActionDeps {
  db: Db;
  /** server/queue/retry-application.ts bound to the web process's queue. */
  retry: (applicationId: string) => Promise<RetryApplicationOutcome>;
}

const NEEDS: Record<"stage" | "retry", RequisitionPermission> = { stage: "stage", retry: "upload" };

/** Parses the form fields of the bulk route (repeated `id` fields, one `intent`). */
export function bulkActionInputFrom(form: FormData): z.infer<typeof BulkActionSchema> {
  const parsed = BulkActionSchema.safeParse({
    intent: form.get("intent"),
    toStage: form.get("toStage") ?? undefined,
    scope: form.get("scope") ?? "selected",
    ids: form.getAll("id").filter((value): value is string => typeof value === "string"),
    view: form.get("view") ?? "",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "");
    const message =
      field === "intent"
        ? "Unknown bulk action: intent must be stage or retry."
        : field === "toStage"
          ? `Unknown stage: pick one of ${Object.values(STAGE_LABELS).join(", ")}.`
          : `Invalid ${field || "request"}: ${issue.message}`;
    throw new AppError("invalid_input", message);
  }
  return parsed.data;
}

/** Existence, membership and role, decided by the one authorisation path (refusals are AppErrors). */
async function authorise(db: Db, actor: BulkActor, requisitionId: string, intent: "stage" | "retry"): Promise<void> {
  await authoriseRequisition(db, actor, requisitionId, NEEDS[intent]);
}

function viewQuery(view: string): CandidatesQuery {
  try {
    return parseCandidatesQuery(new URLSearchParams(view.startsWith("?") ? view.slice(1) : view));
  } catch (error) {
    if (isAppError(error)) throw new AppError("invalid_input", `The table's view is invalid: ${error.message}.`);
    throw error;
  }
}

const tooMany = (count: number) =>
  new AppError(
    "too_large",
    `${count.toLocaleString("en")} candidates: one bulk action takes at most ` +
      `${MAX_BULK_CANDIDATES.toLocaleString("en")}. Narrow the filters and try again.`,
  );

/** The application ids an action applies to, before they are checked against the requisition. */
async function resolveIds(
  db: Db,
  requisitionId: string,
  input: z.infer<typeof BulkActionSchema>,
  narrow?: (query: CandidatesQuery) => NarrowedQuery | null,
): Promise<string[]> {
  if (input.scope === "selected") {
    const ids = [...new Set(input.ids)];
    if (ids.length > MAX_BULK_CANDIDATES) throw tooMany(ids.length);
    return ids;
  }
  const viewed = viewQuery(input.view);
  const query = narrow ? narrow(viewed) : viewed;
  if (!query) return [];
  const context = await loadRankingContext(db, requisitionId);
  const count = await countCandidates(db, context, query.filters);
  if (count > MAX_BULK_CANDIDATES) throw tooMany(count);
  if (count === 0) return [];
  const rows = await selectCandidateRows(db, context, query, { offset: 0, limit: MAX_BULK_CANDIDATES });
  return rows.map((row) => row.id);
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

type NarrowedQuery = Omit<CandidatesQuery, "filters"> & { filters: QueryFilters };

/** Only the failed candidates of a view that a retry can help (none when the view filters failed ones out). */
function onlyFailed(query: CandidatesQuery): NarrowedQuery | null {
  const status = query.filters.status;
  if (status?.length && !status.includes("FAILED")) return null;
  return { ...query, filters: { ...query.filters, status: ["FAILED"], retryableFailuresOnly: true } };
}

export async function runBulkAction(
  deps: BulkActionDeps,
  actor: BulkActor,
  requisitionId: string,
  input: z.infer<typeof BulkActionSchema>,
  options: { ip?: string | null } = {},
): Promise<BulkActionResult> {
  const { db } = deps;
  await authorise(db, actor, requisitionId, input.intent);

  if (input.intent === "stage") {
    const ids = await resolveIds(db, requisitionId, input);
    const result = await changeStage(db, actorOf(actor), {
      requisitionId,
      applicationIds: ids,
      toStage: input.toStage,
      ip: options.ip ?? null,
    });
    const parts = [`${plural(result.changed, "candidate", "candidates")} moved to ${STAGE_LABELS[input.toStage]}`];
    if (result.unchanged > 0) parts.push(`${result.unchanged.toLocaleString("en")} already there`);
    if (result.ignored > 0) parts.push(`${plural(result.ignored, "id", "ids")} not in this requisition ignored`);
    return {
      intent: "stage",
      toStage: input.toStage,
      requested: ids.length,
      changed: result.changed,
      unchanged: result.unchanged,
      ignored: result.ignored,
      message: parts.join(" · "),
    };
  }

  const ids = await resolveIds(db, requisitionId, input, onlyFailed);
  // Only this requisition's applications; retryApplication itself knows nothing of requisitions.
  const inRequisition = ids.length
    ? await db.application.findMany({
        where: { requisitionId, id: { in: ids } },
        select: { id: true, status: true, failureCode: true },
      })
    : [];
  // Reading the same file again fails the same way for a permanent reason: those need a new
  // version from the candidate (the candidate page and the upload view offer it), not a retry.
  const isPermanent = (row: (typeof inRequisition)[number]) =>
    row.status === "FAILED" && !isRetryableFailure(row.failureCode);
  const permanent = inRequisition.filter(isPermanent);
  let retried = 0;
  let queuedLater = 0;
  let notFailed = 0;
  const retriedIds: string[] = [];
  // A few at a time: each retry is a row update plus a couple of Redis commands.
  const pending = inRequisition.filter((row) => !isPermanent(row)).map((row) => row.id);
  const workers = Array.from({ length: Math.min(8, pending.length) }, async () => {
    for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
      const outcome = await deps.retry(id);
      if (outcome.retried) {
        retried += 1;
        retriedIds.push(id);
        if (!outcome.enqueued) queuedLater += 1;
      } else {
        notFailed += 1;
      }
    }
  });
  await Promise.all(workers);
  if (retriedIds.length > 0) {
    await db.auditEntry.createMany({
      data: retriedIds.map((id) => ({
        actorId: actor.id,
        actorLabel: actor.email,
        action: "application.retry",
        summary: "Résumé queued to be read again after a failure",
        targetType: "application",
        targetId: id,
        requisitionId,
        ip: options.ip ?? null,
      })),
    });
  }
  const ignored = ids.length - inRequisition.length;
  const parts = [
    retried === 0 && (ids.length === 0 || permanent.length === inRequisition.length)
      ? "No failed résumés to retry"
      : `${plural(retried, "résumé", "résumés")} queued to be read again`,
  ];
  if (queuedLater > 0)
    parts.push(`the queue is unreachable, so ${queuedLater.toLocaleString("en")} will start when it is back`);
  if (permanent.length > 0)
    parts.push(
      `${plural(permanent.length, "file needs", "files need")} a new version (unsupported, encrypted, empty or no text: reading it again cannot help)`,
    );
  if (notFailed > 0) parts.push(`${notFailed.toLocaleString("en")} no longer failed`);
  if (ignored > 0) parts.push(`${plural(ignored, "id", "ids")} not in this requisition ignored`);
  return {
    intent: "retry",
    requested: ids.length,
    retried,
    queuedLater,
    notFailed,
    needNewVersion: permanent.length,
    ignored,
    message: parts.join(" · "),
  };
}
