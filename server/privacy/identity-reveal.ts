// Blind review, per person (issue 13, defect 6). Identity stays hidden until a candidate is
// shortlisted (blind-review.ts); two things keep it shown to one person after that:
//
// - **Seen once, stays seen.** When a person is shown a shortlisted candidate's identity under
//   blind review (candidate page, table, file download), it is recorded once, audited as
//   `application.identity_seen`. Moving the candidate back (Shortlisted → Screening) hides the
//   identity again from everyone else, but not from those who already saw it: hiding it would
//   pretend they never did.
// - **Reveal contact for this file.** A file that could not be read (status FAILED) under blind
//   review cannot be acted on: the recruiter must reach the person for another copy but cannot
//   tell who they are. A recruiter or admin may reveal that one application's identity to
//   themselves, giving a reason; audited as `application.identity_reveal` and listed on the
//   candidate page for the whole team (who, when, why).
//
// Both are audit entries (targetType "application", the person as actor): the audit log is the
// record, so there is nothing else to keep in step, and erasure scrubs them like any entry.
import { AppError } from "../errors/app-error.ts";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Db } from "../db/client.ts";
import type { Stage } from "../generated/prisma/enums.ts";
import { anonymousLabel } from "./blind-review.ts";

export const IDENTITY_SEEN_ACTION = "application.identity_seen";
export const IDENTITY_REVEAL_ACTION = "application.identity_reveal";
const REVEAL_ACTIONS = [IDENTITY_SEEN_ACTION, IDENTITY_REVEAL_ACTION];

export const MIN_REVEAL_REASON = 10;
export const MAX_REVEAL_REASON = 500;

/** Of `applicationIds`, those whose identity stays shown to `userId` (seen while shortlisted, or revealed). */
export async function revealedTo(
  db: Pick<Db, "auditEntry">,
  userId: string | null | undefined,
  applicationIds: readonly string[],
): Promise<Set<string>> {
  if (!userId || applicationIds.length === 0) return new Set();
  const entries = await db.auditEntry.findMany({
    where: {
      targetType: "application",
      targetId: { in: [...new Set(applicationIds)] },
      action: { in: REVEAL_ACTIONS },
      actorId: userId,
    },
    select: { targetId: true },
  });
  return new Set(entries.flatMap((entry) => (entry.targetId ? [entry.targetId] : [])));
}

export async function isRevealedTo(db: Pick<Db, "auditEntry">, userId: string | null | undefined, id: string) {
  return (await revealedTo(db, userId, [id])).has(id);
}

/**
 * Record that `actor` was shown these applications' identity because they are shortlisted under
 * blind review (once per person and application). Others are ignored.
 */
export async function recordIdentitySeen(
  db: Pick<Db, "auditEntry">,
  actor: AuditActor,
  applications: ReadonlyArray<{ id: string; requisitionId: string; stage: Stage; blindReview: boolean }>,
): Promise<void> {
  if (!actor.id) return;
  const shown = applications.filter((a) => a.blindReview && a.stage === "SHORTLISTED");
  if (shown.length === 0) return;
  const already = await revealedTo(
    db,
    actor.id,
    shown.map((a) => a.id),
  );
  for (const application of shown) {
    if (already.has(application.id)) continue;
    await recordAudit(db, actor, {
      action: IDENTITY_SEEN_ACTION,
      summary: `Identity of ${anonymousLabel(application.id)} shown while shortlisted (blind review); it stays shown to this person`,
      targetType: "application",
      targetId: application.id,
      requisitionId: application.requisitionId,
    });
  }
}

/** Why the reason is refused, or null. */
export function revealReasonError(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < MIN_REVEAL_REASON)
    return `Say why you need this candidate's contact (at least ${MIN_REVEAL_REASON} characters): the team sees it.`;
  if (trimmed.length > MAX_REVEAL_REASON) return `Keep the reason under ${MAX_REVEAL_REASON} characters.`;
  return null;
}

/**
 * "Reveal contact for this file": shows one failed application's identity to `actor` alone.
 * Refused (nothing written) unless blind review hides it from them and its file could not be read.
 */
export async function revealIdentity(
  db: Db,
  actor: AuditActor,
  input: { requisitionId: string; applicationId: string; reason: string; ip?: string | null },
): Promise<void> {
  const reasonError = revealReasonError(input.reason);
  if (reasonError) throw new AppError("invalid_input", reasonError);
  const application = await db.application.findUnique({
    where: { id: input.applicationId },
    select: {
      id: true,
      requisitionId: true,
      stage: true,
      status: true,
      requisition: { select: { blindReview: true } },
    },
  });
  if (!application || application.requisitionId !== input.requisitionId) {
    throw new AppError("not_found", "Candidate not found: this candidate is not part of this requisition.");
  }
  if (!application.requisition.blindReview || application.stage === "SHORTLISTED") {
    throw new AppError("conflict", "This candidate's identity is already shown: there is nothing to reveal.");
  }
  if (application.status !== "FAILED") {
    throw new AppError(
      "conflict",
      "Only a file that could not be read can be revealed: this résumé was read, so review it blind " +
        "and shortlist it to see who it is.",
    );
  }
  if (await isRevealedTo(db, actor.id, application.id)) {
    throw new AppError("conflict", "You already revealed this candidate's contact.");
  }
  await recordAudit(db, actor, {
    action: IDENTITY_REVEAL_ACTION,
    summary: `Contact of ${anonymousLabel(application.id)} revealed to ${actor.label} (blind review, unreadable file)`,
    targetType: "application",
    targetId: application.id,
    requisitionId: application.requisitionId,
    after: { reason: input.reason.trim() },
    ip: input.ip ?? null,
  });
}

export interface IdentityReveal {
  by: string;
  at: string;
  /** "revealed" (with a reason) or "seen" (while shortlisted). */
  kind: "revealed" | "seen";
  reason: string | null;
}

/** Who sees this candidate's identity beyond the shortlist rule, for the candidate page (whole team). */
export async function listIdentityReveals(
  db: Pick<Db, "auditEntry">,
  applicationId: string,
): Promise<IdentityReveal[]> {
  const entries = await db.auditEntry.findMany({
    where: { targetType: "application", targetId: applicationId, action: { in: REVEAL_ACTIONS } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorLabel: true, createdAt: true, after: true },
  });
  return entries.map((entry) => {
    const after = entry.after as { reason?: unknown } | null;
    return {
      by: entry.actorLabel,
      at: entry.createdAt.toISOString(),
      kind: entry.action === IDENTITY_REVEAL_ACTION ? "revealed" : "seen",
      reason: typeof after?.reason === "string" ? after.reason : null,
    };
  });
}

interface TableRow {
  id: string;
  stage: Stage;
  name: string | null;
  fileName: string | null;
  label: string;
  identityHidden: boolean;
}

/**
 * The table's rows for one viewer: rows blind review hides but this viewer keeps seeing get their
 * name and file name back, and shortlisted rows shown under blind review are recorded as seen.
 * (The search still matches names only where the shortlist rule shows them.)
 */
export async function rowsForViewer<Row extends TableRow>(
  db: Pick<Db, "auditEntry" | "application">,
  viewer: AuditActor,
  requisition: { id: string; blindReview: boolean },
  rows: readonly Row[],
): Promise<Row[]> {
  if (!requisition.blindReview) return [...rows];
  await recordIdentitySeen(
    db,
    viewer,
    rows.map((row) => ({ id: row.id, stage: row.stage, requisitionId: requisition.id, blindReview: true })),
  );
  const revealed = await revealedTo(
    db,
    viewer.id,
    rows.filter((row) => row.identityHidden).map((row) => row.id),
  );
  if (revealed.size === 0) return [...rows];
  const identities = await db.application.findMany({
    where: { id: { in: [...revealed] }, requisitionId: requisition.id },
    select: { id: true, displayName: true, resumeFile: { select: { originalName: true } } },
  });
  const byId = new Map(identities.map((row) => [row.id, row]));
  return rows.map((row) => {
    const identity = byId.get(row.id);
    if (!identity) return row;
    const name = identity.displayName;
    const fileName = identity.resumeFile.originalName;
    return { ...row, name, fileName, label: name ?? fileName, identityHidden: false };
  });
}
