// Worker-thread entry for screenResumeIsolated: screens one file and posts the result back.
// Loaded through screen-worker.mjs, which registers tsx in the thread.
import { parentPort, workerData } from "node:worker_threads";
import { screenResume } from "../screening/screen-resume.ts";
import type { IsolatedJob } from "./run-isolated.ts";

const job = workerData as IsolatedJob;
// Test hook: a parse stuck in synchronous work, which only terminating the thread can stop.
if (job.testBusyMs) {
  const until = Date.now() + job.testBusyMs;
  while (Date.now() < until) {
    // spin
  }
}
if (job.testAllocateMb) {
  const hog: string[][] = [];
  for (let mb = 0; mb < job.testAllocateMb; mb++) hog.push(Array.from({ length: 32 * 1024 }, (_, i) => `${mb}-${i}-padding-padding`));
}
const screened = await screenResume(job.bytes, { ...job.options, now: job.now === null ? undefined : new Date(job.now) });
parentPort?.postMessage(screened);
