import { describe, expect, it } from "vitest";
import { sanitizeFileName } from "./sanitize-file-name.ts";

describe("sanitizeFileName", () => {
  it.each([
    ["resume.pdf", "resume.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\ana\\CV Ana Lima.docx", "CV Ana Lima.docx"],
    ["bad\u0000name\u0007.txt", "badname.txt"],
    ['a<b>c:"d|e?f*.pdf', "abcdef.pdf"],
    ["   spaced    out   .pdf  ", "spaced out .pdf"],
    [".hidden.pdf", "hidden.pdf"],
    ["", "resume"],
    ["Zoë Ñúñez – CV.pdf", "Zoë Ñúñez – CV.pdf"],
    // Bidi overrides and isolates: "cv\u202Efdp.exe" would display as "cvexe.pdf".
    ["cv\u202Efdp.exe", "cvfdp.exe"],
    ["\u2066Jane\u2069 \u202aDoe\u202c \u200e\u200f\u061c.pdf", "Jane Doe .pdf"],
    // Zero-width spaces, BOM, soft hyphen, C1 controls, line separators, lone surrogates.
    ["\ufeffAna\u200b\u00ad\u0085\u009b\u2028Lima\u2029.txt", "AnaLima.txt"],
    ["half\ud800 \udfffway.txt", "half way.txt"],
    // Joiners spell words and emoji: kept.
    ["\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.pdf", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.pdf"],
    ["\u{1F468}\u200d\u{1F4BB} cv.txt", "\u{1F468}\u200d\u{1F4BB} cv.txt"],
    ["\u202e\u202e", "resume"],
  ])("%j → %j", (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it("bounds the length and keeps the extension", () => {
    const name = sanitizeFileName(`${"x".repeat(500)}.pdf`);
    expect(name.length).toBe(180);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("never cuts an astral character in half", () => {
    const name = sanitizeFileName(`${"x".repeat(175)}${"😀".repeat(10)}.pdf`);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(() => encodeURIComponent(name)).not.toThrow();
  });
});
