// `npm run bench` (add `-- --json` for one JSON object on the last line). Generated data only.
// Targets are checked here, not in timed tests (shared 2-core machines make those flaky).
import { benchExtraction } from "./extraction.bench.ts";
import { benchTable } from "./table.bench.ts";

const json = process.argv.includes("--json");
const results: Record<string, number | null> = {};

results.rss_mb_bench_process = null;
Object.assign(results, await benchExtraction());
Object.assign(results, await benchTable());
results.rss_mb_bench_process = Math.round(process.memoryUsage().rss / (1024 * 1024));

const TARGETS: Record<string, { max: number; label: string }> = {
  table_p95_ms_100k: { max: 150, label: "≤ 150 ms" },
  rerank_100k_ms: { max: 1000, label: "≤ 1 s" },
};

const rows = Object.entries(results).map(([key, value]) => {
  const target = TARGETS[key];
  const verdict = target && value !== null ? (value <= target.max ? `ok (${target.label})` : `MISSED (${target.label})`) : "";
  return `${key.padEnd(26)} ${String(value ?? "n/a").padStart(10)}  ${verdict}`;
});
console.log(["metric".padEnd(26) + "      value  target", ...rows].join("\n"));
if (json) console.log(JSON.stringify(results));
