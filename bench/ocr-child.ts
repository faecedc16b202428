// Run by ocr.bench.ts in its own process (so its peak memory is the OCR's alone): a parse pool as
// the worker starts it (WORKER_CONCURRENCY threads, PARSE_MAX_HEAP_MB heap cap) reads the scans
// that ocr-scans.ts wrote into the folder given as argument, and their text versions. Nothing else
// is loaded here: the scans are made in another process. First one scan at a time (OCR time per
// page, accuracy), then all at once, so that every thread's OCR engine is reading together (the
// worker's peak while it reads scans). Prints one JSON line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ocrLimitsOf, parseConfig } from "../server/config.ts";
import { ParsePool } from "../server/screening/parse-pool.ts";

const folder = process.argv[2];
if (!folder) throw new Error("usage: ocr-child.ts <folder>");
const config = parseConfig({});
const limits = {
  maxBytes: config.MAX_UPLOAD_BYTES,
  maxPdfPages: config.MAX_PDF_PAGES,
  timeoutMs: config.PARSE_TIMEOUT_MS,
  ocr: ocrLimitsOf(config),
};
const now = new Date("2025-01-15");
const read = (name: string) => new Uint8Array(readFileSync(path.join(folder, name)));
const cases = (JSON.parse(readFileSync(path.join(folder, "scans.json"), "utf8")) as string[]).map((name) => ({
  name,
  scan: read(name),
  text: read(`${name}.text.pdf`),
}));

const pool = await ParsePool.start({ threads: config.WORKER_CONCURRENCY, maxHeapMb: config.PARSE_MAX_HEAP_MB });
const ms: number[] = [];
const accuracy = [];
for (const { name, text, scan } of cases) {
  const started = performance.now();
  const got = (await pool.screen(scan, { fileName: name, limits, now })).result;
  ms.push(performance.now() - started);
  const truth = (await pool.screen(text, { fileName: `${name}.pdf`, limits, now })).result;
  accuracy.push({
    name,
    ok: got.ok,
    confidence: got.ocrConfidence,
    nameExact: got.contact?.name === truth.contact?.name,
    emailExact: got.contact?.email === truth.contact?.email,
    yearsDiff: Math.abs((got.yearsExperience ?? 0) - (truth.yearsExperience ?? 0)),
    productionDiff: Math.abs((got.scores?.production ?? 0) - (truth.scores?.production ?? 0)),
    mlDiff: Math.abs((got.scores?.ml ?? 0) - (truth.scores?.ml ?? 0)),
  });
}
// Every thread reading a scan at the same time: the peak the worker reaches with its slots on scans.
const together = await Promise.all(cases.map(({ name, scan }) => pool.screen(scan, { fileName: name, limits, now })));
if (!together.every((screened) => screened.result.ok)) throw new Error("a scan read together with others failed");
await pool.close();
console.log(JSON.stringify({ ms, accuracy }));
