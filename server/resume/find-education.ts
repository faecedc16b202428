// Degrees: level, field and institution, from the forms people write in many countries
// (Ph.D., DPhil, M.Sc., MEng, MBA, B.Tech., B.A.Sc., Licenciatura, Bacharelado, Diplom, …).
// Inside an education section short forms (MS, BA) count; elsewhere only forms that cannot
// be anything else ("Master of", "B.Sc.", "Ph.D."), so "Boston, MA" is never a degree.
import type { DegreeLevel, Span } from "../contract/screening-result.ts";
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
// an LL.M. is.
const D = "\\.?\\s?";
const END = "(?![\\p{L}\\d])";
/** A dotted abbreviation whose last dot may be missing: "B.E", "B.E.", "M.C.A". */
const dotted = (letters: string) => `${letters.split("").join("\\.\\s?")}\\.?${END}`;
const OF_SUBJECT =
  "(?:\\s+(?:of|in)\\s+(?:applied science|science|arts|engineering|business administration|philosophy|technology|fine arts|laws|education|computer applications|public health|research|commerce|mathematics)\\b|\\s+degree\\b)?";
/** A bare degree abbreviation's subject after it: ": Journalism", "-Liberal Arts", " Psychology". */
const BARE_SUBJECT =
  "(?=\\s?[:–-]\\s?\\p{Lu}|\\s(?!(?:Office|Excel|Word|Access|Project|Visio|PowerPoint|Outlook|Dynamics|SQL|Teams|Windows|Azure|Bachelor|Master|Associate|Doctor|University|College|Institute|School)\\b)\\p{Lu}\\p{Ll}{2,})";
const DEGREE_PATTERNS: Array<[Degree, boolean, RegExp]> = [
  [
    "phd",
    true,
    new RegExp(
      `\\b(?:ph${D}d\\b\\.?|d${D}phil\\b\\.?|doctor of (?!medicine|jurisprudence|law\\b)[\\p{L} ]+?(?=[,|(]|\\s(?:in|from|at)\\s|$)|(?<!juris\\s)doctorate${END}|doctoral degree|dr\\.\\s?(?:rer|phil|ing)\\.(?:\\s?nat\\.)?|doutorado|doctorado|doctorat${END})`,
      "iu",
    ),
  ],
  [
    "masters",
    true,
    new RegExp(
      `\\b(?:m${D}sc\\b\\.?|m${D}eng\\b\\.?|${dotted("mba")}|mba${END}|m${D}phil\\b\\.?|m${D}-?tech\\b\\.?|m${D}res\\b|m[aá]ster(?:'s|’s|s)?${OF_SUBJECT}|dipl[oô]me d['’]ing[ée]nieur|${dotted("ms")}|${dotted("ma")}|${dotted("me")}|m\\.\\s?com\\b\\.?|mcom${END}|dipl(?:om|\\.)(?:-?ing\\.?|-?informatiker(?:in)?|-?kaufmann|-?physiker(?:in)?|-?mathematiker(?:in)?)?(?![\\p{L}])|diploma de mestrado|mestrado|maestr[ií]a|laurea magistrale|magister${END}|ll\\.?m\\b\\.?|juris doctor(?:ate)?${END}|doctor of (?:jurisprudence|law)\\b|j\\.\\s?d\\.|${dotted("mca")}|mca${END}|pgdb?m${END}|p\\.g\\.d\\.b?\\.?m\\.?)`,
      "iu",
    ),
  ],
  [
    "bachelors",
    true,
    new RegExp(
      `\\b(?:b${D}sc\\b\\.?|b${D}eng\\b\\.?|b${D}-?tech\\b\\.?|${dotted("be")}|b${D}a${D}sc\\b\\.?|${dotted("bs")}|${dotted("ba")}|bachelor(?:'s|’s|s)?${OF_SUBJECT}|licenciatura|licenciado|licence (?:en|de|in)\\b|bacharelado|bacharel|laurea(?: triennale)?${END}|grado en|b${D}com\\b\\.?|bba${END}|bbm${END}|${dotted("bbm")}|bsw${END}|b${D}pharm\\b\\.?|${dotted("bba")}|bca${END}|${dotted("bca")}|undergraduate degree)`,
      "iu",
    ),
  ],
  [
    "associate",
    true,
    new RegExp(
      `\\b(?:associate(?:'s|’s)?\\s+(?:of|in|degree)\\b|a\\.a\\.s?\\.|a\\.s\\.|a\\.a\\.|(?<!high school |secondary school |school )diploma${END}(?! de mestrado))`,
      "iu",
    ),
  ],
  // Chinese, Japanese and Korean degree words (no word boundaries in those scripts).
  ["phd", true, /博士(?!后|後)|박사/u],
  ["masters", true, /硕士|碩士|修士|석사/u],
  ["bachelors", true, /学士|學士|本科|학사/u],
  // Bare abbreviations: only in an education section, not after ", " (a US state), not in a word.
  ["masters", false, /(?<![,\p{L}]\s?)\b(?:MS|MA|MSc|MEng|MPhil|MS[Cc]S|MFA|MPH|ME|MTECH|MTech|MCOM|MCom)\b(?!\.\w)/u],
  ["bachelors", false, /(?<![,\p{L}]\s?)\b(?:BS|BA|BE|BSc|BEng|BTech|BTECH|BASc|BSE|BFA|BS[Cc]S|BCOM|BCom)\b(?!\.\w)/u],
  ["associate", false, /(?<![,\p{L}]\s?)\b(?:AA|AS|AAS)\b(?=\s+(?:in|degree)\b)/u],
  // After a word ("Psychology BS Psychology", "Guidance & Counseling MS Guidance"), only as a
  // degree followed by its subject: "Boston MA 02115" and "MS Office" are not degrees.
  ["masters", false, new RegExp(`(?<=\\p{L}\\s)(?:MS|MA|MSc|MEd)${BARE_SUBJECT}`, "u")],
  ["bachelors", false, new RegExp(`(?<=\\p{L}\\s)(?:BS|BA|BSc|BBA|BFA|BSN)${BARE_SUBJECT}`, "u")],
  ["phd", false, /(?<![,\p{L}]\s?)\b(?:PHD|DPHIL)\b/u],
];
const INSTITUTION =
  /\b(universit(?:y|ä|é|à|e|at|ario|ária)|universidad|universidade|università|college|institute|institut|instituto|school|polytechnic|politecnico|polytechnique|academy|akademie|hochschule|escola|escuela|école|ecole|conservatory|seminary|iit|mit|eth|epfl|tu\s|ucl|ucla|uc\s|kaist|nus|ntu|tsinghua|caltech|cmu|fachhochschule)\b/iu;
const SCHOOL_LEAVING =
  /\b(?:high school|secondary|h\.\s?s\.|hs|ged|ssc|hsc|matriculation|a-levels?|abitur|baccalaur[ée]at)\b/i;
const IN_PROGRESS =
  /\b(expected|anticipated|candidate|in progress|ongoing|currently|pursuing|present|to be completed|not completed|incomplete|no degree|to obtain|hope to|plan to|planning to|working towards?|abd|all but dissertation|completed (?:\d|one|two|three) (?:years?|semesters?)|credits towards|coursework towards)\b|(?:^|[\s,:–-])current[^\S\n]*(?:$|[\n,)|])/i;

export function findEducation(text: string, sections: Section[], now: Date): EducationFacts {
  const educationSections = sections.filter((section) => section.kind === "education");
  const entries: EducationEntry[] = [];
  const regions =
    educationSections.length > 0
      ? educationSections.map((section) => ({ start: section.bodyStart, end: section.end, strict: false }))
      : [{ start: 0, end: text.length, strict: true }];
  for (const region of regions) {
    const lines = lineSpans(text, region.start, region.end);
    // "School | dates" above each degree, or the degree first with school and dates below it.
    const firstLine = lines.find((line) => line.text.trim() !== "");
    const schoolAbove = !region.strict && firstLine !== undefined && !degreeMatch(firstLine.text, false);
    lines.forEach((line, index) => {
      const entry = degreeOn(text, lines, index, region.strict, now, schoolAbove);
      if (entry) entries.push(entry);
    });
  }
  const completed = entries.filter((entry) => entry.completed);
  const highest = completed.reduce<Degree | null>(
    (best, entry) => (best === null || RANK[entry.level] > RANK[best] ? entry.level : best),
    null,
  );
  const highestDegree = highest ?? (educationSections.length > 0 ? "none" : null);
  return { entries, highestDegree };
}

/** Whether a line names a degree in a form that cannot be anything else ("B.E", "M.Sc.", "Ph.D."). */
export function mentionsDegree(line: string): boolean {
  return degreeMatch(line, true) !== null;
}

function degreeMatch(line: string, strict: boolean): { level: Degree; match: RegExpExecArray } | null {
  for (const [level, safe, pattern] of DEGREE_PATTERNS) {
    if (strict && !safe) continue;
    const match = pattern.exec(line);
    if (!match) continue;
    // "Scrum Master", "Master data" outside education are not degrees.
    if (
      strict &&
      /^master/i.test(match[0]) &&
      !/^master(?:'s|’s|s)?\s+(of|in|degree)\b/i.test(match[0]) &&
      !/master(?:'s|’s)/i.test(match[0]) &&
      !/^m[aá]ster(?:'s|’s|s)?\s+(?:in|of|en|em)\b/i.test(line.slice(match.index))
    )
      continue;
    if (/^master(?:'s|’s|s)?$/i.test(match[0].trim()) && /\b(scrum|web|quiz|chess|data|grand)\s+master/i.test(line))
      continue;
    // A diploma outside education is a certificate course as often as a degree; a school-leaving
    // diploma is no degree at all.
    if (/^diploma/i.test(match[0]) && (strict || SCHOOL_LEAVING.test(line))) continue;
    // A bare "Master" must stand as a degree ("Master, Physics", "Master 2 Data Science, Paris,
    // 2021", "Máster en IA"), not as a verb or a title ("Master Python and its libraries").
    if (
      /^m[aá]sters?$/i.test(match[0]) &&
      !/^\s*(?:$|[,:;(|–—-]|\d|(?:of|in|en|em|di|de|degree|program)\b)/i.test(
        line.slice(match.index + match[0].length),
      ) &&
      !/\b(?:19|20)\d\d\b/.test(line) &&
      !INSTITUTION.test(line)
    )
      continue;
    return { level, match };
  }
  return null;
}

function degreeOn(
  text: string,
  lines: LineSpan[],
  index: number,
  strict: boolean,
  now: Date,
  schoolAbove = false,
): EducationEntry | null {
  const line = lines[index]!;
  const found = degreeMatch(line.text, strict);
  if (found) {
    const { level, match } = found;
    const start = line.start + match.index;
    const degree = spanOf(text, start, start + match[0].length);
    const neighbours = [lines[index - 1], lines[index + 1]].filter((l): l is LineSpan => l !== undefined);
    return {
      level,
      degree,
      field: fieldAfter(text, line, degree),
      institution: institutionNear(text, line, neighbours),
      completed: isCompleted(level, completionContext(lines, index, schoolAbove), now),
    };
  }
  return null;
}

/**
 * The degree's own line when it holds a year; else with the lines below it up to the next
 * degree, where the dates sit ("Dec 2014 | Ithaca", or school / blank / "Aug 2013 to Jun 2017").
 */
function completionContext(lines: LineSpan[], index: number, schoolAbove: boolean): string {
  const own = lines[index]!.text;
  if (/\b(19|20)\d\d\b/.test(own)) return own;
  // In a "school | dates" above "degree" layout, the line above says "Expected 2027".
  const previous = previousNonBlank(lines, index);
  // A school-leaving line above ("Diploma, Pueblo High School, graduated 1996") is an entry of its
  // own, not the school of this degree: its year is not this degree's.
  const above =
    schoolAbove && previous && !degreeMatch(previous.text, false) && !SCHOOL_LEAVING.test(previous.text)
      ? previous.text
      : "";
  if (/\b(19|20)\d\d\b/.test(above)) return `${above}\n${own}`;
  const below: string[] = [above];
  for (const line of lines.slice(index + 1, index + 5)) {
    if (degreeMatch(line.text, false)) break;
    below.push(line.text);
    if (/\b(19|20)\d\d\b/.test(line.text)) break;
  }
  return [own, ...below].join("\n");
}

/**
 * The nearest non-blank line above `index`: a walk up from it (copying every line above each
 * degree line to search it took quadratic time on a text of degree lines).
 */
function previousNonBlank(lines: LineSpan[], index: number): LineSpan | undefined {
  for (let above = index - 1; above >= 0; above--) if (lines[above]!.text.trim() !== "") return lines[above];
  return undefined;
}

/** "M.S. in Computer Science, Stanford" → "Computer Science". */
function fieldAfter(text: string, line: LineSpan, degree: Span): Span | null {
  const after = text.slice(degree.end, line.end);
  const match =
    /^\s*(?:\(|,|-|–|:)?\s*(?:(?:of|in)\s+(?:science|arts|engineering|philosophy|technology)?\s*(?:in\s+)?)?(?:of\s+|in\s+)?([\p{L}][\p{L}&/' .-]*?)(?=\s*(?:[,|()–—;]|\s-\s|\s(?:at|from)\s|\b(?:19|20)\d\d\b|$))/iu.exec(
      after,
    );
  if (!match?.[1]) return null;
  const field = match[1].trim();
  if (field.length < 2 || INSTITUTION.test(field) || /^(expected|candidate|gpa)\b/i.test(field)) return null;
  const start = degree.end + after.indexOf(match[1]);
  return spanOf(text, start, start + match[1].length);
}

/** The institution on the degree's line, or on the line just above or below. */
function institutionNear(text: string, line: LineSpan, neighbours: LineSpan[]): Span | null {
  for (const candidate of [line, ...neighbours]) {
    for (const part of candidate.text.split(/\s*(?:[,|•·–—;()]|\s-\s|\s{2,}|\bat\b|\bfrom\b)\s*/)) {
      if (!INSTITUTION.test(part) || part.length > 80) continue;
      const start = candidate.start + candidate.text.indexOf(part);
      return spanOf(text, start, start + part.length);
    }
  }
  return null;
}

function isCompleted(level: Degree, context: string, now: Date): boolean {
  // The latest year, by a loop: Math.max(...years) overflows the stack on a line of 100,000 years.
  let last: number | null = null;
  for (const match of context.matchAll(/\b(19[5-9]\d|20[0-4]\d)\b/g)) last = Math.max(last ?? 0, Number(match[1]));
  if (last !== null && last > now.getUTCFullYear()) return false;
  if (level === "phd" && /\b(candidate|student)\b/i.test(context)) return false;
  if (IN_PROGRESS.test(context))
    return (
      last !== null &&
      last < now.getUTCFullYear() &&
      !/\b(expected|anticipated|present|ongoing|currently|pursuing|candidate|in progress|not completed|incomplete|to obtain|hope to|plan to|planning to|working towards?|abd|all but dissertation|completed (?:\d|one|two|three) (?:years?|semesters?)|credits towards|coursework towards)\b|(?:^|[\s,:–-])current[^\S\n]*(?:$|[\n,)|])/i.test(
        context,
      )
    );
  return true;
}
