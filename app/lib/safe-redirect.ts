// Where to go after signing in: only a path on this site, decided before anything is written.
// Anything else falls back to the home page (the requisitions list): another site
// ("https://evil.example", "//evil.example", "/\\evil.example"), a scheme ("javascript:"), and every
// spelling that a browser, a proxy or a later decoding step could read as one: "/／/evil.example"
// (fullwidth solidus, "//" after Unicode NFKC normalisation), "/%2F/evil.example", "/%5Cevil.example",
// "/%EF%BC%8F/evil.example", double-encoded forms, control characters. The target that comes out is
// re-serialised by the URL parser, so it is plain ASCII (other characters percent-encoded) and is
// always a valid Location header: a non-ASCII target used to make the redirect itself throw (a
// 500 after the session row and the audit entry were written).
/** Where signing in leads when nothing else was asked for. */
export const HOME = "/requisitions";
const FALLBACK = HOME;
/** Longer targets are not links anyone follows. */
const MAX_LENGTH = 2048;
/** How many rounds of percent-decoding are looked through ("%252F" → "%2F" → "/"). */
const DECODE_ROUNDS = 3;
const BASE = "http://safe-redirect.invalid";

/** A reading of the target that stays on this site: one "/" then a path, no second "/" or "\" after it. */
function staysLocal(reading: string): boolean {
  if (!reading.startsWith("/")) return false;
  if (reading.startsWith("//") || reading.startsWith("/\\")) return false;
  return !/[\u0000-\u001f\u007f]/.test(reading);
}

/** The target as given, NFKC-normalised, and percent-decoded round by round (each also normalised). */
function readings(to: string): string[] {
  const forms = [to, to.normalize("NFKC")];
  let current = to;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // A malformed escape ("%E0%A4%A") cannot be decoded by anyone downstream either.
      break;
    }
    if (decoded === current) break;
    forms.push(decoded, decoded.normalize("NFKC"));
    current = decoded;
  }
  return forms;
}

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = FALLBACK): string {
  if (typeof to !== "string" || to === "" || to.length > MAX_LENGTH) return fallback;
  // A backslash anywhere in the raw target: browsers read it as "/".
  if (to.includes("\\")) return fallback;
  if (!readings(to).every(staysLocal)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // What the parser made of it must still be one local path of printable ASCII.
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(target)) return fallback;
  // Coming back to the sign-in or sign-out page itself would be a loop.
  if (/^\/(login|logout)(?:[/?#]|$)/i.test(target)) return fallback;
  return target;
}
