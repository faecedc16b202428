// Profile and portfolio links: full URLs, and the bare forms résumés print
// (github.com/x, linkedin.com/in/x, www.x.com, x.dev). Normalised to https://host/path
// without "www." or a trailing slash, so the same profile written twice appears once.
import type { Span } from "../contract/screening-result.ts";
import { emailMatches } from "./find-email.ts";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'|,;]+/gi;
// Bare domains only with TLDs common for personal sites, and only in lower case, so that
// "ASP.NET" or "Node.JS" in a skills list never becomes a link.
const BARE_PATTERN =
  /(?<![\w@/.-])(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|org|net|io|dev|ai|me|co|app|page|site|tech|info|xyz|github\.io)(?:\/[^\s<>"'|,;]*)?(?![\w@])/g;
/** Names of technologies that are spelled like domains. */
const NOT_LINKS = new Set(["socket.io", "asp.net", "ado.net", "vb.net", "dot.net", "chart.io", "node.io"]);

/**
 * Does `text` hold something shaped like a web address (http(s)://, www., or host.tld/ with a
 * common personal TLD)? The same answer as
 * /\b(?:https?:\/\/|www\.|[\w-]+\.(?:com|io|dev|me|org|net|ai)\/)\S*\/i.test(text), written so that
 * no part can restart over a long run of word characters: "[\w-]+\." becomes "the last word
 * character before the dot, then hyphens only" (quadratic on "a-a-a-…" before, linear now).
 */
export function containsLink(text: string): boolean {
  return LINK_LIKE.test(text);
}

const LINK_LIKE = /\bhttps?:\/\/|\bwww\.|\w-*\.(?:com|io|dev|me|org|net|ai)\//i;

export function findLinks(text: string): string[] {
  return findLinkFacts(text).map((link) => link.value);
}

/** Each distinct link with the span of its first appearance. */
export function findLinkFacts(text: string): Array<{ value: string; span: Span }> {
  // E-mail domains (jane@example.com) must not come back as links.
  let withoutEmails = "";
  let copied = 0;
  for (const email of emailMatches(text)) {
    withoutEmails += text.slice(copied, email.start) + " ".repeat(email.end - email.start);
    copied = email.end;
  }
  withoutEmails += text.slice(copied);
  const found: Array<{ index: number; url: string }> = [];
  for (const match of withoutEmails.matchAll(URL_PATTERN)) {
    found.push({ index: match.index, url: match[0] });
  }
  const withoutUrls = withoutEmails.replace(URL_PATTERN, (url) => " ".repeat(url.length));
  for (const match of withoutUrls.matchAll(BARE_PATTERN)) {
    if (NOT_LINKS.has(match[0].toLowerCase())) continue;
    found.push({ index: match.index, url: `https://${match[0]}` });
  }
  const links: Array<{ value: string; span: Span }> = [];
  for (const { index, url } of found.sort((a, b) => a.index - b.index)) {
    const normalized = normalizeLink(url);
    if (!normalized || links.some((link) => link.value === normalized)) continue;
    // Bare links were given "https://" above; the span is what the text says.
    const source = trimTrailing(
      url.startsWith("https://") && !text.startsWith("https://", index) ? url.slice(8) : url,
      TRAILING,
    );
    links.push({ value: normalized, span: { text: source, start: index, end: index + source.length } });
  }
  return links;
}

export function normalizeLink(raw: string): string | null {
  const trimmed = trimTrailing(raw, TRAILING);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!url.hostname.includes(".")) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const path = trimTrailing(url.pathname, "/");
  return `https://${host}${path}${url.search}${url.hash}`;
}

/** Punctuation after a link that is the sentence's, not the link's. */
const TRAILING = ".,;:!?)]}>'\"";

/**
 * `value` without the given characters at its end: what /[.,;…]+$/ removes, without that
 * pattern's restart at every character of a long run ("http://a.....x": quadratic).
 */
function trimTrailing(value: string, characters: string): string {
  let end = value.length;
  while (end > 0 && characters.includes(value[end - 1]!)) end -= 1;
  return value.slice(0, end);
}
