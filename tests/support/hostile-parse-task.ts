// A parse task for tests only (never loaded by the worker or the CLI): files named in
// hostile-files.ts behave like the worst real files, everything else is screened normally.
// Tests start a ParsePool with `taskModule: HOSTILE_PARSE_TASK`.
import { announceStart, runParseTask, type ParseTask } from "../../server/screening/parse-task.ts";
import { HOSTILE } from "./hostile-files.ts";

export default async function hostileParseTask(task: ParseTask) {
  if (task.kind === "screen") {
    const name = task.options.fileName;
    if (Object.values(HOSTILE).includes(name as never)) announceStart(task.taskId);
    if (name === HOSTILE.loop) {
      for (;;) {
        // spin
      }
    }
    if (name === HOSTILE.allocate) {
      const hog: string[][] = [];
      for (let mb = 0; ; mb++) hog.push(Array.from({ length: 32 * 1024 }, (_, i) => `${mb}-${i}-padding-padding`));
    }
    if (name === HOSTILE.crash) process.exit(70);
  }
  return runParseTask(task);
}
