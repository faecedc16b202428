// The parse pool: long-lived sandboxed threads. Hostile behaviour comes from a test-only task
// module (tests/support/hostile-parse-task.ts); the production task has no such hooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeResumeLines, makeResumeText, DATA_ENGINEER, ML_ENGINEER } from "../../tests/factories/resume-factory.ts";
import { makeScannedPdf } from "../../tests/factories/scan-writer.ts";
import { HOSTILE, HOSTILE_PARSE_TASK } from "../../tests/support/hostile-files.ts";
import { screenResume } from "./screen-resume.ts";
import type { ExtractionLimits } from "../extraction/extract-text.ts";
import { ParsePool, ParsePoolError } from "./parse-pool.ts";

const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const now = new Date("2025-01-15");
let pool: ParsePool;

beforeAll(async () => {
  pool = await ParsePool.start({ threads: 2, maxHeapMb: 64, taskModule: HOSTILE_PARSE_TASK });
}, 120_000);
afterAll(() => pool?.close());

describe("ParsePool", () => {
  it("screens in threads exactly as in process, for PDF and text", async () => {
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const txt = new TextEncoder().encode(makeResumeText(DATA_ENGINEER));
    const [pooledPdf, pooledTxt] = await Promise.all([
      pool.screen(pdf, { fileName: "priya.pdf", limits, now }),
      pool.screen(txt, { fileName: "dana.txt", limits, now }),
    ]);
    expect(JSON.stringify(pooledPdf)).toBe(
      JSON.stringify(await screenResume(pdf, { fileName: "priya.pdf", limits, now })),
    );
    expect(JSON.stringify(pooledTxt)).toBe(
      JSON.stringify(await screenResume(txt, { fileName: "dana.txt", limits, now })),
    );
  });

  it("answers a scan read text-first with the pages to OCR later, and reads text résumés in full", async () => {
    const picture = { width: 200, height: 260, pixels: new Uint8Array(200 * 260).fill(60) };
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const [scan, text] = await Promise.all([
      pool.screenJob(makeScannedPdf([{ lines: ["Cover page"] }, picture]), {
        fileName: "scan.pdf",
        limits,
        now,
        ocrLater: true,
      }),
      pool.screenJob(pdf, { fileName: "priya.pdf", limits, now, ocrLater: true }),
    ]);
    expect(scan).toEqual({ ocrDeferred: true, ocrPages: [2] });
    expect(JSON.stringify(text)).toBe(JSON.stringify(await screenResume(pdf, { fileName: "priya.pdf", limits, now })));
  });

  it("keeps its threads from file to file", async () => {
    const before = pool.threadCount;
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => pool.screen(pdf, { fileName: `cv-${i}.pdf`, limits, now })),
    );
    expect(results.every((r) => r.result.ok)).toBe(true);
    expect(pool.threadCount).toBe(before);
  });

  it("terminates a parse stuck in synchronous work: it fails as timeout, alone, and the pool carries on", async () => {
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const short = { ...limits, timeoutMs: 300 };
    const [stuck, fine] = await Promise.all([
      pool.screen(makePdf(["Jane Doe"]), { fileName: HOSTILE.loop, limits: short, now }),
      pool.screen(pdf, { fileName: "fine.pdf", limits, now }),
    ]);
    expect(stuck.result).toMatchObject({ ok: false, file: HOSTILE.loop, format: "pdf", error: { code: "timeout" } });
    expect(stuck.text).toBeNull();
    expect(fine.result.ok).toBe(true);
    // The terminated thread was replaced: the pool still screens.
    expect((await pool.screen(pdf, { fileName: "after.pdf", limits, now })).result.ok).toBe(true);
  });

  it("reports a parse that exhausts its thread's heap as too_large, and the pool carries on", async () => {
    const { result } = await pool.screen(makePdf(["Jane Doe"]), {
      fileName: HOSTILE.allocate,
      limits: { ...limits, timeoutMs: 120_000 },
      now,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(result.error?.message).toMatch(/memory limit/);
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    expect((await pool.screen(pdf, { fileName: "after.pdf", limits, now })).result.ok).toBe(true);
  }, 180_000);

  it("names a thread that dies mid-parse as a pool error (retried by the queue), not as the file's fault", async () => {
    await expect(pool.screen(makePdf(["Jane Doe"]), { fileName: HOSTILE.crash, limits, now })).rejects.toBeInstanceOf(
      ParsePoolError,
    );
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    expect((await pool.screen(pdf, { fileName: "after.pdf", limits, now })).result.ok).toBe(true);
  });
});
