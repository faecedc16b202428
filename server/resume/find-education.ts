// Degrees: level, field and institution, from the forms people write in many countries
// (Ph.D., DPhil, M.Sc., MEng, MBA, B.Tech., B.A.Sc., Licenciatura, Bacharelado, Diplom, …).
// Inside an education section short forms (MS, BA) count; elsewhere only forms that cannot
// be anything else ("Master of", "B.Sc.", "Ph.D."), so "Boston, MA" is never a degree.
import type { DegreeLevel, Span } from "../contract/screening-result.ts";
import { latestMonth, monthOf } from "./find-date-ranges.ts";
import type { Section } from "./find-sections.ts";
import { lineSpans, spanOf, type LineSpan } from "./spans.ts";

export type Degree = Exclude<DegreeLevel, "none">;

export interface EducationEntry {
  level: Degree;
  /** The degree as written ("M.Sc.", "Bachelor of Science"). */
  degree: Span;
  field: Span | null;
  institution: Span | null;
  /** False for a degree still in progress ("expected 2026", "PhD candidate"). */
  completed: boolean;
}

export interface EducationFacts {
  entries: EducationEntry[];
  /** Highest completed level; "none" when an education section shows no degree; null without evidence. */
  highestDegree: DegreeLevel | null;
}

const RANK: Record<Degree, number> = { associate: 1, bachelors: 2, masters: 3, phd: 4 };

// Each pattern: level, whether it is safe outside an education section, and the regex. Every
// form ends at a word boundary ("diplomatically", "Bachelorette" and "MSc." in a URL are not
// degrees), and "Promotion" is a promotion: German doctorates are written "Dr." or "Promotion
// (Dr. rer. nat.)", and the "Dr." form is what counts. A law school's Juris Doctor ("J.D.",
// "Juris Doctorate") is a professional graduate degree, not a research doctorate: a master's, as
// an LL.M. is. A "Mini MBA" is a short certificate course, not a degree.
const D = "\\.?\\s?";
const END = "(?![\\p{L}\\d])";
/**
 * A dotted abbreviation whose last dot may be missing: "B.E", "B.E.", "M.C.A". Not inside a longer
 * run of initials, as school names are written: "M.E.S. Highschool", "S.S.P.M.S College", "S. M.
 * E. S. Polytechnic" hold no M.E. or M.S.
 */
const dotted = (letters: string) => `(?<!\\p{L}\\.\\s?)${letters.split("").join("\\.\\s?")}\\.?${END}(?!\\.\\p{L})`;
const OF_SUBJECT =
  "(?:\\s+(?:of|in)\\s+(?:applied science|science|arts|engineering|business administration|philosophy|technology|fine arts|laws|education|computer applications|public health|research|commerce|mathematics)\\b|\\s+degree\\b)?";
/** A bare degree abbreviation's subject after it: ": Journalism", "-Liberal Arts", " Psychology". */
const BARE_SUBJECT =
  "(?=\\s?[:–-]\\s?\\p{Lu}|\\s(?!(?:Office|Excel|Word|Access|Project|Visio|PowerPoint|Outlook|Dynamics|SQL|Teams|Windows|Azure|Bachelor|Master|Associate|Doctor|University|College|Institute|School)\\b)\\p{Lu}\\p{Ll}{2,})";
/**
 * First professional doctorates: a pharmacist's, physician's, dentist's or therapist's licence to
 * practise, not a research doctorate. Master's, as the Juris Doctor is.
 */
const PROFESSIONAL_DOCTORATE =
  "pharmacy|medicine|dental (?:surgery|medicine)|veterinary medicine|physical therapy|optometry|nursing practice|chiropractic|podiatric medicine|osteopathic medicine";
const DEGREE_PATTERNS: Array<[Degree, boolean, RegExp]> = [
  [
    "phd",
    true,
    new RegExp(
      `\\b(?:ph${D}d\\b\\.?|d${D}phil\\b\\.?|doctor of (?!medicine|jurisprudence|law\\b|${PROFESSIONAL_DOCTORATE})[\\p{L} ]+?(?=\\s?[,|(:;]|\\s(?:in|from|at|[–-])\\s|$)|(?<!juris\\s)doctorate${END}|doctoral degree|ed\\.\\s?d\\b\\.?|psy\\.\\s?d\\b\\.?|dr\\.\\s?(?:rer|phil|ing)\\.(?:\\s?nat\\.)?|doutorado|doctorado|doctorat${END})`,
      "iu",
    ),
  ],
  [
    "masters",
    true,
    new RegExp(
      `\\b(?:m${D}sc\\b\\.?|m${D}eng\\b\\.?|(?<!mini[\\s-])${dotted("mba")}|(?<!mini[\\s-])mba${END}|m${D}phil\\b\\.?|m${D}-?tech\\b\\.?|m${D}res\\b|m[aá]ster(?:'s|’s|s)?${OF_SUBJECT}|dipl[oô]me d['’]ing[ée]nieur|${dotted("ms")}|${dotted("ma")}|${dotted("me")}|m\\.\\s?com\\b\\.?|mcom${END}|dipl(?:om|\\.)(?:-?ing\\.?|-?informatiker(?:in)?|-?kaufmann|-?physiker(?:in)?|-?mathematiker(?:in)?)?(?![\\p{L}])|diploma de mestrado|mestrado|maestr[ií]a|laurea magistrale|magister${END}|ll\\.?m\\b\\.?|juris doctor(?:ate)?${END}|doctor of (?:${PROFESSIONAL_DOCTORATE})\\b|pharm${D}d\\b\\.?|doctor of (?:jurisprudence|law)\\b|j\\.\\s?d\\.|${dotted("mca")}|mca${END}|${dotted("md")}|${["mfa", "msee", "mscs", "msme", "msw", "mpa", "mph", "mha", "msn", "mat", "mpp"].map(dotted).join("|")}|m\\.\\s?(?:s\\.\\s?)?ed\\b\\.?|ed\\.\\s?m\\.|pgdb?m${END}|p\\.g\\.d\\.b?\\.?m\\.?|post[- ]?graduate diploma in (?:business )?(?:management|business administration|business management)\\b)`,
      "iu",
    ),
  ],
  [
    "bachelors",
    true,
    new RegExp(
      `\\b(?:b${D}sc\\b\\.?|b${D}eng\\b\\.?|b${D}-?\\s?tech\\b\\.?|${dotted("be")}|b${D}a${D}sc\\b\\.?|${dotted("bs")}|${dotted("ba")}|bachelor(?:'s|’s|s)?${OF_SUBJECT}|licenciatura|licenciado|licence (?:en|de|in)\\b|bacharelado|bacharel|laurea(?: triennale)?${END}|grado en|b${D}com\\b\\.?|bba${END}|bbm${END}|${dotted("bbm")}|bsw${END}|b${D}pharm\\b\\.?|ll${D}b\\b\\.?|${["bsba", "bsee", "bscs", "bsme", "bsce", "bsn", "bcis"].map(dotted).join("|")}|${dotted("bmm")}|bmm${END}|${dotted("bfa")}|${dotted("bba")}|bca${END}|${dotted("bca")}|bcis${END}|${dotted("bsw")}|b\\.\\s?(?:s\\.\\s?)?ed\\b\\.?|b${D}arch\\b\\.?|b${D}mus\\b\\.?|sarjana${END}|undergraduate degree)`,
      "iu",
    ),
  ],
  [
    "associate",
    true,
    new RegExp(
      `\\b(?:associate(?:'s|’s)?\\s+(?:of|in|degree)\\b|associates\\s+degree\\b|associates\\s+of\\s+(?:applied\\s+)?(?:science|arts|technology)\\b|a\\.a\\.s?\\.|a\\.s\\.|a\\.a\\.|(?<!high school |secondary school |school )diploma${END}(?! de mestrado))`,
      "iu",
    ),
  ],
  // Chinese, Japanese and Korean degree words (no word boundaries in those scripts).
  ["phd", true, /博士(?!后|後)|박사/u],
  ["masters", true, /硕士|碩士|修士|석사/u],
  ["bachelors", true, /学士|學士|本科|학사/u],
  // Bare abbreviations: only in an education section, not after ", " (a US state), not in a word.
  [
    "masters",
    false,
    /(?<![,\p{L}]\s?)\b(?:MS(?!\s+(?:Office|Excel|Word|Access|Project|Visio|PowerPoint|Outlook|Dynamics|SQL|Teams|Windows|Azure|Publisher|Exchange|SharePoint)\b)|MA|MSc|MEng|MPhil|MS[Cc]S|MFA|MPH|MEd|MSW|MPA|MHA|MSN|MLIS|ME|MTECH|MTech|MCOM|MCom|MCS|MCM|MMS|JD(?!\s+Edwards))\b(?!\.\w)/u,
  ],
  // "J.D : Law" without its last dot; "MBABusiness Administration", a degree glued to its subject.
  ["masters", false, /(?<![\p{L}.]\s?)\bJ\.\s?D\b(?!\.\p{L})|\bMBA(?=\p{Lu}\p{Ll})/u],
  [
    "bachelors",
    false,
    /(?<![,\p{L}]\s?)\b(?:BS|BA|BE|BSc|BEng|BTech|BTECH|BASc|BSE|BFA|BS[Cc]S|BCOM|BCom|BSCIT|BScIT|BSc IT|BMS|B\.M\.S\.?|BSBA|BSN|BSEE|BSME|BSCE|BSIT|BSW|TYB(?:MS|COM|Com|SC|Sc|A))\b(?!\.\w)/u,
  ],
  // "GRADUATE : 1998 John Wood Community College": a graduate of a community college holds its
  // associate's, of a university its bachelor's; "… Jun 2014 Associates : General Studies".
  [
    "associate",
    false,
    /^\s*Graduate\s*:\s*(?=[^\n]*\b(?:community|junior) college\b)|\bAssociates?\s*:\s*(?=\p{Lu})/iu,
  ],
  // "Degree : Political Science/Public Administration Grandview University": the builder's degree
  // left unnamed, at a university: a bachelor's, as a university's "GRADUATE :" holds.
  ["bachelors", false, /^\s*(?:Graduate|Degree)\s*:\s*(?=[^\n]*\buniversit(?:y|ies)\b)/iu],
  // Indonesian bachelor's degrees opening their line: "S.E : Accounting" (Sarjana Ekonomi),
  // "S.Kom, Informatics", "S.T : Teknik Sipil".
  ["bachelors", false, /^\s*S\.\s?(?:E|T|Kom|Si|H|Pd|Psi|Sos|Ak|IP|Ked)\.?(?=\s*[:,])/u],
  // "B E in Production Engineering": the letters apart, before the field.
  ["bachelors", false, /(?<![,\p{L}]\s?)\bB E(?= (?:in\b|\())/u],
  [
    "associate",
    false,
    /(?<![,\p{L}]\s?)\b(?:AA|AS|AAS)\b(?=\s+(?:in|degree)\b)|\b(?:AA|AAS)(?=\s+degree\b)|^\s*(?:AA|AS|AAS)(?=\s*:\s*\p{Lu})/u,
  ],
  // "Associate : Applied Science …", "Associates , Arts …": the degree word opening its line,
  // then its subject (LiveCareer's "degree : subject" entries), not a firm ("Associates, Inc.").
  [
    "associate",
    false,
    /^\s*(?:Associate|Associates|ASSOCIATES?)(?:'s|’s)?(?=\s*[,:]\s*\p{Lu}|\s+(?:of|in)\s+\p{Lu})(?!\s*,\s*(?:Inc|LLC|Ltd)\b)/u,
  ],
  // After a word ("Psychology BS Psychology", "Guidance & Counseling MS Guidance"), only as a
  // degree followed by its subject: "Boston MA 02115" and "MS Office" are not degrees.
  ["masters", false, new RegExp(`(?<=\\p{L}\\s)(?:MS|MA|MSc|MEd)${BARE_SUBJECT}`, "u")],
  ["bachelors", false, new RegExp(`(?<=\\p{L}\\s)(?:BS|BA|BSc|BBA|BFA|BSN)${BARE_SUBJECT}`, "u")],
  ["phd", false, /(?<![,\p{L}]\s?)\b(?:PHD|DPHIL)\b/u],
];
const INSTITUTION_WORDS =
  "universit(?:y|ä|é|à|e|at|ario|ária)|universidad|universidade|università|college|institute|institut|instituto|school|polytechnic|politecnico|polytechnique|academy|akademie|hochschule|escola|escuela|école|ecole|conservatory|seminary|iit|mit|eth|epfl|tu\\s|ucl|ucla|uc\\s|kaist|nus|ntu|tsinghua|caltech|cmu|fachhochschule";
const INSTITUTION = new RegExp(`\\b(${INSTITUTION_WORDS})\\b`, "iu");
/**
 * INSTITUTION without its word boundaries: what it matches in a part of a line, this matches in
 * the line (a boundary at the edge of a part need not be one in the line, so the line is not
 * tested with INSTITUTION itself). A line this misses has no part naming an institution.
 */
const INSTITUTION_ANYWHERE = new RegExp(INSTITUTION_WORDS, "iu");
const SCHOOL_LEAVING =
  /\b(?:high school|secondary|hs|ged|ssc|hsc|matriculation|a-levels?|abitur|baccalaur[ée]at)\b|\bh\.\s?s\.(?!\w)/i;
/** Words of a degree not (yet) completed: "expected", "pursuing", "ABD", "Completed 2 years". */
const UNFINISHED =
  "expected|anticipated|present|ongoing|currently|pursuing|candidate|in progress|not completed|incomplete|to obtain|hope to|plan to|planning to|working towards?|abd|all but dissertation|completed (?:\\d|one|two|three) (?:years?|semesters?)|(?:1st|2nd|3rd|first|second|third|final) year(?! (?:project|thesis|dissertation|seminar|research))|credits towards|coursework towards|towards (?:a|an|my|the) (?:[a-z']+ )?degree|will\\s+graduate|goal of (?:obtaining|earning|completing)|(?<=:\\s{0,2})progress|in[- ]process|on-going|credit hours (?:towards?|to)|needing \\d+ more|(?:classes|courses|credits) completed to date|enrolled(?=[ \\t]*(?:$|[,.;)]))|(?:\\d|one|two|three) (?:courses?|credits?|classes) (?:outstanding|remaining|left)|(?:to|will) (?:fulfill|complete|earn|pursue|finish) (?:my|a|an|the)\\b|(?:coursework|comprehensive exams?|qualifying exams?)(?:\\s+(?:and|&)\\s+(?:comprehensive |qualifying )?exams?)?\\s+(?:completed|passed)";
/** "Current" where a degree's year would be: ending its line or before a separator. */
const CURRENT_AS_DATE = "(?:^|[\\s,:–-])current[^\\S\\n]*(?:$|[\\n,)|])";
const IN_PROGRESS = new RegExp(`\\b(?:${UNFINISHED}|to be completed|no degree)\\b|${CURRENT_AS_DATE}`, "i");

/**
 * Lines of one text found to name no degree in a safe form (mentionsDegree false), by their
 * span: the work timeline reads its one-line role headers so, and the education reading of a text
 * without an education section reads every line so again; what one found, the other need not.
 */
export class DegreeFreeLines {
  /** The end of each such line, by its start. */
  private readonly ends = new Map<number, number>();

  /** mentionsDegree(line.text), remembered when false. */
  mentionsDegree(line: LineSpan): boolean {
    if (this.has(line)) return false;
    const found = mentionsDegree(line.text);
    if (!found) this.ends.set(line.start, line.end);
    return found;
  }

  /** Whether the line (the same span of the same text) was found to name none. */
  has(line: LineSpan): boolean {
    return this.ends.get(line.start) === line.end;
  }
}

/** `degreeFree`: lines of `text` known to name no degree in a safe form (see extractResumeFacts). */
export function findEducation(
  text: string,
  sections: Section[],
  now: Date,
  degreeFree?: DegreeFreeLines,
): EducationFacts {
  const educationSections = sections.filter((section) => section.kind === "education");
  const entries: EducationEntry[] = [];
  const regions =
    educationSections.length > 0
      ? educationSections.map((section) => ({ start: section.bodyStart, end: section.end, strict: false }))
      : [{ start: 0, end: text.length, strict: true }];
  for (const region of regions) {
    const lines = new RegionLines(text, lineSpans(text, region.start, region.end), degreeFree);
    // "School | dates" above each degree, or the degree first with school and dates below it.
    const firstLine = lines.spans.findIndex((line) => line.text.trim() !== "");
    const schoolAbove = !region.strict && firstLine !== -1 && !lines.degree(firstLine);
    for (let index = 0; index < lines.spans.length; index++) {
      const entry = degreeOn(lines, index, region.strict, now, schoolAbove);
      if (entry) entries.push(entry);
    }
  }
  // "Graduating Ph.D. candidate" in the summary: the résumé was written before the latest
  // doctorate's date, whatever year its line gives (an earlier doctorate stays held).
  if (PHD_CANDIDATE.test(text)) {
    const doctorates = entries.filter((entry) => entry.level === "phd" && entry.completed);
    const yearOf = (entry: EducationEntry) => latestYear(lineAt(text, entry.degree.start)) ?? Infinity;
    const latest = doctorates.reduce<EducationEntry | null>(
      (best, entry) => (best === null || yearOf(entry) > yearOf(best) ? entry : best),
      null,
    );
    if (latest) latest.completed = false;
  }
  const completed = entries.filter((entry) => entry.completed);
  const highest = completed.reduce<Degree | null>(
    (best, entry) => (best === null || RANK[entry.level] > RANK[best] ? entry.level : best),
    null,
  );
  // "none" needs an education section that shows some education: a job-board export's empty
  // "Education Details" (followed only by the headline) tells nothing.
  const bodies =
    entries.length > 0 ? [] : educationSections.map((section) => text.slice(section.bodyStart, section.end));
  const showsEducation = entries.length > 0 || bodies.some(showsSchooling);
  const attended = bodies.some((body) => universityAlone(body, now));
  const highestDegree = highest ?? (attended ? "bachelors" : showsEducation ? "none" : null);
  return { entries, highestDegree };
}

/**
 * A university or a degree-granting college by its name ("Saurashtra University", "Anurag College
 * of Engineering"); an Indian "Pre-University College" teaches the last two years of school.
 */
const UNIVERSITY =
  /(?<!\bpre[- ]?)\buniversit(?:y|ies)\b|\bcollege of (?:engineering|technology)\b|\b(?:engineering|technology) college\b/i;
/**
 * A discipline of engineering alone on its line ("Electrical engineering" above "VSSUT, Burla"):
 * the degree's subject with its name dropped, as job-board exports write it. A diploma says so
 * ("Diploma in Electrical Engineering"), and NO_DEGREE_WORDS keeps it out.
 */
const ENGINEERING_ALONE =
  /^[^\S\n]*(?:[A-Za-z&]+[^\S\n]+){1,3}engineering[^\S\n]*$|^[^\S\n]*engineering[^\S\n]+in[^\S\n]+[A-Za-z& ]{3,40}$/im;
/** Words of study that did not end in a degree, or of schooling that is not one. */
const NO_DEGREE_WORDS =
  /\b(?:course(?:s|work)?|attended|credits?|some college|studied|studying|student|diploma|certificat\w*|semesters?|non-degree|exchange|summer|distance learning)\b/i;

/**
 * An education section that names a university, or an engineering discipline, and no degree at
 * all ("Saurashtra University - Morbi, Gujarat / 2007", "Electrical engineering / VSSUT", a
 * job-board export that dropped the degree line): the years at a university ended in its first
 * degree, as a recruiter reads it, unless the section says the study was unfinished, a course, or
 * still under way (a date after `now`).
 */
function universityAlone(body: string, now: Date): boolean {
  const named =
    body.split("\n").some((line) => UNIVERSITY.test(line) && !BOARD.test(line)) || ENGINEERING_ALONE.test(body);
  if (!named || IN_PROGRESS.test(body) || NO_DEGREE_WORDS.test(body)) return false;
  return !stillAhead(body, now);
}
/** "SSC / Board (university) - Aurangabad": the board of a school-leaving exam, not a university's study. */
const BOARD = /\bboard\b/i;

/** Words of schooling besides a school's name, a school-leaving word or a year. */
const SCHOOLING_WORDS =
  /\b(?:sslc|diploma|courses?|coursework|stud(?:y|ying|ies|ent)|graduat\w*|degree|certif\w*|class\s+(?:x|xii|10|12)|10th|12th|matric\w*|board|pursuing|major|minor|c?gpa|baccalaur\w*)\b/i;

/**
 * Whether an education section says something: a school's name, a year or words of schooling.
 * Not a web page's footer pasted in ("PRIVACY POLICY … © 2016, LiveCareer, Ltd. All rights reserved.").
 */
function showsSchooling(section: string): boolean {
  const body = section.replace(PAGE_BOILERPLATE, " ");
  return INSTITUTION.test(body) || SCHOOL_LEAVING.test(body) || HAS_YEAR.test(body) || SCHOOLING_WORDS.test(body);
}
const PAGE_BOILERPLATE = /^.*(?:©|\ball rights reserved\b|\bprivacy policy\b|\bterms (?:&|and) conditions\b).*$/gim;

/** Whether a line names a degree in a form that cannot be anything else ("B.E", "M.Sc.", "Ph.D."). */
export function mentionsDegree(line: string): boolean {
  return degreeMatch(line, true) !== null;
}

/** A degree found on a line, and the index in DEGREE_PATTERNS of the pattern that found it. */
type DegreeFound = { level: Degree; match: RegExpExecArray; pattern: number };

/**
 * The lines of one region, and what is read from each line more than once read only once: each
 * degree line asks whether the lines around it name a degree or a school, and they ask the same
 * of it (on a text of degree lines, every line was read three times).
 */
class RegionLines {
  private readonly degrees: Array<DegreeFound | null | undefined>;
  private readonly institutions: Array<Span | null | undefined>;

  constructor(
    readonly text: string,
    readonly spans: LineSpan[],
    private readonly degreeFree?: DegreeFreeLines,
  ) {
    this.degrees = new Array<DegreeFound | null | undefined>(spans.length).fill(undefined);
    this.institutions = new Array<Span | null | undefined>(spans.length).fill(undefined);
  }

  /** degreeMatch(line, false): a degree in any form. */
  degree(index: number): DegreeFound | null {
    let found = this.degrees[index];
    if (found === undefined) this.degrees[index] = found = degreeMatch(this.spans[index]!.text, false);
    return found;
  }

  /**
   * degreeMatch(line, true): a degree in a form safe outside education. When the line was read
   * loosely already, the strict reading starts where the loose one stopped: strict reading skips
   * every pattern and match that loose reading skips (and more), so no pattern before the loose
   * one can answer, and when none answered loosely none answers strictly.
   */
  strictDegree(index: number): DegreeFound | null {
    // A line another reader found free of such degrees (mentionsDegree is this reading's test).
    if (this.degreeFree?.has(this.spans[index]!)) return null;
    const loose = this.degrees[index];
    if (loose === undefined) return degreeMatch(this.spans[index]!.text, true);
    return loose && degreeMatch(this.spans[index]!.text, true, loose.pattern, loose.match);
  }

  /** The first part of the line that names an institution. */
  institution(index: number): Span | null {
    let found = this.institutions[index];
    if (found === undefined) this.institutions[index] = found = institutionOn(this.text, this.spans[index]!);
    return found;
  }
}

const MASTER = /^master/i;
const MASTER_OF = /^master(?:'s|’s|s)?\s+(of|in|degree)\b/i;
const MASTERS_POSSESSIVE = /master(?:'s|’s)/i;
const MASTER_OF_FROM_LINE = /^m[aá]ster(?:'s|’s|s)?\s+(?:in|of|en|em)\b/i;
const MASTER_ALONE = /^master(?:'s|’s|s)?$/i;
const MASTER_CERTIFICATE = /\bmaster(?:'s|’s)?\s+certificate\b/i;
const NOT_A_DEGREE_MASTER = /\b(scrum|web|quiz|chess|data|grand|sigma)\s+master/i;
const DIPLOMA = /^diploma/i;
/** A general diploma, or one in "General Studies": what an American high school awards. */
const GENERAL_DIPLOMA = /\bgeneral\s+diploma\b|\bdiploma\s*[:,–-]\s*general studies\b/i;
const BARE_MASTER = /^m[aá]sters?$/i;
const AFTER_BARE_MASTER = /^\s*(?:$|[,:;(|–—-]|\d|(?:of|in|en|em|di|de|degree|program)\b)/i;
const YEAR_IN = /\b(?:19|20)\d\d\b/;

/**
 * The first degree pattern (from DEGREE_PATTERNS[from] on) that matches the line and stands as a
 * degree. `known` is DEGREE_PATTERNS[from]'s match on the line, when it was run already.
 */
function degreeMatch(line: string, strict: boolean, from = 0, known?: RegExpExecArray): DegreeFound | null {
  for (let index = from; index < DEGREE_PATTERNS.length; index++) {
    const [level, safe, pattern] = DEGREE_PATTERNS[index]!;
    if (strict && !safe) continue;
    const match = index === from && known ? known : pattern.exec(line);
    if (!match) continue;
    // "Scrum Master", "Master data" outside education are not degrees.
    if (
      strict &&
      MASTER.test(match[0]) &&
      !MASTER_OF.test(match[0]) &&
      !MASTERS_POSSESSIVE.test(match[0]) &&
      !MASTER_OF_FROM_LINE.test(line.slice(match.index))
    )
      continue;
    if (MASTER_ALONE.test(match[0].trim()) && NOT_A_DEGREE_MASTER.test(line)) continue;
    // "Master of Science Master Certificate in Exercise Science": a certificate programme.
    if (MASTER.test(match[0]) && MASTER_CERTIFICATE.test(line)) continue;
    // A diploma outside education is a certificate course as often as a degree; a school-leaving
    // diploma is no degree at all.
    if (DIPLOMA.test(match[0]) && (strict || SCHOOL_LEAVING.test(line) || GENERAL_DIPLOMA.test(line))) continue;
    // A bare "Master" must stand as a degree ("Master, Physics", "Master 2 Data Science, Paris,
    // 2021", "Máster en IA"), not as a verb or a title ("Master Python and its libraries").
    if (
      BARE_MASTER.test(match[0]) &&
      !AFTER_BARE_MASTER.test(line.slice(match.index + match[0].length)) &&
      !YEAR_IN.test(line) &&
      !INSTITUTION.test(line)
    )
      continue;
    return { level, match, pattern: index };
  }
  return null;
}

function degreeOn(
  lines: RegionLines,
  index: number,
  strict: boolean,
  now: Date,
  schoolAbove = false,
): EducationEntry | null {
  const { text, spans } = lines;
  const line = spans[index]!;
  const found = strict ? lines.strictDegree(index) : lines.degree(index);
  if (found) {
    const { level, match } = found;
    if (DIPLOMA.test(match[0]) && diplomaOfSchoolBelow(lines, index)) return null;
    const start = line.start + match.index;
    const degree = spanOf(text, start, start + match[0].length);
    return {
      level,
      degree,
      field: fieldAfter(text, line, degree),
      institution: institutionNear(lines, index),
      completed: isCompleted(level, completionContext(lines, index, schoolAbove), now),
    };
  }
  return null;
}

/**
 * A diploma line naming no school, above the school-leaving school that awarded it ("Diploma :
 * General Studies , 1986" / "Maury High School"): a high-school diploma, no degree.
 */
function diplomaOfSchoolBelow(lines: RegionLines, index: number): boolean {
  if (lines.institution(index)) return false;
  // "Los Angeles Harbor College 1 2004" / "Diploma : Education Child Development": the college's.
  const above = previousNonBlank(lines.spans, index);
  if (above !== -1 && lines.institution(above) && !SCHOOL_LEAVING.test(lines.spans[above]!.text)) return false;
  const next = nextNonBlank(lines.spans, index);
  return next !== -1 && !lines.degree(next) && SCHOOL_LEAVING.test(lines.spans[next]!.text);
}

const HAS_YEAR = /\b(19|20)\d\d\b/;

/** A certification, certificate or licence: an entry of its own, never a degree's context. */
const CERTIFICATION_LINE = /\b(?:certifications?|certificates?|certified|licen[cs]es?|licensure)\b/i;

/**
 * The degree's own line when it holds a year; else with the lines below it up to the next
 * degree, where the dates sit ("Dec 2014 | Ithaca", or school / blank / "Aug 2013 to Jun 2017").
 */
function completionContext(lines: RegionLines, index: number, schoolAbove: boolean): string {
  const { spans } = lines;
  const own = spans[index]!.text;
  if (HAS_YEAR.test(own)) return own + expectedBelow(lines, index);
  // In a "school | dates" above "degree" layout, the line above says "Expected 2027".
  const previous = previousNonBlank(spans, index);
  // A school-leaving line above ("Diploma, Pueblo High School, graduated 1996") is an entry of its
  // own, not the school of this degree: its year is not this degree's. Lines are joined by line
  // breaks, so a "Current" that ends a line reads as the date it is.
  const above =
    schoolAbove && previous !== -1 && !lines.degree(previous) && !SCHOOL_LEAVING.test(spans[previous]!.text)
      ? spans[previous]!.text
      : "";
  if (HAS_YEAR.test(above)) return `${above}\n${own}${expectedBelow(lines, index)}`;
  let context = `${own}\n${above}`;
  // A degree line that names its school is a whole entry: a line below naming another school is
  // the next entry ("Associates Degree Colorado Institute of Art" / "In Progress , Advertising …
  // Denver University"), and its "In Progress" is not this degree's. The same school again is
  // the entry wrapped ("… University of Houston Clear Lake" / "Special Education, University of
  // Houston Clear Lake, Houston, TX. (In progress, …").
  const ownSchool = lines.institution(index) !== null;
  for (let below = index + 1; below < Math.min(spans.length, index + 5); below++) {
    // A certification below is an entry of its own: "SPHR Certification (2010-present)" is
    // held now, not a degree still in progress. So is another degree, unless it is this one
    // named again on the wrapped entry's next line, with the date this line lacks ("Master of
    // Business Administration : …" / "… June 2015 Candidate for Master of Business").
    const again = lines.degree(below);
    if (again && again.level === lines.degree(index)?.level && HAS_YEAR.test(spans[below]!.text)) {
      context += `\n${spans[below]!.text}`;
      break;
    }
    if (again || CERTIFICATION_LINE.test(spans[below]!.text) || (ownSchool && anotherSchool(lines, index, below)))
      break;
    context += `\n${spans[below]!.text}`;
    if (HAS_YEAR.test(spans[below]!.text)) break;
  }
  return context;
}

/** Whether the line `below` names a school that the degree's line does not. */
function anotherSchool(lines: RegionLines, index: number, below: number): boolean {
  const school = lines.institution(below);
  if (!school) return false;
  const own = lettersOnly(lines.spans[index]!.text);
  const other = lettersOnly(school.text);
  return !own.includes(other) && !other.includes(lettersOnly(lines.institution(index)?.text ?? ""));
}
const lettersOnly = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, " ")
    .trim();

/**
 * An "Expected graduation date: May 2016" or "I am currently enrolled" in the lines below a dated
 * degree line, up to the next degree (a thesis description can stand between them), after a line
 * break; else "". Only the phrases of a date still to come or a study still going on, not a
 * description's "exceeded expected targets".
 */
function expectedBelow(lines: RegionLines, index: number): string {
  const { spans } = lines;
  let below = "";
  for (let next = index + 1; next < Math.min(spans.length, index + 4); next++) {
    if (lines.degree(next) || CERTIFICATION_LINE.test(spans[next]!.text)) break;
    below += ` ${spans[next]!.text}`;
  }
  // Joined by spaces: a wrapped paragraph breaks "Expected / graduation date: May 2016".
  const match = EXPECTED_DATE.exec(below);
  return match ? `\n${match[0]}` : "";
}
const EXPECTED_DATE =
  /\b(?:expected|anticipated)\s+(?:graduation|completion|(?:date\b|in\b|by\b|to graduate\b)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|(?:19|20)\d\d\b)|\b(?:i am |i'm )?currently (?:enrolled|attending|pursuing)\b|\bneeding \d+ more\b|\b(?:classes|courses|credits) completed to date\b|\(on-?going\)/i;

/**
 * The index of the nearest non-blank line above `index` (-1 when none is): a walk up from it
 * (copying every line above each degree line to search it took quadratic time on a text of
 * degree lines).
 */
function previousNonBlank(lines: LineSpan[], index: number): number {
  for (let above = index - 1; above >= 0; above--) if (lines[above]!.text.trim() !== "") return above;
  return -1;
}

/** The index of the nearest non-blank line below `index` (-1 when none is). */
function nextNonBlank(lines: LineSpan[], index: number): number {
  for (let below = index + 1; below < lines.length; below++) if (lines[below]!.text.trim() !== "") return below;
  return -1;
}

/** "M.S. in Computer Science, Stanford" → "Computer Science". */
const FIELD =
  /^\s*(?:\(|,|-|–|:)?\s*(?:(?:of|in)\s+(?:science|arts|engineering|philosophy|technology)?\s*(?:in\s+)?)?(?:of\s+|in\s+)?([\p{L}][\p{L}&/' .-]*?)(?=\s*(?:[,|()–—;]|\s-\s|\s(?:at|from)\s|\b(?:19|20)\d\d\b|$))/iu;
const NOT_A_FIELD = /^(expected|candidate|gpa)\b/i;

function fieldAfter(text: string, line: LineSpan, degree: Span): Span | null {
  const after = text.slice(degree.end, line.end);
  const match = FIELD.exec(after);
  if (!match?.[1]) return null;
  const field = match[1].trim();
  if (field.length < 2 || INSTITUTION.test(field) || NOT_A_FIELD.test(field)) return null;
  const start = degree.end + after.indexOf(match[1]);
  return spanOf(text, start, start + match[1].length);
}

/** The institution on the degree's line, or on the line just above or below. */
function institutionNear(lines: RegionLines, index: number): Span | null {
  for (const candidate of [index, index - 1, index + 1]) {
    if (candidate < 0 || candidate >= lines.spans.length) continue;
    const found = lines.institution(candidate);
    // A copy: each entry has its own span, as when each was read on its own.
    if (found) return { ...found };
  }
  return null;
}

const PART_BREAK = /\s*(?:[,|•·–—;()]|\s-\s|\s{2,}|\bat\b|\bfrom\b)\s*/;

/** The first part of a line that names an institution, as a span. */
function institutionOn(text: string, line: LineSpan): Span | null {
  if (!INSTITUTION_ANYWHERE.test(line.text)) return null;
  for (const part of line.text.split(PART_BREAK)) {
    if (!INSTITUTION.test(part) || part.length > 80) continue;
    const start = line.start + line.text.indexOf(part);
    return spanOf(text, start, start + part.length);
  }
  return null;
}

/** The line of the text around `at`. */
function lineAt(text: string, at: number): string {
  const end = text.indexOf("\n", at);
  return text.slice(text.lastIndexOf("\n", at) + 1, end === -1 ? text.length : end);
}

/** The writer a doctoral candidate (one, not "PhD candidates" supervised). */
const PHD_CANDIDATE = /\b(?:ph\.?\s?d\.?|doctoral)\s+candidate\b(?!s)/i;

const COMPLETION_YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/g;
const PHD_NOT_DONE = /\b(candidate|student)\b/i;
const NOT_DONE = new RegExp(`\\b(?:${UNFINISHED})\\b|${CURRENT_AS_DATE}`, "i");

/**
 * "Master of science : Mechanical engineering Current Columbia University": a job board's
 * "degree : field DATE school" line with "Current" for its date. Capitalised, and a school after
 * it, so that "current research" or "concurrent" is no date.
 */
function currentBeforeSchool(context: string): boolean {
  const match = /(?:^|[\s,:–-])Current\s+(\S[^\n]*)/u.exec(context);
  return match !== null && !/^GPA\b/i.test(match[1]!) && INSTITUTION.test(match[1]!);
}

/**
 * "… Keller School of Management Current Project Management": the job board's "Current" in the
 * date's place right after the school's name, capitalised (not "the current needs").
 */
const CURRENT_AFTER_SCHOOL_ANY_CASE = new RegExp(`\\b(?:${INSTITUTION_WORDS})\\b[^\\n,]{0,40}?\\s(current)\\b`, "iu");
const currentAfterSchool = (context: string) => CURRENT_AFTER_SCHOOL_ANY_CASE.exec(context)?.[1] === "Current";

/** The latest year in the text, by a loop: Math.max(...years) overflows the stack on a line of 100,000 years. */
function latestYear(text: string): number | null {
  let last: number | null = null;
  COMPLETION_YEAR.lastIndex = 0;
  for (let match = COMPLETION_YEAR.exec(text); match; match = COMPLETION_YEAR.exec(text))
    last = Math.max(last ?? 0, Number(match[1]));
  return last;
}

/**
 * Whether the latest date of the text is after `now`: a later year, or a month later this year
 * ("September 2019" read in January 2019).
 */
function stillAhead(text: string, now: Date, last = latestYear(text)): boolean {
  if (last === null || last < now.getUTCFullYear()) return false;
  return last > now.getUTCFullYear() || (latestMonth(text, now) ?? 0) > monthOf(now);
}

function isCompleted(level: Degree, context: string, now: Date): boolean {
  const last = latestYear(context);
  if (stillAhead(context, now, last)) return false;
  if (currentAfterSchool(context)) return false;
  if (level === "phd" && PHD_NOT_DONE.test(context)) return false;
  if (currentBeforeSchool(context)) return false;
  if (IN_PROGRESS.test(context)) return last !== null && last < now.getUTCFullYear() && !NOT_DONE.test(context);
  return true;
}
