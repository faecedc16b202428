// The audit page's words for an entry: who or what it is about, its summary with codes read out
// ("Stage changed from New to Rejected"), and its before → after as the fields that changed, in
// labels people read (never raw JSON). Pure, so the page and its unit test share it; the facts
// about the subject come from server/audit/list-audit-entries.ts, the rules for hiding identity
// from server/privacy/blind-review.ts (which server/audit cannot import: privacy writes audit entries).
import type { AuditSubject } from "@server/audit/list-audit-entries.ts";
import { ROLE_LABELS } from "@server/auth/permissions.ts";
import { DEGREE_LABELS, PROCESSING_STATE_LABELS, STAGE_LABELS } from "@server/contract/vocabulary.ts";
import { anonymousLabel, identityVisible } from "@server/privacy/blind-review.ts";
import { AREAS } from "@server/taxonomy/areas.ts";
import { getSkill } from "@server/taxonomy/index.ts";

/** One changed field: `before`/`after` as text (null: absent), or, for lists, what was added and removed. */
export interface ChangeLine {
  field: string;
  before: string | null;
  after: string | null;
  added?: string[];
  removed?: string[];
}

/** Whom an entry is about, in words: a person, a hidden candidate's neutral label, or "erased candidate". */
export function subjectLabel(
  targetType: string | null,
  targetId: string | null,
  subject: AuditSubject | undefined,
): string | null {
  if (!targetId) return null;
  if (targetType === "application") {
    if (!subject || subject.kind !== "application") return "erased candidate";
    if (!identityVisible(subject.blindReview, subject.stage)) return anonymousLabel(targetId);
    return subject.name ?? subject.fileName ?? anonymousLabel(targetId);
  }
  if (targetType === "user") {
    if (!subject || subject.kind !== "user") return "removed account";
    return subject.name === subject.email ? subject.email : `${subject.name} (${subject.email})`;
  }
  return null;
}

const CODE_LABELS: Record<string, string> = { ...STAGE_LABELS, ...ROLE_LABELS };
const CODES = new RegExp(`\\b(${Object.keys(CODE_LABELS).join("|")})\\b`, "g");

/** "Stage changed from NEW to REJECTED" → "Stage changed from New to Rejected"; roles likewise. */
export function readableSummary(summary: string): string {
  return summary.replace(CODES, (code) => CODE_LABELS[code] ?? code);
}

const FIELD_LABELS: Record<string, string> = {
  stage: "Stage",
  fromStage: "Stage before",
  toStage: "Stage",
  blindReview: "Blind review",
  status: "Status",
  closedAt: "Closed at",
  version: "Weights version",
  weightsVersion: "Weights version",
  productionWeight: "Production engineering weight",
  balanceStrictness: "Balance strictness",
  gapAsymmetry: "Gap asymmetry",
  mustHave: "Must-haves",
  niceToHave: "Nice-to-haves",
  minYears: "Minimum years",
  minDegree: "Minimum degree",
  members: "Team",
  requisitionIds: "Requisitions",
  applicationIds: "Applications",
  role: "Role",
  disabled: "Disabled",
  title: "Title",
  team: "Team name",
  location: "Location",
  description: "Description",
  format: "Format",
  scope: "Scope",
  rowCount: "Rows",
  fileName: "File",
  sizeBytes: "Size (bytes)",
  type: "Type",
  candidateRemoved: "Person removed",
  background: "Background",
  sort: "Sort",
};

const AREA_NAMES: Record<string, string> = Object.fromEntries(AREAS.map((area) => [area.id, area.name]));

/** "areaWeights.cloud_iac" → "Area weight: Cloud and infrastructure as code"; unknown keys in words. */
function fieldLabel(path: string[]): string {
  const last = path[path.length - 1]!;
  if (path[path.length - 2] === "areaWeights") return `Area weight: ${AREA_NAMES[last] ?? last}`;
  if (path[0] === "filters") return `Filter: ${words(last)}`;
  return FIELD_LABELS[last] ?? words(last);
}

function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One value in words: codes as labels, skills by name, times in UTC, booleans as on/off. */
function valueText(path: string[], value: Json, lookups: Lookups): string {
  const key = path[path.length - 1]!;
  if (value === null) return "none";
  if (typeof value === "boolean") return key === "blindReview" ? (value ? "on" : "off") : value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en");
  if (Array.isArray(value)) return value.map((item) => valueText(path, item, lookups)).join(", ") || "none";
  if (typeof value === "object") return JSON.stringify(value);
  if (key === "mustHave" || key === "niceToHave") return getSkill(value)?.name ?? value;
  if (key === "minDegree") return DEGREE_LABELS[value as keyof typeof DEGREE_LABELS] ?? value;
  if (key === "requisitionIds") return lookups.requisitionTitles.get(value) ?? value;
  if (value in STAGE_LABELS) return STAGE_LABELS[value as keyof typeof STAGE_LABELS];
  if (value in ROLE_LABELS) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
  if (value in PROCESSING_STATE_LABELS) return PROCESSING_STATE_LABELS[value as keyof typeof PROCESSING_STATE_LABELS];
  if (value === "OPEN" || value === "CLOSED") return value === "OPEN" ? "Open" : "Closed";
  if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return `${timeFormat.format(new Date(value))} UTC`;
  return value;
}

/** Leaves of a JSON object by path; arrays are leaves (compared as sets of items). */
function leaves(
  value: Json | undefined,
  path: string[] = [],
  out = new Map<string, { path: string[]; value: Json }>(),
) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, [...path, key], out);
  } else if (value !== undefined && path.length > 0) {
    out.set(path.join("."), { path, value });
  }
  return out;
}

export interface Lookups {
  /** Requisition titles by id ("requisitionIds" of a membership change). */
  requisitionTitles: Map<string, string>;
}

/**
 * The fields that differ between before and after. With only `after` (a creation, an export) every
 * field is listed as set; with only `before`, as cleared. Lists say what was added and removed.
 */
export function describeChange(before: unknown, after: unknown, lookups: Lookups): ChangeLine[] {
  const was = leaves((before ?? undefined) as Json | undefined);
  const now = leaves((after ?? undefined) as Json | undefined);
  const keys = [...new Set([...was.keys(), ...now.keys()])];
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const a = was.get(key);
    const b = now.get(key);
    if (a && b && JSON.stringify(a.value) === JSON.stringify(b.value)) continue;
    const path = (b ?? a)!.path;
    const field = fieldLabel(path);
    const line: ChangeLine = {
      field,
      before: a ? valueText(path, a.value, lookups) : null,
      after: b ? valueText(path, b.value, lookups) : null,
    };
    if (a && b && Array.isArray(a.value) && Array.isArray(b.value)) {
      const oldItems = a.value.map((item) => valueText(path, item, lookups));
      const newItems = b.value.map((item) => valueText(path, item, lookups));
      line.added = newItems.filter((item) => !oldItems.includes(item));
      line.removed = oldItems.filter((item) => !newItems.includes(item));
    }
    lines.push(line);
  }
  return lines;
}
