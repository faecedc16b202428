// Words for the posting draft's warnings, "not scored" kinds and lean, shown on the review page.
// The codes come from server/jd/types.ts; the draft's own message says why each warning matters.
import type { Lean, UnscoredKind, WarningCode } from "@server/jd/types.ts";

export const WARNING_LABELS: Record<WarningCode, string> = {
  degree_required: "Required degree",
  degree_preferred: "Preferred degree",
  proxy_age: "Age proxy",
  proxy_origin_language: "National-origin proxy",
  proxy_school_prestige: "School prestige",
  proxy_culture_fit: "“Culture fit”",
  proxy_gendered: "Gendered wording",
  proxy_disability: "Disability proxy",
  high_min_years: "High minimum years",
};

/** Each kind of requirement the ranking cannot score, and why. */
export const UNSCORED_LABELS: Record<UnscoredKind, { label: string; why: string }> = {
  clearance: { label: "Clearance or work authorisation", why: "not in a résumé's skills; check it in the process" },
  spoken_language: { label: "Spoken language", why: "the ranking reads no language levels; judge it in interviews" },
  leadership: { label: "Leadership", why: "leading and mentoring are not scored; judge them in interviews" },
  domain: { label: "Domain knowledge", why: "industries and domains are not in the skill taxonomy" },
  soft_skill: { label: "Soft skill", why: "communication and collaboration are judged in interviews, not scored" },
  education_or_portfolio: {
    label: "Education or portfolio",
    why: "projects, publications and coursework are not scored",
  },
  unknown_skill: {
    label: "Skill the taxonomy does not know",
    why: "the ranking ignores it; it can be added to the skill taxonomy as data (docs/taxonomy.md)",
  },
};

export const LEAN_LABELS: Record<Lean, { label: string; preset: string }> = {
  production: { label: "production", preset: "Platform / MLOps-leaning" },
  balanced: { label: "balanced (the dual requirement)", preset: "Balanced ML engineer" },
  ml: { label: "ML", preset: "Research-leaning" },
};
