// The candidate's e-mail address: the first address in the text, which sits in the header of
// virtually every résumé (later addresses are usually referees).

export const EMAIL_PATTERN = /[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b/g;

export function findEmail(text: string): string | null {
  const match = text.match(new RegExp(EMAIL_PATTERN.source))?.[0];
  return match ? match.toLowerCase() : null;
}
