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
  const match = [...text.matchAll(EMAIL_PATTERN)].find((found) => !PLACEHOLDER.test(found[0]));
  if (!match) return null;
  return {
    value: match[0].toLowerCase(),
    span: { text: match[0], start: match.index, end: match.index + match[0].length },
  };
}
