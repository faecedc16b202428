// Runs async work under a time limit (PARSE_TIMEOUT_MS). The work gets an AbortSignal so it can
// release its resources (pdf.js documents) as soon as the limit passes; a result arriving
// afterwards is dropped. This cannot interrupt synchronous CPU work: for that the worker and
// `screen --isolate` parse in pooled worker threads (server/screening/parse-pool.ts), which are
// terminated a grace period after this limit.
import { extractionErrors } from "./errors.ts";

/** setTimeout fires at once for delays above 2^31-1 ms; longer limits are capped (~24 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function withTimeLimit<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        controller.abort();
        reject(extractionErrors.timeout(ms));
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  });
  const running = work(controller.signal);
  // The losing promise must not surface later as an unhandled rejection.
  running.catch(() => {});
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}
