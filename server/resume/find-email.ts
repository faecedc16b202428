// The candidate's e-mail address: the first address in the text, which sits in the header of
// virtually every résumé (later addresses are usually referees).

import type { Span } from "../contract/screening-result.ts";

// Bounded by the RFC's lengths (64 before the @, 63 per label), so a long run of letters with no
// "@" costs linear time, not quadratic.
export const EMAIL_PATTERN =
  /[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}\b/g;

export function findEmail(text: string): string | null {
  return findEmailFact(text)?.value ?? null;
}

/**
 * Does `text` hold something shaped like an e-mail address ("x@host.tld")? The same answer as
 * /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.test(text), found from each "@" outwards: that pattern
 * backtracks over every start of a long run of word characters, quadratic on "aaa…@".
 */
export function containsEmail(text: string): boolean {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at === 0 || !EMAIL_LOCAL_CHAR.test(text[at - 1]!)) continue;
    let i = at + 1;
    while (i < text.length && DOMAIN_CHAR.test(text[i]!)) i += 1;
    // At least one label character, then ".", then another label character.
    if (i > at + 1 && text[i] === "." && i + 1 < text.length && DOMAIN_CHAR.test(text[i + 1]!)) return true;
  }
  return false;
}

const EMAIL_LOCAL_CHAR = /[\w.+-]/;
const DOMAIN_CHAR = /[\w-]/;

/** A template's placeholder ("yourname@gmail.com"), not an address to write to. */
const PLACEHOLDER = /^(?:your[._-]?(?:name|e?mail|address)|first[._-]?last|name[._-]?surname)@/i;

/** The e-mail address with the span it was read from. */
export function findEmailFact(text: string): { value: string; span: Span } | null {
  const matches = emailMatches(text).filter((found) => !PLACEHOLDER.test(found.text));
  // "Facebook: lamaestra@yahoo.com" / "Email: mariela@gmail.com": the address a social network's
  // label names is that account's login; the one labelled e-mail (or none) is to write to.
  const match = matches.find((found) => !SOCIAL_LABEL.test(lineBefore(text, found.start))) ?? matches[0];
  if (!match) return null;
  return { value: match.text.toLowerCase(), span: match };
}

/** A social network's label right before an address on its line. */
const SOCIAL_LABEL =
  /\b(?:facebook|fb|skype|twitter|instagram|linkedin|messenger|google\s?talk|gtalk)\s*(?:id)?\s*[:-]\s*$/i;

/** The text of the line before `at` (at most 40 characters). */
function lineBefore(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf("\n", at - 1) + 1, at - 40);
  return text.slice(from, at);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const LOCAL_LAST = /[A-Za-z0-9_%+-]/;
const ALNUM = /[A-Za-z0-9]/;
/** EMAIL_PATTERN from its "@" on (the part after the local part), anchored where it is tried. */
const FROM_AT = new RegExp(EMAIL_PATTERN.source.slice(EMAIL_PATTERN.source.indexOf("@")), "y");

/**
 * Every EMAIL_PATTERN match, as `text.matchAll(EMAIL_PATTERN)` finds them, but looked for only
 * from each "@": the pattern itself tries every start in the text and reads up to 64 characters
 * from each, most of a second on a megabyte without an "@". A match holds exactly one "@"; its
 * local part is the run of local characters just before it (at most 64, starting with a letter
 * or digit, not ending with "."), and what follows the "@" does not depend on where it starts.
 */
export function emailMatches(text: string): Span[] {
  const matches: Span[] = [];
  let end = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at <= end || !LOCAL_LAST.test(text[at - 1]!)) continue;
    FROM_AT.lastIndex = at;
    const domain = FROM_AT.exec(text);
    if (!domain) continue;
    let start = at;
    for (let i = at - 1; i >= Math.max(end, at - 64) && LOCAL_CHAR.test(text[i]!); i -= 1) {
      if (ALNUM.test(text[i]!)) start = i;
    }
    if (start === at) continue;
    end = at + domain[0].length;
    matches.push({ text: text.slice(start, end), start, end });
  }
  return matches;
}
