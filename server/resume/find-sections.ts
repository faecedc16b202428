// Section headings of a résumé and the text each one covers. A heading is a short line on its
// own (or a known heading followed by a colon) whose words name a section, in any case:
// "EXPERIENCE", "Work History", "Professional Experience:", "SKILLS & AWARDS". Font size and
// weight are gone after normalisation, so shape and vocabulary decide.
import type { Span } from "../contract/screening-result.ts";
import { findDateRanges } from "./find-date-ranges.ts";

/** Only the presence of a date range matters here, not where "Present" ends it. */
const PRESENT_FOR_SHAPE = new Date(Date.UTC(2099, 0, 1));

export type SectionKind =
  "summary" | "experience" | "education" | "skills" | "projects" | "publications" | "certifications" | "other";

export interface Section {
  kind: SectionKind;
  /** The heading as written (without a trailing colon). */
  heading: Span;
  /** From the start of the heading to the start of the next heading (or the end of the text). */
  start: number;
  end: number;
  /** Where the section's content starts (after the heading and its colon). */
  bodyStart: number;
}

/**
 * Whole headings, lower-cased with punctuation reduced to spaces. Without a prototype: a line
 * reading "Constructor" or "toString" is no heading (on a plain object it found Object's methods).
 */
const HEADINGS: Record<string, SectionKind> = Object.assign(
  Object.create(null) as Record<string, SectionKind>,
  Object.fromEntries(
    (
      [
        [
          "summary",
          "summary",
          "profil",
          "perfil",
          "professional summary",
          "career summary",
          "executive summary",
          "profile",
          "professional profile",
          "personal profile",
          "about",
          "about me",
          "objective",
          "career objective",
          "overview",
          "introduction",
          "summary of qualifications",
          "highlights",
          "executive profile",
          "career overview",
          "professional overview",
          "career profile",
          "个人优势",
          "自我评价",
          "个人简介",
        ],
        [
          "experience",
          "experience",
          "work experience",
          "professional experience",
          "relevant experience",
          "employment",
          "employment history",
          "work history",
          "career history",
          "professional background",
          "industry experience",
          "research experience",
          "research",
          "research positions",
          "experience and employment",
          "positions",
          "professional positions",
          "academic positions",
          "appointments",
          "academic appointments",
          "internships",
          "internship experience",
          "work",
          "career",
          "relevant work experience",
          "technical experience",
          "engineering experience",
          "selected experience",
          "professional history",
          "berufserfahrung",
          "experiencia",
          "experiencia profesional",
          "experiência profissional",
          "expérience professionnelle",
          "expérience",
          "expériences professionnelles",
          "esperienza lavorativa",
          "werdegang",
          "company details",
          "employment details",
          "work details",
          "job history",
          "professional details",
          "employers",
          "employer",
          "previous employers",
          "organisational experience",
          "organizational experience",
          "工作经历",
          "工作经验",
          "实习经历",
        ],
        [
          "education",
          "education",
          "academic background",
          "educational background",
          "education and training",
          "education & training",
          "academic qualifications",
          "academic qualification",
          "educational qualifications",
          "educational qualification",
          "education qualification",
          "professional qualifications",
          "professional qualification",
          "education details",
          "academic details",
          "educational details",
          "scholastic profile",
          "academic history",
          "studies",
          "education and certifications",
          "education & certifications",
          "ausbildung",
          "formación",
          "formação",
          "formação acadêmica",
          "educación",
          "formation",
          "éducation",
          "formation académique",
          "教育背景",
          "教育经历",
          "istruzione",
        ],
        [
          "skills",
          "skills",
          "technical skills",
          "core skills",
          "key skills",
          "skills summary",
          "core competencies",
          "competencies",
          "qualifications",
          "core qualifications",
          "skill highlights",
          "skills highlights",
          "core strengths",
          "strengths",
          "skill details",
          "skills details",
          "technical details",
          "it skills",
          "computer skills",
          "software skills",
          "专业技能",
          "技能",
          "technologies",
          "tools",
          "tech stack",
          "technical proficiencies",
          "skills & tools",
          "skills and tools",
          "tools & technologies",
          "programming",
          "programming languages",
          "skills & interests",
          "skills and interests",
          "skills & awards",
          "expertise",
          "areas of expertise",
          "kenntnisse",
          "habilidades",
          "compétences",
          "competenze",
        ],
        [
          "projects",
          "projects",
          "personal projects",
          "selected projects",
          "side projects",
          "academic projects",
          "key projects",
          "open source",
          "open source projects",
          "open-source contributions",
          "project experience",
          "research projects",
          "projects undertaken",
          "project details",
          "projects details",
          "major projects",
          "academic project",
          "项目经历",
          "项目经验",
        ],
        [
          "publications",
          "publications",
          "selected publications",
          "papers",
          "research papers",
          "publications & talks",
          "publications and talks",
          "peer reviewed publications",
          "conference papers",
          "journal articles",
          "preprints",
        ],
        [
          "certifications",
          "certifications",
          "certificates",
          "certification",
          "licenses & certifications",
          "licenses and certifications",
          "licences & certifications",
          "courses & certifications",
          "courses and certifications",
          "professional certifications",
          "training & certifications",
          "courses",
        ],
        [
          "other",
          "awards",
          "honors",
          "honours",
          "honors awards",
          "honors & awards",
          "awards & honors",
          "awards and honors",
          "achievements",
          "accomplishments",
          "core accomplishments",
          "declaration",
          "extra curricular activities",
          "extra-curricular activities",
          "co-curricular activities",
          "military service",
          "groups",
          "interests",
          "hobbies",
          "languages",
          "references",
          "reference",
          "referees",
          "professional references",
          "volunteering",
          "volunteer experience",
          "volunteer work",
          "leadership",
          "leadership experience",
          "activities",
          "extracurricular activities",
          "on campus involvement",
          "involvement",
          "coursework",
          "relevant coursework",
          "links",
          "additional information",
          "patents",
          "talks",
          "presentations",
          "teaching",
          "teaching experience",
          "service",
          "professional service",
          "memberships",
          "affiliations",
          "professional affiliations",
          "contact",
          "contact information",
          "personal details",
          "personal information",
          "grants",
          "fellowships",
          "scholarships",
          "grants & fellowships",
          "invited talks",
          "mentoring",
          "community",
        ],
      ] as Array<[SectionKind, ...string[]]>
    ).flatMap(([kind, ...names]) => names.map((name) => [name, kind] as const)),
  ),
);

/** Words that name a section when a heading is not in the list ("Relevant Industry Experience"). */
const KEYWORDS: Array<[RegExp, SectionKind]> = [
  [/\b(volunteer|volunteering|leadership|teaching|community)\b/, "other"],
  [/\b(experience|employment|work history|career history)\b/, "experience"],
  [/\b(education|academic|degrees?)\b/, "education"],
  [/\b(skills|competencies|technologies|proficiencies)\b/, "skills"],
  [/\bprojects?\b/, "projects"],
  [/\bpublications?\b/, "publications"],
  [/\b(certifications?|certificates?|certs|licen[cs]es)\b/, "certifications"],
  [/\b(summary|profile|objective)\b/, "summary"],
  [/\b(awards?|honou?rs|interests|languages|references|activities|coursework|achievements|accomplishments)\b/, "other"],
];

/** Labels that also start lines inside a job ("Technologies: Go, Kafka"): headings only alone. */
const NOT_INLINE = new Set([
  "technologies",
  "tools",
  "tech stack",
  "programming",
  "programming languages",
  "languages",
  "coursework",
  "relevant coursework",
  "links",
  "work",
  "career",
  "positions",
  "awards",
  "highlights",
  "overview",
  "courses",
  "introduction",
  "expertise",
  "service",
  "community",
  "mentoring",
  "teaching",
  "contact",
  "involvement",
  "studies",
]);

const HEADING_VOCABULARY = new Set([
  "and",
  "of",
  "&",
  "the",
  "in",
  "for",
  "experience",
  "experiences",
  "work",
  "professional",
  "relevant",
  "selected",
  "technical",
  "research",
  "industry",
  "academic",
  "employment",
  "history",
  "career",
  "skills",
  "projects",
  "project",
  "key",
  "core",
  "personal",
  "side",
  "publications",
  "certifications",
  "certificates",
  "licenses",
  "licences",
  "awards",
  "honors",
  "honours",
  "additional",
  "information",
  "other",
  "recent",
  "education",
  "training",
  "summary",
  "profile",
  "objective",
  "engineering",
  "software",
  "machine",
  "learning",
  "data",
  "science",
  "teaching",
  "leadership",
  "volunteer",
  "community",
  "open",
  "source",
  "open-source",
  "tools",
  "technologies",
  "technology",
  "computer",
  "languages",
  "interests",
  "activities",
  "achievements",
  "qualifications",
  "background",
  "highlights",
  "courses",
  "coursework",
  "internships",
  "internship",
  "military",
  "service",
  "details",
  "certs",
  "undertaken",
  "qualification",
  "accomplishments",
  "strengths",
  "overview",
  "highlights",
  "skill",
  "company",
]);

const SMALL_WORDS = new Set(["and", "of", "in", "&", "the", "for", "to", "a", "on", "at", "/", "und", "de", "e", "y"]);

export function findSections(text: string): Section[] {
  const headings: Array<{ kind: SectionKind; heading: Span; bodyStart: number; listed: boolean }> = [];
  // Line by line without splitting the text: an array of every line is garbage on a long text.
  let previous = "";
  for (let offset = 0; offset <= text.length;) {
    const newline = text.indexOf("\n", offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    const read: ReadHeading | null = readHeading(line) ?? readGluedHeading(line);
    const found = read && !wrappedWord(read, line, previous) ? read : null;
    previous = line;
    if (found) {
      const start = offset + (found.at ?? line.indexOf(found.text));
      headings.push({
        kind: found.kind,
        heading: { text: found.text, start, end: start + found.text.length },
        bodyStart: offset + found.bodyOffset,
        listed: found.listed,
      });
    }
    offset = lineEnd + 1;
  }
  // "Skills: Java, Spring" or "Technologies include:" between two dated roles is part of the
  // role above, not a section: a weak heading (inline, or neither listed nor in capitals)
  // inside a work section, with more dates after it before the next strong heading.
  const strong = headings.map((found) => {
    const inline = found.bodyStart > found.heading.end && text[found.bodyStart - 1] !== "\n";
    const capitals = inCapitals(found.heading.text);
    // Whether listedKind(key(heading text)) finds it, as readHeading already knows.
    const listed = found.listed;
    // "MEMBER DEBT SOLUTIONS PROJECT" inside a job is a project of it, even in capitals.
    if (!listed && (found.kind === "projects" || found.kind === "skills")) return false;
    return !inline && (capitals || listed);
  });
  // Linear on a text of weak headings: the next strong heading is found once for all (from the
  // end), and the text up to it is searched for dates once for all the weak headings before it;
  // a scan from each weak heading to the next strong one was quadratic.
  const nextStrong = nextStrongStarts(headings, strong, text.length);
  const datesBetween = dateFinder(text);
  const kept: typeof headings = [];
  headings.forEach((found, i) => {
    if (kept.at(-1)?.kind === "experience" && found.kind !== "experience" && !strong[i]) {
      if (datesBetween(found.bodyStart, nextStrong[i]!)) return;
    }
    kept.push(found);
  });
  return kept.map((found, i) => ({
    kind: found.kind,
    heading: found.heading,
    start: found.heading.start,
    end: kept[i + 1]?.heading.start ?? text.length,
    bodyStart: found.bodyStart,
  }));
}

/** For each heading, where the next strong heading after it starts (`end` when none does). */
function nextStrongStarts(headings: Array<{ heading: Span }>, strong: boolean[], end: number): number[] {
  const starts = new Array<number>(headings.length);
  let next = end;
  for (let i = headings.length - 1; i >= 0; i--) {
    starts[i] = next;
    if (strong[i]) next = headings[i]!.heading.start;
  }
  return starts;
}

/**
 * Whether text[from, to) holds a date range. The weak headings before one strong heading ask in
 * text order with the same `to`: the dates up to it are found once, from the first of them, and
 * each later one looks among those after it. (A date range never runs across a heading line, so
 * a later heading's stretch holds the same ranges.)
 */
function dateFinder(text: string): (from: number, to: number) => boolean {
  let found: { from: number; to: number; starts: number[]; next: number } | null = null;
  return (from, to) => {
    if (found === null || found.to !== to || from < found.from) {
      const starts = findDateRanges(text.slice(from, to), PRESENT_FOR_SHAPE).map((range) => from + range.index);
      found = { from, to, starts, next: 0 };
    }
    while (found.next < found.starts.length && found.starts[found.next]! < from) found.next++;
    return found.next < found.starts.length;
  };
}

/** A heading read from one line; `listed` when listedKind(key(text)) names its kind. */
interface ReadHeading {
  kind: SectionKind;
  text: string;
  bodyOffset: number;
  at?: number;
  listed: boolean;
}

const GLUED_SHAPE = /^\p{Lu}\p{Ll}+(?: (?:&|and|\p{Lu}\p{Ll}+))*$|^\p{Lu}+(?: (?:&|\p{Lu}+))*$/u;

/**
 * A heading glued to the end of the line before it, as texts flattened from HTML carry them
 * ("… 24 monthsCompany Details", "… deep learning.Education Details"): a listed heading that
 * starts with a capital right after a lower-case letter, digit or full stop, with no space.
 */
function readGluedHeading(line: string): ReadHeading | null {
  const trimmed = line.trimEnd();
  if (trimmed.length < 8) return null;
  // The tail must have GLUED_SHAPE, which holds only letters, spaces and "&": it lies inside the
  // run of such characters that ends the line, so no tail starting before that run can match.
  const from = lettersRunStart(trimmed, Math.max(1, trimmed.length - 40));
  for (let at = from; at < trimmed.length - 3; at++) {
    if (!isUpper(trimmed.charCodeAt(at), trimmed[at]!)) continue;
    const glued = endsWord(trimmed.charCodeAt(at - 1), trimmed[at - 1]!);
    // The job-board export's own headings also end a flattened paragraph after a space or a
    // capital ("… Linux, Mac OS Education Details", "… CIVIL 3DEducation Details").
    if (!glued && !(trimmed.length >= BOARD_LINE && /[\sA-Z\d]/.test(trimmed[at - 1]!))) continue;
    const tail = trimmed.slice(at);
    if (!glued && !BOARD_HEADING.test(tail)) continue;
    // The shape first: it rules out most tails without building their key.
    if (!GLUED_SHAPE.test(tail)) continue;
    // One word glued to a capitalised word is a compound name ("PeopleTools", "WebProjects"),
    // not a heading: a glued heading follows the end of a sentence ("… 24 monthsCompany Details").
    if (!tail.includes(" ") && gluedToCapitalisedWord(trimmed, at)) continue;
    const kind = listedKind(key(tail));
    if (kind) return { kind, text: tail, bodyOffset: line.length, at, listed: true };
  }
  return null;
}

/** A job-board export's section headings ("Education Details", "Skill Details", "Company Details"). */
const BOARD_HEADING = /^(?:Education|Skills?|Company) Details$/;
/** How long a line must be to end in a job-board heading after a space: a flattened paragraph. */
const BOARD_LINE = 50;

/** Whether the letters right before `at` form a word that starts with a capital ("People|Tools"). */
function gluedToCapitalisedWord(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && start > at - 40 && LETTER_UNIT.test(text[start - 1]!)) start--;
  return start < at && isUpper(text.charCodeAt(start), text[start]!);
}

/**
 * Where the run of letters, spaces and "&" that ends `text` starts (text.length when none does),
 * or `floor` when it starts before that (no further back is looked at).
 */
function lettersRunStart(text: string, floor: number): number {
  let start = text.length;
  while (start > floor) {
    const code = text.charCodeAt(start - 1);
    const ascii = code < 128;
    if (ascii ? !(isAsciiLetter(code) || code === 32 || code === 38) : !LETTER_UNIT.test(text[start - 1]!)) break;
    start--;
  }
  return start;
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/**
 * A letter, or half of a surrogate pair (which may be one: such a pair is kept in the run, a
 * wider run only lets GLUED_SHAPE decide on a few more tails).
 */
const LETTER_UNIT = /^[\p{L}\uD800-\uDFFF]$/u;
const UPPER = /\p{Lu}/u;
const WORD_END = /[\p{Ll}\d.)\]]/u;

/** /\p{Lu}/u.test(char), without the pattern for ASCII. */
function isUpper(code: number, char: string): boolean {
  return code < 128 ? code >= 65 && code <= 90 : UPPER.test(char);
}

/** /[\p{Ll}\d.)\]]/u.test(char), without the pattern for ASCII. */
function endsWord(code: number, char: string): boolean {
  if (code >= 128) return WORD_END.test(char);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 41 || code === 93;
}

/** A listed heading, also with a "Details" suffix or in the singular ("Skill Details", "Project"). */
function listedKind(normalized: string): SectionKind | null {
  const exact = HEADINGS[normalized];
  if (exact) return exact;
  const base = hasListedSuffix(normalized) ? normalized.replace(LISTED_SUFFIX, "") : normalized;
  if (base === normalized) return null;
  return HEADINGS[base] ?? HEADINGS[`${base}s`] ?? null;
}

const LISTED_SUFFIX = / (?:details|summary|section)$/;
/** A cheap test that LISTED_SUFFIX may match: it can only where the key ends in one of its words. */
const hasListedSuffix = (normalized: string) =>
  normalized.endsWith("details") || normalized.endsWith("summary") || normalized.endsWith("section");

/** The section a line opens, with the heading's text and where its content starts. */
export function headingOf(line: string): { kind: SectionKind; text: string; bodyOffset: number } | null {
  const found = readHeading(line);
  return found && { kind: found.kind, text: found.text, bodyOffset: found.bodyOffset };
}

const INLINE_HEADING = /^([^:]{2,40}):\s*(.*)$/;
const HAS_DIGIT = /\d/;
const ENDS_SENTENCE = /[.,;!?]$/;
/** normalized.split(" ").every((word) => HEADING_VOCABULARY.has(word)), word by word until one is not. */
function allHeadingVocabulary(normalized: string): boolean {
  for (let start = 0; ;) {
    const space = normalized.indexOf(" ", start);
    const end = space === -1 ? normalized.length : space;
    if (!HEADING_VOCABULARY.has(normalized.slice(start, end))) return false;
    if (space === -1) return true;
    start = space + 1;
  }
}
const NUMBERING_OR_BULLET = /^(?:[\d.]+(?:\s*\/)?|[IVX]+\.|[•▪■◦●*#>-])\s+/;

/**
 * A heading word in lower case alone on its line, right under a line that breaks off mid-sentence
 * ("… with a strong focus on the conveyance of quality customer" / "service"): the sentence
 * wrapped, no section begins.
 */
function wrappedWord(found: ReadHeading, line: string, previous: string): boolean {
  return found.bodyOffset >= line.length && LOWER_CASE_LINE.test(line) && SENTENCE_BROKEN_OFF.test(previous);
}
const LOWER_CASE_LINE = /^[^\p{Lu}]*$/u;
const SENTENCE_BROKEN_OFF = /\p{Ll}[^\S\n]*$/u;

function readHeading(line: string): ReadHeading | null {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.length > 60) return null;
  // "Skills: Python, Go": a known heading followed by a colon may share its line.
  const colon = trimmed.includes(":") ? INLINE_HEADING.exec(trimmed) : null;
  if (colon?.[2]) {
    const name = key(colon[1]!);
    const kind = HEADINGS[name];
    if (!kind || NOT_INLINE.has(name)) return null;
    const text = colon[1]!.trim();
    return { kind, text, bodyOffset: line.indexOf(colon[2]), listed: true };
  }
  // Numbering ("2.", "03 /") and bullets (tested first: a replacement that finds nothing still costs).
  const unnumbered = NUMBERING_OR_BULLET.test(trimmed) ? trimmed.replace(NUMBERING_OR_BULLET, "") : trimmed;
  // Only a text ending in ":" can lose /\s*:$/.
  const text = (unnumbered.endsWith(":") ? unnumbered.replace(/\s*:$/, "") : unnumbered).trim();
  if (text === "" || HAS_DIGIT.test(text) || ENDS_SENTENCE.test(text)) return null;
  const normalized = key(text);
  const exact = listedKind(normalized);
  if (exact) return { kind: exact, text, bodyOffset: line.length, listed: true };
  // Title-case lines are headings only when every word is heading vocabulary. (Tested before
  // the shape, which is dearer: both must hold, so the order changes nothing.)
  const capitals = inCapitals(text);
  if (!capitals && !trimmed.endsWith(":") && !allHeadingVocabulary(normalized)) return null;
  if (!looksLikeHeading(text, trimmed.endsWith(":"))) return null;
  const keyword = KEYWORDS.find(([pattern]) => pattern.test(normalized));
  return keyword ? { kind: keyword[1], text, bodyOffset: line.length, listed: false } : null;
}

const NOT_KEY_CHARACTER = /[^\p{L}&\s-]/gu;
const SPACES = /\s+/g;
/** A key that key() returns as it is: lower-case ASCII words of letters, "&" and "-", single spaces. */
const PLAIN_KEY = /^[a-z&-]+(?: [a-z&-]+)*$/;

function key(text: string): string {
  const lower = text.toLowerCase();
  // The replacements and the trim below leave such a string unchanged.
  if (PLAIN_KEY.test(lower)) return lower;
  return asciiKey(lower) ?? lower.replace(NOT_KEY_CHARACTER, " ").replace(SPACES, " ").trim();
}

const KEY_BUFFER = new Uint16Array(64);

/**
 * key() of a short lower-cased ASCII string, in one pass and one new string (null for any other
 * string). In ASCII the letters are a–z (A–Z are lower-cased already); with "&" and "-" they are
 * kept, and every other character (white space or one replaced by a space) is part of a run of
 * spaces that becomes one space, or nothing at either end.
 */
function asciiKey(lower: string): string | null {
  if (lower.length > KEY_BUFFER.length) return null;
  let length = 0;
  let space = false;
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    if (code >= 128) return null;
    if ((code >= 97 && code <= 122) || code === 38 || code === 45) {
      if (space && length > 0) KEY_BUFFER[length++] = 32;
      space = false;
      KEY_BUFFER[length++] = code;
    } else {
      space = true;
    }
  }
  return String.fromCharCode.apply(null, KEY_BUFFER.subarray(0, length) as unknown as number[]);
}

const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const STARTS_CAPITALISED = /^[\p{Lu}&]/u;

/** In capitals: a capital letter and no lower-case one. */
const inCapitals = (text: string) => HAS_UPPER.test(text) && !HAS_LOWER.test(text);

/** Short, and in capitals, in title case or ended by a colon: the shape of a heading. */
function looksLikeHeading(text: string, colon: boolean): boolean {
  const words = text.split(SPACES);
  if (words.length > 5) return false;
  if (colon) return true;
  if (inCapitals(text)) return true;
  return words.every((word) => SMALL_WORDS.has(word.toLowerCase()) || STARTS_CAPITALISED.test(word));
}
