// Blind review on the candidate page: the résumé text itself names the candidate (header,
// contact lines, links, schools, places). Under blind review the page shows the text with those
// parts replaced by a label ("name", "school"…), computed here on the server so the hidden words
// never reach the browser. Offsets stay those of the stored text, so evidence spans still apply.
// See docs/candidate-page.md for what is hidden and what cannot be.
import type { ResumeFacts } from "../resume/extract-resume-facts.ts";
import { containsEmail } from "../resume/find-email.ts";
import { containsLink } from "../resume/find-links.ts";
import { containsPhoneLike } from "../resume/find-phone.ts";
import { lineSpans, trimEndMatching, type LineSpan } from "../resume/spans.ts";
import type { Span } from "../contract/screening-result.ts";

export type HiddenKind = "name" | "email" | "phone" | "link" | "contact" | "school" | "employer" | "place";

export const HIDDEN_LABELS: Record<HiddenKind, string> = {
  name: "name",
  email: "e-mail",
  phone: "phone",
  link: "link",
  contact: "contact details",
  school: "school",
  employer: "employer",
  place: "place",
};

export interface HiddenRange {
  start: number;
  end: number;
  kind: HiddenKind;
}

/** A piece of the résumé text: either shown (`text`) or hidden (`hidden`, no text). */
export type TextSegment =
  { start: number; end: number; text: string } | { start: number; end: number; hidden: HiddenKind };

const HEADLINE_WORDS = new RegExp(
  String.raw`\b(engineer|engineering|scientist|science|developer|researcher|research|analyst|architect|manager|` +
    String.raw`lead|consultant|specialist|student|ph\.?d|ml|ai|machine learning|data|software|intern|mlops|` +
    String.raw`devops|sre|programmer|statistician|founder|director|head)\b`,
  "i",
);
/** Separators between the parts of a header line: "Title, Company (City, ST) | Mar 2021 – Present". */
const SEGMENT_BREAK = /\s*(?:[,|•·;()[\]]|\s[-–—]\s|\s(?:at|from|in)\s)\s*/giu;
/** "Present" and its translations: the end of a date range, not a place. */
const PRESENT =
  /^(present|current|now|today|ongoing|heute|actualidad|presente|atual|actual|aujourd['’]hui|oggi|date)$/i;
const CONTACT_SECTION = /\b(contact|personal (?:details|information|data)|links|social)\b/i;

/** The parts of `text` that identify the candidate, sorted, merged and split at line breaks. */
export function identityRanges(text: string, facts: ResumeFacts): HiddenRange[] {
  const kindAt = new Uint8Array(text.length);
  const hide = (start: number, end: number, kind: HiddenKind) => {
    if (end > start) markHidden(text, kindAt, Math.max(0, start), Math.min(text.length, end), kind);
  };
  const hideSpan = (span: Span | null | undefined, kind: HiddenKind) => span && hide(span.start, span.end, kind);
  let lowerText: string | undefined; // lower-cased once, not once per fact searched
  // Each needle is searched once per kind: a hundred roles at one employer would each search the
  // whole text and mark every occurrence again, time that grows with roles × text.
  const searched = new Set<string>();
  const hideEverywhere = (needle: string | null | undefined, kind: HiddenKind) => {
    if (!needle || needle.trim().length < 3) return;
    const key = `${kind}\u0000${needle}`;
    if (searched.has(key)) return;
    searched.add(key);
    const haystack = (lowerText ??= text.toLowerCase());
    const lower = needle.toLowerCase();
    for (let at = haystack.indexOf(lower); at !== -1; at = haystack.indexOf(lower, at + lower.length)) {
      hide(at, at + needle.length, kind);
    }
  };

  // 1. Contact facts, wherever they appear (a repeated e-mail or profile link in a footer).
  const { contact } = facts;
  hideSpan(contact.name?.span, "name");
  hideEverywhere(contact.name?.value, "name");
  hideEverywhere(contact.name?.span.text, "name");
  hideSpan(contact.email?.span, "email");
  hideEverywhere(contact.email?.span.text, "email");
  hideSpan(contact.phone?.span, "phone");
  hideEverywhere(contact.phone?.span.text, "phone");
  for (const link of contact.links) {
    hideSpan(link.span, "link");
    hideEverywhere(link.span.text, "link");
  }

  // 1b. A name the parser did not read, recognised by the e-mail or profile handle it spells
  // ("SAI SARADIND" beside linkedin.com/in/saisaradind, in a sidebar after the contact block).
  for (const line of nameLinesFromHandles(text, facts)) hideLine(line, "name", hide);

  // 2. The header above the first section: contact and location lines (the headline stays).
  const firstSection = facts.sections.reduce((min, s) => Math.min(min, s.start), text.length);
  const nameParts = (contact.name?.value ?? "").split(/\s+/).filter((part) => part.length >= 3);
  for (const line of lineSpans(text, 0, firstSection)) {
    const content = line.text.trim();
    if (!content) continue;
    const words = content.split(/\s+/, 9).length; // up to 9: only "8 or fewer" matters
    const isContactLine =
      containsEmail(content) || containsPhoneLike(content) || containsLink(content) || /[|•·]/.test(content);
    const isShortNonHeadline = words <= 8 && !HEADLINE_WORDS.test(content);
    if (isContactLine || isShortNonHeadline) hideLine(line, "contact", hide);
  }
  // Parts of the name on a kept header line ("Priya's résumé"): one scan of the header, not one
  // per line (a part holds no space, so it never spans lines).
  const header = text.slice(0, firstSection);
  for (const part of nameParts) {
    for (const match of header.matchAll(new RegExp(`\\b${escapeRegExp(part)}\\b`, "giu"))) {
      hide(match.index, match.index + part.length, "name");
    }
  }

  // 3. Contact / personal-details / links sections, whole.
  for (const section of facts.sections) {
    if (section.kind !== "other" || !CONTACT_SECTION.test(section.heading.text)) continue;
    for (const line of lineSpans(text, section.bodyStart, section.end)) hideLine(line, "contact", hide);
  }

  // 4. Schools (and the town after "at"), keeping degree, field and years.
  for (const entry of facts.education) {
    const kept = [entry.degree, entry.field].filter((span): span is Span => span !== null);
    const lines = new Set<LineSpan>();
    for (const span of [entry.degree, entry.institution]) {
      const line = span ? lineAt(text, span.start) : null;
      if (line && !Array.from(lines).some((l) => l.start === line.start)) lines.add(line);
    }
    for (const line of lines) {
      for (const segment of segmentsOf(line)) {
        if (overlapsAny(segment, kept)) continue;
        const hasInstitution = entry.institution !== null && overlaps(segment, entry.institution);
        if (hasInstitution && /\d/.test(segment.text)) {
          hideSpan(entry.institution, "school");
        } else if (
          hasInstitution ||
          (!/\d/.test(segment.text) &&
            /\p{L}{2}/u.test(segment.text) &&
            !/^(gpa|grade|honou?rs|expected)\b/i.test(segment.text))
        ) {
          hide(segment.start, segment.end, "school");
        }
      }
    }
    hideSpan(entry.institution, "school");
  }

  // 5. Places on role header lines ("(Austin, TX)", "| Mountain View, CA"): short capitalised
  // parts that are not the title, the employer or a date.
  for (const role of facts.experience) {
    const kept = [role.title, role.organisation].filter((span): span is Span => span !== null);
    // The header runs to the end of the line holding the last of title, employer and dates.
    const headerEnd = lineAt(text, Math.max(role.dates.end, ...kept.map((span) => span.end))).end;
    for (const line of lineSpans(text, role.span.start, headerEnd)) hidePlaces(line, kept, hide);
  }

  // 6. Places on the date lines of education ("Dec 2014 | Ithaca, NY", "Grad. May 2011 | Kolkata").
  const degreeSpans = facts.education.flatMap((entry) =>
    [entry.degree, entry.field].filter((span): span is Span => span !== null),
  );
  for (const section of facts.sections) {
    if (section.kind !== "education") continue;
    for (const line of lineSpans(text, section.bodyStart, section.end)) {
      if (/\b(?:19|20)\d\d\b/.test(line.text)) hidePlaces(line, degreeSpans, hide);
    }
  }

  // 7. Generous, everywhere (issue 13): each distinctive word of the name, the employers and the
  // schools wherever it stands ("D. Das" in a publication list, an employer named again in a
  // bullet), employers themselves, school and lab names found by their keyword ("CORNELL ROBOT
  // LEARNING LAB"), and "City, Region" places ("Seoul, S.Korea", "Berkeley, CA, USA").
  for (const role of facts.experience) {
    hideSpan(role.organisation, "employer");
    hideEverywhere(role.organisation?.text, "employer");
  }
  for (const entry of facts.education) hideEverywhere(entry.institution?.text, "school");
  const words: Array<[string, HiddenKind]> = [
    ...[contact.name?.value ?? nameLikeFirstLine(text), ...namesFromHandles(text, facts)]
      .flatMap((name) => identityWords(name))
      .map((word) => [word, "name"] as [string, HiddenKind]),
    ...facts.experience.flatMap((role) =>
      identityWords(role.organisation?.text).map((word) => [word, "employer"] as [string, HiddenKind]),
    ),
    ...facts.education.flatMap((entry) =>
      identityWords(entry.institution?.text).map((word) => [word, "school"] as [string, HiddenKind]),
    ),
  ];
  if (words.length > 0) {
    const kindOf = new Map(words.map(([word, kind]) => [word.toLowerCase(), kind]));
    for (const match of text.matchAll(WORD)) {
      const kind = kindOf.get(match[0].toLowerCase());
      if (kind) hide(match.index, match.index + match[0].length, kind);
    }
  }
  for (const line of linesWithInstitutionKeyword(text)) hideInstitutionNames(line, hide);
  // One scan of the whole text, not one per line: the pattern never crosses a line break.
  for (const match of text.matchAll(PLACE_PATTERN)) hide(match.index, match.index + match[0].length, "place");

  return hiddenRanges(text, kindAt);
}

/** When no name was read: the first line, if it looks like one (one to four capitalised words, no digits). */
function nameLikeFirstLine(text: string): string | null {
  const first = text.trimStart().split("\n", 1)[0]?.trim() ?? "";
  const parts = first.split(/\s+/, 5); // up to 5: a longer line is no name
  return parts.length <= 4 && parts.every((part) => /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(part)) ? first : null;
}

/**
 * The handles a candidate signs with: the letters of the e-mail's user part and of each profile
 * link's last path segment ("ssaradind2001@…" → "ssaradind", "linkedin.com/in/sai-saradind" →
 * "saisaradind"), lower-cased, at least 5 letters.
 */
function handlesOf(facts: ResumeFacts): string[] {
  const { contact } = facts;
  const raw = [
    contact.email?.value.split("@", 1)[0],
    ...contact.links.map((link) =>
      trimEndMatching(link.value.replace(/[?#].*$/, ""), /\//)
        .split("/")
        .at(-1),
    ),
  ];
  return raw
    .map((value) => (value ?? "").toLowerCase().replace(/[^\p{L}]+/gu, ""))
    .filter((handle) => handle.length >= 5);
}

/** Lines of two to four capitalised words (no digits) whose letters, joined, a handle spells. */
function nameLinesFromHandles(text: string, facts: ResumeFacts): LineSpan[] {
  if (facts.contact.name) return [];
  const handles = handlesOf(facts);
  if (handles.length === 0) return [];
  const found: LineSpan[] = [];
  for (const line of lineSpans(text, 0, text.length)) {
    const content = line.text.trim();
    if (content.length < 5 || content.length > 60) continue;
    const parts = content.split(/\s+/);
    if (parts.length < 2 || parts.length > 4) continue;
    if (!parts.every((part) => /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(part))) continue;
    const letters = parts.map((part) => part.toLowerCase().replace(/[^\p{L}]+/gu, ""));
    const forward = letters.join("");
    const backward = [...letters].reverse().join("");
    if (handles.some((handle) => handle.includes(forward) || handle.includes(backward))) found.push(line);
  }
  return found;
}

function namesFromHandles(text: string, facts: ResumeFacts): string[] {
  return nameLinesFromHandles(text, facts).map((line) => line.text.trim());
}

/** Runs of letters, for whole-word lookups ("Yahoo’s" and "uni-bremen" hold "Yahoo" and "bremen"). */
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * Words of a name, employer or school that identify on their own: not the generic words of
 * organisation names ("University", "of", "Inc") and not one-letter initials.
 */
function identityWords(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(WORD)]
    .map((match) => match[0])
    .filter((word) => word.length >= 2 && !GENERIC_WORDS.has(word.toLowerCase()));
}

const GENERIC_WORDS = new Set(
  (
    "of the and for at in on de du la le des del da di van von der den " +
    "university universities college school institute institution academy polytechnic lab labs laboratory " +
    "laboratories center centre department faculty research national international state city community " +
    "technology technologies technological science sciences engineering engineer applied arts business management " +
    "inc ltd llc llp plc corp corporation company co group holdings limited gmbh ag sa pvt private public " +
    "solutions services systems software data digital global consulting partners bank hospital health medical " +
    "new north south east west central american america united kingdom government ministry office foundation " +
    "present current remote intern internship project projects mr mrs ms dr prof phd"
  ).split(" "),
);

/** Keywords of school and lab names; the capitalised words around one are the name. */
const INSTITUTION_KEYWORD =
  /^(?:university|universit[éày]|universidad|universidade|universität|college|institute|institut|instituto|school|lab|labs|laboratory|laboratories|academy|polytechnic|iit|nit)$/i;
const CONNECTOR = /^(?:of|for|and|the|de|du|des|di|da|der|&|at|in)$/i;
/** Held by every token INSTITUTION_KEYWORD accepts (and by many others): lines without it have none. */
const INSTITUTION_KEYWORD_PART = /universi|college|institut|school|lab|academy|polytechnic|iit|nit/gi;

/** The lines holding a possible institution keyword, found in one scan of the text. */
function linesWithInstitutionKeyword(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  for (const match of text.matchAll(INSTITUTION_KEYWORD_PART)) {
    if (match.index < (lines.at(-1)?.end ?? -1)) continue;
    lines.push(lineAt(text, match.index));
  }
  return lines;
}

/** "Cornell Robot Learning Lab", "Indian Institute of Technology Delhi": hidden as schools. */
function hideInstitutionNames(line: LineSpan, hide: (start: number, end: number, kind: HiddenKind) => void) {
  const tokens = [...line.text.matchAll(/[^\s,;|()•·]+/g)];
  const named = (token: string) => /^[\p{Lu}\d]/u.test(token);
  // Words of one name stand next to each other: a comma, bracket or bar between two ends it.
  const joined = (a: number, b: number) =>
    /^\s*$/.test(line.text.slice(tokens[a]!.index + tokens[a]![0].length, tokens[b]!.index));
  const fits = (k: number) => named(tokens[k]![0]) || CONNECTOR.test(tokens[k]![0]);
  for (let k = 0; k < tokens.length; k += 1) {
    if (!INSTITUTION_KEYWORD.test(trimEndMatching(tokens[k]![0], /[.:'’]/))) continue;
    let first = k;
    while (first > 0 && k - first < 8 && joined(first - 1, first) && fits(first - 1)) first -= 1;
    while (first < k && CONNECTOR.test(tokens[first]![0])) first += 1;
    let last = k;
    while (last + 1 < tokens.length && last - k < 8 && joined(last, last + 1) && fits(last + 1)) last += 1;
    while (last > k && CONNECTOR.test(tokens[last]![0])) last -= 1;
    const start = line.start + tokens[first]!.index;
    const end = line.start + tokens[last]!.index + tokens[last]![0].length;
    hide(start, end, "school");
    k = last;
  }
}

/** Regions and countries written after a town: US and Canadian codes, countries and their short forms. */
const REGION = [
  "[A-Z]{2}",
  "USA",
  "U\\.S\\.A?\\.?",
  "UK",
  "UAE",
  "S\\.\\s?Korea",
  "(?:South\\s)?Korea",
  "China",
  "India",
  "Japan",
  "Germany",
  "France",
  "Canada",
  "Australia",
  "Singapore",
  "Taiwan",
  "Israel",
  "Brazil",
  "Mexico",
  "Spain",
  "Italy",
  "Netherlands",
  "Switzerland",
  "Sweden",
  "Ireland",
  "Poland",
  "Pakistan",
  "Bangladesh",
  "Nigeria",
  "Kenya",
  "Egypt",
  "Vietnam",
  "Indonesia",
  "Malaysia",
  "Philippines",
  "Turkey",
  "Russia",
  "Ukraine",
  "Portugal",
  "Greece",
  "Austria",
  "Belgium",
  "Denmark",
  "Norway",
  "Finland",
  "England",
  "Scotland",
  "Hong\\sKong",
  "New\\sZealand",
  "South\\sAfrica",
  // US states and Canadian provinces written out ("Stuart, Florida"): multi-word ones first.
  "New\\s(?:Hampshire|Jersey|Mexico|York|Brunswick)",
  "North\\s(?:Carolina|Dakota)",
  "South\\s(?:Carolina|Dakota)",
  "West\\sVirginia",
  "Rhode\\sIsland",
  "British\\sColumbia",
  "Nova\\sScotia",
  "Prince\\sEdward\\sIsland",
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho",
  "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota",
  "Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon|Pennsylvania|Tennessee|Texas|Utah",
  "Vermont|Virginia|Washington|Wisconsin|Wyoming|Ontario|Quebec|Alberta|Manitoba|Saskatchewan|Newfoundland",
].join("|");
/**
 * "Seoul, S.Korea", "Berkeley, CA, USA", "New York, NY": a town of up to three capitalised words,
 * a comma, a region. Word lengths are bounded so a long run of capitals costs linear time. Its
 * spaces stay within a line (`\s` but a line break), so one scan of the whole text finds what a
 * scan of each line would.
 */
const PLACE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'.-]{0,30}(?:\s\p{Lu}[\p{L}\p{M}'.-]{0,30}){0,2},\s?(?:${REGION})(?:,\s?(?:${REGION}))?(?![\p{L}\p{M}])`.replaceAll(
    String.raw`\s`,
    String.raw`[^\S\n]`,
  ),
  "gu",
);

/** The text as shown under blind review: visible pieces with their text, hidden pieces labelled. */
export function maskedSegments(text: string, hidden: readonly HiddenRange[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const range of hidden) {
    if (range.start > at) segments.push({ start: at, end: range.start, text: text.slice(at, range.start) });
    segments.push({ start: range.start, end: range.end, hidden: range.kind });
    at = range.end;
  }
  if (at < text.length) segments.push({ start: at, end: text.length, text: text.slice(at) });
  return segments;
}

/** The whole text as one visible segment (identity visible). */
export function plainSegments(text: string): TextSegment[] {
  return text.length > 0 ? [{ start: 0, end: text.length, text }] : [];
}

/** Does `value` (a name, an e-mail…) still appear in the shown parts of the segments? */
export function segmentsReveal(segments: readonly TextSegment[], value: string): boolean {
  const shown = segments.map((segment) => ("text" in segment ? segment.text : " ")).join("");
  return shown.toLowerCase().includes(value.toLowerCase());
}

/** Short capitalised parts of a header line that are not kept spans, dates or "Present": places. */
function hidePlaces(
  line: LineSpan,
  kept: readonly Span[],
  hide: (start: number, end: number, kind: HiddenKind) => void,
) {
  for (const segment of segmentsOf(line)) {
    const content = segment.text.replace(/^[•·●▪■◦○►▸‣∙*–—-]\s*/, "");
    const words = content.split(/\s+/);
    if (overlapsAny(segment, kept) || /\d/.test(content) || !/\p{L}{2}/u.test(content)) continue;
    if (words.length > 4 || !/^\p{Lu}/u.test(words[0] ?? "") || PRESENT.test(content)) continue;
    hide(segment.end - content.length, segment.end, "place");
  }
}

function hideLine(line: LineSpan, kind: HiddenKind, hide: (start: number, end: number, kind: HiddenKind) => void) {
  const leading = line.text.length - line.text.trimStart().length;
  const trailing = line.text.length - line.text.trimEnd().length;
  hide(line.start + leading, line.end - trailing, kind);
}

function lineAt(text: string, offset: number): LineSpan {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  const end = newline === -1 ? text.length : newline;
  return { text: text.slice(start, end), start, end };
}

/** The parts of a line between separators, trimmed, with their offsets. */
function segmentsOf(line: LineSpan): Span[] {
  const segments: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = line.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      segments.push({
        text: trimmed,
        start: line.start + start + lead,
        end: line.start + start + lead + trimmed.length,
      });
  };
  for (const match of line.text.matchAll(SEGMENT_BREAK)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, line.text.length);
  return segments;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const overlapsAny = (a: { start: number; end: number }, spans: readonly Span[]) => spans.some((b) => overlaps(a, b));

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PRIORITY: Record<HiddenKind, number> = {
  name: 6,
  email: 5,
  phone: 4,
  link: 3,
  school: 2,
  employer: 2,
  place: 1,
  contact: 0,
};
const KINDS = Object.keys(HIDDEN_LABELS) as HiddenKind[];
const NEWLINE = 10;

/**
 * Marks a part found in `kindAt`, the kind hiding each character of the text (an index into KINDS
 * plus one; 0: shown), never a line break. Where parts overlap the more specific kind wins
 * (name/e-mail/phone/link over contact lines); of two equal ones, the first found. Parts are
 * marked as they are found rather than kept: a hostile text yields hundreds of thousands.
 */
function markHidden(text: string, kindAt: Uint8Array, start: number, end: number, kind: HiddenKind) {
  const code = KINDS.indexOf(kind) + 1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === NEWLINE) continue;
    const current = kindAt[i]!;
    if (current === 0 || PRIORITY[kind] > PRIORITY[KINDS[current - 1]!]) kindAt[i] = code;
  }
}

/** The marked characters as sorted, non-overlapping ranges that never cross a line break (so the text keeps its lines). */
function hiddenRanges(text: string, kindAt: Uint8Array): HiddenRange[] {
  const merged: HiddenRange[] = [];
  for (let i = 0; i < text.length; i++) {
    if (kindAt[i] === 0) continue;
    const kind = KINDS[kindAt[i]! - 1]!;
    const last = merged.at(-1);
    // Join neighbours of one kind, and bridge single spaces between hidden words of one kind.
    if (
      last &&
      last.kind === kind &&
      (last.end === i || (i - last.end <= 1 && /^[ \t]*$/.test(text.slice(last.end, i))))
    ) {
      last.end = i + 1;
    } else {
      merged.push({ start: i, end: i + 1, kind });
    }
  }
  // Hidden pieces separated only by punctuation read as one: "[contact details]", not
  // "[place], [phone] | [e-mail]". Mixed kinds become "contact details".
  const joined: HiddenRange[] = [];
  for (const range of merged) {
    const last = joined.at(-1);
    if (
      last &&
      /^[\s,|•·;:/()-]*$/.test(text.slice(last.end, range.start)) &&
      !text.slice(last.end, range.start).includes("\n")
    ) {
      last.end = range.end;
      if (last.kind !== range.kind) last.kind = "contact";
    } else {
      joined.push({ ...range });
    }
  }
  return joined;
}
