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
    .map((line) => joinSpacedCapitals(joinLetterSpacing(line).replace(SPACES, " ").trim()));
  // At most one blank line in a row: keeps paragraph breaks without page-sized gaps.
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Letter-spaced headings ("E X P E R I E N C E", "W O R K  H I S T O R Y"): a line made only
 * of single letters becomes words again; two or more spaces separate the words.
 */
export function joinLetterSpacing(line: string): string {
  const trimmed = line.replace(SPACES, (run) => (run.length > 1 || run === "\t" ? "  " : " ")).trim();
  if (!/^\p{L}(?: {1,2}\p{L}){3,}$/u.test(trimmed)) return line;
  return trimmed
    .split(/ {2}/)
    .map((word) => word.replace(/ /g, ""))
    .join(" ");
}

/**
 * Small-caps headings lose their look in text: "E XPERIENCE", "W ORK E XPERIENCE". A short
 * line made only of such pairs (a capital, a space, more capitals) is joined back together.
 */
export function joinSpacedCapitals(line: string): string {
  if (line.length > 48 || !/^\p{Lu} \p{Lu}{2,}(?: (?:&|and|\p{Lu} \p{Lu}{2,}|\p{Lu}{2,}))*$/u.test(line)) return line;
  return line.replace(/(^|\s)(\p{Lu}) (\p{Lu}{2,})/gu, "$1$2$3");
}
