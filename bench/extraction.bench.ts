// Text extraction per résumé (in-process, warm) against poppler's pdftotext on the same files.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * The same on the real corpus (../shared/corpus/public beside the repository: 1–3 page PDFs from
 * LaTeX, Word, Google Docs, Canva…, two columns, icon fonts), skipping the deliberate edge cases.
 * Medians of three warm passes per file; null when the corpus or pdftotext is missing.
 */
export async function benchCorpusExtraction() {
  const corpus = path.resolve(import.meta.dirname, "../../shared/corpus/public");
  if (!existsSync(corpus))
    return { corpus_extract_ms_p50: null, corpus_pdftotext_ms_p50: null, corpus_extract_vs_pdftotext: null };
  const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
  const files = readdirSync(corpus)
    .filter((name) => name.endsWith(".pdf") && !/^(2[6-9]|3[01])_/.test(name))
    .map((name) => path.join(corpus, name));
  const median = (values: number[]) => percentile(values, 50);
  const ours: number[] = [];
  const poppler: number[] = [];
  await extractText(new Uint8Array(readFileSync(files[0]!)), limits); // warm-up
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      let start = performance.now();
      await extractText(bytes, limits);
      mine.push(performance.now() - start);
      start = performance.now();
      try {
        execFileSync("pdftotext", ["-layout", file, "-"], { stdio: ["ignore", "ignore", "ignore"] });
      } catch {
        return {
          corpus_extract_ms_p50: round(median(mine), 2),
          corpus_pdftotext_ms_p50: null,
          corpus_extract_vs_pdftotext: null,
        };
      }
      theirs.push(performance.now() - start);
    }
    ours.push(median(mine));
    poppler.push(median(theirs));
  }
  return {
    corpus_extract_ms_p50: round(median(ours), 2),
    corpus_pdftotext_ms_p50: round(median(poppler), 2),
    corpus_extract_vs_pdftotext: round(median(ours) / median(poppler), 2),
  };
}
