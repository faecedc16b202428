// Spans tie every extracted fact to its place in the normalised text, so the candidate page
// can highlight it: `text.slice(span.start, span.end) === span.text` always holds.
import type { Span } from "../contract/screening-result.ts";

export interface LineSpan {
  /** The line without its newline. */
  text: string;
  start: number;
  end: number;
}

/** The lines of text[from, to), with their offsets in the whole text. */
export function lineSpans(text: string, from = 0, to = text.length): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf("\n", start);
    if (end === -1 || end > to) end = to;
    lines.push({ text: text.slice(start, end), start, end });
    if (end >= to) break;
    start = end + 1;
  }
  return lines;
}

/**
 * `text` without the characters `trimmed` matches (one at a time) at its end. A loop: an
 * end-anchored pattern such as /[:\s]+$/ restarts at every character of a long run ("::::…x"),
 * which takes quadratic time.
 */
export function trimEndMatching(text: string, trimmed: RegExp): string {
  let end = text.length;
  while (end > 0 && trimmed.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

const WHITE_SPACE = /\s/;

/** The span of text[start, end), trimmed of surrounding white space. */
export function spanOf(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && WHITE_SPACE.test(text[from]!)) from++;
  while (to > from && WHITE_SPACE.test(text[to - 1]!)) to--;
  return { text: text.slice(from, to), start: from, end: to };
}
