// What made a row a search result, as small chips under the name in the candidates table:
// "name", "file", "skill: PyTorch" (server/candidates/candidate-search.ts ranks them in that
// order). A chip never repeats the matched name or file name: under blind review hidden rows
// are not searched by either, so only skill chips can appear on them.
import type { SearchMatch } from "@server/candidates/candidate-search.ts";

const WORDS: Record<SearchMatch["kind"], string> = {
  name: "Name matches the search",
  file: "File name matches the search",
  skill: "Has a skill the search names",
};

export function matchChipText(match: SearchMatch): string {
  return match.kind === "skill" ? `skill: ${match.label}` : match.kind;
}

export function MatchChips({ matches }: { matches: readonly SearchMatch[] }) {
  if (matches.length === 0) return null;
  return (
    <ul className="match-chips" aria-label="Matches the search by" data-testid="match-chips">
      {matches.map((match) => (
        <li
          key={match.kind === "skill" ? `skill-${match.skillId}` : match.kind}
          className={`match-chip match-chip--${match.kind}`}
          title={match.kind === "skill" ? `${WORDS.skill}: ${match.label}` : WORDS[match.kind]}
          data-testid="match-chip"
        >
          {matchChipText(match)}
        </li>
      ))}
    </ul>
  );
}
