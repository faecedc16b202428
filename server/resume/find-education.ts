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

// Each pattern: level, whether it is safe outside an education section, and the regex.
const D = "\\.?\\s?";
const OF_SUBJECT =
  "(?:\\s+(?:of|in)\\s+(?:applied science|science|arts|engineering|business administration|philosophy|technology|fine arts|laws|education|computer applications|public health|research|commerce|mathematics)\\b|\\s+degree\\b)?";
const DEGREE_PATTERNS: Array<[Degree, boolean, RegExp]> = [
  [
    "phd",
    true,
    new RegExp(
      `\\b(?:ph${D}d\\b\\.?|d${D}phil\\b\\.?|doctor of [\\p{L} ]+?(?=[,|(]|\\s(?:in|from|at)\\s|$)|doctorate|doctoral degree|dr\\.\\s?(?:rer|phil|ing)\\.(?:\\s?nat\\.)?|doutorado|doctorado|promotion)`,
      "iu",
    ),
  ],
  [
    "masters",
    true,
    new RegExp(
      `\\b(?:m${D}sc\\b\\.?|m${D}eng\\b\\.?|m${D}b${D}a\\b\\.?|m${D}phil\\b\\.?|m${D}tech\\b\\.?|m${D}res\\b|m[aá]ster(?:'s|’s|s)?${OF_SUBJECT}|dipl[oô]me d['’]ing[ée]nieur|m\\.s\\.|m\\.a\\.|dipl(?:om|\\.)(?:-?ing\\.?|-?informatiker(?:in)?|-?kaufmann)?|diploma de mestrado|mestrado|maestr[ií]a|laurea magistrale|magister|ll\\.?m\\.?|mca)`,
      "iu",
    ),
  ],
  [
    "bachelors",
    true,
    new RegExp(
      `\\b(?:b${D}sc\\b\\.?|b${D}eng\\b\\.?|b${D}tech\\b\\.?|b\\.e\\.|b${D}a${D}sc\\b\\.?|b\\.s\\.|b\\.a\\.|bachelor(?:'s|’s|s)?${OF_SUBJECT}|licenciatura|licenciado|bacharelado|bacharel|laurea(?: triennale)?|grado en|b${D}com\\b\\.?|bba|b\\.b\\.a\\.|bca|undergraduate degree)`,
      "iu",
    ),
  ],
  [
    "associate",
    true,
    new RegExp(`\\b(?:associate(?:'s|’s)?\\s+(?:of|in|degree)\\b|a\\.a\\.s?\\.|a\\.s\\.|a\\.a\\.)`, "iu"),
  ],
  // Bare abbreviations: only in an education section, not after ", " (a US state), not in a word.
  ["masters", false, /(?<![,\p{L}]\s?)\b(?:MS|MA|MSc|MEng|MPhil|MS[Cc]S|MFA|MPH)\b(?!\.\w)/u],
  ["bachelors", false, /(?<![,\p{L}]\s?)\b(?:BS|BA|BE|BSc|BEng|BTech|BASc|BSE|BFA|BS[Cc]S)\b(?!\.\w)/u],
  ["associate", false, /(?<![,\p{L}]\s?)\b(?:AA|AS|AAS)\b(?=\s+(?:in|degree)\b)/u],
  ["phd", false, /(?<![,\p{L}]\s?)\b(?:PHD|DPHIL)\b/u],
];
const INSTITUTION =
  /\b(universit(?:y|ä|é|à|e|at|ario|ária)|universidad|universidade|università|college|institute|institut|instituto|school|polytechnic|politecnico|polytechnique|academy|akademie|hochschule|escola|escuela|école|ecole|conservatory|seminary|iit|mit|eth|epfl|tu\s|ucl|ucla|uc\s|kaist|nus|ntu|tsinghua|caltech|cmu|fachhochschule)\b/iu;
const IN_PROGRESS =
  /\b(expected|anticipated|candidate|in progress|ongoing|currently|pursuing|present|to be completed)\b/i;

export function findEducation(text: string, sections: Section[], now: Date): EducationFacts {
  const educationSections = sections.filter((section) => section.kind === "education");
  const entries: EducationEntry[] = [];
  const regions =
    educationSections.length > 0
      ? educationSections.map((section) => ({ start: section.bodyStart, end: section.end, strict: false }))
      : [{ start: 0, end: text.length, strict: true }];
  for (const region of regions) {
    const lines = lineSpans(text, region.start, region.end);
    lines.forEach((line, index) => {
      const entry = degreeOn(text, lines, index, region.strict, now);
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

function degreeOn(text: string, lines: LineSpan[], index: number, strict: boolean, now: Date): EducationEntry | null {
  const line = lines[index]!;
  for (const [level, safe, pattern] of DEGREE_PATTERNS) {
    if (strict && !safe) continue;
    const match = pattern.exec(line.text);
    if (!match) continue;
    // "Scrum Master", "Master data" outside education are not degrees.
    if (
      strict &&
      /^master/i.test(match[0]) &&
      !/^master(?:'s|’s|s)?\s+(of|in|degree)\b/i.test(match[0]) &&
      !/master(?:'s|’s)/i.test(match[0]) &&
      !/^master(?:'s|’s|s)?\s+(?:in|of)\b/i.test(line.text.slice(match.index))
    )
      continue;
    if (
      /^master(?:'s|’s|s)?$/i.test(match[0].trim()) &&
      /\b(scrum|web|quiz|chess|data|grand)\s+master/i.test(line.text)
    )
      continue;
    const start = line.start + match.index;
    const degree = spanOf(text, start, start + match[0].length);
    const neighbours = [lines[index - 1], lines[index + 1]].filter((l): l is LineSpan => l !== undefined);
    return {
      level,
      degree,
      field: fieldAfter(text, line, degree),
      institution: institutionNear(text, line, neighbours),
      // The degree's own line, or with the line below when the dates sit there ("Dec 2014 | Ithaca").
      completed: isCompleted(
        level,
        /\b(19|20)\d\d\b/.test(line.text) ? line.text : `${line.text} ${lines[index + 1]?.text ?? ""}`,
        now,
      ),
    };
  }
  return null;
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
  const years = [...context.matchAll(/\b(19[5-9]\d|20[0-4]\d)\b/g)].map((m) => Number(m[1]));
  const last = years.length > 0 ? Math.max(...years) : null;
  if (last !== null && last > now.getUTCFullYear()) return false;
  if (level === "phd" && /\b(candidate|student)\b/i.test(context)) return false;
  if (IN_PROGRESS.test(context))
    return (
      last !== null &&
      last < now.getUTCFullYear() &&
      !/\b(present|ongoing|currently|pursuing|candidate)\b/i.test(context)
    );
  return true;
}
