// The minimum years of experience a posting states: "5+ years", "at least three years",
// "3-5 years" (→ 3), "minimum of 2 years", "Experience needed: 4 To 9 Years". The first stated
// in a requirement wins (postings lead with the main one; later figures are for sub-skills).
// A maximum ("up to 2 years", "no more than 3 years") is not a minimum: it is an age proxy,
// reported by find-proxy-phrases.ts.
import type { PostingSegment, PostingSpan } from "./types.ts";

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const N = String.raw`(\d{1,2}(?:\.5)?|${Object.keys(NUMBER_WORDS).join("|")})(?:\s*\(\d{1,2}\+?\))?`;
const YEARS = String.raw`(?:years?|yrs?|YOE)(?:['’])?`;

const PATTERNS: readonly RegExp[] = [
  // "3-5 years", "4 To 9 Years", "3+ - 5 years"
  new RegExp(String.raw`\b${N}\s*\+?\s*(?:-|–|—|to)\s*\d{1,2}\s*\+?\s*${YEARS}`, "i"),
  // "at least three years", "minimum of 2 years", "min. 3 yrs", "over 5 years", "more than 5 years"
  new RegExp(
    String.raw`\b(?:at least|at minimum|a minimum of|minimum of|minimum|min\.?|over|more than|no less than)\s+${N}\s*\+?\s*${YEARS}`,
    "i",
  ),
  // "5+ years", "5 + yrs", "4+years", "5 plus years"
  new RegExp(String.raw`\b${N}[\s-]*(?:\+|plus)[\s-]*${YEARS}`, "i"),
  // "5 years minimum", "3 years or more"
  new RegExp(String.raw`\b${N}\s*${YEARS}\s+(?:minimum|min\.?|or more|at least)\b`, "i"),
  // "5 or more years"
  new RegExp(String.raw`\b${N}\s+or more\s+${YEARS}`, "i"),
  // "3 years of experience", "5 years' experience", "2 years hands-on experience", "three years in industry"
  new RegExp(
    String.raw`\b${N}\s*${YEARS}\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:experience|industry|work|professional)`,
    "i",
  ),
  // "Machine learning: 3 years (Required)" — a job board's experience field
  new RegExp(String.raw`:\s*${N}\s*\+?\s*${YEARS}`, "i"),
  // "Years of experience: 5"
  new RegExp(String.raw`\byears of experience\s*:\s*${N}`, "i"),
];

const MAXIMUM = /\b(?:up to|no more than|not more than|maximum(?: of)?|max\.?|less than|under|at most)\s*$/i;

export interface MinYears extends PostingSpan {
  years: number;
}

function yearsIn(segment: PostingSegment): MinYears | null {
  let best: MinYears | null = null;
  for (const pattern of PATTERNS) {
    const match = pattern.exec(segment.text);
    if (match === null) continue;
    if (MAXIMUM.test(segment.text.slice(Math.max(0, match.index - 20), match.index))) continue;
    const raw = match[1]!.toLowerCase();
    const years = NUMBER_WORDS[raw] ?? Number(raw);
    if (!Number.isFinite(years) || years <= 0 || years > 40) continue;
    const start = segment.start + match.index;
    if (best === null || start < best.start) {
      best = { years, text: match[0], start, end: start + match[0].length };
    }
  }
  return best;
}

export function findMinYears(segments: readonly PostingSegment[]): MinYears | null {
  for (const segment of segments) {
    if (segment.strength !== "required") continue;
    const found = yearsIn(segment);
    if (found !== null) return found;
  }
  // None in a requirement: a figure in the title ("Senior ML Engineer (5+ years)") or the duties,
  // never in a preferred line or the company text.
  for (const segment of segments) {
    if (segment.strength === "preferred" || (segment.section === "other" && !segment.title)) continue;
    const found = yearsIn(segment);
    if (found !== null) return found;
  }
  return null;
}
