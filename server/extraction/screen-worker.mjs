// Plain-JS entry of the screening worker thread: registers tsx in this thread (loader hooks
// from the parent's `--import tsx` do not reach worker threads on Node 20), then loads the
// TypeScript worker. Works the same under `tsx` and under vitest.
import { register } from "tsx/esm/api";

register();
await import(new URL("./screen-worker.ts", import.meta.url).href);
