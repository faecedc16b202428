// An evidence span's text is the scorer's view of its line: the stored résumé text with identity
// (employers, schools, names, places) blanked in place, character for character, so that nothing
// identifying can move a score (server/scoring/scoring-input.ts). A span belongs to a stored text
// when it lies inside it and its text is that slice with some characters turned into spaces.

export function spanMatchesText(text: string, span: { text: string; start: number; end: number }): boolean {
  if (span.start < 0 || span.start >= span.end || span.end > text.length) return false;
  if (span.text.length !== span.end - span.start) return false;
  for (let i = 0; i < span.text.length; i++) {
    const shown = span.text.charCodeAt(i);
    if (shown !== text.charCodeAt(span.start + i) && shown !== 32) return false;
  }
  return true;
}
