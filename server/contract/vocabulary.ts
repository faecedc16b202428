// The product's fixed vocabularies, each defined once: application stages and processing states
// (in the order the product shows them), degree levels and résumé backgrounds with the words
// people read. Server code, the app and the tests import them from here; nothing else lists them.
// Plain constants (and Prisma's enum types, checked below), so browser code may import it too.
import type { ProcessingStatus, Stage } from "../generated/prisma/enums.ts";

/** Where an application is in the hiring funnel, in funnel order (prisma/schema.prisma `enum Stage`). */
export const STAGES = ["NEW", "SCREENING", "SHORTLISTED", "REJECTED"] as const satisfies readonly Stage[];

export const STAGE_LABELS: Record<Stage, string> = {
  NEW: "New",
  SCREENING: "Screening",
  SHORTLISTED: "Shortlisted",
  REJECTED: "Rejected",
};

/** Where a résumé is in processing (prisma/schema.prisma `enum ProcessingStatus`). */
export const PROCESSING_STATES = [
  "QUEUED",
  "PROCESSING",
  "NEEDS_REVIEW",
  "DONE",
  "FAILED",
] as const satisfies readonly ProcessingStatus[];

export const PROCESSING_STATE_LABELS: Record<ProcessingStatus, string> = {
  QUEUED: "Queued",
  PROCESSING: "Processing",
  NEEDS_REVIEW: "Needs review",
  DONE: "Done",
  FAILED: "Failed",
};

/** Highest degree found on a résumé, highest first ("none": no degree found). */
export const DEGREE_LEVELS = ["phd", "masters", "bachelors", "associate", "none"] as const;
type DegreeLevel = (typeof DEGREE_LEVELS)[number];

/** The degrees a requisition may require at least, lowest first. */
export const REQUIRED_DEGREE_LEVELS = [
  "associate",
  "bachelors",
  "masters",
  "phd",
] as const satisfies readonly DegreeLevel[];

export const DEGREE_LABELS: Record<DegreeLevel, string> = {
  phd: "PhD",
  masters: "Master’s",
  bachelors: "Bachelor’s",
  associate: "Associate",
  none: "None",
};

/** The common paths into ML engineering (the guide's "Common Backgrounds"), and "other". */
export const BACKGROUND_IDS = [
  "ml_engineer",
  "software_engineer",
  "data_scientist",
  "data_engineer",
  "researcher",
  "other",
] as const;
type Background = (typeof BACKGROUND_IDS)[number];

/** One label per background, everywhere: the table, its filter, the candidate page, the plot, exports. */
export const BACKGROUND_LABELS: Record<Background, string> = {
  ml_engineer: "ML engineer",
  software_engineer: "Software / backend engineer",
  data_scientist: "Data scientist",
  data_engineer: "Data engineer",
  researcher: "Researcher / PhD",
  other: "Other background",
};

/** A count of zero for each key (per stage, per processing state), ready to be filled in. */
export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

// Every Prisma enum value is listed: a stage or state added to the schema and not here fails to compile.
type Unlisted<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const _everyStageListed: Unlisted<Stage, (typeof STAGES)[number]> = true;
const _everyStateListed: Unlisted<ProcessingStatus, (typeof PROCESSING_STATES)[number]> = true;
