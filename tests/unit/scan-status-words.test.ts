// A scan waiting for OCR says so on every screen that shows a processing state (the table's badge,
// the upload view, the candidate page), instead of a bare "Queued" that looks stuck.
import { describe, expect, it } from "vitest";
import { scanStatusWords } from "../../app/lib/format.ts";

describe("scanStatusWords", () => {
  it("tells a scan waiting behind the text résumés, with its pages", () => {
    expect(scanStatusWords("QUEUED", 3)).toEqual({
      label: "Waiting for OCR",
      sentence:
        "A scan (3 scanned pages): it is read by OCR after the text résumés in the queue, a few seconds a page.",
    });
    expect(scanStatusWords("QUEUED", 1)?.sentence).toContain("(1 scanned page)");
  });

  it("tells a scan being read by OCR", () => {
    expect(scanStatusWords("PROCESSING", 2)).toEqual({
      label: "Reading scan",
      sentence: "Reading 2 scanned pages by OCR, a few seconds a page.",
    });
  });

  it("says nothing of a file with no scanned page, or once the reading is over", () => {
    for (const pages of [null, undefined, 0]) expect(scanStatusWords("QUEUED", pages)).toBeNull();
    for (const status of ["DONE", "FAILED", "NEEDS_REVIEW"] as const) expect(scanStatusWords(status, 2)).toBeNull();
  });
});
