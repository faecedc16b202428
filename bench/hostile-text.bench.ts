// Hostile texts (tests/factories/hostile-texts.ts) through the whole reading of a plain-text
// résumé, as the worker runs it (text → facts → scores), and through the blind-review masking
// the candidate page runs. Issue 13 (defect 8): every pattern must be linear, and a 1 MB hostile
// text must parse in under 1 s. Each text is read at 250 KB and at 1 MB: linear work grows about
// 4× between them, quadratic work about 16×, so `hostile_growth_worst` tells the two apart on a
// busy machine where absolute times wander. Each time is the median of three readings.
import { performance } from "node:perf_hooks";
import { identityRanges } from "../server/candidates/mask-identity.ts";
import { screenResume } from "../server/screening/screen-resume.ts";
import { HOSTILE_TEXTS } from "../tests/factories/hostile-texts.ts";
import { round } from "./stats.ts";

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 600_000, ocr: false as const };
const NOW = new Date("2026-11-22");
const SMALL = 250_000;
const LARGE = 1_000_000;

/**
 * The median of three readings: on a shared 2-core machine one reading wanders (a collection or
 * another process's burst can double it), and the median of three keeps the target about the code.
 */
async function timeMedian(text: string): Promise<{ parseMs: number; maskMs: number }> {
  const runs = [await timeOne(text), await timeOne(text), await timeOne(text)];
  const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
  return { parseMs: median(runs.map((run) => run.parseMs)), maskMs: median(runs.map((run) => run.maskMs)) };
}

async function timeOne(text: string): Promise<{ parseMs: number; maskMs: number }> {
  const bytes = new TextEncoder().encode(text);
  const start = performance.now();
  const screened = await screenResume(bytes, { fileName: "hostile.txt", now: NOW, limits: LIMITS });
  const parseMs = performance.now() - start;
  const maskStart = performance.now();
  if (screened.text !== null && screened.facts !== null) identityRanges(screened.text, screened.facts);
  return { parseMs, maskMs: performance.now() - maskStart };
}

export async function benchHostileText(log: (line: string) => void = console.error) {
  await timeOne("Jane Doe\nSoftware engineer\nPython, Docker"); // warm-up: modules and the skill trie
  let worst = { name: "", parseMs: 0, maskMs: 0, growth: 0 };
  let worstMask = 0;
  let worstGrowth = 0;
  for (const hostile of HOSTILE_TEXTS) {
    const small = await timeMedian(hostile.make(SMALL));
    const large = await timeMedian(hostile.make(LARGE));
    const growth = large.parseMs / Math.max(1, small.parseMs);
    log(
      `hostile ${hostile.name.padEnd(22)} 1 MB parse ${round(large.parseMs, 0)} ms, mask ${round(large.maskMs, 0)} ms` +
        ` (×${round(growth, 1)} from 250 KB)`,
    );
    if (large.parseMs > worst.parseMs) worst = { name: hostile.name, ...large, growth };
    worstMask = Math.max(worstMask, large.maskMs);
    worstGrowth = Math.max(worstGrowth, growth);
  }
  log(`hostile worst case: ${worst.name} (${round(worst.parseMs, 0)} ms for 1 MB)`);
  return {
    hostile_1mb_parse_ms_worst: round(worst.parseMs, 0),
    hostile_1mb_mask_ms_worst: round(worstMask, 0),
    hostile_growth_worst: round(worstGrowth, 1),
  };
}
