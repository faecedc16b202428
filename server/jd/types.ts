// The draft of a requisition read from a job posting. Every suggestion points at the part of the
// posting it came from: `posting.slice(start, end) === text` always holds, so the editor can
// highlight the line and the manager can judge it before accepting.
import type { RequisitionWeights } from "../ranking/weights-schema.ts";

export interface PostingSpan {
  text: string;
  start: number;
  end: number;
}

/** How the posting asks for something: required, a plus, or only described (duties, about). */
export type Strength = "required" | "preferred" | "none";

/** What a heading introduces. "stack" is a list of the team's tools: described, not required. */
export type SectionKind = "required" | "preferred" | "duties" | "stack" | "other";

/** One bullet, sentence or clause of the posting, with where it stands and how it asks. */
export interface PostingSegment extends PostingSpan {
  section: SectionKind;
  strength: Strength;
  bullet: boolean;
  /** The posting's first line (the job title). */
  title: boolean;
}

export type Lean = "production" | "balanced" | "ml";

export interface DraftEvidence extends PostingSpan {
  /** The weights field it supports: "mustHave", "niceToHave", "minYears", "areaWeights.<area>", … */
  field: string;
  value: string | number;
}

export type UnscoredKind =
  "clearance" | "spoken_language" | "leadership" | "domain" | "soft_skill" | "education_or_portfolio" | "unknown_skill";

export interface UnscoredRequirement extends PostingSpan {
  kind: UnscoredKind;
  strength: Exclude<Strength, "none">;
}

export type WarningCode =
  | "degree_required"
  | "degree_preferred"
  | "proxy_age"
  | "proxy_origin_language"
  | "proxy_school_prestige"
  | "proxy_culture_fit"
  | "proxy_gendered"
  | "proxy_disability"
  | "high_min_years";

export interface DraftWarning extends PostingSpan {
  code: WarningCode;
  /** Why it matters, for the hiring manager. */
  message: string;
}

export interface RequisitionDraft {
  weights: RequisitionWeights;
  lean: Lean;
  evidence: DraftEvidence[];
  unscored: UnscoredRequirement[];
  warnings: DraftWarning[];
}
