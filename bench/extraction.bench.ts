// Text extraction per résumé (in-process, warm) against poppler's pdftotext on the same files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { extractText } from "../server/extraction/extract-text.ts";
import { makePdf } from "../tests/factories/pdf-writer.ts";
import { makeResumeText, PROFILES } from "../tests/factories/resume-factory.ts";
import { percentile, round } from "./stats.ts";

export async function benchExtraction(count = 60) {
  const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
  const pdfs = Array.from({ length: count }, (_, i) =>
    makePdf(makeResumeText(PROFILES[i % PROFILES.length]!).split("\n")),
  );
  await extractText(pdfs[0]!, limits); // warm-up: pdf.js loads its worker module once per process

  const ours: number[] = [];
  for (const pdf of pdfs) {
    const start = performance.now();
    await extractText(pdf, limits);
    ours.push(performance.now() - start);
  }

  let poppler: number[] | null = null;
  try {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-pdf-"));
    poppler = [];
    for (const [i, pdf] of pdfs.entries()) {
      const file = path.join(dir, `${i}.pdf`);
      writeFileSync(file, pdf);
      const start = performance.now();
      execFileSync("pdftotext", ["-layout", file, "-"], { stdio: ["ignore", "ignore", "ignore"] });
      poppler.push(performance.now() - start);
    }
    rmSync(dir, { recursive: true, force: true });
  } catch {
    poppler = null; // pdftotext not installed: report our numbers alone
  }
  const oursMean = ours.reduce((a, b) => a + b, 0) / ours.length;
  const popplerMean = poppler ? poppler.reduce((a, b) => a + b, 0) / poppler.length : null;
  return {
    extract_ms_p50: round(percentile(ours, 50), 2),
    extract_ms_p95: round(percentile(ours, 95), 2),
    pdftotext_ms_p50: poppler ? round(percentile(poppler, 50), 2) : null,
    extract_vs_pdftotext: popplerMean ? round(oursMean / popplerMean, 2) : null,
  };
}
