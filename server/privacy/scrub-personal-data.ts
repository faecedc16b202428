// What an erasure removes from free text that stays (audit details and filters, other
// candidates' notes, upload refusals): the person's full name, e-mail, phone and file name
// wherever they appear, and each part of the name as a whole word ("Das" in an export filter
// `"q": "das"`, "D. Das" in a note). Pure: the erasure reads the rows, scrubs them here and writes
// them back. See docs/candidate-page.md (Erasure).

export const ERASED = "[erased]";

/** Name parts that are not the person: honorifics, degrees and particles of other names. */
const NOT_A_NAME_PART = new Set(
  "mr mrs ms miss mx dr prof sir jr sr ii iii iv phd ph msc bsc mba md de da del della der di du la le van von den ten ter bin binti al el".split(
    " ",
  ),
);

export interface PersonalTerms {
  /** Matched anywhere, case-insensitively: full name, e-mail, phone, file name. */
  phrases: string[];
  /** Matched as whole words, case-insensitively: parts of the name. */
  words: string[];
}

/**
 * The terms to scrub for one person. Phrases shorter than four characters would match unrelated
 * text and are left out; name parts need two letters. A phone is also searched as its digits
 * alone ("+1 555 010 2030" written "5550102030").
 */
export function personalTerms(input: {
  names: Array<string | null | undefined>;
  emails: Array<string | null | undefined>;
  phones: Array<string | null | undefined>;
  fileNames: Array<string | null | undefined>;
}): PersonalTerms {
  const phrases = new Set<string>();
  const words = new Set<string>();
  const addPhrase = (value: string | null | undefined) => {
    const trimmed = value?.trim().toLowerCase();
    if (trimmed && trimmed.length >= 4) phrases.add(trimmed);
  };
  for (const name of input.names) {
    addPhrase(name);
    for (const part of (name ?? "").toLowerCase().split(/[^\p{L}\p{M}'’]+/u)) {
      const letters = part.replace(/['’]/g, "");
      if (letters.length >= 2 && !NOT_A_NAME_PART.has(letters)) words.add(part);
    }
  }
  for (const email of input.emails) addPhrase(email);
  for (const phone of input.phones) {
    addPhrase(phone);
    const digits = (phone ?? "").replace(/\D/g, "");
    if (digits.length >= 7) phrases.add(digits);
  }
  for (const fileName of input.fileNames) {
    addPhrase(fileName);
    // "Quentin Secretname CV.pdf" is also written without its extension.
    addPhrase(fileName?.replace(/\.[a-z0-9]{1,5}$/i, ""));
  }
  return { phrases: [...phrases], words: [...words] };
}

/** One pattern for all terms, longest first so a full name wins over its parts. */
function termPattern(terms: PersonalTerms): RegExp | null {
  const alternatives = [
    ...terms.phrases.map((phrase) => ({ length: phrase.length, source: escapeRegExp(phrase) })),
    ...terms.words.map((word) => ({
      length: word.length,
      source: String.raw`(?<![\p{L}\p{M}\p{N}])${escapeRegExp(word)}(?![\p{L}\p{M}\p{N}])`,
    })),
  ].sort((a, b) => b.length - a.length);
  if (alternatives.length === 0) return null;
  return new RegExp(alternatives.map((alternative) => alternative.source).join("|"), "giu");
}

export interface Scrubber {
  /** The text with every term replaced by "[erased]". */
  text: (value: string) => string;
  /** A JSON value with every string (and object key) scrubbed; other values unchanged. */
  json: (value: unknown) => unknown;
  /** Does the value (text or JSON) hold any term? */
  finds: (value: unknown) => boolean;
  /** A PostgreSQL regular expression (for ~*) that every value holding a term matches. */
  sqlPattern: string | null;
}

export function scrubberFor(terms: PersonalTerms): Scrubber {
  const pattern = termPattern(terms);
  const text = (value: string) => (pattern ? value.replace(pattern, ERASED) : value);
  const json = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [text(key), json(inner)]));
    }
    return value;
  };
  const finds = (value: unknown) => {
    if (!pattern) return false;
    const flat = typeof value === "string" ? value : JSON.stringify(value ?? null);
    pattern.lastIndex = 0;
    const found = pattern.test(flat);
    pattern.lastIndex = 0;
    return found;
  };
  // The database narrows the rows with plain substrings (a superset of whole-word matches);
  // the exact replacement happens here.
  const all = [...terms.phrases, ...terms.words];
  const sqlPattern = all.length === 0 ? null : all.map(escapePostgresRegExp).join("|");
  return { text, json, finds, sqlPattern };
}

function escapeRegExp(value: string): string {
  // Only the syntax characters: with the "u" flag, "\-" or "\/" outside a class is an error.
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** In PostgreSQL's regular expressions a backslash before any non-alphanumeric character makes it literal. */
function escapePostgresRegExp(value: string): string {
  return value.replace(/[^\p{L}\p{N}\s]/gu, "\\$&");
}
