// The work timeline: one entry per dated role in the experience sections, with title,
// organisation, dates and bullets, each traceable to its place in the text. Years of
// experience merge overlapping roles month by month; what counts is set out in
// docs/extraction.md (internships half, study and teaching/research assistantships not at all).
import type { Span } from "../contract/screening-result.ts";
import { findDateRanges, monthsCovered, type DateRange } from "./find-date-ranges.ts";
import type { Section } from "./find-sections.ts";
import { lineSpans, spanOf, type LineSpan } from "./spans.ts";

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
const STUDY =
  /\b(ph\.?\s?d\.?|doctoral|graduate|undergraduate|master'?s|msc|student|teaching assistant|research assistant|\bta\b|\bra\b|tutor|thesis|dissertation|candidate|fellowship|scholar)\b/i;
/** Research posts that are paid professional work even in a university. */
const PROFESSIONAL_RESEARCH =
  /\b(research (engineer|scientist)|postdoc|post-doctoral|postdoctoral|lecturer|professor|scientist)\b/i;
const TITLE_WORDS =
  /\b(engineer|engineering|developer|scientist|researcher|research|manager|analyst|architect|consultant|intern|internship|lead|director|head|designer|administrator|specialist|officer|programmer|assistant|associate|fellow|founder|co-founder|cto|ceo|vp|president|member|volunteer|coach|technician|accountant|student|candidate|lecturer|professor|postdoc|tutor|instructor|sre|devops|owner|contractor|freelancer?|trainee|apprentice|advisor|chief|staff|principal|partner|clerk|representative|support|operator|teacher|editor|writer|coordinator|executive|mlops|ml|ai|data)\b/i;
const ORG_WORDS =
  /\b(inc|llc|ltd|gmbh|ag|sa|corp|corporation|company|co|labs?|technologies|solutions|systems|group|university|universit[yäé]|universidad|universidade|institute|college|school|bank|capital|ventures|studio|agency|foundation|hospital|center|centre|ai|analytics|software|network|partners)\b\.?/i;
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

export function findExperience(text: string, sections: Section[], now: Date): ExperienceFacts {
  const regions = experienceRegions(text, sections);
  const entries = regions.flatMap((region) => entriesIn(text, region, now));
  if (entries.length > 0) return { entries, yearsExperience: yearsOf(entries, now) };
  // A résumé with recognised sections but no work section lists no work: 0 years. Without
  // structure, or with a work section whose dates cannot be read, the answer is unknown.
  const structured = sections.filter((section) => section.kind !== "other").length >= 2;
  const hasWorkSection = sections.some((section) => section.kind === "experience");
  return { entries, yearsExperience: structured && !hasWorkSection ? 0 : null };
}

/** Experience sections; without any headings at all, the whole text minus known non-work sections. */
function experienceRegions(text: string, sections: Section[]): Array<{ start: number; end: number }> {
  const work = sections.filter((section) => section.kind === "experience");
  if (work.length > 0) return work.map((section) => ({ start: section.bodyStart, end: section.end }));
  // Headings exist but none for work: volunteering, awards and the like are not work.
  if (sections.length > 0) return [];
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
    const open =
      /^((?:\p{L}+\.?\s+)?(?:19|20)\d\d)\s*[-–—]\s/u.exec(line.text) ??
      /^((?:\p{L}+\.?\s+)?(?:19|20)\d\d)\s*[-–—]$/u.exec(line.text);
    const close = next && /^(present|current|now|(?:\p{L}+\.?\s+)?(?:19|20)\d\d)\b/iu.exec(next.text);
    if (!open || !close) return;
    const joined = findDateRanges(`${open[1]} - ${close[1]}`, now)[0];
    if (joined) dated.push({ line: index, range: { ...joined, index: line.start + open.index, text: open[0].trim() } });
  });
  dated.sort((a, b) => a.line - b.line);

  const headers: Array<{ first: number; last: number }> = [];
  dated.forEach(({ line }, i) => headers.push(headerLines(lines, line, headers[i - 1]?.last ?? -1, now)));
  return dated.map(({ line, range }, i) => {
    const header = headers[i]!;
    const nextStart = headers[i + 1]?.first ?? lines.length;
    const bodyLines = lines.slice(header.last + 1, nextStart);
    const headerText = lines.slice(header.first, header.last + 1);
    const { title, organisation } = titleAndOrganisation(headerText, now);
    const kind = roleKind(title?.text ?? null, headerText.map((l) => l.text).join(" "));
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
 * The lines naming a role around its date line: the short header line above it (and the one
 * above that when the first names only one thing), never the tail of the previous role's
 * text; and, when the date line names little else, up to two short lines below it.
 */
function headerLines(lines: LineSpan[], dateLine: number, floor: number, now: Date): { first: number; last: number } {
  const isHeaderish = (index: number, allowBullet: boolean) => {
    const line = lines[index];
    const trimmed = line?.text.trim() ?? "";
    if (trimmed === "" || trimmed.length > 90 || /[.;:]$/.test(trimmed)) return false;
    const bullet = BULLET.exec(trimmed);
    if (bullet && (!allowBullet || trimmed.split(/\s+/).length > 9)) return false;
    if (!/^[\p{Lu}\p{N}]/u.test(trimmed.slice(bullet?.[0].length ?? 0))) return false;
    // The continuation of a sentence broken on the line above is not a header.
    const above = lines[index - 1]?.text.trim() ?? "";
    return !/(?:[,&–-]|\b(?:and|or|of|the|to|in|for|with|a|an))$/i.test(above);
  };
  let first = dateLine;
  if (dateLine - 1 > floor && isHeaderish(dateLine - 1, true)) {
    first = dateLine - 1;
    const enough = namedParts(lines[first]!.text, now) + namedParts(lines[dateLine]!.text, now) >= 2;
    if (!enough && dateLine - 2 > floor && isHeaderish(dateLine - 2, false)) first = dateLine - 2;
  }
  let last = dateLine;
  if (first === dateLine && namedParts(lines[dateLine]!.text, now) < 2) {
    while (last + 1 < lines.length && last - dateLine < 2 && isHeaderish(last + 1, false)) {
      const next = lines[last + 1]!.text;
      if (next.trim().split(/\s+/).length > 7 || /\b(19|20)\d\d\b/.test(next)) break;
      last++;
    }
  }
  return { first, last };
}

const STRONG_SEPARATOR = /\s+[|•·@]\s+|\s+[–—-]\s+|\s+at\s+|\s*\(|\)\s*|\s{2,}|\t|^\s*[•·●▪■◦○►▸‣∙*–—-]\s+/g;

/** Name-like parts of a line once dates and places are set aside ("Title, Company" is 2). */
function namedParts(line: string, now: Date): number {
  return headerParts(line, 0, now).length;
}

/** The parts of a header line with their offsets: dates, places and separators left out. */
function headerParts(line: string, offset: number, now: Date): Span[] {
  let masked = line;
  for (const range of findDateRanges(line, now)) {
    masked =
      masked.slice(0, range.index) + " ".repeat(range.text.length) + masked.slice(range.index + range.text.length);
  }
  // The second half of a range broken over two lines ("Present Leading a team…").
  masked = masked.replace(
    /^(\s*)(present|current)\b/i,
    (_, space: string, word: string) => space + " ".repeat(word.length),
  );
  masked = masked.replace(/(?:^|\s)(?:19|20)\d\d\s*[–—-]?(?=\s|$)/g, (match) => " ".repeat(match.length));
  const parts: Span[] = [];
  let chunkStart = 0;
  const separators = [
    ...masked.matchAll(STRONG_SEPARATOR),
    { index: masked.length, 0: "" } as unknown as RegExpMatchArray,
  ];
  for (const separator of separators) {
    const chunk = masked.slice(chunkStart, separator.index);
    const chunkOffset = chunkStart;
    chunkStart = (separator.index ?? masked.length) + separator[0].length;
    if (chunk.trim() === "" || LOCATION.test(chunk.trim())) continue;
    let pieceStart = 0;
    for (const piece of chunk.split(/(,\s+)/)) {
      const at = pieceStart;
      pieceStart += piece.length;
      const trimmed = piece.trim();
      if (/^,\s+$/.test(piece) || !/\p{L}{2,}/u.test(trimmed) || PLACE.test(trimmed) || LOCATION.test(trimmed))
        continue;
      const lead = piece.search(/\S/);
      parts.push({
        text: trimmed,
        start: offset + chunkOffset + at + lead,
        end: offset + chunkOffset + at + lead + trimmed.length,
      });
    }
  }
  return parts;
}

/** Title and organisation from the header lines: the part with a job word is the title. */
function titleAndOrganisation(header: LineSpan[], now: Date): { title: Span | null; organisation: Span | null } {
  const parts = header.flatMap((line) => headerParts(line.text, line.start, now));
  const title =
    parts.find((part) => TITLE_WORDS.test(part.text) && !ORG_WORDS.test(part.text)) ??
    parts.find((part) => TITLE_WORDS.test(part.text)) ??
    null;
  const organisation =
    parts.find((part) => part !== title && !TITLE_WORDS.test(part.text)) ??
    parts.find((part) => part !== title) ??
    null;
  return { title, organisation };
}

/** The kind of role, from its title (or, without one, the whole header). */
export function roleKind(titleText: string | null, header: string): RoleKind {
  if (/\b(career break|sabbatical|parental leave|maternity leave|paternity leave|gap year|travell?ing)\b/i.test(header))
    return "break";
  const title = titleText ?? header;
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
    // A line without a marker that does not start a sentence continues the previous bullet.
    if (!marker && last && !/^\p{Lu}/u.test(trimmed)) {
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
