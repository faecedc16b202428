// The work timeline: one entry per dated role in the experience sections, with title,
// organisation, dates and bullets, each traceable to its place in the text. Years of
// experience merge overlapping roles month by month; what counts is set out in
// docs/extraction.md (internships half, study and teaching/research assistantships not at all).
import type { Span } from "../screening/screening-result.ts";
import { findDateRanges, monthsCovered, type DateRange } from "./find-date-ranges.ts";
import type { Section } from "./find-sections.ts";
import { lineSpans, spanOf, type LineSpan } from "./spans.ts";

export type RoleKind = "job" | "internship" | "study";

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
export const ROLE_WEIGHTS: Record<RoleKind, number> = { job: 1, internship: 0.5, study: 0 };

const INTERNSHIP = /\b(intern|internship|interns|co-?op|werkstudent|praktikum|praktikant|stagiaire|estagi[áa]rio|becario|trainee|apprentice|summer analyst|summer associate)\b/i;
const STUDY =
  /\b(ph\.?\s?d\.?|doctoral|graduate|undergraduate|master'?s|msc|student|teaching assistant|research assistant|\bta\b|\bra\b|tutor|thesis|dissertation|candidate|fellowship|scholar)\b/i;
/** Research posts that are paid professional work even in a university. */
const PROFESSIONAL_RESEARCH = /\b(research (engineer|scientist)|postdoc|post-doctoral|postdoctoral|lecturer|professor|scientist)\b/i;
const TITLE_WORDS =
  /\b(engineer|engineering|developer|scientist|researcher|research|manager|analyst|architect|consultant|intern|internship|lead|director|head|designer|administrator|specialist|officer|programmer|assistant|associate|fellow|founder|co-founder|cto|ceo|vp|president|member|volunteer|coach|technician|accountant|student|candidate|lecturer|professor|postdoc|tutor|instructor|sre|devops|owner|contractor|freelancer?|trainee|apprentice|advisor|chief|staff|principal|partner|clerk|representative|support|operator|teacher|editor|writer|coordinator|executive|mlops|ml|ai|data)\b/i;
const ORG_WORDS =
  /\b(inc|llc|ltd|gmbh|ag|sa|corp|corporation|company|co|labs?|technologies|solutions|systems|group|university|universit[yäé]|universidad|universidade|institute|college|school|bank|capital|ventures|studio|agency|foundation|hospital|center|centre|ai|analytics|software|network|partners)\b\.?/i;
const LOCATION =
  /^(remote|hybrid|on-?site|[\p{L} .'-]+,\s*(?:[A-Z]{2}|[\p{L} .'-]+)|usa|uk|germany|india|canada|france|spain|brazil|china|japan|singapore|new york|london|berlin|paris|bangalore|bengaluru|san francisco|seattle|toronto|sydney|tokyo)$/iu;
const BULLET = /^\s*(?:[•·●▪■◦○►▸‣∙*–—-]|\d+[.)])\s+/;

export function findExperience(text: string, sections: Section[], now: Date): ExperienceFacts {
  const regions = experienceRegions(text, sections);
  const entries = regions.flatMap((region) => entriesIn(text, region, now));
  return { entries, yearsExperience: entries.length === 0 ? null : yearsOf(entries, now) };
}

/** Experience sections; without any headings at all, the whole text minus known non-work sections. */
function experienceRegions(text: string, sections: Section[]): Array<{ start: number; end: number }> {
  const work = sections.filter((section) => section.kind === "experience");
  if (work.length > 0) return work.map((section) => ({ start: section.bodyStart, end: section.end }));
  if (sections.some((section) => section.kind === "education" || section.kind === "skills")) {
    // Headings exist but none for work: the text before the first heading and "other"
    // sections (a "Career" or "Positions" heading unknown to the list) may still hold roles.
    const regions = [{ start: 0, end: sections[0]!.start }];
    for (const section of sections) if (section.kind === "other") regions.push({ start: section.bodyStart, end: section.end });
    return regions.filter((region) => region.end > region.start);
  }
  return [{ start: 0, end: text.length }];
}

function entriesIn(text: string, region: { start: number; end: number }, now: Date): ExperienceEntry[] {
  const lines = lineSpans(text, region.start, region.end);
  // One range per line at most: "2019 – 2021 (promoted 2020 – 2021)" is one role.
  const dated: Array<{ line: number; range: DateRange }> = [];
  lines.forEach((line, index) => {
    const range = findDateRanges(line.text, now)[0];
    if (range) dated.push({ line: index, range: { ...range, index: line.start + range.index } });
  });
  // A range broken over two lines (moderncv: "2021 –" then "Present" at the next line's start).
  lines.forEach((line, index) => {
    if (dated.some((entry) => entry.line === index)) return;
    const next = lines[index + 1];
    const open = /^((?:\p{L}+\.?\s+)?(?:19|20)\d\d)\s*[-–—]\s/u.exec(line.text) ?? /^((?:\p{L}+\.?\s+)?(?:19|20)\d\d)\s*[-–—]$/u.exec(line.text);
    const close = next && /^(present|current|now|(?:\p{L}+\.?\s+)?(?:19|20)\d\d)\b/iu.exec(next.text);
    if (!open || !close) return;
    const joined = findDateRanges(`${open[1]} - ${close[1]}`, now)[0];
    if (joined) dated.push({ line: index, range: { ...joined, index: line.start + open.index, text: open[0].trim() } });
  });
  dated.sort((a, b) => a.line - b.line);

  const headers: Array<{ first: number; last: number }> = [];
  dated.forEach(({ line }, i) => headers.push(headerLines(lines, line, headers[i - 1]?.last ?? dated[i - 1]?.line ?? -1)));
  return dated.map(({ line, range }, i) => {
    const header = headers[i]!;
    const nextStart = headers[i + 1]?.first ?? lines.length;
    const bodyLines = lines.slice(header.last + 1, nextStart);
    const headerText = lines.slice(header.first, header.last + 1);
    const { title, organisation } = titleAndOrganisation(text, headerText, range);
    const kind = roleKind(title?.text ?? headerText.map((l) => l.text).join(" "));
    const { first, last } = monthsCovered(range);
    const all = lines.slice(header.first, Math.max(header.last + 1, nextStart));
    const lastLine = [...all].reverse().find((l) => l.text.trim() !== "") ?? lines[line]!;
    return {
      title,
      organisation,
      start: range.start.label,
      end: range.end.label,
      dates: { text: range.text, start: range.index, end: range.index + range.text.length },
      kind,
      months: last - first + 1,
      bullets: bullets(text, bodyLines),
      span: spanOf(text, lines[header.first]!.start, lastLine.end),
    };
  });
}

/**
 * The lines naming a role around its date line: up to two short header lines above it (not
 * bullets, not the lowercase tail of the previous role's text) and, when the date line names
 * little else, up to two below it ("Stripe • San Francisco, CA").
 */
function headerLines(lines: LineSpan[], dateLine: number, floor: number): { first: number; last: number } {
  const isHeaderish = (line: LineSpan | undefined) => {
    const trimmed = line?.text.trim() ?? "";
    return trimmed !== "" && !BULLET.test(trimmed) && trimmed.length <= 90 && !/[.;:]$/.test(trimmed) && /^[\p{Lu}\p{N}]/u.test(trimmed);
  };
  let first = dateLine;
  while (first - 1 > floor && dateLine - (first - 1) <= 2 && isHeaderish(lines[first - 1])) first--;
  let last = dateLine;
  if (first === dateLine && namedParts(lines[dateLine]!.text) < 2) {
    while (last + 1 < lines.length && last - dateLine < 2 && isHeaderish(lines[last + 1]) && lines[last + 1]!.text.length <= 70 && !findAnyDate(lines[last + 1]!.text)) {
      last++;
    }
  }
  return { first, last };
}

/** How many name-like parts a header line has once its dates are removed. */
function namedParts(line: string): number {
  return line
    .replace(/\b(19|20)\d\d\b|\b(present|current)\b/gi, " ")
    .split(/\s+[|•·@–—-]\s+|,\s+|\s+at\s+|\s{2,}/)
    .filter((part) => /\p{L}{2,}/u.test(part) && !LOCATION.test(part.trim())).length;
}

function findAnyDate(line: string): boolean {
  return /\b(19|20)\d\d\b/.test(line);
}

/** Title and organisation from the header lines: the part with a job word is the title. */
function titleAndOrganisation(
  text: string,
  header: LineSpan[],
  range: DateRange,
): { title: Span | null; organisation: Span | null } {
  const parts: Span[] = [];
  for (const line of header) {
    // Split each header line at separators, leaving the dates out.
    const pieces = line.text.split(/(\s+[|•·@]\s+|\s+[–—-]\s+|,\s+|\s+at\s+|\s*\(|\)\s*|\s{2,}|\t)/);
    let offset = line.start;
    for (const piece of pieces) {
      const start = offset;
      offset += piece.length;
      const trimmed = piece.trim();
      if (trimmed === "" || /^(\s+[|•·@]\s+|\s+[–—-]\s+|,\s+|\s+at\s+|\s*\(|\)\s*|\s{2,}|\t)$/.test(piece)) continue;
      if (start < range.index + range.text.length && offset > range.index) {
        // The piece holds the dates; keep what is left of it, if anything.
        const before = text.slice(start, range.index).replace(/[\s|•·,–—(-]+$/, "");
        if (before.trim().length > 1) parts.push(spanOf(text, start + before.search(/\S/), start + before.length));
        continue;
      }
      if (/^(present|current)$/i.test(trimmed) || LOCATION.test(trimmed)) continue;
      const lead = piece.search(/\S/);
      parts.push(spanOf(text, start + lead, start + lead + trimmed.length));
    }
  }
  const cleaned = parts.filter((part) => /\p{L}{2,}/u.test(part.text) && !LOCATION.test(part.text));
  const title = cleaned.find((part) => TITLE_WORDS.test(part.text) && !ORG_WORDS.test(part.text)) ?? cleaned.find((part) => TITLE_WORDS.test(part.text)) ?? null;
  const organisation = cleaned.find((part) => part !== title && !TITLE_WORDS.test(part.text)) ?? cleaned.find((part) => part !== title) ?? null;
  return { title, organisation };
}

export function roleKind(title: string): RoleKind {
  if (INTERNSHIP.test(title)) return "internship";
  if (PROFESSIONAL_RESEARCH.test(title) && !/\b(student|candidate|assistant)\b/i.test(title)) return "job";
  if (STUDY.test(title)) return "study";
  return "job";
}

function bullets(text: string, lines: LineSpan[]): Span[] {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed === "") continue;
    const marker = BULLET.exec(line.text);
    const last = ranges.at(-1);
    // A line without a marker that starts in lower case continues the previous bullet.
    if (!marker && last && /^\p{Ll}/u.test(trimmed)) {
      last.end = line.end;
      continue;
    }
    ranges.push({ start: line.start + (marker ? marker[0].length : line.text.search(/\S/)), end: line.end });
  }
  return ranges.map((range) => spanOf(text, range.start, range.end));
}

/**
 * Years of experience: each month counts once, at the weight of the heaviest role covering it
 * (a job and an overlapping internship make one full month). Rounded to one decimal.
 */
export function yearsOf(entries: ExperienceEntry[], now: Date): number {
  const nowMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const weights = new Map<number, number>();
  for (const entry of entries) {
    const weight = ROLE_WEIGHTS[entry.kind];
    if (weight === 0) continue;
    const first = toMonth(entry.start);
    const last = Math.min(first + entry.months - 1, nowMonth);
    for (let month = first; month <= last; month++) weights.set(month, Math.max(weights.get(month) ?? 0, weight));
  }
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  return Math.round((total / 12) * 10) / 10;
}

function toMonth(label: string): number {
  const [year, month] = label.split("-").map(Number);
  return (year ?? 0) * 12 + ((month ?? 1) - 1);
}
