// Run by ocr.bench.ts in its own process (so its peak memory is the OCR's alone): a parse pool as
// the worker starts it (2 threads, 256 MB heap cap) reads generated scans (150 dpi, grey) and their
// text versions. Prints one JSON line: OCR time per page and how close each scan reads to its text.
import { performance } from "node:perf_hooks";
import { ocrLimitsOf, parseConfig } from "../server/config.ts";
import { ParsePool } from "../server/screening/parse-pool.ts";
import { makePdf } from "../tests/factories/pdf-writer.ts";
import { DATA_ENGINEER, makeResumeLines, ML_ENGINEER, RESEARCHER } from "../tests/factories/resume-factory.ts";
import { encodeImage, makeScannedPdf, renderGreyPage } from "../tests/factories/scan-writer.ts";

const config = parseConfig({});
const limits = {
  maxBytes: config.MAX_UPLOAD_BYTES,
  maxPdfPages: config.MAX_PDF_PAGES,
  timeoutMs: config.PARSE_TIMEOUT_MS,
  ocr: ocrLimitsOf(config),
};
const now = new Date("2025-01-15");

const cases = [];
for (const [profile, kind] of [
  [ML_ENGINEER, "pdf"],
  [DATA_ENGINEER, "jpeg"],
  [RESEARCHER, "png"],
] as const) {
  const text = makePdf(makeResumeLines(profile));
  const grey = await renderGreyPage(text);
  const scan = kind === "pdf" ? makeScannedPdf([grey]) : encodeImage(grey, kind);
  cases.push({ name: `${profile.key}.${kind}`, text, scan });
}

const pool = await ParsePool.start({ threads: config.WORKER_CONCURRENCY, maxHeapMb: config.PARSE_MAX_HEAP_MB });
const ms: number[] = [];
const accuracy = [];
for (const { name, text, scan } of cases) {
  const started = performance.now();
  const read = await pool.screen(scan, { fileName: name, limits, now });
  ms.push(performance.now() - started);
  const truth = (await pool.screen(text, { fileName: `${name}.pdf`, limits, now })).result;
  const got = read.result;
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
await pool.close();
console.log(JSON.stringify({ ms, accuracy }));
