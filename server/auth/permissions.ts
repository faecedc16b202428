// Who may do what. The single source of truth for every loader and action (app/lib/auth.server.ts)
// and for the role-matrix test. Recruiters and hiring managers act only on requisitions they are
// members of; admins act on everything.
import type { Role } from "../generated/prisma/enums.ts";

/** Actions on one requisition and its applications. */
export type RequisitionPermission =
  /** See the requisition, its table, plot and candidate pages. */
  | "view"
  /** Upload résumés, retry failed parses. */
  | "upload"
  /** Move applications between stages (triage; shortlist decisions). */
  | "stage"
  /** Write notes on applications. */
  | "notes"
  /** Export the shortlist or a filtered view. */
  | "export"
  /** Download an applicant's original file. */
  | "download"
  /** Tune ranking weights, must-haves, minimum years and blind review. */
  | "weights"
  /** Edit title, team, location, description; open or close the requisition. */
  | "edit"
  /** Erase a candidate's personal data. */
  | "erase";

/** Actions not tied to one requisition. */
export type GlobalPermission =
  "requisition.create" | "users.manage" | "audit.read" | "retention.manage" | "queue.dashboard";

export const REQUISITION_PERMISSIONS: Record<RequisitionPermission, readonly Role[]> = {
  view: ["ADMIN", "RECRUITER", "HIRING_MANAGER"],
  upload: ["ADMIN", "RECRUITER"],
  stage: ["ADMIN", "RECRUITER", "HIRING_MANAGER"],
  notes: ["ADMIN", "RECRUITER"],
  export: ["ADMIN", "RECRUITER"],
  download: ["ADMIN", "RECRUITER", "HIRING_MANAGER"],
  weights: ["ADMIN", "HIRING_MANAGER"],
  edit: ["ADMIN", "RECRUITER"],
  erase: ["ADMIN"],
};

export const GLOBAL_PERMISSIONS: Record<GlobalPermission, readonly Role[]> = {
  "requisition.create": ["ADMIN", "RECRUITER"],
  "users.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "retention.manage": ["ADMIN"],
  "queue.dashboard": ["ADMIN"],
};

export function roleAllows(role: Role, permission: RequisitionPermission | GlobalPermission): boolean {
  const roles =
    permission in REQUISITION_PERMISSIONS
      ? REQUISITION_PERMISSIONS[permission as RequisitionPermission]
      : GLOBAL_PERMISSIONS[permission as GlobalPermission];
  return roles.includes(role);
}

/** Admins see every requisition; others need a membership. */
export function needsMembership(role: Role): boolean {
  return role !== "ADMIN";
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  RECRUITER: "Recruiter",
  HIRING_MANAGER: "Hiring manager",
};
