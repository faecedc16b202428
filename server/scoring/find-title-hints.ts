// Job titles that stand outside the dated roles the parser found: the headline under the name
// ("Machine Learning Engineer | Python, PyTorch"), label lines ("Designation: Java Developer"),
// a summary's "Data Scientist with 5+ years of experience" or "3 years of experience as a Java
// developer", and title lines of layouts whose roles were not recognised (job-board exports,
// tables). They feed the background (backgrounds.ts) only, never a score. The text given here has
// names, contacts, schools and employers blanked already, so an employer called "Data Science
// Corp" cannot pass for a title.
import type { SectionKind } from "../resume/find-sections.ts";
import {
  backgroundOfExperienceField,
  backgroundOfField,
  backgroundOfTitle,
  developsNoSoftware,
  type TitleHint,
} from "./backgrounds.ts";

/** How much each kind of hint counts, in months of a current role. */
export const HINT_MONTHS = {
  headline: 24,
  label: 24,
  summaryPerYear: 12,
  summaryCap: 120,
  line: 12,
  seeking: 6,
} as const;

const HEADER_LINES = 8;
const ASPIRING = /\b(?:aspiring|future|seeking|wannabe|prospective|student|learner|enthusiast)\b/i;
const MAX_TITLE_LINE = 70;
const MAX_TITLE_WORDS = 6;
const MAX_LINE = 160;
const LABEL =
  /^[\s•·*-]*(?:current\s+|present\s+|job\s+)?(?:designation|job title|title|position|role|post|profile|current role|working as)\s*[:\-–]\s*(.{3,90})$/i;
const YEARS = /\b(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b/gi;
const HEADLINE_SPLIT = /\s*(?:[|•·,;/]|\s[-–—]\s)\s*/;
/** Lines of these sections list skills, schools or certificates, not the person's titles. */
const NOT_TITLE_SECTIONS = new Set<SectionKind>(["skills", "certifications", "publications"]);
/** Education lines name degrees and schools; a title line there (job-board exports put the current
 * title right after the education block) must not look like one. */
const DEGREE_WORDS =
  /\b(?:b\.?\s?(?:e|tech|sc|s|a|com|ca)|m\.?\s?(?:e|tech|sc|s|a|ca|ba|phil)|bachelor|master|mba|ph\.?\s?d|diploma|degree|university|college|institute|school|academy|gpa|cgpa|coursework|courses?|certificat\w*|major|minor|graduat\w*)\b/i;

interface HintContext {
  sections: ReadonlyArray<{ kind: SectionKind; start: number; end: number }>;
  /** Offsets covered by the roles the parser found (their titles are counted there). */
  roles: ReadonlyArray<{ start: number; end: number }>;
}

export function findTitleHints(text: string, context: HintContext): TitleHint[] {
  const hints: TitleHint[] = [];
  const firstSection = context.sections.reduce((min, s) => Math.min(min, s.start), text.length);
  // One pass over the roles, so a very long text with many roles stays linear.
  const roleCovered = new Uint8Array(text.length + 1);
  for (const role of context.roles) roleCovered.fill(1, Math.max(0, role.start), Math.min(text.length, role.end));
  const inRole = (offset: number) => roleCovered[offset] === 1;
  const sectionAt = sectionCursor(context.sections);

  const aboveSkills = linesAboveSkillsHeadings(text, context.sections);
  let boardHeadlineFound = false;
  let lineStart = 0;
  let lineNumber = 0;
  let headlineFound = false;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line !== "") {
      lineNumber += 1;
      const inHeader = lineStart < firstSection && lineNumber <= HEADER_LINES;
      const label = LABEL.exec(line);
      if (label) {
        if (backgroundOfTitle(label[1]!)) hints.push({ title: label[1]!, months: HINT_MONTHS.label, yearsAgo: 0 });
      } else if (aboveSkills.has(lineStart) && !boardHeadlineFound && !inRole(lineStart) && !DEGREE_WORDS.test(line)) {
        // A job-board export's headline, right above its skills block ("Data Science" /
        // "Data Science - Wipro" / "Skill Details"): the current title, or the field alone.
        const field = backgroundOfField(line);
        const piece = field ? line : titleOfLine(line, true, true);
        if (piece) {
          hints.push({ title: piece, months: HINT_MONTHS.headline, yearsAgo: 0, ...(field ? { family: field } : {}) });
          boardHeadlineFound = true;
        }
      } else if (inHeader && !headlineFound) {
        // The headline: the first piece of a header line that names a title family.
        const titled = titleOfLine(line, true);
        const field = titled ? null : backgroundOfField(line);
        const piece = titled ?? (field ? line : undefined);
        if (piece) {
          // "Aspiring Machine Learning Engineer" is what the candidate wants to be.
          const claim = ASPIRING.test(piece);
          hints.push({
            title: piece,
            months: HINT_MONTHS.headline,
            yearsAgo: 0,
            ...(claim ? { claim } : {}),
            ...(field ? { family: field } : {}),
          });
          headlineFound = true;
        }
      } else if (!inHeader && !inRole(lineStart)) {
        const kind = sectionAt(lineStart);
        const skipped =
          (kind !== undefined && NOT_TITLE_SECTIONS.has(kind)) || (kind === "education" && DEGREE_WORDS.test(line));
        const piece = skipped ? undefined : titleOfLine(line);
        if (piece) hints.push({ title: piece, months: HINT_MONTHS.line, yearsAgo: 1 });
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  hints.push(...summaryHints(text, context));
  for (const section of context.sections) {
    if (section.kind !== "summary") continue;
    const body = text.slice(section.start, Math.min(section.end, section.start + 400));
    const lead = SUMMARY_LEAD.exec(body.replace(/\s+/g, " "))?.[1]?.trim();
    if (lead && backgroundOfTitle(lead))
      hints.push({ title: lead, months: HINT_MONTHS.seeking, yearsAgo: 0, claim: true });
  }
  for (const match of text.matchAll(SEEKING)) {
    if (backgroundOfTitle(match[1]!))
      hints.push({ title: match[1]!, months: HINT_MONTHS.seeking, yearsAgo: 0, claim: true });
  }
  return hints;
}

/**
 * The title a line holds: the line itself or, on a line of parts ("Data Analyst | Acme, Pune"),
 * one of its parts (the first one only, unless `anyPart`: a headline may start with the name).
 * A title is short, does not end a sentence and is written in title case: "Collaborated with
 * another developer" is a sentence, not a title.
 */
export function titleOfLine(line: string, anyPart = false, anyCase = false): string | undefined {
  // "Apparel Designer/Developer": its parts must not be read apart from what they develop.
  if (line.length > MAX_LINE || developsNoSoftware(line)) return undefined;
  const parts = line.split(HEADLINE_SPLIT);
  for (const part of anyPart ? parts : parts.slice(0, 1)) {
    if (isTitleLike(part, anyCase) && backgroundOfTitle(part)) return part;
  }
  // "Consultant - SAP ABAP", "Lead Engineer - Automation & Testing": a bare post, then what it
  // works on; read together as "SAP ABAP Consultant".
  const [post, subject] = parts;
  const bare = post === undefined ? null : BARE_POST.exec(post);
  if (subject !== undefined && bare && subject.split(/\s+/).length <= 4) {
    // "Senior Systems Engineer - mainframe" is a mainframe engineer.
    for (const joined of [`${subject} ${post}`, `${subject} ${bare[1]}`])
      if (isTitleLike(joined, anyCase) && backgroundOfTitle(joined)) return joined;
  }
  return undefined;
}

const BARE_POST =
  /^(?:(?:senior|sr\.?|junior|jr\.?|lead|associate|principal|staff|technical)\s+)?(?:systems?\s+)?(consultant|engineer|developer|analyst|specialist|lead)$/i;

/** The skills heading of a job-board export ("Skill Details", then "Python- Exprience - 24 months"). */
const BOARD_SKILLS_HEADING = /^\s*skills? details\b/i;

/**
 * The starts of the two non-blank lines right above each job-board skills heading: where the
 * export ("Education Details … / Data Scientist / Data Scientist - Matelabs / Skill Details") puts
 * the candidate's headline and current title. Only that heading: above an ordinary "Skills" stands
 * the end of the section before it ("Microsoft Technology Associate - Web Development").
 */
function linesAboveSkillsHeadings(text: string, sections: HintContext["sections"]): Set<number> {
  const starts = new Set<number>();
  for (const section of sections) {
    if (section.kind !== "skills" || !BOARD_SKILLS_HEADING.test(text.slice(section.start, section.start + 40)))
      continue;
    let end = text.lastIndexOf("\n", section.start - 1);
    for (let found = 0; found < 2 && end > 0;) {
      const start = text.lastIndexOf("\n", end - 1) + 1;
      if (text.slice(start, end).trim() !== "") {
        starts.add(start);
        found += 1;
      }
      end = start - 1;
    }
  }
  return starts;
}

/** The section kind at increasing offsets, in one pass over the sections (sorted by start). */
function sectionCursor(sections: HintContext["sections"]): (offset: number) => SectionKind | undefined {
  const sorted = [...sections].sort((a, b) => a.start - b.start);
  let index = 0;
  return (offset) => {
    while (index < sorted.length && sorted[index]!.end <= offset) index += 1;
    const section = sorted[index];
    return section !== undefined && offset >= section.start && offset < section.end ? section.kind : undefined;
  };
}

/**
 * Short, not ending a sentence, and in title case unless `anyCase` (a job-board headline is
 * often typed in lower case: "Lead database administrator", "Dot net developer").
 */
function isTitleLike(part: string, anyCase = false): boolean {
  if (part.length > MAX_TITLE_LINE || /[:.]$/.test(part)) return false;
  const words = part.split(/\s+/);
  if (words.length > MAX_TITLE_WORDS) return false;
  return anyCase || words.filter((word) => /^[a-z]/.test(word)).length <= 1;
}

/** "Data Scientist with 5 years …", "7+ years of experience as a Java Developer". */
function summaryHints(text: string, context: HintContext): TitleHint[] {
  const hints: TitleHint[] = [];
  for (const match of text.matchAll(YEARS)) {
    const at = match.index ?? 0;
    const kind = context.sections.find((s) => at >= s.start && at < s.end)?.kind;
    if (kind !== undefined && (NOT_TITLE_SECTIONS.has(kind) || kind === "education")) continue;
    const years = Number(match[1]);
    if (!(years > 0 && years < 50)) continue;
    // "<Title> with 5+ years …" or "5+ years of experience as a <Title>": only the words that
    // stand in the title's place, so "Product Manager with 18 years in software development"
    // names no software title.
    const before = WITH_BEFORE.exec(sentenceBefore(text, at))?.[1];
    const after = AS_AFTER.exec(sentenceAfter(text, at + match[0].length))?.[1];
    const title = [before, after]
      .map((candidate) => candidate?.replace(/[.\s]+$/, "").trim())
      .find((candidate) => candidate !== undefined && backgroundOfTitle(candidate));
    const months = Math.min(HINT_MONTHS.summaryCap, years * HINT_MONTHS.summaryPerYear);
    if (title) {
      hints.push({ title, months, yearsAgo: 0, claim: true });
      continue;
    }
    // "3.2 years of experience in software development": the field of the work, unless a post of
    // other work stands before it ("Product Manager with 18 years of experience in software
    // development" manages products).
    const field = FIELD_AFTER.exec(sentenceAfter(text, at + match[0].length))?.[1];
    const family = field === undefined ? null : backgroundOfExperienceField(field);
    if (family && !(before !== undefined && OTHER_POST.test(before)))
      hints.push({ title: field!.replace(/[.\s]+$/, "").trim(), months, yearsAgo: 0, claim: true, family });
  }
  return hints;
}

/** "… of (IT) experience in Web Application design …": the field the years were spent in. */
const FIELD_AFTER =
  /^\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:experience|exp\.?|expertise)\s+(?:in|on|into)\s+(?:the\s+)?(?:(?:field|area|domain)s?\s+of\s+)?(.{3,60})/i;
/** Posts of other work that a field after them does not describe ("Product Manager with …"). */
const OTHER_POST =
  /\b(?:manager|director|head|officer|executive|owner|founder|recruiter|sales|marketing|product|program|programme|project|teacher|professor)\b/i;

const WINDOW = 60;
/** A summary's opening words up to the first word that ends a title: "Data Analyst proficient in …". */
const SUMMARY_LEAD =
  /^[^\n]{0,40}?(?:summary|profile|objective|about me|overview)?\s*:?\s*((?:[\w/&.+#-]+ ){1,6}?)(?:with|proficient|skilled|experienced|specializing|specialising|having|who|that|possessing|adept|passionate|seeking|looking|bringing|offering|focused|dedicated|driven|bringing|in|at)\b/i;
/** "Seeking a Data Scientist / AI-ML role", "looking for a position as a Java developer". */
const SEEKING =
  /\b(?:seeking|looking for|aspiring|aiming for|to obtain)\s+(?:an?\s+)?(?:(?:position|role|job|career|opportunity)\s+(?:as|of)\s+(?:an?\s+)?)?([\w/&.+# -]{3,50}?)\s*(?:role|position|job|opportunity|career|\.|,|$)/gim;
const WITH_BEFORE =
  /([^,;:()]{3,60}?)\s+(?:with|having|has)\s+(?:over|more than|nearly|almost|about|around|close to)?\s*$/i;
const AS_AFTER = /^\s*(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:as|working as)\s+(?:an?\s+)?(.{3,50})/i;

function sentenceBefore(text: string, at: number): string {
  const slice = text.slice(Math.max(0, at - WINDOW), at);
  const stop = Math.max(slice.lastIndexOf(". "), slice.lastIndexOf("\n"), slice.lastIndexOf("•"));
  return (stop === -1 ? slice : slice.slice(stop + 1)).replace(/\s+/g, " ");
}

function sentenceAfter(text: string, from: number): string {
  const slice = text.slice(from, from + WINDOW);
  const stops = [slice.indexOf(". "), slice.indexOf("\n\n"), slice.indexOf("•"), slice.indexOf(",")].filter(
    (i) => i !== -1,
  );
  return (stops.length ? slice.slice(0, Math.min(...stops)) : slice).replace(/\s+/g, " ");
}
