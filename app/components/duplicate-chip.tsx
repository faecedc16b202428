// The small "Duplicate?" chip beside a candidate's name (the candidates table, an upload's file
// list): this application shares its e-mail, phone or file with another one of the requisition
// that the recruiter has neither merged nor kept (server/candidates/duplicates.ts). The chip is a
// link to the candidate page, where the pair is resolved; the full sentence is its accessible name
// and its tooltip. Labels arrive already masked under blind review.
import { Link, useRouteLoaderData } from "@remix-run/react";
import type { DuplicateMatch } from "@server/candidates/duplicates.ts";

/** The candidates table's route: its loader reads the open pairs of the page's rows (duplicateMarks). */
const TABLE_ROUTE_ID = "routes/requisitions.$id._index";

export function duplicateReasonWords(reasons: readonly string[]): string {
  const words: Record<string, string> = { file: "the same file", email: "the same e-mail", phone: "the same phone" };
  const named = reasons.map((reason) => words[reason] ?? reason);
  return named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : (named[0] ?? "");
}

/** "2 Dec" this year, "2 Dec 2025" otherwise; UTC so server and browser agree. */
export function shortDay(iso: string): string {
  const date = new Date(iso);
  const sameYear = date.getUTCFullYear() === new Date().getUTCFullYear();
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** "Already applied on 2 Dec as Priya Raman (the same e-mail)". */
export function duplicateSentence(match: DuplicateMatch): string {
  const when = shortDay(match.appliedAt);
  const lead = match.earlier ? `Already applied on ${when} as` : `Applied again on ${when} as`;
  return `${lead} ${match.label} (${duplicateReasonWords(match.reasons)})`;
}

export function DuplicateChip({
  applicationId,
  href,
  matches,
  verbose = false,
}: {
  applicationId: string;
  /** The candidate page (the table passes its link, which keeps the table's view). */
  href: string;
  /** The open pairs of this application; by default those the candidates table's loader read. */
  matches?: readonly DuplicateMatch[];
  /** Say the whole sentence ("Already applied on 2 Dec as …") instead of the short chip. */
  verbose?: boolean;
}) {
  const table = useRouteLoaderData<{ duplicates?: Record<string, DuplicateMatch[]> }>(TABLE_ROUTE_ID);
  const shown = matches ?? table?.duplicates?.[applicationId];
  if (!shown || shown.length === 0) return null;
  const sentence = shown.map(duplicateSentence).join("; ");
  const label = `Duplicate?${shown.length > 1 ? ` ×${shown.length}` : ""}`;
  return (
    <Link
      to={`${href.split("#")[0]}#duplicates`}
      className={`duplicate-chip${verbose ? " duplicate-chip--verbose" : ""}`}
      title={verbose ? undefined : sentence}
      // The accessible name starts with the visible words (WCAG 2.5.3), then says what matched.
      aria-label={verbose ? undefined : `${label} ${sentence}`}
      data-testid="duplicate-chip"
    >
      {verbose ? `Possible duplicate: ${sentence}` : label}
    </Link>
  );
}
