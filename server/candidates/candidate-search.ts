// The candidates table's search box (`?q=`): people, files and skills at once, ranked name >
// file name > skill, each result saying what matched.
// - Names and file names match by word prefix: every search word must begin a word of the same
//   field ("harv de" finds Harvey Dent; "Dent" never finds "Incident", "Park" never "Apache Spark").
//   The words and their prefixes are computed in PostgreSQL (migration 20261206073000_search:
//   search_words, search_query, and a trigger that keeps Application."searchTokens"), so the
//   query side and the stored side split words the same way, and a search is a GIN index probe.
// - Skills match by name or alias, exactly, or by word prefix from three characters on ("pyto").
// - Blind review: names and file names are searched only where the table shows them (shortlisted
//   candidates). Otherwise a search for a hidden name would single out its owner even though the
//   row only says "Candidate 7F3K2Q"; a hidden row can still be found by its skills.
import { Prisma } from "../generated/prisma/client.ts";
import { SKILLS } from "../taxonomy/index.ts";
import { normalizeAlias } from "../taxonomy/tokenize.ts";

/** What made a row a search result (chips in the table). Never carries the matched text of a name. */
export type SearchMatch = { kind: "name" } | { kind: "file" } | { kind: "skill"; skillId: string; label: string };

/** Skills a search term names: an exact name or alias, else (three characters or more) word prefixes. */
export function skillsMatching(term: string): string[] {
  const key = normalizeAlias(term);
  if (!key) return [];
  const names = (skill: (typeof SKILLS)[number]) => [skill.name, ...skill.aliases].map(normalizeAlias);
  const exact = SKILLS.filter((skill) => names(skill).includes(key));
  if (exact.length || key.length < 3) return exact.map((skill) => skill.id);
  return SKILLS.filter((skill) => names(skill).some((name) => ` ${name}`.includes(` ${key}`)))
    .slice(0, 25)
    .map((skill) => skill.id);
}

export interface SearchSql {
  /** The row matches by name, by file name or by a skill. */
  any: Prisma.Sql;
  /** 0 name, 1 file name, 2 skill only: the first key of the result order. */
  rank: Prisma.Sql;
  /** Boolean columns for the row's chips. */
  name: Prisma.Sql;
  file: Prisma.Sql;
  /** The row has one of the skills the term names (`false` when it names none). */
  skill: Prisma.Sql;
  /** The skills the term names (their ids), matched against the row's skillIds. */
  skills: string[];
}

/**
 * SQL for a search term over the applications aliased `a`. `identityVisible` is the blind-review
 * condition under which a row's name and file name may be searched (`true` without blind review).
 */
export function searchSql(term: string, identityVisible: Prisma.Sql): SearchSql {
  // Both arrays are '{}' when the term has no word (punctuation only): then no name or file
  // matches (an empty array would be contained in every row's).
  const field = (tag: "n" | "f") =>
    Prisma.sql`(${identityVisible} AND cardinality(search_query(${tag}, ${term})) > 0
      AND a."searchTokens" @> search_query(${tag}, ${term}))`;
  const name = field("n");
  const file = field("f");
  const skills = skillsMatching(term);
  const skill = skills.length ? Prisma.sql`a."skillIds" && ${skills}::text[]` : Prisma.sql`false`;
  return {
    any: Prisma.sql`(${name} OR ${file} OR ${skill})`,
    rank: Prisma.sql`(CASE WHEN ${name} THEN 0 WHEN ${file} THEN 1 ELSE 2 END)`,
    name,
    file,
    skill,
    skills,
  };
}

const SKILL_NAMES = new Map(SKILLS.map((skill) => [skill.id, skill.name]));
/** At most this many skill chips per row ("skill: PyTorch", "skill: PyTorch Lightning"). */
export const MAX_SKILL_CHIPS = 2;

/** The chips of one result row, strongest first. */
export function searchMatches(
  row: { matchedName: boolean; matchedFile: boolean; skillIds: readonly string[] },
  skills: readonly string[],
): SearchMatch[] {
  const matches: SearchMatch[] = [];
  if (row.matchedName) matches.push({ kind: "name" });
  if (row.matchedFile) matches.push({ kind: "file" });
  const own = new Set(row.skillIds);
  for (const skillId of skills.filter((id) => own.has(id)).slice(0, MAX_SKILL_CHIPS)) {
    matches.push({ kind: "skill", skillId, label: SKILL_NAMES.get(skillId) ?? skillId });
  }
  return matches;
}
