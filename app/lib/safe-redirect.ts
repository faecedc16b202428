// Where to go after signing in: only a path on this site. Anything else ("https://evil.example",
// "//evil.example", "/\\evil.example", "javascript:") falls back to the requisitions list.
const FALLBACK = "/requisitions";

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = FALLBACK): string {
  if (typeof to !== "string" || to === "") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  // Coming back to the sign-in or sign-out page itself would be a loop.
  if (/^\/(login|logout)(?:[/?#]|$)/.test(to)) return fallback;
  return to;
}
