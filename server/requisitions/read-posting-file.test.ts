import { describe, expect, it } from "vitest";
import { makeImageOnlyPdf, makePasswordProtectedPdf, makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeDocx } from "../../tests/factories/zip-writer.ts";
import { readPostingFile } from "./read-posting-file.ts";

const limits = { maxBytes: 200_000, maxPdfPages: 10, timeoutMs: 10_000, maxDocxUnpackedBytes: 5_000_000 };
const text = (value: string) => new TextEncoder().encode(value);

describe("readPostingFile: a posting is read as a résumé is, with advice for the hiring team", () => {
  it("reads a text-layer PDF, a Word document and a Markdown file", async () => {
    const pdf = await readPostingFile(
      "posting.pdf",
      makePdf(["ML Engineer", "Requirements", "- 3+ years of Python"]),
      limits,
    );
    expect(pdf).toMatchObject({ ok: true, format: "pdf" });
    expect(pdf.ok && pdf.text).toContain("3+ years of Python");
    const docx = await readPostingFile("posting.docx", makeDocx(["ML Engineer", "Nice to have", "- MLflow"]), limits);
    expect(docx).toMatchObject({ ok: true, format: "docx" });
    expect(docx.ok && docx.text).toContain("Nice to have");
    const md = await readPostingFile("posting.md", text("# ML Engineer\n\n## Requirements\n- Docker\n"), limits);
    expect(md).toEqual({ ok: true, format: "txt", text: "# ML Engineer\n\n## Requirements\n- Docker" });
  });

  it("an empty file", async () => {
    const result = await readPostingFile("posting.txt", new Uint8Array(), limits);
    expect(result).toMatchObject({ ok: false, code: "empty" });
    expect(!result.ok && result.message).toMatch(/^The file is empty \(0 bytes\)\. .*paste the posting's text/);
  });

  it("a binary file (an executable) names what it is", async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]);
    const result = await readPostingFile("posting.pdf", elf, limits);
    expect(result).toMatchObject({ ok: false, code: "unsupported_type" });
    expect(!result.ok && result.message).toMatch(/not a posting that can be read\. Use a PDF, Word/);
  });

  it("an image is not a posting", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    expect(await readPostingFile("scan.png", png, limits)).toMatchObject({
      ok: false,
      code: "unsupported_type",
      message: expect.stringContaining("an image (PNG)"),
    });
  });

  it("a file over the limit is refused before it is read", async () => {
    const result = await readPostingFile("posting.txt", text("a".repeat(200_001)), limits);
    expect(result).toMatchObject({ ok: false, code: "too_large" });
    expect(!result.ok && result.message).toMatch(/limit is 195 KB\. Paste the posting's text instead\./);
  });

  it("a password-protected PDF", async () => {
    const result = await readPostingFile("posting.pdf", makePasswordProtectedPdf(), limits);
    expect(result).toMatchObject({ ok: false, code: "encrypted" });
    expect(!result.ok && result.message).toBe(
      "The PDF is password-protected, so its text cannot be read. Save a copy without a password, or paste the posting's text.",
    );
  });

  it("a scanned PDF is not read by OCR; a .pdf holding only text is mislabelled", async () => {
    expect(await readPostingFile("scan.pdf", makeImageOnlyPdf(), limits)).toMatchObject({ ok: false, code: "no_text" });
    const renamed = await readPostingFile("posting.pdf", text("Machine Learning Engineer"), limits);
    expect(renamed).toMatchObject({ ok: false, code: "corrupt" });
    expect(!renamed.ok && renamed.message).toMatch(/named \.pdf but contains no PDF data.*Paste the posting's text/);
  });
});
