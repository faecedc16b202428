// The lines of a posting, with their offsets: trimmed, empty ones dropped, bullets marked, and
// run-on lines (line breaks lost by a job board) cut where a line break must have been.
import { classifyHeading } from "./classify-heading.ts";

export const BULLET = /^\s*(?:[-*•·▪◦‣–—>+]|\d{1,2}[.)]|[a-z][.)]|\(\w\))\s+/;

export interface PostingLine {
  text: string;
  start: number;
  end: number;
  bullet: boolean;
}

/** The non-empty lines of a posting, trimmed, with their offsets in it. */
export function splitPostingLines(text: string): PostingLine[] {
  const lines: PostingLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from]!)) from += 1;
    while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
    if (to > from) {
      for (const part of splitRunOnLine(text, from, to)) {
        const raw = text.slice(part.start, part.end);
        lines.push({ text: raw, start: part.start, end: part.end, bullet: BULLET.test(raw) });
      }
    }
    start = end + 1;
  }
  return lines;
}

/** Where a run-on line holds more than one line: an inline heading or an inline bullet. */
const INLINE_BREAK =
  /(?:^|(?<=[.!?:;)]\s*)|\s)([A-Z][\w'’&/ -]{2,48}):\s+|(?<=[.!?;]\s*|^)((?:[A-Z][\w'’]*\s+){0,6}[A-Z][\w'’]*)\s+(?=[•·▪◦]\s)|\s[•·▪◦]\s+|(?<=[.!?:])\s+(?=[-*]\s)/g;

function shortestHeadingTail(phrase: string): string | null {
  const words = phrase.split(" ");
  for (let k = words.length - 1; k >= Math.max(0, words.length - 7); k -= 1) {
    const tail = words.slice(k).join(" ");
    if (/^[A-Z]/.test(tail) && classifyHeading(tail) !== null) return tail;
  }
  return null;
}

/**
 * Postings scraped from job boards often lose their line breaks: "Requirements: • Python •
 * Docker Nice to have: Go". A long line is cut before each inline bullet and around each inline
 * heading that names a section, so the rest of the reading works as on a formatted posting.
 */
function splitRunOnLine(text: string, from: number, to: number): { start: number; end: number }[] {
  const line = text.slice(from, to);
  // A bullet is one item already, and a long paragraph is prose: only a line holding a list
  // (inline bullets) or most of a posting (over 1,000 characters) is cut.
  const inlineBullets = line.match(/\s[•·▪◦]\s/g)?.length ?? 0;
  if (BULLET.test(line) || (inlineBullets < 2 && line.length <= 1000)) return [{ start: from, end: to }];
  const cuts: number[] = [];
  INLINE_BREAK.lastIndex = 0;
  for (let match = INLINE_BREAK.exec(line); match !== null; match = INLINE_BREAK.exec(line)) {
    if (match[0].length === 0) {
      INLINE_BREAK.lastIndex += 1;
      continue;
    }
    // "Requirements: …" (with a colon) or "How You Stand Out • …" (Title Case before a bullet).
    const found = match[1] ?? match[2];
    if (found !== undefined) {
      // "Experience with Docker and AWS Nice to have:": the heading is the shortest Title Case
      // tail that names a section ("Nice to have"), not everything since the last full stop.
      const heading = shortestHeadingTail(found);
      if (heading === null) continue;
      const headingEnd = from + match.index + match[0].indexOf(found) + found.length;
      cuts.push(headingEnd - heading.length, headingEnd + (match[1] !== undefined ? 1 : 0));
    } else {
      cuts.push(from + match.index + (/^\s/.test(match[0]) ? 1 : 0));
    }
  }
  const parts: { start: number; end: number }[] = [];
  let start = from;
  for (const cut of [...cuts, to]) {
    let a = start;
    let b = cut;
    while (a < b && /\s/.test(text[a]!)) a += 1;
    while (b > a && /\s/.test(text[b - 1]!)) b -= 1;
    if (b > a) parts.push({ start: a, end: b });
    start = cut;
  }
  return parts;
}
