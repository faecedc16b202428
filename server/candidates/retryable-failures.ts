// Which failure codes a retry can fix: `timeout` and `internal` (our side, including a parse thread
// that crashed). The others (unsupported_type, encrypted, empty, no_text, too_large, corrupt) fail
// the same way again: the screens offer "Upload a new version" instead (replace-resume.ts).
// No imports: the candidate page's component uses it in the browser.
export const RETRYABLE_FAILURES: ReadonlySet<string> = new Set(["internal", "timeout"]);

export function isRetryableFailure(code: string | null): boolean {
  return code === null || RETRYABLE_FAILURES.has(code);
}
