// What the scorer is allowed to see. Fairness (PRODUCT.md): the scorer never receives name,
// contact, location, school names or dates of birth. Those spans are blanked with spaces of
// the same length, so every offset (and so every evidence span) still points into the stored
// text, and nothing identifying can influence a score.
import type { ResumeFacts } from "../resume/extract-resume-facts.ts";
import type { RoleKind } from "../resume/find-experience.ts";
import type { SectionKind } from "../resume/find-sections.ts";
import type { DegreeLevel } from "../contract/screening-result.ts";
import { monthOf } from "../resume/find-date-ranges.ts";
import { containsEmail } from "../resume/find-email.ts";
import { containsLink } from "../resume/find-links.ts";
import { containsPhoneLike } from "../resume/find-phone.ts";
import { backgroundOfTitle, type TitleHint } from "./backgrounds.ts";
import { findOrganisationNames } from "./find-organisation-names.ts";
import { findTitleHints, titleOfLine } from "./find-title-hints.ts";

export interface ScoringRole {
  title: string | null;
  kind: RoleKind;
  start: number;
  end: number;
  months: number;
  /** Years between the end of the role and `now` (0 for a current role). */
  yearsAgo: number;
}

export interface ScoringInput {
  text: string;
  sections: Array<{ kind: SectionKind; start: number; end: number }>;
  roles: ScoringRole[];
  degrees: DegreeLevel[];
  /** A completed degree in computing (computer science, IT, software, BCA/MCA): a student's field. */
  computingDegree: boolean;
  yearsExperience: number | null;
  /** Job titles outside the dated roles (headline, "Designation:", summary): for the background only. */
  titleHints: TitleHint[];
}

/**
 * A degree, or its field, in computing: "B.Tech in Computer Science Engineering", "B. E. in CSE",
 * "Bachelor of Engg in Information Technology", "BCA", "MCA", "M.S. Software Engineering".
 */
const COMPUTING_DEGREE =
  /\b(?:computer|computing|information technology|software|informatics|cse|b\.?\s?c\.?\s?a|m\.?\s?c\.?\s?a)\b|\bIT\b/i;

/** "City, Region" as one part of a header line. */
const PLACE = /^[\p{Lu}][\p{L}.' -]{1,30},\s*[\p{Lu}][\p{L}.' -]{1,30}$/u;
const CONTACT_WORD = /\b(?:linkedin|github|gitlab|portfolio|website|e-?mail|phone|mobile|tel|address|location)\b/i;

function isContactLine(line: string): boolean {
  // Linear-time tests (server/resume): the regexes they replace were quadratic on "a-a-a-…".
  if (containsEmail(line) || containsPhoneLike(line) || containsLink(line) || CONTACT_WORD.test(line)) return true;
  return line.split(/[|•·]/).some((part) => PLACE.test(part.trim()));
}

const NEWLINE = 10;
const SPACE = 32;

/** UTF-16 code units back to a string, in chunks (a spread of a whole megabyte would overflow the stack). */
function decodeCodeUnits(codes: Uint16Array): string {
  let out = "";
  for (let at = 0; at < codes.length; at += 8192) out += String.fromCharCode(...codes.subarray(at, at + 8192));
  return out;
}

export function toScoringInput(text: string, facts: ResumeFacts, now: Date): ScoringInput {
  // Identity is blanked in place in an array of code units and decoded once per use: an array of
  // one-character strings and its joins cost a third of a second per megabyte (issue 13, defect 8).
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const blank = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < Math.min(codes.length, end); i++) if (codes[i] !== NEWLINE) codes[i] = SPACE;
  };
  const { contact } = facts;
  for (const fact of [contact.name, contact.email, contact.phone, ...contact.links]) {
    if (fact) blank(fact.span.start, fact.span.end);
  }
  for (const entry of facts.education) if (entry.institution) blank(entry.institution.start, entry.institution.end);
  // Organisation names and role locations say nothing about skill and can be proxies: those of
  // the roles found, and every employer or school name found anywhere else (roles may be missed).
  for (const role of facts.experience) if (role.organisation) blank(role.organisation.start, role.organisation.end);
  for (const name of findOrganisationNames(text)) blank(name.start, name.end);

  // Titles are read before the header lines go: the headline often shares a line with contacts.
  const roles = facts.experience.map((role) => ({ start: role.span.start, end: role.span.end }));
  const titleHints = findTitleHints(decodeCodeUnits(codes), { sections: facts.sections, roles });

  // The header above the first section holds the contact line with the location: blank every
  // header line that carries contact details or a place. A headline or skills line, even one
  // with "|" or "•" ("ML Engineer | Python · PyTorch · Kubernetes"), stays.
  const firstSection = facts.sections.reduce((min, s) => Math.min(min, s.start), text.length);
  let lineStart = 0;
  while (lineStart < firstSection) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (isContactLine(line)) blank(lineStart, lineEnd);
    lineStart = lineEnd + 1;
  }

  return {
    text: decodeCodeUnits(codes),
    sections: facts.sections.map(({ kind, start, end }) => ({ kind, start, end })),
    roles: facts.experience.map((role) => ({
      title: titleOf(role, text),
      kind: role.kind,
      start: role.span.start,
      end: role.span.end,
      months: role.months,
      yearsAgo: yearsSince(role.end, now),
    })),
    degrees: facts.education.filter((e) => e.completed).map((e) => e.level),
    computingDegree: facts.education.some(
      (e) => e.completed && COMPUTING_DEGREE.test(`${e.degree.text} ${e.field?.text ?? ""}`),
    ),
    yearsExperience: facts.yearsExperience,
    titleHints,
  };
}

/**
 * The role's title as the background reads it. When the title names no family but the line the
 * parser took for the organisation does ("Contractor" at "AI Engineer"), the two were swapped;
 * when the parser found no title, the role's first lines usually hold it ("09/2009 to Current",
 * "Software Engineering Manager Company Name, City").
 */
function titleOf(role: ResumeFacts["experience"][number], text: string): string | null {
  const title = role.title?.text ?? null;
  if (title && backgroundOfTitle(title)) return title;
  const other = role.organisation?.text ?? null;
  if (other && backgroundOfTitle(other)) return other;
  const firstLines = text.slice(role.span.start, role.span.end).split("\n").slice(0, ROLE_HEADER_LINES);
  for (const line of firstLines) {
    const found = titleOfLine(line.replace(/\b(?:Company Name|City|State)\b/g, ",").trim(), true);
    if (found) return found;
  }
  return title && isSentence(title) ? null : title;
}

const CONNECTORS = /^(?:of|and|the|for|in|at|to|on|a|an|de|du|la|le|y|e|und)$/;

/**
 * A description the layout put where a title stands ("Mostly working on industry project for
 * providing solution along with …"): no title, so a role of unknown kind rather than other work.
 */
function isSentence(title: string): boolean {
  const words = title.trim().split(/\s+/);
  const lower = words.filter((word) => /^[a-z]/.test(word) && !CONNECTORS.test(word)).length;
  return words.length > 10 || lower >= 4;
}

const ROLE_HEADER_LINES = 5;

/** "present" → 0; "2021-03" or "2021" → years from then to now. */
function yearsSince(end: string, now: Date): number {
  if (end === "present") return 0;
  const [year, month] = end.split("-").map(Number);
  if (!year) return 0;
  const endMonths = year * 12 + ((month ?? 12) - 1);
  const nowMonths = monthOf(now);
  return Math.max(0, (nowMonths - endMonths) / 12);
}
