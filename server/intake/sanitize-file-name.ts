// Original file names are shown in the UI and used in download headers: keep only the last
// path segment, drop control, formatting and reserved characters, and bound the length.
//
// Dropped: C0/C1 controls (NUL, newlines, escape), every invisible formatting character (bidi
// overrides and isolates such as U+202E, which make "cv\u202Efdp.exe" display as "cvexe.pdf";
// zero-width spaces; the byte-order mark; the soft hyphen), line and paragraph separators, lone
// surrogate halves (not text; they also break URL encoding of the download name) and
// non-characters. Kept: the zero-width joiner and non-joiner, which spell words in Persian, Hindi
// and emoji sequences.
const MAX_NAME_LENGTH = 180;

const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\ufdd0-\ufdef\ufffe\uffff]/gu;
const RESERVED = /[<>:"|?*]/g;

export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .replace(RESERVED, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!cleaned) return "resume";
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : "";
  // Cut on a code point boundary, never between the halves of a surrogate pair.
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length).replace(/[\ud800-\udbff]$/, "") + ext;
}
