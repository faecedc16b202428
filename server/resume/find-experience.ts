// The work timeline: one entry per dated role in the experience sections, with title,
// organisation, dates and bullets, each traceable to its place in the text. Years of
// experience merge overlapping roles month by month; what counts is set out in
// docs/extraction.md (internships half, study and teaching/research assistantships not at all).
import type { Span } from "../contract/screening-result.ts";
import {
  findDateRanges,
  firstDateRange,
  monthOf,
  monthsCovered,
  parsePoint,
  readDateRanges,
  type DateRange,
  type DateRangeReader,
} from "./find-date-ranges.ts";
import { DegreeFreeLines, mentionsDegree } from "./find-education.ts";
import type { Section } from "./find-sections.ts";
import { lineSpans, spanOf, trimEndMatching, type LineSpan } from "./spans.ts";

export type RoleKind = "job" | "internship" | "study" | "break";

export interface ExperienceEntry {
  title: Span | null;
  organisation: Span | null;
  /** "2021-03", "2021" or "present". */
  start: string;
  end: string;
  dates: Span;
  kind: RoleKind;
  /** Months of the role counted (both ends included), before weighting and merging. */
  months: number;
  bullets: Span[];
  /** The whole entry, from its first header line to its last bullet. */
  span: Span;
}

export interface ExperienceFacts {
  entries: ExperienceEntry[];
  /** Null when no dated role was found: nothing is invented. */
  yearsExperience: number | null;
}

/** Weight of a month in each kind of role. */
export const ROLE_WEIGHTS: Record<RoleKind, number> = { job: 1, internship: 0.5, study: 0, break: 0 };

const INTERNSHIP =
  /\b(intern|internship|interns|co-?op|werkstudent|praktikum|praktikant|stagiaire|estagi[áa]rio|becario|trainee|apprentice|summer analyst|summer associate)\b/i;
/**
 * Study roles; "TA"/"RA" as an assistantship, not as a qualifier ("TA Specialist": talent
 * acquisition); "Student" as the one who studies, not the students a post serves ("Student
 * Operations Specialist", "Student Affairs Coordinator").
 */
const STUDY =
  /\b(ph\.?\s?d\.?|doctoral|graduate|undergraduate|master'?s|msc|student(?!\s+(?:affairs|services|accounts?|operations|success|support|life|activities|records|financial|enrol?lment|admissions|recruitment|housing|development|advis(?:or|ing)|counsel(?:or|ing)|loans?)\b)|teaching assistant|research assistant|(?:ta|ra)\b(?!\s+(?:specialist|consultant|manager|partner|lead|recruiter|coordinator|analyst|generalist|director|team|advisor|officer))|tutor|thesis|dissertation|candidate|fellowship|scholar)\b/i;
/** Research posts that are paid professional work even in a university. */
const PROFESSIONAL_RESEARCH =
  /\b(research (engineer|scientist)|postdoc|post-doctoral|postdoctoral|lecturer|professor|scientist)\b/i;
const TITLE_WORDS =
  /\b(engineer|engineering|developer|scientist|researcher|research|manager|analyst|architect|consultant|intern|internship|lead|leader|director|head|designer|administrator|specialist|officer|programmer|assistant|associate|fellow|founder|co-founder|cto|ceo|vp|president|member|volunteer|coach|technician|accountant|student|candidate|lecturer|professor|postdoc|tutor|instructor|sre|devops|owner|contractor|freelancer?|trainee|apprentice|advisor|chief|staff|principal|partner|clerk|representative|support|operator|teacher|editor|writer|coordinator|executive|mlops|ml|ai|data|d[ée]veloppeur|ing[ée]nieur|chercheur|analyste|responsable|stagiaire|entwickler|ingenieur|berater|desarrollador|ingeniero|desenvolvedor|engenheiro|analista|sviluppatore)\b/i;
const ORG_WORDS =
  /\b(inc|llc|ltd|gmbh|ag|sa|corp|corporation|company|co(?!-)|labs?|technologies|solutions|systems|group|university|universit[yäé]|universidad|universidade|institute|college|school|bank|capital|ventures|studio|agency|foundation|hospital|center|centre|ai|analytics|software|network|partners)\b\.?/i;
const COUNTRIES =
  "usa|us|uk|united states|united kingdom|india|germany|canada|france|spain|brazil|brasil|china|japan|korea|south korea|singapore|netherlands|australia|italy|poland|portugal|mexico|argentina|nigeria|kenya|egypt|israel|ireland|sweden|switzerland|austria|belgium|denmark|norway|finland|vietnam|indonesia|philippines|pakistan|bangladesh|turkey|greece|chile|colombia|peru|south africa|new zealand|uae|taiwan|hong kong";
/** "Austin, TX", "Berlin, Germany", "Seoul, S.Korea", "Remote": where a role was, not what it was. */
const LOCATION = new RegExp(
  `^(?:remote|hybrid|on-?site|[\\p{L}.'-]+(?: [\\p{L}.'-]+){0,2},\\s*(?:[A-Z]{2}|[A-Z]\\.\\s?[\\p{L}.]+|${COUNTRIES}))$`,
  "iu",
);
/** A lone place name, US state or country code left over after splitting at commas. */
const PLACE =
  /^(?:[A-Z]{2}|[A-Z]\.[A-Z][\p{L}.]*|remote|hybrid|usa|uk|us|india|germany|canada|france|spain|brazil|china|japan|korea|s\.?\s?korea|singapore|netherlands|australia|italy|poland|portugal|mexico|argentina|nigeria|kenya|egypt|israel|ireland|sweden|switzerland|new york|london|berlin|paris|munich|bangalore|bengaluru|mumbai|delhi|hyderabad|pune|san francisco|seattle|toronto|sydney|tokyo|seoul|austin|boston|chicago|madrid|barcelona|lisbon|são paulo|sao paulo|amsterdam|dublin|zurich|beijing|shanghai|shenzhen|singapore|mountain view|palo alto|menlo park|cambridge|new orleans|los angeles|atlanta|remote \(.*\))$/iu;
const BULLET = /^\s*(?:[•·●▪■◦○►▸‣∙*–—-]|\d+[.)])\s+/;
const SCHOOL_WORD =
  "(?:universit(?:y|ät|é|à|e|at|ario|ária|dad|dade)|college|institute|school|polytechnic|academy|hochschule|gymnasium|lyc[ée]e)";
/** A school's name: "… University", "University of …", "… College": the school word ends it or heads it. */
const SCHOOL_NAME = new RegExp(`^(?:.*\\b${SCHOOL_WORD}\\.?|${SCHOOL_WORD}\\s+(?:of|de|di|für|for)\\b.*)$`, "iu");
/** Labelled header lines ("Designation: Java Developer", "company - Fabrikam"): what the label names. */
const LABEL =
  /^\s*(?:(designation|job title|title|role|position|working as|worked as)|(company|organi[sz]ation|employer|client)|(duration|period|tenure|dates?))\s*[:–—-]\s*/i;
/**
 * Lines inside an entry that are passed over when looking for its header: labelled ones, and a
 * lone dash (a job board's "Company -" line with the company left empty).
 */
const SKIPPED_LABEL =
  /^\s*(?:description|project|environment|technologies|responsibilities|team size|location)\s*[:–—-]|^\s*[–—-]\s*$/i;

const YEAR_LABEL = /^\d{4}$/;
/** "Fresher" anywhere, or a line that is only "Student" (a job board's headline): no work yet. */
const FRESHER = /\bfresher\b|^[^\S\n]*student[^\S\n]*$/im;

/** `degreeFree` remembers the header lines found to name no degree (see extractResumeFacts). */
export function findExperience(
  text: string,
  sections: Section[],
  now: Date,
  degreeFree = new DegreeFreeLines(),
): ExperienceFacts {
  const regions = experienceRegions(text, sections);
  const entries = regions.flatMap((region) => entriesIn(text, region, now, degreeFree));
  // "2008 to 2008" dates a certificate or an event more often than a role, and spans no time: when
  // every role is dated so, a stated total is the better evidence.
  const spanned = entries.some((entry) => !(entry.start === entry.end && YEAR_LABEL.test(entry.start)));
  const stated = entries.length === 0 || !spanned ? statedYears(text) : null;
  if (entries.length > 0 && stated === null) return { entries, yearsExperience: yearsOf(entries, now) };
  // No dated role: a stated total ("8+ years of experience") is the best evidence there is.
  if (stated !== null) return { entries, yearsExperience: stated };
  // A résumé with recognised sections but no work section lists no work: 0 years, and so does one
  // that calls its writer a fresher (a graduate without work yet, as Indian résumés say) or, on a
  // line alone, a student. Without structure, or with a work section whose dates cannot be read,
  // the answer is unknown.
  const structured = sections.filter((section) => section.kind !== "other").length >= 2;
  const hasWorkSection = sections.some((section) => section.kind === "experience");
  const fresher = entries.length === 0 && FRESHER.test(text);
  return { entries, yearsExperience: (structured && !hasWorkSection) || fresher ? 0 : null };
}

interface Region {
  start: number;
  end: number;
  /** Outside a work section: a dated line is a role only when a job title names it. */
  strict: boolean;
}

/** Sections that never hold work: a date range there is study, a publication or an award. */
const NOT_WORK: ReadonlySet<Section["kind"]> = new Set(["education", "projects", "publications", "certifications"]);
const NOT_WORK_HEADING = /\b(volunteer|award|honou?r|activit|interest|language|reference|scholarship|grant|talk)/i;

/**
 * The work sections; without one, every part of the text that is not education, projects,
 * publications, certifications, volunteering or awards (the header, a summary, an unlisted
 * heading's text), where only lines with a job title count.
 */
function experienceRegions(text: string, sections: Section[]): Region[] {
  const work = sections.filter((section) => section.kind === "experience");
  if (work.length > 0)
    return sections.flatMap((section, index) => {
      if (section.kind === "experience") return [{ start: section.bodyStart, end: section.end, strict: false }];
      const tail = sections[index - 1]?.kind === "experience" ? afterDeclaration(text, section) : null;
      return tail === null ? [] : [{ start: tail, end: section.end, strict: false }];
    });
  if (sections.length === 0) return [{ start: 0, end: text.length, strict: false }];
  const regions: Region[] = [{ start: 0, end: sections[0]!.start, strict: true }];
  for (const section of sections) {
    if (NOT_WORK.has(section.kind) || NOT_WORK_HEADING.test(section.heading.text)) continue;
    regions.push({ start: section.bodyStart, end: section.end, strict: true });
  }
  return regions;
}

/**
 * Where the work goes on after a declaration that interrupts a work section: a job board's work
 * section holds whatever its writer pasted, so "I hereby declare … Place: … Date:" can stand
 * between two roles. Past the statement's paragraph and its sign-off lines (place, date,
 * signature, name), the text is the work section again. Null when the section is no declaration
 * or nothing follows its statement.
 */
function afterDeclaration(text: string, section: Section): number | null {
  if (!DECLARATION.test(section.heading.text)) return null;
  const lines = text.slice(section.bodyStart, section.end).split("\n");
  let offset = section.bodyStart;
  let index = 0;
  const advance = () => (offset += lines[index++]!.length + 1);
  while (index < lines.length && lines[index]!.trim() === "") advance();
  while (index < lines.length && lines[index]!.trim() !== "") advance(); // the statement
  while (index < lines.length && (lines[index]!.trim() === "" || SIGN_OFF.test(lines[index]!))) advance();
  return index < lines.length ? offset : null;
}
const DECLARATION = /^declaration$/i;
const SIGN_OFF = /^\s*(?:place|date|signature|signed|name)\b[^\n]{0,40}$/i;

/**
 * "8+ years of experience", "over 10 years' professional experience", "Total experience: 3
 * years 6 months", "Years of Experience: 2 Years and 4 Months", "6 months of experience".
 * Per-skill durations ("Java - Experience - 24 months") are not a total.
 */
const EXPERIENCE_KIND =
  "total|overall|professional|work|working|industry|industrial|relevant|hands-on|it|software|technical";
/** A lower-case word naming the field of the years ("10+ years sales representative experience"). */
const FIELD_WORD =
  "(?!(?:ago|later|before|after|since|i|we|he|she|they|of|and|to|in|at|with|as|the|a|an|my|gained|got|have|had)\\s)[a-z][a-z-]{1,20}";
const STATED_YEARS = new RegExp(
  [
    `\\b(\\d{1,2}(?:\\.\\d)?)\\s?\\+?\\s?(?:years?|yrs?)['’]?(?:\\s(?:and\\s)?(\\d{1,2})\\s?months?)?\\s(?:of\\s)?(?:(?:${EXPERIENCE_KIND}|experience)\\s){0,3}?(?:${FIELD_WORD}\\s){0,2}?(?:experience|exp)\\b`,
    `\\b(?:total\\s(?:work\\s)?|years\\sof\\s)experience\\s?[:–-]?\\s?(\\d{1,2}(?:\\.\\d)?)\\+?\\s?(?:years?|yrs?)(?:\\s(?:and\\s)?(\\d{1,2})\\s?months?)?`,
    `\\b(\\d{1,2})\\s?\\+?\\s?months?['’]?\\s(?:of\\s)?(?:(?:${EXPERIENCE_KIND})\\s){0,3}?(?:experience|exp)\\b`,
  ].join("|"),
  "gi",
);

/**
 * The largest total stated: "10+ years sales representative experience … Warehouse Worker with 1
 * year. Machine Operator with 5 years experience" tells of ten years, the others of parts of them.
 */
export function statedYears(text: string): number | null {
  let most: number | null = null;
  STATED_YEARS.lastIndex = 0;
  for (let match = STATED_YEARS.exec(text); match; match = STATED_YEARS.exec(text)) {
    const years = yearsStated(match);
    if (years !== null && (most === null || years > most)) most = years;
  }
  return most;
}

function yearsStated(match: RegExpExecArray): number | null {
  // "6 months of experience": a total in months alone.
  if (match[5] !== undefined) return Math.round((Number(match[5]) / 12) * 10) / 10 || null;
  const years = Number(match[1] ?? match[3]) + Number(match[2] ?? match[4] ?? 0) / 12;
  return years > 0 && years < 60 ? Math.round(years * 10) / 10 : null;
}

/** The start of a range written alone: "Sep 2021", "09/2021", "2016 / 09", "2019". */
const START_POINT =
  "((?:\\p{L}+\\.?\\s+)?(?:(?:0?[1-9]|1[0-2])\\s?\\/\\s?)?(?:19|20)\\d\\d(?:\\s?[./]\\s?(?:0[1-9]|1[0-2]))?)";
const BROKEN_OPEN = new RegExp(`^${START_POINT}\\s*(?:[-–—]|to|until|till)?(?:\\s|$)`, "iu");
const OPEN_AT_END = new RegExp(`(?:^|\\s)${START_POINT}\\s*[-–—]\\s*$`, "u");
const OPEN_BEFORE_NAME = new RegExp(`^${START_POINT}\\s*[-–—]\\s+(?=\\p{L})(?!.*\\b(?:19|20)\\d\\d\\b)`, "u");
const BROKEN_CLOSE =
  /^(?:(?:to|until|till|[-–—])\s*)?(present|current|now|till date|(?:\p{L}+\.?\s+)?(?:(?:0?[1-9]|1[0-2])\s?\/\s?)?(?:19|20)\d\d)\b/iu;
const SEPARATOR_LINE = /^(?:to|until|till|[-–—])$/i;

/**
 * The lines of one region, and what is read from each line more than once read only once: the
 * first date range on it (asked of each line, again of the lines above each dated line, and by a
 * range broken over lines) and its header parts (asked while finding a role's header lines, to
 * classify the role and to name it: a long line must not be re-read for each).
 */
class RegionLines {
  private readonly dates: Array<DateRangeReader | undefined>;
  private readonly parts: Array<HeaderPart[] | undefined>;

  constructor(
    readonly spans: LineSpan[],
    readonly now: Date,
  ) {
    this.dates = new Array<DateRangeReader | undefined>(spans.length).fill(undefined);
    this.parts = new Array<HeaderPart[] | undefined>(spans.length).fill(undefined);
  }

  /** The date ranges of the line, read as far as they are asked for. */
  private dateReader(index: number): DateRangeReader {
    let reader = this.dates[index];
    if (reader === undefined) this.dates[index] = reader = readDateRanges(this.spans[index]!.text, this.now);
    return reader;
  }

  /** firstDateRange(line, now) (null for undefined). */
  firstDate(index: number): DateRange | null {
    return this.dateReader(index).first() ?? null;
  }

  /** Whether firstDateRange(the line trimmed, now) finds a range. */
  trimmedHasDate(index: number, trimmed: string): boolean {
    // The line itself when trimming left it as it was; otherwise it is read as it is asked.
    if (trimmed === this.spans[index]!.text) return this.firstDate(index) !== null;
    return firstDateRange(trimmed, this.now) !== undefined;
  }

  /** headerParts of the line. */
  partsOf(index: number): HeaderPart[] {
    let parts = this.parts[index];
    if (!parts) {
      const line = this.spans[index]!;
      this.parts[index] = parts = headerParts(line.text, line.start, this.now, this.dateReader(index));
    }
    return parts;
  }
}

const DANGLING_SEPARATOR = /(?:[-–—]|\bto|\buntil|\btill)\s*$/i;

/** Blank lines a range broken over lines may hold before its end. */
const MAX_BLANKS_IN_RANGE = 2;

/** A range whose end stands on the next line (or the one after a lone "to"), past blank lines. */
function brokenRange(lines: RegionLines, index: number, now: Date): { range: DateRange; closeLine: number } | null {
  const spans = lines.spans;
  const line = spans[index]!.text;
  const open = BROKEN_OPEN.exec(line);
  if (!open) return null;
  const rest = line.slice(open[0].length).trim();
  const dangling = DANGLING_SEPARATOR.test(open[0].trim());
  // The start alone on its line, or with a dangling separator and text after it (moderncv).
  if (!dangling && rest !== "") return null;
  if (!dangling && lines.firstDate(index)) return null;
  let next = index + 1;
  if (!dangling && spans[next] && SEPARATOR_LINE.test(spans[next]!.text.trim())) next++;
  else if (!dangling) return null;
  // A page break can leave blank lines before the end ("April 1998" / "to" / "" / "February 2003").
  for (let blanks = 0; blanks < MAX_BLANKS_IN_RANGE && spans[next] && isBlank(spans[next]!); blanks++) next++;
  const close = spans[next] && BROKEN_CLOSE.exec(spans[next]!.text.trim());
  if (!close) return null;
  const joined = firstDateRange(`${open[1]} - ${close[1]}`, now);
  return joined ? { range: { ...joined, index: open.index, text: open[0].trim() }, closeLine: next } : null;
}

/**
 * "2016 / 09 –" with nothing after the dash, or only a name after it ("2016 / 09 - University
 * of Bremen"): a role still going on.
 */
function openRange(line: string, now: Date): DateRange | null {
  const open = OPEN_AT_END.exec(line) ?? OPEN_BEFORE_NAME.exec(line);
  if (!open) return null;
  const range = firstDateRange(`${open[1]} - present`, now);
  const at = line.indexOf(open[1]!, open.index);
  const text = line.slice(at, open.index + open[0].length).trim();
  return range ? { ...range, index: at, text } : null;
}

/** "Project 1: Billing portal, Tenure: March 2012 till date" inside a role is a project of it. */
const PROJECT_LINE = /^\s*(?:[•·*-]\s*)?(?:project|assignment)\s*(?:#?\d+|name|title)?\s*[:–—-]/i;
const PROJECT_HEADER = /^\s*project\s*(?:#?\d+|name|title)?\s*[:–—-]/i;
const isSchoolName = (part: HeaderPart) => SCHOOL_NAME.test(part.text);

/**
 * Whether a header names a school and nothing else: each of its lines names only schools, or only
 * a place ("Guru Nanak Dev University" / "Amritsar, Punjab -" / "July 2004 to June 2008").
 */
function namesOnlySchool(header: { first: number; last: number }, lines: RegionLines, parts: HeaderPart[]): boolean {
  if (!parts.some(isSchoolName)) return false;
  for (let index = header.first; index <= header.last; index++) {
    const lineParts = lines.partsOf(index);
    if (lineParts.every(isSchoolName)) continue;
    const place = trimEndMatching(lines.spans[index]!.text.trim(), TRAILING_PUNCTUATION);
    if (!PLACE_PAIR.test(place) || TITLE_WORDS.test(place)) return false;
  }
  return true;
}
const isBlank = (line: LineSpan) => line.text.trim() === "";

/** Whether text[start, end) holds a digit: every dated line does (each form of date has a year). */
function hasDigit(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function entriesIn(text: string, region: Region, now: Date, degreeFree: DegreeFreeLines): ExperienceEntry[] {
  // No digit, no date range (whole or broken over lines, or open), so no role: skip the reading.
  if (!hasDigit(text, region.start, region.end)) return [];
  const lines = new RegionLines(lineSpans(text, region.start, region.end), now);
  const spans = lines.spans;
  // One range per line at most: "2019 – 2021 (promoted 2020 – 2021)" is one role.
  const dated: Array<{ line: number; range: DateRange }> = [];
  const consumed = new Set<number>();
  spans.forEach((line, index) => {
    // Every reading below (a range, a range broken over lines that starts on this line, an open
    // range) needs a year on this line: a line without a digit is passed over.
    if (!HAS_DIGIT.test(line.text)) return;
    // A range broken over lines comes first: "2021 –" / "Present" (moderncv), or
    // "September 2009" / "to" / "Current".
    const broken = brokenRange(lines, index, now);
    if (broken) {
      dated.push({ line: index, range: { ...broken.range, index: line.start + broken.range.index } });
      for (let used = index + 1; used <= broken.closeLine; used++) consumed.add(used);
      return;
    }
    if (consumed.has(index)) return;
    const range = lines.firstDate(index) ?? openRange(line.text, now);
    if (range && !narratesPeriod(line.text, range))
      dated.push({ line: index, range: { ...range, index: line.start + range.index } });
  });
  dated.sort((a, b) => a.line - b.line);

  const headers: Array<{ first: number; last: number }> = [];
  dated.forEach(({ line }, i) => headers.push(headerLines(lines, line, headers[i - 1]?.last ?? -1)));
  const roles = dated.map(({ line, range }, i) => {
    const header = headers[i]!;
    const joined = joinedText(spans, header.first, header.last);
    // A date range on a degree or school line is study, whatever section it stands in.
    // So is a header that names nothing but a school ("Stanford University | 2015 – 2019").
    const parts = headerPartsOf(header, lines, line);
    // (A one-line header is that line, whose reading is remembered for the education reading.)
    const degree =
      header.first === header.last ? degreeFree.mentionsDegree(spans[header.first]!) : mentionsDegree(joined);
    const education = degree || namesOnlySchool(header, lines, parts);
    const project = PROJECT_LINE.test(spans[line]!.text) || PROJECT_HEADER.test(joined);
    const named = titleAndOrganisation(parts);
    return { line, range, header, joined, education, project, named };
  });
  const kept = roles.filter(
    (role) =>
      !role.education &&
      !role.project &&
      (!region.strict || (role.named.title !== null && TITLE_WORDS.test(role.named.title.text))),
  );
  return kept.map(({ line, range, header, joined, named }, i) => {
    const nextStart = kept[i + 1]?.header.first ?? spans.length;
    const bodyLines = spans.slice(header.last + 1, nextStart);
    const { title, organisation } = named;
    const kind = roleKind(title?.text ?? null, joined);
    const { first, last } = monthsCovered(range);
    // The last non-blank line of the entry, from its header to the next entry's header.
    const lastLine = lastNonBlank(spans, header.first, Math.max(header.last + 1, nextStart)) ?? spans[line]!;
    return {
      title,
      organisation,
      start: range.start.label,
      end: range.end.label,
      dates: { text: range.text, start: range.index, end: range.index + range.text.length },
      kind,
      months: last - first + 1,
      bullets: bullets(text, bodyLines),
      span: spanOf(text, spans[header.first]!.start, lastLine.end),
    };
  });
}

/**
 * A bullet that tells of a period inside a role in a sentence ("* From September 2016 due to
 * regional expansion was trained for APAC regions"): the words after the date run on in lower
 * case, where a role's header names a title or an employer.
 */
function narratesPeriod(line: string, range: DateRange): boolean {
  return BULLET.test(line) && RUNS_ON_IN_LOWER_CASE.test(line.slice(range.index + range.text.length));
}
const RUNS_ON_IN_LOWER_CASE = /^\s*(?:[,:;]\s*)?\p{Ll}+\s+\p{Ll}/u;

/** The text of lines[first..last] joined by spaces. */
function joinedText(lines: LineSpan[], first: number, last: number): string {
  let joined = lines[first]!.text;
  for (let index = first + 1; index <= last; index++) joined += ` ${lines[index]!.text}`;
  return joined;
}

/** The last non-blank line of lines[from, to), walked back from the end (no copy of the lines). */
function lastNonBlank(lines: LineSpan[], from: number, to: number): LineSpan | undefined {
  for (let index = Math.min(to, lines.length) - 1; index >= from; index--)
    if (!isBlank(lines[index]!)) return lines[index];
  return undefined;
}

const ENDS_CLAUSE = /[.;:]$/;
const STARTS_NAME = /^[\p{Lu}\p{N}]/u;
const SPACES = /\s+/;
/** The end of a sentence broken onto the next line: "… and", "… of the", "… ,". */
const BROKEN_SENTENCE = /(?:[,&–-]|\b(?:and|or|of|the|to|in|for|with|a|an))$/i;
const HAS_YEAR = /\b(19|20)\d\d\b/;
const HAS_DIGIT = /\d/;

/** A line that may be part of a role's header: short, starting with a capital, not a sentence's end. */
function isHeaderish(lines: LineSpan[], index: number, allowBullet: boolean): boolean {
  const line = lines[index];
  const trimmed = line?.text.trim() ?? "";
  if (trimmed === "" || trimmed.length > 90) return false;
  if (LABEL.test(trimmed)) return true;
  if (ENDS_CLAUSE.test(trimmed)) return false;
  const bullet = BULLET.exec(trimmed);
  if (bullet && (!allowBullet || trimmed.split(SPACES).length > 9)) return false;
  if (!STARTS_NAME.test(trimmed.slice(bullet?.[0].length ?? 0))) return false;
  // The continuation of a sentence broken on the line above is not a header.
  const above = lines[index - 1]?.text.trim() ?? "";
  return !BROKEN_SENTENCE.test(above);
}

/**
 * A line that reports work: a verb in the past tense first, then at least four more words. No
 * header reads so ("Managed Services Engineer" is a title: "managed services" is left out).
 */
const REPORTS_WORK =
  /^(?:[•·*–—-]\s*)?(?:supervised|managed(?! services)|developed|built|designed|implemented|created|led|maintained|coordinated|assisted|prepared|conducted|performed|handled|organi[sz]ed|planned|trained|wrote|provided|oversaw|directed|established|analy[sz]ed|processed|responsible for)\b(?:\s+\S+){4}/i;

/** A title is a part with a job word that is not an organisation's name. */
const isTitlePart = (part: HeaderPart) => TITLE_WORDS.test(part.text) && !ORG_WORDS.test(part.text);

/** Whether the lines name a title: three lines at least, or a title part on one. */
function hasTitle(lines: RegionLines, indexes: number[]): boolean {
  return indexes.length >= 3 || indexes.some((index) => lines.partsOf(index).some(isTitlePart));
}

/** The words a line names, places and separators left out ("Web Analyst Company Name – City , State": 4). */
function namedWords(lines: RegionLines, index: number): number {
  let words = 0;
  for (const part of lines.partsOf(index)) words += part.text.split(SPACES).length;
  return words;
}

function namedParts(lines: RegionLines, indexes: number[]): number {
  let sum = 0;
  for (const index of indexes) sum += lines.partsOf(index).length;
  return sum;
}

/**
 * The lines naming a role around its date line: up to two short header lines above it (blank
 * lines between them allowed, as job boards print title / company / dates), never the tail of
 * the previous role's text; and, when the date line names little else and nothing above it
 * does, up to two short lines below it. Four lines at most, in any order.
 */
function headerLines(lines: RegionLines, dateLine: number, floor: number): { first: number; last: number } {
  const spans = lines.spans;
  let first = dateLine;
  const taken: number[] = [dateLine];
  // "Program Development Specialist Jul 1985 to Feb 1994" above "Company Name - City , State": the
  // employer stands below a dated title line, and the lines above end the role before.
  const employerBelow = lines.partsOf(dateLine).some(isTitlePart) ? employerLineBelow(lines, dateLine) : -1;
  if (employerBelow !== -1) return { first: dateLine, last: employerBelow };
  for (let index = dateLine - 1; index > floor && dateLine - index <= 5 && taken.length < 4; index--) {
    const trimmed = spans[index]!.text.trim();
    if (trimmed === "" || SKIPPED_LABEL.test(trimmed)) continue;
    // Only the nearest line may be a bullet ("• Title, Company" lists). A line that reports work
    // ("Supervised group tour coordinator, development interns …") ends the role above.
    if (
      !isHeaderish(spans, index, taken.length === 1) ||
      REPORTS_WORK.test(trimmed) ||
      lines.trimmedHasDate(index, trimmed)
    )
      break;
    first = index;
    taken.push(index);
    if (namedParts(lines, taken) >= 2 && !LABEL.test(trimmed) && hasTitle(lines, taken)) break;
  }
  // Lines above that name no post (the end of a list of courses) give way to a title line below
  // the dates ("August 2009 to January 2010" / "Company Name City , State Computer Technician").
  const abovePosts = taken.some((index) => index !== dateLine && lines.partsOf(index).some(isTitlePart));
  if (first !== dateLine && !abovePosts && titleLineBelow(lines, dateLine) !== -1) {
    first = dateLine;
    taken.length = 1;
  }
  let last = dateLine;
  if (first === dateLine && lines.partsOf(dateLine).length < 2) {
    for (
      let index = dateLine + 1;
      index < spans.length && index - dateLine <= 4 + MAX_BLANKS_IN_RANGE && taken.length < 4;
      index++
    ) {
      const next = spans[index]!.text;
      // Blank lines and the rest of a range broken over lines ("to", "Current").
      if (next.trim() === "" || SEPARATOR_LINE.test(next.trim()) || BROKEN_CLOSE.exec(next.trim())?.[0] === next.trim())
        continue;
      if (!isHeaderish(spans, index, false) || HAS_YEAR.test(next) || namedWords(lines, index) > 9) break;
      last = index;
      taken.push(index);
    }
  }
  return { first, last };
}

/**
 * The line right below the date line when it names only an employer, and a place ("Company Name -
 * City , State", "Initech GmbH, Berlin"): short, no post, no year, an organisation's word in it.
 * Else -1.
 */
function employerLineBelow(lines: RegionLines, dateLine: number): number {
  const index = dateLine + 1;
  const next = lines.spans[index]?.text;
  if (next === undefined || !isHeaderish(lines.spans, index, false) || HAS_YEAR.test(next)) return -1;
  const parts = lines.partsOf(index);
  if (parts.length === 0 || parts.length > 2 || parts.some(isTitlePart) || namedWords(lines, index) > 6) return -1;
  return parts.some((part) => ORG_WORDS.test(part.text)) ? index : -1;
}

/** The first non-blank line below the date line when it is a short line naming a post, else -1. */
function titleLineBelow(lines: RegionLines, dateLine: number): number {
  const spans = lines.spans;
  for (let index = dateLine + 1; index < spans.length && index - dateLine <= 2; index++) {
    const next = spans[index]!.text;
    if (next.trim() === "") continue;
    const named =
      isHeaderish(spans, index, false) &&
      !HAS_YEAR.test(next) &&
      namedWords(lines, index) <= 9 &&
      lines.partsOf(index).some(isTitlePart);
    return named ? index : -1;
  }
  return -1;
}

const STRONG_SEPARATOR =
  /(?:\s?\.){2,}\s*|\s+[|•·@]\s+|\s+[–—-]\s+|\s+at\s+|\s*\(|\)\s*|\s{2,}|\t|^\s*[•·●▪■◦○►▸‣∙*–—-]\s+/g;

type HeaderPart = Span & { label?: "title" | "organisation" };

/**
 * A bullet that carries the role's dates at its right edge ("• Built the serving platform … |
 * June 2023 – present", as rendercv and other two-column themes print them): the bullet is the
 * role's first line of work, not its title or employer, when header lines stand above it.
 */
const BULLET_WORDS = 6;
function isDatedBullet(lines: RegionLines, index: number): boolean {
  return BULLET.test(lines.spans[index]!.text) && namedWords(lines, index) > BULLET_WORDS;
}

/** The parts of the header lines first..last, in order (without a dated bullet's text). */
function headerPartsOf(header: { first: number; last: number }, lines: RegionLines, dateLine: number): HeaderPart[] {
  // One line: its own parts (read, never changed, by the callers).
  if (header.first === header.last) return lines.partsOf(header.first);
  const skip = header.first < dateLine && isDatedBullet(lines, dateLine) ? dateLine : -1;
  const parts: HeaderPart[] = [];
  for (let index = header.first; index <= header.last; index++)
    if (index !== skip) for (const part of lines.partsOf(index)) parts.push(part);
  return parts;
}

/** "Pune, Maharashtra", "City , State" after a company: a place, even when no list knows it. */
const PLACE_PAIR = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2} ?, ?\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}$/u;
const PLACEHOLDER_PLACE = /\bCity ?, ?State\b/g;
const PRESENT_FIRST = /^(\s*)(present|current)\b/i;
const LONE_MONTH_YEAR = /\p{L}{3,9}\.?\s?[-'’,/]?\s?(?:19|20)\d\d\b/gu;
const LONE_YEAR = /(?:^|\s)(?:19|20)\d\d\s*[–—-]?(?=\s|$)/g;
const COMMA_BREAKS = /,\s+/g;
const HAS_WORD = /\p{L}{2,}/u;
const NOT_SPACE = /\S/;
const TRAILING_PUNCTUATION = /[\s,;:|–—-]/;
const spaces = (match: string) => " ".repeat(match.length);

/**
 * The parts of a header line with their offsets: dates, places, labels and separators left out.
 * `dates` reads the line's date ranges (it may have read some of them already).
 */
function headerParts(line: string, offset: number, now: Date, dates: DateRangeReader): HeaderPart[] {
  let masked = line;
  // "Designation: Java Developer", "company - Fabrikam": the label says what the value is.
  const label = LABEL.exec(line);
  const labelled = label ? (label[1] ? "title" : label[2] ? "organisation" : undefined) : undefined;
  if (label) masked = " ".repeat(label[0].length) + masked.slice(label[0].length);
  // Dates become spaces in one pass (a line of many ranges must not cost quadratic time).
  const pieces: string[] = [];
  let from = 0;
  // Without a label the masked line is the line itself, whose ranges `dates` reads.
  for (const range of label ? findDateRanges(masked, now) : dates.all()) {
    pieces.push(masked.slice(from, range.index), " ".repeat(range.text.length));
    from = range.index + range.text.length;
  }
  masked = pieces.join("") + masked.slice(from);
  // The job board's anonymised place ("Company Name City , State Accountant", LiveCareer) is a
  // place wherever it stands; the comma inside it would split the line in the wrong place.
  if (masked.includes("City")) masked = masked.replace(PLACEHOLDER_PLACE, spaces);
  // The second half of a range broken over two lines ("Present Leading a team…"). (Each
  // replacement only where its pattern can match: one that finds nothing still costs.)
  if (PRESENT_FIRST.test(masked))
    masked = masked.replace(PRESENT_FIRST, (_, space: string, word: string) => space + " ".repeat(word.length));
  // A lone month and year ("March 2010" above "to" / "Current"), then lone years: both need digits.
  if (HAS_DIGIT.test(masked)) {
    masked = masked.replace(LONE_MONTH_YEAR, (match) => (parsePoint(match, now) ? spaces(match) : match));
    masked = masked.replace(LONE_YEAR, spaces);
  }
  const parts: HeaderPart[] = [];
  let chunkStart = 0;
  // Each separator, then the end of the line: the chunks between them are read in turn.
  STRONG_SEPARATOR.lastIndex = 0;
  for (;;) {
    const separator = STRONG_SEPARATOR.exec(masked);
    const separatorAt = separator ? separator.index : masked.length;
    const chunk = masked.slice(chunkStart, separatorAt);
    const chunkOffset = chunkStart;
    chunkStart = separatorAt + (separator ? separator[0].length : 0);
    readChunk(chunk, chunkOffset, offset, labelled, parts);
    if (!separator) break;
  }
  return parts;
}

/** The parts of one chunk of a header line (between strong separators), pushed onto `parts`. */
function readChunk(
  chunk: string,
  chunkOffset: number,
  offset: number,
  labelled: HeaderPart["label"],
  parts: HeaderPart[],
): void {
  const clean = chunk.trim();
  if (clean === "" || LOCATION.test(clean)) return;
  if (chunkOffset > 0 && PLACE_PAIR.test(clean) && !TITLE_WORDS.test(clean) && !ORG_WORDS.test(clean)) return;
  // The pieces between ", " breaks (what chunk.split(/(,\s+)/) gives, less the breaks, which are
  // never parts), each with its offset in the chunk.
  COMMA_BREAKS.lastIndex = 0;
  for (let pieceStart = 0; ;) {
    const comma = COMMA_BREAKS.exec(chunk);
    const pieceEnd = comma ? comma.index : chunk.length;
    readPiece(chunk.slice(pieceStart, pieceEnd), offset + chunkOffset + pieceStart, labelled, parts);
    if (!comma) break;
    pieceStart = pieceEnd + comma[0].length;
  }
}

/**
 * An anonymised employer glued to the title, as job-board datasets print it ("Web Analyst Company
 * Name – City , State", LiveCareer): the placeholder is the organisation, the words before it the title.
 */
const GLUED_PLACEHOLDER = /^(.*\S)\s+(Company Name)$/;

/** A piece of a header line at `start` in the text, pushed onto `parts` when it may name something. */
function readPiece(piece: string, start: number, labelled: HeaderPart["label"], parts: HeaderPart[]): void {
  const glued = labelled ? null : GLUED_PLACEHOLDER.exec(piece.trimEnd());
  if (glued) {
    readPiece(glued[1]!, start, labelled, parts);
    const at = piece.lastIndexOf(glued[2]!);
    parts.push({ text: glued[2]!, start: start + at, end: start + at + glued[2]!.length });
    return;
  }
  const trimmed = trimEndMatching(piece.trim(), TRAILING_PUNCTUATION); // "Project Lead ," → "Project Lead"
  if (!HAS_WORD.test(trimmed) || PLACE.test(trimmed) || LOCATION.test(trimmed)) return;
  const lead = piece.search(NOT_SPACE);
  const part: HeaderPart = { text: trimmed, start: start + lead, end: start + lead + trimmed.length };
  if (labelled) part.label = labelled;
  parts.push(part);
}

/**
 * A part that ends in the noun of a post ("Research Intern", "Co-Founder & CTO", "Senior Data
 * Scientist") is a title before a part that only holds a job word ("NVIDIA Research", "Nexus AI").
 */
const TITLE_HEAD =
  /\b(?:engineer|developer|scientist|researcher|manager|analyst|architect|consultant|intern|lead|director|head|designer|administrator|specialist|officer|programmer|assistant|associate|fellow|founder|cto|ceo|cfo|coo|vp|president|technician|accountant|lecturer|professor|postdoc|tutor|instructor|trainee|apprentice|advisor|clerk|representative|operator|teacher|editor|writer|coordinator|executive|partner|owner|contractor|freelancer|member|supervisor|pilot|nurse|agent|examiner|trainer|worker|attendant|cashier|chef|cook|driver|mechanic|electrician|physician|therapist|attorney|paralegal|auditor|buyer|planner|estimator|inspector|dispatcher|receptionist|secretary|bookkeeper|teller|banker|underwriter|recruiter|generalist|strategist|producer|artist|photographer|chair|dean|principal)(?:\s+(?:[IVX]{1,4}|\d))?\)?$/i;

/**
 * Words that make a part an organisation even when it ends in a post's noun ("… Ltd", "… University
 * Hospital"); "AI", "Software" or "Network" before "Engineer" are the work, not a company.
 */
const LEGAL_OR_SCHOOL =
  /\b(?:inc|llc|ltd|gmbh|ag|corp|corporation|company|university|universit[äé]|college|institute|school|bank|hospital|foundation|agency|labs?)\b|\bco\.(?!\w)/i;

/** A part as a plain span, without its label. */
function strip(part: HeaderPart | null): Span | null {
  return part ? { text: part.text, start: part.start, end: part.end } : null;
}

/** Title and organisation from the header lines' parts: the part that names a post is the title. */
function titleAndOrganisation(parts: HeaderPart[]): { title: Span | null; organisation: Span | null } {
  const labelledTitle = parts.find((part) => part.label === "title");
  const labelledOrganisation = parts.find((part) => part.label === "organisation");
  if (labelledTitle || labelledOrganisation) {
    const rest = parts.filter((part) => !part.label);
    return {
      title: strip(labelledTitle ?? rest.find((part) => TITLE_WORDS.test(part.text)) ?? null),
      organisation: strip(labelledOrganisation ?? rest.find((part) => !TITLE_WORDS.test(part.text)) ?? null),
    };
  }
  const title =
    parts.find((part) => TITLE_HEAD.test(part.text) && !LEGAL_OR_SCHOOL.test(part.text)) ??
    parts.find((part) => TITLE_WORDS.test(part.text) && !ORG_WORDS.test(part.text)) ??
    parts.find((part) => TITLE_WORDS.test(part.text)) ??
    null;
  const organisation =
    parts.find((part) => part !== title && !TITLE_WORDS.test(part.text)) ??
    parts.find((part) => part !== title) ??
    null;
  return { title: strip(title), organisation: strip(organisation) };
}

/** The kind of role, from its title (or, without one, the whole header). */
const BREAK = /\b(career break|sabbatical|parental leave|maternity leave|paternity leave|gap year|travell?ing)\b/i;
const STILL_STUDYING = /\b(student|candidate|assistant)\b/i;

export function roleKind(titleText: string | null, header: string): RoleKind {
  if (BREAK.test(header)) return "break";
  const title = titleText ?? header;
  if (INTERNSHIP.test(title)) return "internship";
  if (PROFESSIONAL_RESEARCH.test(title) && !STILL_STUDYING.test(title)) return "job";
  if (STUDY.test(title)) return "study";
  return "job";
}

const STARTS_CAPITAL = /^\p{Lu}/u;

function bullets(text: string, lines: LineSpan[]): Span[] {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed === "") continue;
    const marker = BULLET.exec(line.text);
    const last = ranges.at(-1);
    // A line without a marker that does not start a sentence continues the previous bullet.
    if (!marker && last && !STARTS_CAPITAL.test(trimmed)) {
      last.end = line.end;
      continue;
    }
    ranges.push({ start: line.start + (marker ? marker[0].length : line.text.search(NOT_SPACE)), end: line.end });
  }
  return ranges.map((range) => spanOf(text, range.start, range.end));
}

const SCHOOL_STOP_WORDS = new Set(
  "university universität université università universidad universidade universitat institut instituto école ecole college institute school of the and for at in de di da do des der für phd ph.d master masters bachelor bachelors doctorate science sciences technology engineering computer state national federal department dept faculty centre center graduate studies program programme".split(
    " ",
  ),
);
const RESEARCH_TITLE =
  /\b(?:research(?:er)?|lab(?:oratory)?\s+(?:member|assistant)|chercheur|investigador|pesquisador|forscher|wissenschaftliche[rn]? mitarbeiter|ricercatore)\b/i;
const ACADEMIC_ORG =
  /\b(?:universit\p{L}*|college|institut\p{L}*|school|[ée]cole|lab|labs|laboratory|laboratoire|department|dept|group|centre|center|faculty|facult\p{L}*)\b/iu;
const distinctiveWords = (text: string) =>
  (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((word) => !SCHOOL_STOP_WORDS.has(word));

const SCHOOL_HEAD =
  "(?:[Uu]niversit\\p{L}*|UNIVERSIT\\p{L}*|[Cc]ollege|COLLEGE|[Ii]nstitut\\p{L}*|INSTITUT\\p{L}*|[Ss]chool|SCHOOL|[ÉéEe]cole|ÉCOLE|ECOLE|[Hh]ochschule|[Pp]olytechnic)";
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]{1,30}";
/** "University of Strasbourg", "Université de Strasbourg", "Cornell University": school names in text. */
const SCHOOL_NAMES = new RegExp(
  `${SCHOOL_HEAD}[ \\t]+(?:(?:of|de|du|des|di|do|da|für|for|OF|DE)[ \\t]+)?(?:the[ \\t]+)?${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,2}|(?:${NAME_WORD}[ \\t]+){1,3}${SCHOOL_HEAD}`,
  "gu",
);
export const schoolNames = (text: string): string[] => text.match(SCHOOL_NAMES) ?? [];

/**
 * Research at one's own university is study: a research post ("Researcher", "Assistant Researcher",
 * not a research engineer or scientist) at a school, lab or department that shares its name with
 * a school the candidate took a degree at ("Researcher, Cornell Robot Learning Lab" beside
 * "Cornell University"). Returns the entries with those reclassified (the same array when none is).
 */
export function researchAtOwnSchoolIsStudy(entries: ExperienceEntry[], schools: string[]): ExperienceEntry[] {
  const schoolWords = new Set(schools.flatMap(distinctiveWords));
  if (schoolWords.size === 0) return entries;
  let changed = false;
  const out = entries.map((entry) => {
    if (entry.kind !== "job" || !entry.title || !entry.organisation) return entry;
    const title = entry.title.text;
    if (!RESEARCH_TITLE.test(title) || PROFESSIONAL_RESEARCH.test(title)) return entry;
    const organisation = entry.organisation.text;
    if (!ACADEMIC_ORG.test(organisation) || !distinctiveWords(organisation).some((word) => schoolWords.has(word))) {
      return entry;
    }
    changed = true;
    return { ...entry, kind: "study" as const };
  });
  return changed ? out : entries;
}

/**
 * Years of experience: each month counts once, at the weight of the heaviest role covering it
 * (a job and an overlapping internship make one full month). Rounded to one decimal.
 */
export function yearsOf(entries: ExperienceEntry[], now: Date): number {
  const nowMonth = monthOf(now);
  // The heaviest weight of each month, in an array over the months the roles cover; the months
  // in the order they were first weighted, so the sum adds them in the order it always did.
  const covered: Array<{ first: number; last: number; weight: number }> = [];
  let low = Infinity;
  let high = -Infinity;
  for (const entry of entries) {
    const weight = ROLE_WEIGHTS[entry.kind];
    if (weight === 0) continue;
    const first = toMonth(entry.start);
    const last = Math.min(first + entry.months - 1, nowMonth);
    if (!(first <= last)) continue; // no month (or an unreadable start)
    covered.push({ first, last, weight });
    low = Math.min(low, first);
    high = Math.max(high, last);
  }
  if (covered.length === 0) return 0;
  const weights = new Float64Array(high - low + 1);
  const seen = new Uint8Array(high - low + 1);
  const order: number[] = [];
  for (const { first, last, weight } of covered) {
    for (let month = first; month <= last; month++) {
      const at = month - low;
      if (seen[at] === 0) {
        seen[at] = 1;
        order.push(at);
      }
      weights[at] = Math.max(weights[at]!, weight);
    }
  }
  let total = 0;
  for (const at of order) total += weights[at]!;
  return Math.round((total / 12) * 10) / 10;
}

/** "2021-03" → 2021 * 12 + 2; "2021" → 2021 * 12 (what label.split("-").map(Number) reads). */
function toMonth(label: string): number {
  const dash = label.indexOf("-");
  if (dash === -1) return Number(label) * 12;
  const end = label.indexOf("-", dash + 1);
  return Number(label.slice(0, dash)) * 12 + (Number(label.slice(dash + 1, end === -1 ? label.length : end)) - 1);
}
