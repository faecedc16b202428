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
  const lines = repairMojibake(raw)
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

/** Windows-1252 characters for the bytes 0x80–0x9f (the rest of the range maps to itself). */
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
/**
 * UTF-8 read as Windows-1252 ("â€“" for "–", "Â·" for "·", "Ã©" for "é"), as scraped
 * résumés carry it: a lead character of a UTF-8 sequence followed by continuation characters.
 * Each run is turned back into bytes and decoded; a run that is not valid UTF-8 stays as it is.
 */
const MOJIBAKE = new RegExp(`[\u00c2-\u00f4][\u0080-\u00bf${CP1252.replace(/[\u0080-\u009f]/g, "")}]{1,3}`, "g");
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return (
    text
      .replace(MOJIBAKE, (run) => {
        const bytes = [...run].map((char) => {
          const code = char.charCodeAt(0);
          const high = CP1252.indexOf(char);
          return code >= 0x80 && code <= 0xff ? code : high >= 0 ? 0x80 + high : -1;
        });
        const lead = bytes[0]!;
        const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (bytes.length < length || bytes.includes(-1)) return run;
        try {
          return UTF8.decode(new Uint8Array(bytes.slice(0, length))) + run.slice(length);
        } catch {
          return run;
        }
      })
      // A full-width form whose last byte was lost ("Company Name ï¼ City"): a separator.
      .replace(/ï¼/g, "–")
      // A no-break space whose second byte became a plain space.
      .replace(/Â(?=[ \t\n]|$)/g, "")
  );
}
