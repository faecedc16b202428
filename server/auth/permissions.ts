// Who may do what. The single source of truth for every loader and action (app/lib/auth.server.ts)
// and for the role-matrix test. Recruiters and hiring managers act only on requisitions they are
// members of; admins act on everything.
//
// Hiring managers (README, "Accounts, roles and privacy"): as in the usual applicant-tracking
// system, recruiters run the funnel and the requisition, and hiring managers decide on the
// candidates recruiters put in front of them. A hiring manager tunes the ranking (weights), reads
// candidates and their files, and shortlists or rejects candidates that are in Screening or
// Shortlisted (STAGE_MOVES); they do not move candidates into or back to New or Screening, do not
// reopen rejected ones, and do not manage the requisition's settings (status, blind review).
import { STAGES } from "../contract/vocabulary.ts";
import type { Role, Stage } from "../generated/prisma/enums.ts";

/** Actions on one requisition and its applications. */
export type RequisitionPermission =
  /** See the requisition, its table, plot and candidate pages. */
  | "view"
  /** Upload résumés, retry failed parses. */
  | "upload"
  /** Move applications between stages: any move for admins and recruiters, STAGE_MOVES for hiring managers. */
  | "stage"
  /** Write notes on applications. */
  | "notes"
  /** Export the shortlist or a filtered view. */
  | "export"
  /** Download an applicant's original file. */
  | "download"
  /** Tune ranking weights, must-haves and minimum years. */
  | "weights"
  /** Edit title, team, location, description; open or close the requisition; switch blind review. */
  | "edit"
  /** Erase a candidate's personal data. */
  | "erase";

/** Actions not tied to one requisition. */
export type GlobalPermission =
  | "requisition.create"
  | "users.manage"
  | "audit.read"
  | "retention.manage"
  | "queue.dashboard"
  /** The fairness screens: self-identification import and the adverse-impact report (issue 16). */
  | "fairness.read";

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
  "fairness.read": ["ADMIN", "COMPLIANCE"],
};

/**
 * Which stage moves each role may make (with the "stage" permission): from which stages, to which.
 * Hiring managers decide on candidates a recruiter moved to Screening (and may revise a shortlist
 * to a rejection); everything else in the funnel is the recruiters'.
 */
export const STAGE_MOVES: Record<Role, { from: readonly Stage[]; to: readonly Stage[] }> = {
  ADMIN: { from: STAGES, to: STAGES },
  RECRUITER: { from: STAGES, to: STAGES },
  HIRING_MANAGER: { from: ["SCREENING", "SHORTLISTED"], to: ["SHORTLISTED", "REJECTED"] },
  COMPLIANCE: { from: [], to: [] },
};

/** A role may move a candidate from `from` to `to` (given the "stage" permission on the requisition). */
export function stageMoveAllowed(role: Role, from: Stage, to: Stage): boolean {
  const moves = STAGE_MOVES[role];
  return roleAllows(role, "stage") && moves.from.includes(from) && moves.to.includes(to);
}

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
  COMPLIANCE: "Compliance",
};
