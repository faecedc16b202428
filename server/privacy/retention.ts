// Retention: applications of requisitions closed longer than RETENTION_DAYS are erased (the same
// erasure as a request, attributed to "system"). Run hourly by the worker and by
// `npm run retention`; the admin's retention page shows what is due next.
import type { Db } from "../db/client.ts";
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from "../audit/record-audit.ts";
import { deleteOldLoginAttempts } from "../auth/login-rate-limit.ts";
import { deleteExpiredSessions } from "../auth/sessions.ts";
import { isAppError } from "../errors/app-error.ts";
import { eraseApplication } from "./erase-candidate.ts";

const DAY_MS = 86_400_000;

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Closed requisitions with applications, when each becomes due, and how many are due now. */
export async function retentionPreview(db: Db, options: { now?: Date; retentionDays: number }) {
  const now = options.now ?? new Date();
  const requisitions = await db.requisition.findMany({
    where: { status: "CLOSED", applications: { some: {} } },
    orderBy: [{ closedAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, closedAt: true, _count: { select: { applications: true } } },
  });
  const rows = requisitions.map((r) => {
    // A requisition closed without a date (older data) counts as closed when it was last seen closed: now.
    const closedAt = r.closedAt ?? now;
    const dueAt = new Date(closedAt.getTime() + options.retentionDays * DAY_MS);
    return {
      id: r.id,
      title: r.title,
      closedAt: r.closedAt,
      dueAt,
      applications: r._count.applications,
      due: dueAt <= now,
    };
  });
  return {
    now,
    retentionDays: options.retentionDays,
    dueNow: rows.filter((r) => r.due).reduce((sum, r) => sum + r.applications, 0),
    requisitions: rows,
  };
}

export interface RetentionRunResult {
  erased: number;
  requisitions: number;
  sessionsDeleted: number;
  loginAttemptsDeleted: number;
  /** More applications are due than one run erases; the next run goes on. */
  more: boolean;
}

/** Erases due applications (at most `batch` per run, each in its own transaction) and tidies sessions. */
export async function runRetention(
  db: Db,
  options: { now?: Date; retentionDays: number; batch?: number; actor?: AuditActor },
): Promise<RetentionRunResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const actor = options.actor ?? SYSTEM_ACTOR;
  const due = await db.application.findMany({
    where: { requisition: { status: "CLOSED", closedAt: { lte: retentionCutoff(now, options.retentionDays) } } },
    orderBy: { createdAt: "asc" },
    take: batch + 1,
    select: { id: true, requisitionId: true },
  });
  const toErase = due.slice(0, batch);
  const requisitions = new Set<string>();
  let erased = 0;
  for (const application of toErase) {
    try {
      await eraseApplication(db, application.id, actor, { reason: "retention" });
      erased += 1;
      requisitions.add(application.requisitionId);
    } catch (error) {
      // Erased meanwhile by someone else: nothing left to do for it.
      const notFound =
        (isAppError(error) && error.code === "not_found") || (error as { code?: string }).code === "P2025";
      if (!notFound) throw error;
    }
  }
  const sessionsDeleted = await deleteExpiredSessions(db, now);
  const loginAttemptsDeleted = await deleteOldLoginAttempts(db, now);
  if (erased > 0) {
    await recordAudit(db, actor, {
      action: "retention.run",
      summary:
        `Retention erased ${erased} application(s) of ${requisitions.size} requisition(s) ` +
        `closed more than ${options.retentionDays} days ago`,
      after: { erased, requisitionIds: [...requisitions], retentionDays: options.retentionDays },
    });
  }
  return { erased, requisitions: requisitions.size, sessionsDeleted, loginAttemptsDeleted, more: due.length > batch };
}
