// `npm run bench` (add `-- --json` for one JSON object on the last line). Generated data only.
// Targets are checked here, not in timed tests (shared 2-core machines make those flaky).
import { benchExport } from "./export.bench.ts";
import { benchCorpusExtraction, benchExtraction } from "./extraction.bench.ts";
import { benchHostileText } from "./hostile-text.bench.ts";
import { benchIntake } from "./intake.bench.ts";
import { benchOcr } from "./ocr.bench.ts";
import { benchSearchOnly, benchTable } from "./table.bench.ts";

const json = process.argv.includes("--json");
// `-- --only ocr,table`: run only the named parts (default: all of them, in this order).
const onlyArg = process.argv.find((arg) => arg.startsWith("--only"));
const only = onlyArg
  ? (onlyArg.includes("=") ? onlyArg.split("=")[1]! : (process.argv[process.argv.indexOf(onlyArg) + 1] ?? ""))
      .split(",")
      .filter(Boolean)
  : null;
const PARTS: Array<[string, () => Promise<Record<string, number | null>>]> = [
  ["extraction", benchExtraction],
  ["corpus", benchCorpusExtraction],
  ["hostile", benchHostileText],
  ["ocr", benchOcr],
  ["table", benchTable],
  ["export", benchExport],
  // Last: it starts its own web and worker processes (and builds the Remix app first).
  ["intake", benchIntake],
  // Only when named (`-- --only search`): the table part already measures the search at 100,000.
  ["search", benchSearchOnly],
];
const NAMED_ONLY = new Set(["search"]);
const unknown = (only ?? []).filter((name) => !PARTS.some(([part]) => part === name));
if (unknown.length) {
  console.error(`Unknown bench part ${unknown.join(", ")}; the parts are ${PARTS.map(([part]) => part).join(", ")}.`);
  process.exit(2);
}
const results: Record<string, number | null> = {};

results.rss_mb_bench_process = null;
for (const [name, run] of PARTS) {
  if (only ? only.includes(name) : !NAMED_ONLY.has(name)) Object.assign(results, await run());
}
results.rss_mb_bench_process = Math.round(process.memoryUsage().rss / (1024 * 1024));

const TARGETS: Record<string, { max?: number; min?: number; label: string }> = {
  corpus_extract_vs_pdftotext: { max: 2, label: "≤ 2× pdftotext" },
  hostile_1mb_parse_ms_worst: { max: 1000, label: "≤ 1 s" },
  hostile_growth_worst: { max: 8, label: "linear: ≤ 8× for 4× the text" },
  table_p95_ms_100k: { max: 150, label: "≤ 150 ms" },
  search_p95_ms_100k: { max: 150, label: "≤ 150 ms" },
  rerank_100k_ms: { max: 1000, label: "≤ 1 s" },
  export_10k_ms: { max: 2000, label: "≤ 2 s" },
  intake_per_s_2workers: { min: 40, label: "≥ 40 résumés/s" },
  intake_1000_s_2workers: { max: 30, label: "≤ 30 s" },
  worker_rss_mb: { max: 400, label: "≤ 400 MB" },
  ocr_ms_per_page: { max: 5000, label: "≤ 5 s" },
  worker_rss_mb_ocr: { max: 1024, label: "≤ 1 GB" },
};

const rows = Object.entries(results).map(([key, value]) => {
  const target = TARGETS[key];
  const met = target && value !== null ? value <= (target.max ?? Infinity) && value >= (target.min ?? -Infinity) : null;
  const verdict = target && met !== null ? (met ? `ok (${target.label})` : `MISSED (${target.label})`) : "";
  return `${key.padEnd(34)} ${String(value ?? "n/a").padStart(10)}  ${verdict}`;
});
console.log(["metric".padEnd(34) + "      value  target", ...rows].join("\n"));
if (json) console.log(JSON.stringify(results));
