import { describe, expect, it } from "vitest";
import { makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeDocx, makeZip } from "../../tests/factories/zip-writer.ts";
import { describeUnsupportedBytes } from "./describe-bytes.ts";
import { detectFileType } from "./detect-file-type.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);

function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const out = [endian === "le" ? 0xff : 0xfe, endian === "le" ? 0xfe : 0xff];
  for (const char of text) {
    const code = char.charCodeAt(0);
    out.push(...(endian === "le" ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return Uint8Array.from(out);
}

describe("detectFileType", () => {
  it.each<[string, Uint8Array, ReturnType<typeof detectFileType>]>([
    ["a generated PDF", makePdf(["Jane Doe"]), "pdf"],
    ["a PDF with junk before the header", utf8(`${" ".repeat(500)}%PDF-1.4\n...`), "pdf"],
    ["a DOCX", makeDocx(["Jane Doe"]), "docx"],
    ["a ZIP that is not a DOCX", makeZip([{ name: "notes.txt", data: "hello" }]), null],
    ["an XLSX", makeZip([{ name: "xl/workbook.xml", data: "<x/>" }]), null],
    ["UTF-8 text", utf8("Jane Doe\nPython, PyTorch\n"), "txt"],
    ["UTF-8 text with BOM", bytes(0xef, 0xbb, 0xbf, ...utf8("Zoë Müller\n")), "txt"],
    [
      "Latin-1 text (not valid UTF-8)",
      bytes(...utf8("Jos"), 0xe9, ...utf8(" Garc"), 0xed, ...utf8("a\nIngeniero\n")),
      "txt",
    ],
    ["UTF-16 LE text with BOM", utf16("Jane Doe\nEngineer\n", "le"), "txt"],
    ["UTF-16 BE text with BOM", utf16("Jane Doe\nEngineer\n", "be"), "txt"],
    ["whitespace only (reported as empty later)", utf8("  \n\t\n"), "txt"],
    // Scans and photos, read by OCR.
    ["a PNG image", PNG, "png"],
    ["a JPEG image", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), "jpeg"],
    ["a HEIC photo", bytes(0, 0, 0, 24, ...[..."ftypheic"].map((c) => c.charCodeAt(0))), null],
    ["a GIF image", utf8("GIF89a\u0001\u0000"), null],
    ["a Windows executable renamed .pdf", bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0), null],
    ["a Linux executable", bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), null],
    ["a legacy .doc (OLE2)", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), null],
    ["an HTML page", utf8("\n  <!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), null],
    ["an HTML fragment", utf8("<html><body>Jane</body></html>"), null],
    ["an SVG image", utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), null],
    ["an SVG with an XML declaration", utf8('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ["an XML document", utf8('<?xml version="1.0"?><resume/>'), null],
    ["a JSON file", utf8('{ "basics": { "name": "Jane Doe" } }'), null],
    ["text that starts with a bracket but is not JSON", utf8("[Jane Doe]\nEngineer\n"), "txt"],
    ["an RTF document", utf8("{\\rtf1\\ansi Jane Doe}"), null],
    ["binary bytes with NULs", bytes(1, 2, 0, 4, 5, 0, 7, 8), null],
    ["zero bytes", new Uint8Array(0), null],
  ])("%s → %s", (_, input, expected) => {
    expect(detectFileType(input)).toBe(expected);
  });

  it("does not look at the name: a text file is text whatever it is called", () => {
    expect(detectFileType(utf8("Jane Doe\n"))).toBe("txt");
  });
});

describe("describeUnsupportedBytes", () => {
  it.each<[string, Uint8Array, string]>([
    ["PNG", PNG, "a PNG image"],
    ["HTML", utf8("<!doctype html><p>x</p>"), "an HTML web page"],
    ["SVG", utf8("<svg/>"), "an SVG image"],
    ["ZIP", makeZip([{ name: "a.txt", data: "x" }]), "a ZIP archive that is not a Word document"],
    ["OLE2", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "a legacy Word 97-2003 .doc or other OLE file"],
    ["JSON", utf8("[1, 2]"), "a JSON data file"],
    ["executable", bytes(0x4d, 0x5a, 0x90, 0), "a Windows program (executable)"],
  ])("names %s", (_, input, expected) => {
    expect(describeUnsupportedBytes(input)).toBe(expected);
  });
});
