// The table's filters in words ("Stage: New, Screening", "ML depth ≥ 40"), for views that show
// the same filtered set without the filter bar (the score plot).
import type { CandidateFilters } from "@server/candidates/candidates-query.ts";
import { backgroundLabel, STAGE_LABELS, STATUS_LABELS } from "./format.ts";

const SCORE_NAMES = { overall: "Overall", production: "Production", ml: "ML depth" } as const;

export function describeFilters(filters: CandidateFilters): string[] {
  const parts: string[] = [];
  if (filters.stage?.length) parts.push(`Stage: ${filters.stage.map((s) => STAGE_LABELS[s]).join(", ")}`);
  if (filters.status?.length) parts.push(`Processing: ${filters.status.map((s) => STATUS_LABELS[s]).join(", ")}`);
  if (filters.background?.length)
    parts.push(`Background: ${filters.background.map((b) => backgroundLabel(b)).join(", ")}`);
  for (const key of ["overall", "production", "ml"] as const) {
    const min = filters[`${key}Min`];
    const max = filters[`${key}Max`];
    if (min !== undefined && max !== undefined) parts.push(`${SCORE_NAMES[key]} ${min}–${max}`);
    else if (min !== undefined) parts.push(`${SCORE_NAMES[key]} ≥ ${min}`);
    else if (max !== undefined) parts.push(`${SCORE_NAMES[key]} ≤ ${max}`);
  }
  if (filters.mustHaves) parts.push(filters.mustHaves === "met" ? "Must-haves met" : "Must-haves missing");
  if (filters.yearsMin !== undefined) parts.push(`Years ≥ ${filters.yearsMin}`);
  if (filters.q) parts.push(`Search: “${filters.q}”`);
  return parts;
}
