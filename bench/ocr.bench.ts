// OCR of scans in the worker's parse pool, in a child process so its peak memory (VmHWM, threads
// included: the parse threads and tesseract's own) is the OCR's alone; the scans are made before,
// by another process (ocr-scans.ts). One page per scan; the first page also pays for starting
// tesseract (wasm compile, loading the English model).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { watchPeakRss } from "./rss.ts";
import { round } from "./stats.ts";

interface ChildResult {
  ms: number[];
  accuracy: Array<{
    name: string;
    ok: boolean;
    confidence: number | null;
    nameExact: boolean;
    emailExact: boolean;
    yearsDiff: number;
    productionDiff: number;
    mlDiff: number;
  }>;
}

async function run(script: string, args: string[], cwd: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd, stdio: "inherit" });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
}

export async function benchOcr() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const folder = mkdtempSync(path.join(tmpdir(), "mle-ocr-bench-"));
  try {
    await run("bench/ocr-scans.ts", [folder], root);
    return await measure(root, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measure(root: string, folder: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/ocr-child.ts", folder], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const peaks = watchPeakRss(() => (child.pid ? [child.pid] : []));
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const peak = child.pid ? (peaks.stop().get(child.pid) ?? null) : null;
  if (code !== 0) throw new Error(`bench/ocr-child.ts exited with ${code}`);
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildResult;
  const warm = result.ms.slice(1);
  for (const row of result.accuracy) {
    console.error(
      `ocr ${row.name}: confidence ${row.confidence}, name ${row.nameExact ? "exact" : "WRONG"}, e-mail ` +
        `${row.emailExact ? "exact" : "WRONG"}, years ±${round(row.yearsDiff, 1)}, production ±${round(row.productionDiff, 1)}, ml ±${round(row.mlDiff, 1)}`,
    );
  }
  const targetsMet = result.accuracy.filter(
    (row) =>
      row.ok && row.nameExact && row.emailExact && row.yearsDiff <= 1.5 && row.productionDiff <= 10 && row.mlDiff <= 10,
  ).length;
  return {
    ocr_ms_first_page: round(result.ms[0]!, 0),
    ocr_ms_per_page: round(warm.reduce((a, b) => a + b, 0) / Math.max(1, warm.length), 0),
    ocr_scans_on_target: targetsMet,
    ocr_scans: result.accuracy.length,
    worker_rss_mb_ocr: peak,
  };
}
