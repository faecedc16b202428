// Blind review (PRODUCT.md, fairness): on a requisition in blind mode, a candidate's identity
// (name, contact, links, schools, locations, the original file) stays hidden in the table, the
// plot, the candidate page and exports until the candidate is shortlisted. Every screen asks
// these two functions, so the rule lives in one place. `revealed`: the viewer keeps seeing this
// candidate (seen while shortlisted, or "Reveal contact for this file"; identity-reveal.ts).
import type { Stage } from "../generated/prisma/enums.ts";

export function identityVisible(blindReview: boolean, stage: Stage, revealed = false): boolean {
  return !blindReview || stage === "SHORTLISTED" || revealed;
}

/** A stable, neutral label for a hidden candidate: "Candidate 7F3K2Q" (from the application id). */
export function anonymousLabel(applicationId: string): string {
  const tail = applicationId
    .replace(/[^a-z0-9]/gi, "")
    .slice(-6)
    .toUpperCase();
  return `Candidate ${tail}`;
}
