// Date ranges as résumés write them: "Mar 2021 – Present", "2019 - present", "01/2019 - 12/2020",
// "Jun 2018 – Feb 2021", "2015–2020", "March 2021 to Current", "2021.03 - 2022.05", "Sep. 2023
// Mar. 2024" (a dash the PDF lost), "Oct-2017 to July-2018", "April 2019 to till now", and single
// seasons ("Summer 2024").
// Months are counted as integers: year * 12 + (month - 1).

export interface DatePoint {
  /** "2021-03", "2021" (year only) or "present". */
  label: string;
  /** First month covered (as year * 12 + month - 1); for "present", the reference month. */
  month: number;
  precision: "month" | "season" | "year" | "present";
}

export interface DateRange {
  start: DatePoint;
  end: DatePoint;
  /** Index of the match in the searched string, and its text. */
  index: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // Spanish, Portuguese, German, French forms that differ from the English ones.
  ene: 1,
  enero: 1,
  janeiro: 1,
  januar: 1,
  janvier: 1,
  fev: 2,
  febrero: 2,
  fevereiro: 2,
  februar: 2,
  février: 2,
  févr: 2,
  fév: 2,
  janv: 1,
  avr: 4,
  juil: 7,
  déc: 12,
  marzo: 3,
  março: 3,
  märz: 3,
  mars: 3,
  abr: 4,
  abril: 4,
  avril: 4,
  mayo: 5,
  maio: 5,
  mai: 5,
  junio: 6,
  junho: 6,
  juni: 6,
  juin: 6,
  julio: 7,
  julho: 7,
  juli: 7,
  juillet: 7,
  ago: 8,
  agosto: 8,
  août: 8,
  septiembre: 9,
  setembro: 9,
  set: 9,
  okt: 10,
  octubre: 10,
  outubro: 10,
  oktober: 10,
  octobre: 10,
  noviembre: 11,
  novembro: 11,
  dic: 12,
  dez: 12,
  diciembre: 12,
  dezembro: 12,
  dezember: 12,
  décembre: 12,
};
const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
  winter: [1, 2],
};

const MONTH_NAME = `(?:${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;
const SEASON_NAME = `(?:${Object.keys(SEASONS).join("|")})`;
const YEAR = "(?:19[5-9]\\d|20[0-4]\\d)";
/** An open end: "Present", "till date", "Cont" / "Contd" (continuing), "heute", "actualidad". */
const PRESENT = "(?:present|current|now|today|ongoing|date|cont(?:d|inuing)?|heute|actualidad|actual|atual|presente)";
/** A day of the month, written before the month ("24th March 2011", "1 July 2008") or after it ("March 24, 2011"). */
const DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const POINT =
  `(?:(?:${DAY}\\s+(?:of\\s+)?)?${MONTH_NAME}\\s?[-'’,/]?\\s?${YEAR}|${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}|${SEASON_NAME}\\s+${YEAR}|(?:0?[1-9]|1[0-2])\\s*[/.-]\\s*${YEAR}` +
  `|${YEAR}\\s*[./-]\\s*(?:0[1-9]|1[0-2])(?!\\d)|${YEAR}|(?:0[1-9]|1[0-2])\\/\\d\\d(?![\\d/]))`;
// A straight double quote between spaces is a dash an export lost ("Sep 2008 " Mar 2011").
const SEPARATOR =
  '\\s*(?:[-–—~]+(?:\\s*till\\b)?|(?<=\\s)"(?=\\s)|\\bto(?:\\s+till)?\\b|\\buntil\\b|\\btill\\b|\\bbis\\b|\\ba\\b|\\bhasta\\b|\\bthrough\\b)\\s*';
const RANGE = new RegExp(
  `(?<![\\w/.])(?:(?:since|from|desde|seit)(?::\\s*|\\s+))?(${POINT})(?:(?:${SEPARATOR})(${POINT}|${PRESENT}\\b)` +
    // A month-year followed directly by another: the dash between them was lost.
    `|\\s+(${MONTH_NAME}\\s*${YEAR}|${PRESENT}\\b)` +
    // "September 2017 onwards": open, as "since September 2017" is.
    `|\\s*[-–]?\\s*(onwards?|afterwards)\\b)?(?![\\w/])`,
  "giu",
);

// Whole-string forms of one date point, compiled once (parsePoint runs once per range end).
const PRESENT_ONLY = new RegExp(`^${PRESENT}$`, "iu");
const MONTH_YEAR_ONLY = new RegExp(`^(${MONTH_NAME})\\s?[-'’,/]?\\s?(${YEAR})$`, "iu");
const DAY_FIRST = new RegExp(`^${DAY}\\s+(?:of\\s+)?(?=\\p{L})`, "iu");
const MONTH_DAY_YEAR_ONLY = new RegExp(`^(${MONTH_NAME})\\s+${DAY},?\\s+(${YEAR})$`, "iu");
const SEASON_ONLY = new RegExp(`^(${SEASON_NAME})\\s+(${YEAR})$`, "iu");
const NUMERIC_ONLY = new RegExp(`^(\\d{1,2})\\s*[/.-]\\s*(${YEAR})$`);
const ISO_LIKE_ONLY = new RegExp(`^(${YEAR})\\s*[./-]\\s*(\\d{2})$`);
const YEAR_ONLY = new RegExp(`^${YEAR}$`);
const SHORT_POINT_ONLY = new RegExp(`^(${MONTH_NAME})\\s?['’-]?\\s?(\\d\\d)$`, "iu");

/**
 * "Sep 15 - NOW", "Jan 15 - Sep 15", "Oct'17 – Jul'18": month names with two-digit years, read
 * only as a whole range (a lone "Sep 15" is more likely a day), and not before a year: in "from
 * Feb 24 to Apr 11 2017" the numbers are days.
 */
const SHORT_POINT = `${MONTH_NAME}\\s?['’-]?\\s?\\d\\d(?!\\d)`;
const SHORT_RANGE = new RegExp(
  `(?<![\\w/.])(${SHORT_POINT})(?:${SEPARATOR})(${SHORT_POINT}|${PRESENT}\\b)(?![\\w/])(?!,?\\s?(?:19|20)\\d\\d\\b)`,
  "giu",
);

/** A month name and a two-digit year: this century unless that would be after next year. */
function parseShortPoint(raw: string, now: Date): DatePoint | null {
  const text = raw.trim().toLowerCase();
  if (PRESENT_ONLY.test(text)) return presentPoint(now);
  const match = SHORT_POINT_ONLY.exec(text);
  const month = match ? MONTHS[match[1]!.replace(".", "")] : undefined;
  if (!match || !month) return null;
  const year = Number(match[2]);
  const full = year <= (now.getUTCFullYear() % 100) + 1 ? 2000 + year : 1900 + year;
  // "Feb 24" read as 1924 is a day: nobody applying now started work before 1950.
  return full < 1950 ? null : point(full, month, "month");
}

const HAS_DIGIT = /\d/;

/** Every date range (or dated season) in the text, in order. Lone years are left out. */
export function findDateRanges(text: string, now: Date): DateRange[] {
  // Every date point holds a digit: a text without one (most lines) needs no scan.
  if (!HAS_DIGIT.test(text)) return [];
  const ranges: DateRange[] = [];
  const walk = new DateRangeWalk(text, now);
  for (let range = walk.next(); range !== null; range = walk.next()) ranges.push(range);
  return ranges;
}

/** A month written with its year ("September 2019", "Sep. 2019", "Sept, 2019", "May 15, 2020"). */
const MONTH_POINT = new RegExp(
  `(?<![\\w])(?:${MONTH_NAME}\\s?[-'’,/]?\\s?${YEAR}|${MONTH_NAME}\\s+${DAY},?\\s+${YEAR})(?!\\w)`,
  "giu",
);

/**
 * The latest month written with its year in the text (as year * 12 + month - 1), or null: when a
 * degree is completed, "September 2019" read in January 2019 is still ahead.
 */
export function latestMonth(text: string, now: Date): number | null {
  if (!HAS_DIGIT.test(text)) return null;
  let latest: number | null = null;
  MONTH_POINT.lastIndex = 0;
  for (let match = MONTH_POINT.exec(text); match; match = MONTH_POINT.exec(text)) {
    const point = parsePoint(match[0], now);
    if (point?.precision === "month") latest = Math.max(latest ?? point.month, point.month);
  }
  return latest;
}

/** The first date range in the text (findDateRanges(text, now)[0]), read without the rest of the text. */
export function firstDateRange(text: string, now: Date): DateRange | undefined {
  if (!HAS_DIGIT.test(text)) return undefined;
  return new DateRangeWalk(text, now).next() ?? undefined;
}

/**
 * The date ranges of one text, read as far as they are asked for: the first alone costs what
 * firstDateRange costs, and all of them, asked for later, what findDateRanges costs (those read
 * already are not read again). first() is firstDateRange(text, now); all() is findDateRanges(text, now).
 */
export interface DateRangeReader {
  first(): DateRange | undefined;
  all(): readonly DateRange[];
}

const NO_DATE_RANGES: DateRangeReader = { first: () => undefined, all: () => [] };

export function readDateRanges(text: string, now: Date): DateRangeReader {
  // As in findDateRanges: every date point holds a digit.
  return HAS_DIGIT.test(text) ? new LazyDateRanges(new DateRangeWalk(text, now)) : NO_DATE_RANGES;
}

class LazyDateRanges implements DateRangeReader {
  private readonly read: DateRange[] = [];

  constructor(private rest: DateRangeWalk | null) {}

  first(): DateRange | undefined {
    return this.read.length > 0 || this.readOne() ? this.read[0] : undefined;
  }

  all(): readonly DateRange[] {
    while (this.readOne());
    return this.read;
  }

  private readOne(): boolean {
    const next = this.rest?.next() ?? null;
    if (next === null) {
      this.rest = null;
      return false;
    }
    this.read.push(next);
    return true;
  }
}

const SINCE = /^(since|from|desde|seit)\b/i;

/**
 * Full-year ranges, and two-digit-year ranges that overlap none of them, merged in text order as
 * they are found. Both kinds come in order and do not overlap their own kind, so a short range
 * need only be checked against the full ranges on either side of it (one pass, not one scan of
 * the full ranges per short range), and a caller wanting the first range reads no further.
 *
 * A walk with its state in fields, read by next() (it was a generator: a generator and its
 * iterator results for each line cost as much as the reading on a long text of short lines).
 * Each pattern's position is kept here, not in the shared pattern, so walks may interleave.
 */
class DateRangeWalk {
  /** Where the next search of RANGE and of SHORT_RANGE starts. */
  private fullFrom = 0;
  private shortFrom = 0;
  /** The next full-year range (read one ahead), null when there is none. */
  private nextFull: DateRange | null = null;
  /** Whether nextFull was returned, so the one after it is to be read first. */
  private fullTaken = true;
  private lastFull: DateRange | undefined;
  /** The short range being placed among the full ones; undefined when the next is to be read. */
  private short: DateRange | undefined;
  private shortsDone = false;

  constructor(
    private readonly text: string,
    private readonly now: Date,
  ) {}

  /** The next range, null after the last. */
  next(): DateRange | null {
    if (this.fullTaken) {
      this.nextFull = this.readFull();
      this.fullTaken = false;
    }
    while (!this.shortsDone) {
      if (this.short === undefined) {
        const short = this.readShort();
        if (short === null) {
          this.shortsDone = true;
          break;
        }
        this.short = short;
      }
      const short = this.short;
      // The full ranges that start before (or where) the short one does come first.
      if (this.nextFull !== null && this.nextFull.index <= short.index) {
        this.lastFull = this.nextFull;
        this.fullTaken = true;
        return this.lastFull;
      }
      this.short = undefined;
      const end = short.index + short.text.length;
      const lastFull = this.lastFull;
      const overlapsBefore = lastFull !== undefined && short.index < lastFull.index + lastFull.text.length;
      const overlapsAfter = this.nextFull !== null && this.nextFull.index < end;
      if (!overlapsBefore && !overlapsAfter) return short;
    }
    if (this.nextFull === null) return null;
    this.fullTaken = true;
    return this.nextFull;
  }

  /** The next range of full years, or of a season alone ("Summer 2024"). */
  private readFull(): DateRange | null {
    const now = this.now;
    for (;;) {
      const match = this.matchFrom(RANGE, this.fullFrom);
      if (match === null) return null;
      this.fullFrom = nextFrom(RANGE, match);
      const start = parsePoint(match[1]!, now);
      const endText = match[2] ?? match[3];
      const since = SINCE.test(match[0]) || match[4] !== undefined;
      let end: DatePoint | null = endText ? parsePoint(endText, now) : null;
      if (!start) continue;
      if (!end) {
        // "Since 2020" runs to today; "Summer 2024" is its own range; a lone year or month is a
        // date (graduation, publication), not a period of work.
        if (since) {
          if (inProse(this.text, match.index)) continue;
          // "from Nov 2011 to Feb17 2016": an end was written, only not in a form read here.
          if (UNREAD_END.test(this.text.slice(match.index + match[0].length, match.index + match[0].length + 12)))
            continue;
          end = presentPoint(now);
          // "… the premier port in India from 1962": no one applying now has worked for fifty years.
          if (end.month - start.month > MAX_OPEN_MONTHS) continue;
        } else if (start.precision === "season") end = seasonEnd(match[1]!, start);
        else continue;
      }
      if (end.month < start.month) continue;
      return { start, end, index: match.index, text: match[0] };
    }
  }

  /** "Sep 15 - NOW", "Oct'17 – Jul'18": the next range of month names with two-digit years. */
  private readShort(): DateRange | null {
    for (;;) {
      const match = this.matchFrom(SHORT_RANGE, this.shortFrom);
      if (match === null) return null;
      this.shortFrom = nextFrom(SHORT_RANGE, match);
      const [start, end] = [parseShortPoint(match[1]!, this.now), parseShortPoint(match[2]!, this.now)];
      if (start && end && end.month >= start.month) return { start, end, index: match.index, text: match[0] };
    }
  }

  /** The first match of a global pattern from `position` on (past the end: none). */
  private matchFrom(pattern: RegExp, position: number): RegExpExecArray | null {
    if (position > this.text.length) return null;
    pattern.lastIndex = position;
    return pattern.exec(this.text);
  }
}

/**
 * Whether an open "since 1987" sits inside a sentence rather than a role's header: the word just
 * before it is a lower-case word ("… a market leader in services since 1987.", "… the premier
 * series in the area since 1958"), which dates an employer or a product, not the person's role.
 * A header puts it after a separator, a title or a name ("Engineer, Acme | Since 2019",
 * "Acme Corp since 2019") or at the start of its line.
 */
function inProse(text: string, index: number): boolean {
  // "Joining date from: January 25, 2017": a label and its value, not a sentence.
  if (LABELLED_SINCE.test(text.slice(index, index + 8))) return false;
  const word = wordBefore(text, index);
  if (word === null) return false;
  if (isLowerCase(word.text)) return true;
  // "… port in India from 1962": a place after "in" or "of", still inside the sentence.
  const previous = wordBefore(text, word.start);
  return previous !== null && PROSE_PREPOSITION.test(previous.text);
}

/** "from:", "Since:": the open start of a role, written as a label. */
const LABELLED_SINCE = /^(?:since|from|desde|seit):/i;

/** Right after an open "from …": a separator and more, the end of a range that was not read. */
const UNREAD_END = /^\s*(?:(?:to|till|until)\s+[\p{L}\d]|[-–—]\s*\d)/iu;
const PROSE_PREPOSITION = /^(?:in|of|across|throughout)$/;
/** Fifty years: the longest open "since" period read as a role. */
const MAX_OPEN_MONTHS = 50 * 12;

const isLowerCase = (word: string) => word[0] !== word[0]!.toUpperCase() && word[0] === word[0]!.toLowerCase();

/** The word (letters) right before `index`, past spaces and tabs; null when none is. */
function wordBefore(text: string, index: number): { text: string; start: number } | null {
  let end = index;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  let start = end;
  while (start > 0 && /\p{L}/u.test(text[start - 1]!)) start--;
  return start === end ? null : { text: text.slice(start, end), start };
}

/** Where the search after `match` starts: past it, or one further after an empty match. */
function nextFrom(pattern: RegExp, match: RegExpExecArray): number {
  return match[0] === "" ? pattern.lastIndex + 1 : pattern.lastIndex;
}

/** Months covered, counting both ends: "Jun 2018 – Feb 2021" is 33, "2015–2020" is 60. */
export function monthsCovered(range: Pick<DateRange, "start" | "end">): { first: number; last: number } {
  const last = range.end.precision === "year" ? range.end.month - 1 : range.end.month;
  return { first: range.start.month, last: Math.max(range.start.month, last) };
}

const SHORT_NUMERIC_ONLY = /^(0[1-9]|1[0-2])\/(\d\d)$/;

export function parsePoint(raw: string, now: Date): DatePoint | null {
  // The day is dropped: "24th March 2011" and "March 24, 2011" are March 2011.
  const text = raw.trim().toLowerCase().replace(DAY_FIRST, "");
  if (PRESENT_ONLY.test(text)) return presentPoint(now);
  const monthYear = MONTH_YEAR_ONLY.exec(text) ?? MONTH_DAY_YEAR_ONLY.exec(text);
  if (monthYear) {
    const month = MONTHS[monthYear[1]!.replace(".", "")];
    return month ? point(Number(monthYear[2]), month, "month") : null;
  }
  const season = SEASON_ONLY.exec(text);
  if (season) return point(Number(season[2]), SEASONS[season[1]!]![0], "season");
  const numeric = NUMERIC_ONLY.exec(text);
  if (numeric) return point(Number(numeric[2]), Number(numeric[1]), "month");
  const isoLike = ISO_LIKE_ONLY.exec(text);
  if (isoLike) return point(Number(isoLike[1]), Number(isoLike[2]), "month");
  if (YEAR_ONLY.test(text)) return { label: text, month: Number(text) * 12, precision: "year" };
  // "07/23": a two-digit year is this century unless that would be after next year.
  const short = SHORT_NUMERIC_ONLY.exec(text);
  if (short) {
    const year = Number(short[2]);
    return point(year <= (now.getUTCFullYear() % 100) + 1 ? 2000 + year : 1900 + year, Number(short[1]), "month");
  }
  return null;
}

function point(year: number, month: number, precision: "month" | "season"): DatePoint {
  return { label: `${year}-${String(month).padStart(2, "0")}`, month: year * 12 + month - 1, precision };
}

/** A date's month as date points count them: year * 12 + month - 1. */
export const monthOf = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();

function presentPoint(now: Date): DatePoint {
  return { label: "present", month: monthOf(now), precision: "present" };
}

function seasonEnd(raw: string, start: DatePoint): DatePoint {
  const name = raw.trim().toLowerCase().split(/\s+/)[0]!;
  const [first, last] = SEASONS[name] ?? [1, 1];
  const month = start.month + (last - first);
  return {
    month,
    precision: "season",
    label: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`,
  };
}
