import { afterAll, describe, expect, it } from "vitest";
import { encodeImage } from "../../tests/factories/scan-writer.ts";
import { ExtractionError } from "./errors.ts";
import { closeOcrEngine } from "./ocr-engine.ts";
import { DEFAULT_OCR_LIMITS, meanConfidence, readScans } from "./read-scans.ts";

afterAll(closeOcrEngine);

const blank = encodeImage({ width: 200, height: 100, pixels: new Uint8Array(200 * 100).fill(255) }, "png");

describe("readScans", () => {
  it("stops a page over OCR_PAGE_TIMEOUT_MS with a named timeout, then reads the next file with a fresh engine", async () => {
    const started: number[] = [];
    const error = await readScans([{ page: 2, image: blank }], {
      limits: { ...DEFAULT_OCR_LIMITS, pageTimeoutMs: 1 },
      format: "pdf",
      onOcrStart: (budget) => started.push(budget),
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExtractionError);
    expect(error).toMatchObject({ code: "timeout" });
    expect((error as Error).message).toMatch(/scanned page 2 \(OCR\) took longer than the 1 ms limit/);
    // The pool's hard limit is told the OCR budget as OCR starts.
    expect(started).toEqual([DEFAULT_OCR_LIMITS.fileTimeoutMs]);

    const read = await readScans([{ page: 1, image: blank }], { limits: DEFAULT_OCR_LIMITS, format: "png" });
    expect(read.get(1)).toMatchObject({ text: "", confidence: null, characters: 0 });
  }, 60_000);
});

describe("meanConfidence", () => {
  it("weights pages by the letters and digits they hold and ignores empty ones", () => {
    expect(
      meanConfidence([
        { text: "a", confidence: 90, characters: 300 },
        { text: "b", confidence: 60, characters: 100 },
        { text: "", confidence: null, characters: 0 },
      ]),
    ).toBe(82.5);
    expect(meanConfidence([])).toBeNull();
  });
});
