import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeImage, makeOversizedPngHeader, makeScannedPdf } from "../../tests/factories/scan-writer.ts";
import { makeImageOnlyPdf, makePasswordProtectedPdf, makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeResumeLines, PROFILES } from "../../tests/factories/resume-factory.ts";
import { makeDocx, makeZip } from "../../tests/factories/zip-writer.ts";
import { ExtractionError, OcrDeferredError } from "./errors.ts";
import { extractText, type ExtractionLimits } from "./extract-text.ts";

const LIMITS: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(bytes: Uint8Array, limits = LIMITS): Promise<ExtractionError> {
  const error = await extractText(bytes, limits).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

describe("extractText: PDF", () => {
  it("reads the exact lines of a generated PDF, escaping included", async () => {
    const lines = ["Jane Doe", "Backslash \\ and (brackets)", "Zoë Saldaña – “quoted” €"];
    const result = await extractText(makePdf(lines), LIMITS);
    expect(result).toEqual({
      format: "pdf",
      text: lines.join("\n"),
      pageCount: 1,
      textSource: "text",
      ocrConfidence: null,
      ocrPages: 0,
    });
  });

  it("reads every page in order and counts them", async () => {
    const result = await extractText(makePdf({ pages: [["Page one"], ["Page two"], ["Page three"]] }), LIMITS);
    expect(result.pageCount).toBe(3);
    expect(result.text.split("\n").filter(Boolean)).toEqual(["Page one", "Page two", "Page three"]);
  });

  it.each(PROFILES.map((profile) => [profile.key, profile] as const))(
    "gives the same lines as pdftotext for the %s résumé",
    async (_, profile) => {
      const lines = makeResumeLines(profile);
      const pdf = makePdf(lines);
      const ours = (await extractText(pdf, LIMITS)).text.split("\n").filter(Boolean);
      expect(ours).toEqual(lines.map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean));
      if (existsSync("/usr/bin/pdftotext")) expect(ours).toEqual(pdftotextLines(pdf));
    },
  );

  it("refuses a PDF with more pages than allowed, naming both numbers", async () => {
    const pdf = makePdf({ pages: [["one"], ["two"], ["three"]] });
    const error = await failure(pdf, { ...LIMITS, maxPdfPages: 2 });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("3 pages");
    expect(error.message).toContain("at most 2");
  });

  it("refuses a file larger than maxBytes before parsing it", async () => {
    const pdf = makePdf(["Jane Doe"]);
    const error = await failure(pdf, { ...LIMITS, maxBytes: 100 });
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/limit is 100 bytes/);
  });

  it("stops at the time limit", async () => {
    const pages = Array.from({ length: 20 }, (_, page) =>
      Array.from({ length: 40 }, (_, row) => `Page ${page} row ${row}`),
    );
    const error = await failure(makePdf({ pages }), { ...LIMITS, timeoutMs: 1 });
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("1 ms");
  });

  it("reports a PDF without a text layer, whose pages OCR finds blank, as no_text", async () => {
    const error = await failure(makeImageOnlyPdf(2));
    expect(error.code).toBe("no_text");
    expect(error.message).toMatch(/no text layer, and reading its pages as images \(OCR\) found no text/);
  }, 60_000);

  it("refuses image-only PDFs as before when OCR is off", async () => {
    const error = await failure(makeImageOnlyPdf(1), { ...LIMITS, ocr: false });
    expect(error.code).toBe("no_text");
  });

  it("refuses a 20,000 × 20,000 PNG from its header (too_large), never decoding it", async () => {
    const error = await failure(makeOversizedPngHeader(20_000, 20_000));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/20000 × 20000 pixels/);
  });

  it("names a PNG cut short as corrupt, before OCR", async () => {
    const error = await failure(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(error.code).toBe("corrupt");
  });

  it("reports a password-protected PDF as encrypted", async () => {
    expect((await failure(makePasswordProtectedPdf())).code).toBe("encrypted");
  });

  it.each([
    ["a truncated PDF", makePdf(["Jane Doe", "Engineer"]).subarray(0, 200)],
    ["a header followed by garbage", utf8("%PDF-1.7\n\u0001\u0002 garbage that is not a PDF at all")],
  ])("reports %s as corrupt", async (_, bytes) => {
    expect((await failure(bytes)).code).toBe("corrupt");
  });

  it("does not modify the caller's bytes", async () => {
    const pdf = makePdf(["Jane Doe"]);
    const copy = pdf.slice();
    await extractText(pdf, LIMITS);
    expect(pdf).toEqual(copy);
  });
});

describe("extractText: OCR later (the worker's first reading)", () => {
  // A grey page with a dark block: a picture (OCR is never reached in these tests).
  const picture = {
    width: 300,
    height: 400,
    pixels: new Uint8Array(300 * 400).map((_, i) => (i % 300 < 150 ? 40 : 230)),
  };
  const lines = makeResumeLines(PROFILES[0]!);

  async function deferred(bytes: Uint8Array, limits: ExtractionLimits = LIMITS) {
    const told: number[][] = [];
    const error = await extractText(bytes, { ...limits, ocrLater: (pages) => told.push(pages) }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    return { error, told };
  }

  it("stops an image-only PDF before rendering or reading any page, naming the pages to OCR", async () => {
    const started = Date.now();
    const { error, told } = await deferred(makeScannedPdf([picture, picture]));
    expect(error).toBeInstanceOf(OcrDeferredError);
    expect((error as OcrDeferredError).pages).toEqual([1, 2]);
    expect(told).toEqual([[1, 2]]);
    // No OCR engine was started: reading the text layer alone takes milliseconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a mixed PDF at its scanned page only", async () => {
    const { error, told } = await deferred(makeScannedPdf([{ lines }, picture]));
    expect(error).toBeInstanceOf(OcrDeferredError);
    expect(told).toEqual([[2]]);
  });

  it("stops a PNG or JPEG once its header is checked", async () => {
    for (const format of ["png", "jpeg"] as const) {
      const { error, told } = await deferred(encodeImage(picture, format));
      expect(error).toBeInstanceOf(OcrDeferredError);
      expect(told).toEqual([[1]]);
    }
  });

  it("reads text résumés as usual", async () => {
    const told: number[][] = [];
    const result = await extractText(makePdf(lines), { ...LIMITS, ocrLater: (pages) => told.push(pages) });
    expect(result.textSource).toBe("text");
    expect(result.text).toContain(PROFILES[0]!.email);
    expect(told).toEqual([]);
  });

  it("fails hostile files at once, named, rather than leaving them for later", async () => {
    const bomb = await deferred(makeOversizedPngHeader(20_000, 20_000));
    expect((bomb.error as ExtractionError).code).toBe("too_large");
    const tooManyScans = await deferred(makeImageOnlyPdf(6));
    expect((tooManyScans.error as ExtractionError).code).toBe("too_large");
    expect([...bomb.told, ...tooManyScans.told]).toEqual([]);
  });

  it("never stops when OCR is off (an image-only PDF stays no_text)", async () => {
    const { error, told } = await deferred(makeScannedPdf([picture]), { ...LIMITS, ocr: false });
    expect((error as ExtractionError).code).toBe("no_text");
    expect(told).toEqual([]);
  });
});

describe("extractText: plain text", () => {
  it.each<[string, Uint8Array]>([
    ["UTF-8", utf8("José García\nIngeniero\n")],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("José García\nIngeniero\n")])],
    ["windows-1252", Uint8Array.from([...utf8("Jos"), 0xe9, ...utf8(" Garc"), 0xed, ...utf8("a\r\nIngeniero\r\n")])],
    [
      "UTF-16 LE with BOM",
      Uint8Array.from([0xff, 0xfe, ...[..."José García\r\nIngeniero"].flatMap((c) => [c.charCodeAt(0), 0])]),
    ],
    [
      "UTF-16 BE with BOM",
      Uint8Array.from([0xfe, 0xff, ...[..."José García\nIngeniero"].flatMap((c) => [0, c.charCodeAt(0)])]),
    ],
  ])("decodes %s", async (_, bytes) => {
    expect(await extractText(bytes, LIMITS)).toEqual({
      format: "txt",
      text: "José García\nIngeniero",
      pageCount: null,
      textSource: "text",
      ocrConfidence: null,
      ocrPages: 0,
    });
  });

  it("reports whitespace-only text as empty", async () => {
    expect((await failure(utf8(" \n\t \r\n"))).code).toBe("empty");
  });
});

describe("extractText: DOCX", () => {
  it("reads paragraphs as lines", async () => {
    const result = await extractText(makeDocx(["Jane Doe", "jane@example.com", "Skills: Python & <Go>"]), LIMITS);
    expect(result).toEqual({
      format: "docx",
      text: "Jane Doe\njane@example.com\nSkills: Python & <Go>",
      pageCount: null,
      textSource: "text",
      ocrConfidence: null,
      ocrPages: 0,
    });
  });

  it("refuses a document that declares a huge unpacked size (zip bomb)", async () => {
    const bomb = makeZip([{ name: "word/document.xml", data: "<w:document/>", declaredSize: 60 * 1024 * 1024 }]);
    const error = await failure(bomb);
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("60 MB");
  });

  it("reports a DOCX with broken XML as corrupt", async () => {
    expect((await failure(makeZip([{ name: "word/document.xml", data: "not xml <<<" }]))).code).toBe("corrupt");
  });

  it("reports a DOCX with no text as empty", async () => {
    expect((await failure(makeDocx(["", "  "]))).code).toBe("empty");
  });
});

describe("extractText: refusals", () => {
  it("reports 0 bytes as empty", async () => {
    expect((await failure(new Uint8Array(0))).code).toBe("empty");
  });

  it.each<[string, Uint8Array, RegExp]>([
    // PNG and JPEG are read by OCR (read-scans.ts); other images are refused by name.
    ["HEIC", Uint8Array.from([0, 0, 0, 24, ...utf8("ftypheic"), 0, 0, 0, 0]), /a HEIC photo/],
    ["GIF", utf8("GIF89a\u0001\u0000"), /a GIF image/],
    ["HTML", utf8("<!DOCTYPE html><html></html>"), /an HTML web page/],
    [
      "legacy .doc",
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /Word 97-2003 .doc.*Save As/,
    ],
  ])("names what an unsupported %s file is", async (_, bytes, message) => {
    const error = await failure(bytes);
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toMatch(message);
  });

  it("reports a password-protected Word file (OLE2 EncryptedPackage) as encrypted", async () => {
    const name = [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0), ...name]);
    expect((await failure(ole)).code).toBe("encrypted");
  });
});

function pdftotextLines(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), "pdftotext-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    return text
      .split(/\n|\f/)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
