// `npm run screen -- score --isolate`: screens résumés in the same pooled, sandboxed threads the
// worker uses (parse-pool.ts), so a hostile file (a parser loop, a memory bomb) fails alone with
// a named reason while the CLI carries on. One thread, started on first use and reused.
import type { ScreenedResume, ScreenResumeOptions } from "./screen-resume.ts";
import { ParsePool } from "./parse-pool.ts";

export const DEFAULT_MAX_HEAP_MB = 512;

export interface IsolatedScreenOptions extends ScreenResumeOptions {
  /** Heap limit of the thread (V8 old generation), in MB; fixed by the first call. */
  maxHeapMb?: number;
}

let shared: Promise<ParsePool> | null = null;

export async function screenResumeIsolated(bytes: Uint8Array, options: IsolatedScreenOptions): Promise<ScreenedResume> {
  const { maxHeapMb = DEFAULT_MAX_HEAP_MB, ...screenOptions } = options;
  // Idle threads exit after a moment, so the CLI ends on its own after the last file.
  shared ??= ParsePool.start({ threads: 1, maxHeapMb, idleTimeoutMs: 1_000 });
  return (await shared).screen(bytes, screenOptions);
}

/** Stops the shared thread (tests; the CLI simply exits). */
export async function closeIsolatedScreening(): Promise<void> {
  const pool = shared;
  shared = null;
  if (pool) await (await pool).close();
}
