// Résumé text as paragraphs: PDFs break lines where the page was full ("deploying predictive\n
// models"), so the stored text has hard line breaks inside sentences and list items. The page
// shows those breaks as spaces (or as nothing after a word broken by a hyphen) while keeping every
// other break. Only the rendering changes: the stored text, and with it every evidence span's
// offsets, stays as it is. Each joined break is one character of the stored text shown as " " or
// "" — the offset map from shown text back to stored text — so a highlight across a joined break
// still covers exactly its characters.

/** What a joined line break is shown as: a space, or nothing (a word hyphenated across lines). */
export type JoinedBreak = " " | "";

const SENTENCE_END = /[.!?:;]["'’”)\]]*$/;
/** A line that starts a new item: a bullet, a numbered item, a date range at the start of a role. */
const ITEM_START = /^\s*(?:[•·▪●◦■□➢►‣∙*–—-]\s|\(?\d{1,2}[.)]\s|(?:19|20)\d\d\b)/;
/** The previous line clearly goes on: a comma, an open bracket, a conjunction or preposition. */
const CONTINUES =
  /(?:[,&(+]|\b(?:and|or|of|the|a|an|in|on|at|to|for|with|by|from|as|into|using|including|via|per|than))$/i;
/** A heading in capitals ("SUMMARY", "WORK EXPERIENCE"): never part of the line before. */
const HEADING = /^\s*[\p{Lu}\d&/ ]+:?\s*$/u;
const HYPHENATED = /\p{Ll}-$/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_WORD = /^[\p{L}\p{N}(]/u;

/**
 * The line breaks of `text` (indices of "\n") that are a layout's wrap, with what to show instead.
 * A break is joined when its line has text, does not end a sentence, the next line has text and
 * does not start a new item, and either the next line starts lower-case or this line ends in a
 * way that goes on (a comma, "and", "of" …). A blank line (paragraph) is never joined.
 */
export function joinedBreaks(text: string): Map<number, JoinedBreak> {
  const joined = new Map<number, JoinedBreak>();
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
    const line = text.slice(lineStart, at).replace(/[ \t\r]+$/, "");
    const nextEnd = text.indexOf("\n", at + 1);
    const next = text.slice(at + 1, nextEnd === -1 ? text.length : nextEnd);
    lineStart = at + 1;
    if (line.trim() === "" || next.trim() === "") continue;
    if (SENTENCE_END.test(line) || ITEM_START.test(next) || !STARTS_WORD.test(next.trimStart())) continue;
    if (HEADING.test(next)) continue;
    const nextText = next.trimStart();
    if (HYPHENATED.test(line) && STARTS_LOWER.test(nextText)) joined.set(at, "");
    else if (STARTS_LOWER.test(nextText) || CONTINUES.test(line)) joined.set(at, " ");
  }
  return joined;
}

/** `slice` (stored text starting at offset `start`) as shown: joined breaks replaced. */
export function showJoined(slice: string, start: number, joined: ReadonlyMap<number, JoinedBreak>): string {
  if (joined.size === 0 || !slice.includes("\n")) return slice;
  let out = "";
  let from = 0;
  for (let at = slice.indexOf("\n"); at !== -1; at = slice.indexOf("\n", at + 1)) {
    const shown = joined.get(start + at);
    if (shown === undefined) continue;
    out += slice.slice(from, at) + shown;
    from = at + 1;
  }
  return out + slice.slice(from);
}

/**
 * The stored text rebuilt from the page's segments, with hidden parts (blind review) as "X"s of
 * their length: the joining rules see a word there, in the right place, and never its content.
 */
export function textOfSegments(segments: ReadonlyArray<{ start: number; end: number; text?: string }>): string {
  let text = "";
  for (const segment of segments) {
    if (segment.start > text.length) text += " ".repeat(segment.start - text.length);
    text += segment.text ?? "X".repeat(segment.end - segment.start);
  }
  return text;
}
