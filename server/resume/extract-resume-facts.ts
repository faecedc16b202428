// Everything the parser reads from a résumé's normalised text, each fact with its span in
// that text (so the candidate page can highlight it): contact details, sections, the work
// timeline and degrees, plus the two summary numbers the screening contract carries.
import type { DegreeLevel, Span } from "../contract/screening-result.ts";
import { DegreeFreeLines, findEducation, type EducationEntry } from "./find-education.ts";
import { findEmailFact } from "./find-email.ts";
import {
  findExperience,
  researchAtOwnSchoolIsStudy,
  schoolNames,
  yearsOf,
  type ExperienceEntry,
} from "./find-experience.ts";
import { findLinkFacts } from "./find-links.ts";
import { findNameFact } from "./find-name.ts";
import { findPhoneFact } from "./find-phone.ts";
import { findSections, type Section } from "./find-sections.ts";

export interface Fact<T> {
  value: T;
  span: Span;
}

export interface ContactFacts {
  name: Fact<string> | null;
  email: Fact<string> | null;
  phone: Fact<string> | null;
  links: Array<Fact<string>>;
}

export interface ResumeFacts {
  contact: ContactFacts;
  sections: Section[];
  experience: ExperienceEntry[];
  education: EducationEntry[];
  /** Merged professional years (see docs/extraction.md); null when no dated role was found. */
  yearsExperience: number | null;
  /** Highest completed degree; "none" when an education section lists none; null without evidence. */
  highestDegree: DegreeLevel | null;
}

export interface ExtractResumeFactsOptions {
  /** Reference date for "Present" (the CLI's --now); defaults to today. */
  now?: Date;
}

export function extractResumeFacts(text: string, options: ExtractResumeFactsOptions = {}): ResumeFacts {
  const now = options.now ?? new Date();
  const sections = findSections(text);
  // The work timeline and the degrees both ask whether lines name a degree: asked once.
  const degreeFree = new DegreeFreeLines();
  const found = findExperience(text, sections, now, degreeFree);
  const education = findEducation(text, sections, now, degreeFree);
  // The schools: each degree's institution, and the school names in the education sections.
  const schools = [
    ...education.entries.flatMap((entry) => (entry.institution ? [entry.institution.text] : [])),
    ...sections
      .filter((section) => section.kind === "education")
      .flatMap((section) => schoolNames(text.slice(section.bodyStart, section.end))),
  ];
  const entries = researchAtOwnSchoolIsStudy(found.entries, schools);
  const experience = entries === found.entries ? found : { entries, yearsExperience: yearsOf(entries, now) };
  const own = withoutReferees(text, sections);
  return {
    contact: {
      name: findNameFact(text),
      email: findEmailFact(withoutSupervisorAddresses(own, sections)),
      phone: findPhoneFact(withoutWorkplaceNumbers(own, sections)),
      links: findLinkFacts(text),
    },
    sections,
    experience: experience.entries,
    education: education.entries,
    yearsExperience: experience.yearsExperience,
    highestDegree: education.highestDegree,
  };
}

/** A line that says it holds the candidate's own contact details, or a page footer ("Lugo Page 2 864-…"). */
const CONTACT_LINE = /\b(?:phone|mobile|cell|tel|telephone|contact|e-?mail|whatsapp|page\s+\d+)\b|@|\+\d/i;

/**
 * The text with the lines of work and education sections blanked, except lines that name a
 * phone or hold an e-mail, offsets kept: a number there is an employer's or a school's ("Creation
 * Kingdom - 130 technology drive. Georgetown, KY 40324 502-868-6764."), not the candidate's. So
 * are the numbers of a section that lists several without a label (referees under "Core
 * Accomplishments": "Pam Michon 720 308 5282 Bookkeeper/ CFO …"), unless it is a contact section.
 */
function withoutWorkplaceNumbers(text: string, sections: Section[]): string {
  return mapSectionBodies(text, sections, (section, body) => {
    if (section.kind === "experience" || section.kind === "education" || MEMBERSHIP_HEADING.test(section.heading.text))
      return blankUnlabelledLines(body);
    if (CONTACT_HEADING.test(section.heading.text)) return body;
    return unlabelledNumbers(body) >= 2 ? blankUnlabelledLines(body) : blankReferenceLines(body);
  });
}

/**
 * A referee written as a name with a role in brackets before a number ("Steve Brawley (C.E.O. of
 * M.K.I. Waste oil systems) (678)-898- 2283"), under any heading but a contact one.
 */
const BRACKETED_ROLE_BEFORE_NUMBER =
  /\([^()\n]{0,30}(?:\bc\.\s?e\.\s?o\b|\b(?:ceo|cfo|coo|cto|owner|president|director|manager|supervisor|professor|founder|head|principal)\b)[^()\n]{0,60}\)[^\n\d]{0,20}\(?\d{3}\)?[ .)-]{1,3}\d{3}/i;

function blankReferenceLines(body: string): string {
  return blankLinesMatching(body, BRACKETED_ROLE_BEFORE_NUMBER);
}

/** The body with every line that `pattern` matches blanked, offsets kept. */
function blankLinesMatching(body: string, pattern: RegExp): string {
  return body.replace(/[^\n]*/g, (line) => (pattern.test(line) ? " ".repeat(line.length) : line));
}

/**
 * Every line blanked but contact lines (not a supervisor's) and a number alone right below one
 * ("… Page 2 cole@…" / "1 (702) 353-0976.").
 */
function blankUnlabelledLines(body: string): string {
  let previousKept = false;
  return body.replace(/[^\n]*/g, (line) => {
    if (line === "") return line;
    const keep = (CONTACT_LINE.test(line) && !SUPERVISOR_LINE.test(line)) || (previousKept && NUMBER_ALONE.test(line));
    previousKept = keep;
    return keep ? line : " ".repeat(line.length);
  });
}

/**
 * The text with a supervisor's or referee's address blanked in work and education sections
 * ("Supervisor: Cheryl Jackson-Lewis, Cheryl.Lewis@fns.usda.gov, (703) 305-1465"), offsets kept:
 * a federal résumé names whom to ask about each job.
 */
function withoutSupervisorAddresses(text: string, sections: Section[]): string {
  return mapSectionBodies(text, sections, (section, body) =>
    section.kind === "experience" || section.kind === "education" ? blankLinesMatching(body, SUPERVISOR_ADDRESS) : body,
  );
}
const SUPERVISOR_ADDRESS = /\b(?:supervisor|reference|referee)\b[^\n@]{0,60}@/i;

/**
 * Affiliations and volunteering list organisations with their addresses ("Child Development
 * Association 89 Grove Way, Roswell, Georgia 770-992-4006"): their numbers are the organisations'.
 */
const MEMBERSHIP_HEADING = /\b(?:affiliations?|memberships?|associations?|volunteer\w*|community)\b/i;

const NUMBER_ALONE = /^[\s\d().+-]+\.?\s*$/;
/**
 * A federal résumé's supervisor line ("Supervisor Peter C Morgan 304-264-5413 May Contact
 * Supervisor: Yes"): its "contact" is permission to call someone else.
 */
const SUPERVISOR_LINE = /\b(?:supervisor|manager|reference|referee)\b[^\n]{0,60}\d{3}[ .)-]{1,2}\d{3}/i;
const CONTACT_HEADING = /\b(?:contact|personal)\b/i;
const NUMBER_TO_CALL = /\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g;

/** Numbers to call on lines without a contact label: two or more are other people's (referees). */
function unlabelledNumbers(body: string): number {
  let count = 0;
  for (const line of body.split("\n")) if (!CONTACT_LINE.test(line)) count += line.match(NUMBER_TO_CALL)?.length ?? 0;
  return count;
}

const REFERENCES_HEADING = /^(?:professional |personal |work )?(?:references?|referees?)$/i;

/**
 * The text with the body of every "References" / "Referees" section blanked, offsets kept: a
 * referee's e-mail or phone ("Laurel Harris, President at Stellarhead (646) 382-8408") is not the
 * candidate's, and when the candidate gives none there is none to find.
 */
function withoutReferees(text: string, sections: Section[]): string {
  const referees = sections.filter((section) => REFERENCES_HEADING.test(section.heading.text.trim()));
  const blanked = mapSectionBodies(text, referees, (_, body) => body.replace(/[^\n]/g, " "));
  return withoutInlineReferences(blanked, sections);
}

/** "… Skills: Spanish References: Name Employer Title Phone Email William …": a label inside a line. */
const INLINE_REFERENCES = /\b(?:References|REFERENCES|Referees|REFEREES)\s*:/g;

/**
 * The text with everything from an inline "References:" label to the end of its section blanked,
 * offsets kept: a flattened federal résumé lists its referees' numbers and e-mails after one. Not
 * in the header above the first section, where the candidate's own details stand.
 */
function withoutInlineReferences(text: string, sections: Section[]): string {
  const firstSection = sections.reduce((min, section) => Math.min(min, section.start), text.length);
  const parts: string[] = [];
  let at = 0;
  INLINE_REFERENCES.lastIndex = firstSection;
  for (let found = INLINE_REFERENCES.exec(text); found; found = INLINE_REFERENCES.exec(text)) {
    const start = found.index;
    const end = sections.find((section) => start >= section.start && start < section.end)?.end ?? text.length;
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\n]/g, " "));
    at = end;
    INLINE_REFERENCES.lastIndex = Math.max(end, start + 1);
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/**
 * The text with each section's body replaced by `map(section, body)`, which keeps its length (so
 * every offset still points into the text). A section that starts inside one already mapped is
 * left out.
 */
function mapSectionBodies(text: string, sections: Section[], map: (section: Section, body: string) => string): string {
  if (sections.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const section of sections) {
    if (section.bodyStart < at) continue;
    parts.push(text.slice(at, section.bodyStart), map(section, text.slice(section.bodyStart, section.end)));
    at = section.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
