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
  ])("%j → %j", (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it("bounds the length and keeps the extension", () => {
    const name = sanitizeFileName(`${"x".repeat(500)}.pdf`);
    expect(name.length).toBe(180);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});
