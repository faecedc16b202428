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
      email: findEmailFact(own),
      phone: findPhoneFact(own),
      links: findLinkFacts(text),
    },
    sections,
    experience: experience.entries,
    education: education.entries,
    yearsExperience: experience.yearsExperience,
    highestDegree: education.highestDegree,
  };
}

const REFERENCES_HEADING = /^(?:professional |personal |work )?(?:references?|referees?)$/i;

/**
 * The text with the body of every "References" / "Referees" section blanked, offsets kept: a
 * referee's e-mail or phone ("Laurel Harris, President at Stellarhead (646) 382-8408") is not the
 * candidate's, and when the candidate gives none there is none to find.
 */
function withoutReferees(text: string, sections: Section[]): string {
  const referees = sections.filter((section) => REFERENCES_HEADING.test(section.heading.text.trim()));
  if (referees.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const section of referees) {
    if (section.bodyStart < at) continue;
    parts.push(text.slice(at, section.bodyStart), text.slice(section.bodyStart, section.end).replace(/[^\n]/g, " "));
    at = section.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
