// The one authorisation path for everything done on a requisition: routes (app/lib/auth.server.ts)
// and domain actions that re-check on their own (bulk actions) both call authoriseRequisition, so
// the decision and the words of a refusal exist once. Who may do what is server/auth/permissions.ts.
import type { Db } from "../db/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { AppError } from "../errors/app-error.ts";
import { needsMembership, roleAllows, type GlobalPermission, type RequisitionPermission } from "./permissions.ts";

/** "Your role cannot …": one phrase per permission, used by every refusal. */
const PERMISSION_WORDS: Record<RequisitionPermission | GlobalPermission, string> = {
  view: "see this requisition",
  upload: "upload or retry résumés on this requisition",
  stage: "change candidates' stages",
  notes: "write notes",
  export: "export candidates",
  download: "download original files",
  weights: "change this requisition's ranking weights",
  edit: "edit this requisition",
  erase: "erase candidates",
  "requisition.create": "create requisitions",
  "users.manage": "manage users",
  "audit.read": "read the audit log",
  "retention.manage": "manage data retention",
  "queue.dashboard": "open the queue dashboard",
  "fairness.read": "see the fairness screens",
};

/** The refusals, worded once. */
export const REFUSAL = {
  requisitionNotFound: "This requisition does not exist. It may have been deleted, or the link is incomplete.",
  notMember: "You are not a member of this requisition. Ask an admin to add you to it.",
  role: (permission: RequisitionPermission | GlobalPermission) => `Your role cannot ${PERMISSION_WORDS[permission]}.`,
} as const;

export interface Actor {
  id: string;
  role: Role;
}

/** What a requisition's pages show about it (the shell's header) and what the ranking needs. */
const REQUISITION_FIELDS = {
  id: true,
  title: true,
  team: true,
  location: true,
  description: true,
  status: true,
  blindReview: true,
  createdAt: true,
  weights: true,
  weightsVersion: true,
} as const;

export interface RequisitionAccess {
  requisition: {
    id: string;
    title: string;
    team: string | null;
    location: string | null;
    description: string | null;
    status: "OPEN" | "CLOSED";
    blindReview: boolean;
    createdAt: Date;
    weights: unknown;
    weightsVersion: number;
  };
  /** Listed as a member (admins see every requisition without being listed). */
  member: boolean;
}

/** A global permission (admin pages, creating requisitions): throws AppError forbidden. */
export function authoriseGlobal(actor: Actor, permission: GlobalPermission): void {
  if (!roleAllows(actor.role, permission)) throw new AppError("forbidden", REFUSAL.role(permission));
}

/** Reads the requisition and the actor's membership (one query). null when it does not exist. */
export async function loadRequisitionAccess(
  db: Db,
  actor: Actor,
  requisitionId: string,
): Promise<RequisitionAccess | null> {
  const row = await db.requisition.findUnique({
    where: { id: requisitionId },
    select: { ...REQUISITION_FIELDS, members: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!row) return null;
  const { members, ...requisition } = row;
  return { requisition, member: members.length > 0 };
}

/**
 * Decides `permission` on a loaded requisition: AppError not_found when it does not exist,
 * forbidden when the actor is not a member (and needs to be) or their role does not allow it.
 */
export function decideRequisition(
  actor: Actor,
  access: RequisitionAccess | null,
  permission: RequisitionPermission,
): RequisitionAccess {
  if (!access) throw new AppError("not_found", REFUSAL.requisitionNotFound);
  if (needsMembership(actor.role) && !access.member) throw new AppError("forbidden", REFUSAL.notMember);
  if (!roleAllows(actor.role, permission)) throw new AppError("forbidden", REFUSAL.role(permission));
  return access;
}

/** loadRequisitionAccess + decideRequisition. */
export async function authoriseRequisition(
  db: Db,
  actor: Actor,
  requisitionId: string,
  permission: RequisitionPermission,
): Promise<RequisitionAccess> {
  return decideRequisition(actor, await loadRequisitionAccess(db, actor, requisitionId), permission);
}

/** What the actor's role may do on a requisition they can see, for showing or hiding controls. */
export function requisitionAbilities(actor: Actor): Record<RequisitionPermission, boolean> {
  const keys = Object.keys(PERMISSION_WORDS).filter((k) => !k.includes(".")) as RequisitionPermission[];
  return Object.fromEntries(keys.map((k) => [k, roleAllows(actor.role, k)])) as Record<RequisitionPermission, boolean>;
}
