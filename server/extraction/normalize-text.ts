// Cleans extracted text so every format reaches contact extraction (and later scoring) in the
// same shape: one logical line per line, single spaces, no invisible characters.

const INVISIBLE = /[\u0000\u00ad\u200b-\u200d\u2060\ufeff]/g; // NUL, soft hyphen, zero-widths
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g; // keeps \t \n \f \r
const LINE_BREAKS = /\r\n?|[\f\v\u2028\u2029]/g;
const SPACES = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const HYPHENS = /[\u2010\u2011]/g; // typographic hyphens; en/em dashes are kept
const LIGATURES: Record<string, string> = {
  "\ufb00": "ff",
  "\ufb01": "fi",
  "\ufb02": "fl",
  "\ufb03": "ffi",
  "\ufb04": "ffl",
  "\ufb05": "st",
  "\ufb06": "st",
};

export function normalizeText(raw: string): string {
  const lines = raw
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROL, "")
    .replace(HYPHENS, "-")
    .replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .split("\n")
    .map((line) => line.replace(SPACES, " ").trim());
  // At most one blank line in a row: keeps paragraph breaks without page-sized gaps.
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
