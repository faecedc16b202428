// The candidate's phone number, written in any common national or international style:
// +1 (555) 123-4567, +44 20 7946 0958, 555.123.4567, +91 98765 43210, 138-1234-5678.
// Numbers that only look like phones are refused: date ranges (2019 - 2021, 05.2019 - 06.2021),
// short numbers, long ID strings without separators (DOCX drawing anchors leak those).
import type { Span } from "../contract/screening-result.ts";

// A run of digits with spaces, dots, hyphens and brackets, not glued to a word, URL or e-mail.
const CANDIDATE = /(?<![\w@/.+-])(?:\+|\(\+?)?\d[\d ().-]{6,}\d(?![\w@]|\.\w)/g;
const MIN_DIGITS = 9;
const MAX_DIGITS = 15; // E.164

export function findPhone(text: string): string | null {
  return findPhoneFact(text)?.value ?? null;
}

/** The phone number with the span of the characters it was read from. */
export function findPhoneFact(text: string): { value: string; span: Span } | null {
  // One scan of the whole text, not one per line: a candidate holds no line break (nor does its
  // character class), and a line break around it answers the look-behind and look-ahead as the
  // start or end of a line does, so the candidates are those of each line, in order.
  let lineStart = 0;
  let lineEnd = lineEndFrom(text, 0);
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
    while (lineEnd < found.index) {
      lineStart = lineEnd + 1;
      lineEnd = lineEndFrom(text, lineStart);
    }
    const candidate =
      isLabelledNotAPhone(text, lineStart, found.index) ||
      PATENT_KIND_AFTER.test(text.slice(CANDIDATE.lastIndex, CANDIDATE.lastIndex + 4))
        ? null
        : phoneAt(text, lineStart, found);
    if (candidate) {
      CANDIDATE.lastIndex = 0;
      return candidate;
    }
  }
  return null;
}

/** A patent publication's kind code after its number: "20070178055 A1". */
const PATENT_KIND_AFTER = /^\s?[AB][1-9]\b/;
const PATENT_BEFORE = /\b(?:US|EP|WO|CN|JP|DE|patent|pat\.?)\s*(?:no\.?\s*)?$/i;

/** The label of an identity document's number: "Qatari Id No :", "National I.D:", "Passport No.", "SSN", "Aadhaar". */
const IDENTITY_BEFORE =
  /\b(?:id|i\.\s?d\.?|identity|identification|passport|iqama|aadhaa?r|pan|ssn|social security|national insurance|nic|cnic|driving licen[cs]e|driver'?s licen[cs]e|licen[cs]e|visa|permit)\s*(?:card\s*)?(?:no\b\.?|number|num\b\.?|#)?\s*[:.#-]?\s*$/i;

/**
 * Whether the line labels the number as something else: a patent's ("US 20050276743 A1") or an
 * identity document's ("Qatari Id No : 28735642209").
 */
function isLabelledNotAPhone(text: string, lineStart: number, index: number): boolean {
  const before = (width: number) => text.slice(Math.max(lineStart, index - width), index);
  return PATENT_BEFORE.test(before(16)) || IDENTITY_BEFORE.test(before(28));
}

const lineEndFrom = (text: string, from: number) => {
  const newline = text.indexOf("\n", from);
  return newline === -1 ? text.length : newline;
};
const PAGE_NUMBER = /^\d{1,2}\s+/;

/** The phone a candidate of the line starting at `lineStart` holds, if it is plausible. */
function phoneAt(text: string, lineStart: number, found: RegExpExecArray): { value: string; span: Span } | null {
  // "Page 2 864-472-7092": the page number of a footer is not part of the number.
  const page = followsPageWord(text, lineStart, found.index) ? PAGE_NUMBER.exec(found[0]) : null;
  const match = {
    0: page ? found[0].slice(page[0].length) : found[0],
    index: found.index + (page ? page[0].length : 0),
  };
  // Cleaning keeps every digit, and a plausible phone has MIN_DIGITS to MAX_DIGITS of them: "2019 -
  // 2020" (or a long run of such ranges) is not cleaned and weighed.
  const digits = digitCount(match[0]);
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return null;
  const phone = clean(match[0]);
  if (!phone || !isPlausiblePhone(phone)) return null;
  // The span covers the digits kept (a trailing bracket of the sentence is left out).
  const raw = match[0].trimEnd();
  let length = raw.length;
  while (length > 0 && raw[length - 1] === ")" && count(raw.slice(0, length), "(") < count(raw.slice(0, length), ")"))
    length--;
  const source = raw.slice(0, length).trimEnd();
  const start = match.index;
  return { value: phone, span: { text: source, start, end: start + source.length } };
}

/** The ASCII digits in the text (what /\D/g leaves). */
function digitCount(text: string): number {
  let digits = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

const WHITE_SPACE = /\s/;
const WORD_CHARACTER = /\w/;

/**
 * Does "page" (a whole word, any case) end the line (starting at `lineStart`) just before
 * `index`, spaces aside? What /\bpage\s*$/i says of text.slice(lineStart, index), read backwards
 * from `index` so that a line with many numbers costs linear time, not a scan of the whole
 * prefix per number.
 */
function followsPageWord(text: string, lineStart: number, index: number): boolean {
  let end = index;
  while (end > lineStart && WHITE_SPACE.test(text[end - 1]!)) end -= 1;
  if (end - lineStart < 4 || text.slice(end - 4, end).toLowerCase() !== "page") return false;
  return end - lineStart === 4 || !WORD_CHARACTER.test(text[end - 5]!);
}

/**
 * Is there a run of digits, spaces, dots, hyphens and brackets that starts and ends with a digit
 * and spans nine characters or more? The same answer as /\+?\d[\d\s().-]{7,}\d/.test(text) (the
 * test for a line that carries a phone-like number), in one pass: the pattern rescans each run from
 * every digit in it, quadratic on "1-1-1-…".
 */
export function containsPhoneLike(text: string): boolean {
  let firstDigit = -1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char >= "0" && char <= "9") {
      if (firstDigit === -1) firstDigit = i;
      else if (i - firstDigit >= 8) return true;
    } else if (!PHONE_RUN_CHAR.test(char)) {
      firstDigit = -1;
    }
  }
  return false;
}

const PHONE_RUN_CHAR = /[\s().-]/;

function clean(candidate: string): string | null {
  // "555--5555": a soft hyphen next to a hyphen, as some Word exports print it.
  let phone = candidate.replace(/\s+/g, " ").replace(/-{2,}/g, "-").trim();
  // "920) 716-6086": an area code whose opening bracket was lost (a line broken before it).
  if (!phone.includes("(") && /^\d{2,4}\)/.test(phone)) phone = `(${phone}`;
  // A closing bracket of the surrounding sentence is not part of the number.
  while (phone.endsWith(")") && count(phone, "(") < count(phone, ")")) phone = phone.slice(0, -1).trim();
  return phone || null;
}

export function isPlausiblePhone(phone: string): boolean {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return false;
  if (count(phone, "(") !== count(phone, ")")) return false;
  const international = phone.startsWith("+") || phone.startsWith("(+") || phone.startsWith("00");
  const groups = phone.split(/[^\d]+/).filter(Boolean);
  // An unbroken run is a phone only at national mobile/landline lengths; longer runs are IDs.
  if (groups.length === 1 && !international && (digits.length < 10 || digits.length > 11)) return false;
  // Years with months or days around them are dates, not numbers to call.
  const looksLikeDate = groups.some(isYear) && groups.every((group) => isYear(group) || group.length <= 2);
  if (looksLikeDate) return false;
  if (/(19|20)\d\d ?- ?(19|20)\d\d/.test(phone)) return false;
  // "BPU 2013-11-36453": a registration number that opens with its year and month.
  if (/^(19|20)\d\d-(0[1-9]|1[0-2])-\d{4,}$/.test(phone)) return false;
  // "96669-1271": a ZIP+4 postal code (an FPO or street address), never written so as a phone.
  if (/^\d{5}-\d{4}$/.test(phone)) return false;
  // Four dot-separated groups of at most three digits: an IP address or a version.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(phone)) return false;
  // "(111) 111-1111", "000-00-0000": a template's placeholder.
  if (/^(\d)\1+$/.test(digits) || /^(\d)\1+$/.test(digits.slice(1))) return false;
  return true;
}

function isYear(group: string): boolean {
  return /^(19|20)\d\d$/.test(group);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
