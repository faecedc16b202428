// The candidate's name: the first line (or first segment of a line) near the top that reads
// like a personal name. Anything doubtful gives null: a wrong name on a candidate is worse
// than no name, and the recruiter can still open the file.
import type { Span } from "../contract/screening-result.ts";

/** How many non-empty lines from the top may hold the name. */
const HEADER_LINES = 12;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u;
const PARTICLES = new Set([
  "de",
  "da",
  "das",
  "do",
  "dos",
  "del",
  "della",
  "der",
  "den",
  "di",
  "du",
  "la",
  "le",
  "van",
  "von",
  "ter",
  "ten",
  "bin",
  "binti",
  "al",
  "el",
  "y",
]);
const HONORIFICS = /^(?:dr|mr|mrs|ms|mx|prof)\.?\s+/i;
const POST_NOMINALS = /,?\s+(?:ph\.?\s?d\.?|m\.?sc\.?|b\.?sc\.?|mba|md|cfa|pmp)\.?$/i;
/** Separators between parts of one header line: "Jane Doe | jane@x.com", "Jane Doe — London". */
const SEGMENT_SPLIT =
  /\s*(?:[|•·,;]|\s[—–-]\s|\b(?:e-?mail|phone|mobile|tel|cell|linkedin|github|web(?:site)?|address)\s*:)\s*/i;

/** Words that make a line a section heading rather than a name. */
const HEADING_WORDS = new Set([
  "summary",
  "profile",
  "objective",
  "experience",
  "employment",
  "history",
  "education",
  "skills",
  "projects",
  "publications",
  "certifications",
  "awards",
  "interests",
  "languages",
  "references",
  "resume",
  "résumé",
  "curriculum",
  "vitae",
  "cv",
  "contact",
  "information",
  "details",
  "personal",
  "about",
  "professional",
  "technical",
  "work",
  "career",
  "achievements",
  "competencies",
  "page",
]);
/** Headings that may sit above the name; any other heading ends the search. */
const PREAMBLE_HEADINGS =
  /^(?:resume|résumé|curriculum vitae|cv|contact( information| details)?|personal (information|details))$/i;

/** Words that make a line a job title, a place or an organisation. */
const NON_NAME_WORDS = new Set([
  "engineer",
  "engineering",
  "developer",
  "scientist",
  "science",
  "manager",
  "analyst",
  "architect",
  "researcher",
  "research",
  "consultant",
  "intern",
  "lead",
  "director",
  "designer",
  "administrator",
  "specialist",
  "officer",
  "programmer",
  "student",
  "assistant",
  "head",
  "principal",
  "senior",
  "junior",
  "staff",
  "software",
  "data",
  "machine",
  "learning",
  "product",
  "project",
  "support",
  "devops",
  "stack",
  "frontend",
  "backend",
  "front-end",
  "back-end",
  "full-stack",
  "accountant",
  "technician",
  "president",
  "founder",
  "cto",
  "ceo",
  "vp",
  "professor",
  "lecturer",
  "fellow",
  "candidate",
  "graduate",
  "freelance",
  "ml",
  "ai",
  "nlp",
  "sre",
  "qa",
  "university",
  "college",
  "institute",
  "school",
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "street",
  "avenue",
  "road",
  "city",
  "usa",
  "uk",
  "remote",
  "updated",
  "last",
]);

export function findName(text: string): string | null {
  return findNameFact(text)?.value ?? null;
}

/** The name with the span of the text it was read from (before any change of case). */
export function findNameFact(text: string): { value: string; span: Span } | null {
  let offset = 0;
  let seen = 0;
  for (const raw of text.split("\n")) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    if (line === "") continue;
    if (++seen > HEADER_LINES) break;
    // "321 Gotham St", "Google HQ, Mountain View, CA, USA": an address, not a name.
    if (isAddress(line)) continue;
    const candidates = [line, line.split(SEGMENT_SPLIT)[0] ?? ""];
    for (const candidate of candidates) {
      const name = asName(candidate);
      if (name) {
        const start = lineStart + raw.indexOf(name.source);
        return { value: name.value, span: { text: name.source, start, end: start + name.source.length } };
      }
    }
    if (isHeading(line) && !PREAMBLE_HEADINGS.test(line.replace(/[:\s]+$/, ""))) return null;
  }
  return null;
}

function asName(candidate: string): { value: string; source: string } | null {
  const stripped = candidate
    .replace(/^[^\p{L}]+/u, "") // bullets and icon glyphs before the name
    .replace(HONORIFICS, "")
    .replace(POST_NOMINALS, "")
    .trim();
  if (/[@\d/\\:]|www\.|https?/i.test(stripped)) return null;
  const words = stripped.split(/\s+/);
  const nameWords = words.filter((word) => !PARTICLES.has(word));
  if (nameWords.length < 2 || nameWords.length > 4 || words.length > 6) return null;
  if (words.some((word) => NON_NAME_WORDS.has(word.toLowerCase()) || HEADING_WORDS.has(word.toLowerCase()))) {
    return null;
  }
  if (!nameWords.every((word) => NAME_WORD.test(word))) return null;
  // Initials only ("J. R.") is not a name.
  if (nameWords.filter((word) => word.replace(/\./g, "").length > 1).length < 2 && nameWords.length < 3) return null;
  return { value: isAllCaps(stripped) ? titleCase(stripped) : stripped, source: stripped };
}

function isAddress(line: string): boolean {
  const withoutTitles = line.replace(POST_NOMINALS, "");
  return (
    /,\s*(?:[A-Z]{2}|USA|UK|UAE)\b(?![\p{L}.])/u.test(withoutTitles) ||
    (withoutTitles.match(/,/g)?.length ?? 0) >= 2 ||
    /^\d+\s+\p{L}/u.test(line)
  );
}

function isHeading(line: string): boolean {
  const words = line.replace(/[:\s]+$/, "").split(/\s+/);
  return words.length <= 4 && words.some((word) => HEADING_WORDS.has(word.toLowerCase()));
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "JEAN-LUC O'NEIL" → "Jean-Luc O'Neil". */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
