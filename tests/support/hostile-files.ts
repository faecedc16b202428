// File names that make the test-only parse task (hostile-parse-task.ts) behave like the worst
// real files. Kept apart from the task so tests can name them without loading the screening code.
import { fileURLToPath } from "node:url";

/** Pass as ParsePool's `taskModule` (or the worker's, in tests) to enable the behaviours below. */
export const HOSTILE_PARSE_TASK = fileURLToPath(new URL("./hostile-parse-task.ts", import.meta.url));

export const HOSTILE = {
  /** Synchronous endless loop: only terminating the thread stops it. */
  loop: "hostile-loop.pdf",
  /** Allocates without bound until the thread's heap cap kills it. */
  allocate: "hostile-allocate.pdf",
  /** The thread exits in the middle of the parse (like a native crash in a parser). */
  crash: "hostile-crash.pdf",
} as const;
