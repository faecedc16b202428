// Whether a PDF page's text layer is missing or useless, so the page must be read as an image.
// Scanners and phone apps save pages as pictures, sometimes with an empty text layer or one
// made of glyphs mapped to the wrong code points (a font without a Unicode map): that "text"
// has letters but no words.

/** Fewer letters than this on a page: no real text layer (a page of a résumé holds hundreds). */
const MIN_LETTERS = 30;
/** Share of Latin tokens that must look like words (a vowel among letters) for the layer to count. */
const MIN_WORDLIKE_SHARE = 0.4;

export function pageNeedsOcr(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < MIN_LETTERS) return true;
  // Replacement characters and unmapped glyphs mean the text layer cannot be trusted.
  const broken = (text.match(/[\uFFFD\u{E000}-\u{F8FF}]/gu) ?? []).length;
  if (broken > letters.length * 0.3) return true;
  // Words are judged only in Latin script (vowels): other scripts keep their text layer.
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  if (latin < letters.length * 0.8) return false;
  const tokens = text.split(/\s+/).filter((token) => /\p{L}{2,}/u.test(token));
  if (tokens.length === 0) return true;
  const wordLike = tokens.filter((token) => /[aeiouyàâäéèêëîïôöûüÿæœåø]/iu.test(token)).length;
  return wordLike < tokens.length * MIN_WORDLIKE_SHARE;
}
