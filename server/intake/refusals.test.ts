import { describe, expect, it } from "vitest";
import { refusals, withoutFileNames } from "./refusals.ts";

describe("refusal messages under blind review (issue 13, defect 6)", () => {
  const name = "Quentin Secretname CV.txt";
  it.each([
    ["an encrypted entry", refusals.encryptedArchive(name)],
    ["an unreadable compression", refusals.unsupportedCompression(name, 14)],
    ["a zip bomb", refusals.zipBomb(name, 1000, 10_000_000)],
    ["a damaged entry", refusals.corruptArchive(`the data of “${name}” is damaged`)],
  ])("%s names no file", (_case, refusal) => {
    expect(refusal.message).toContain("Secretname");
    const blind = withoutFileNames(refusal.message);
    expect(blind).not.toContain("Secretname");
    expect(blind).toContain("a file in it");
  });

  it("keeps the refusals' own quoted words", () => {
    const blind = withoutFileNames(refusals.unsupportedCompression(name, 14).message);
    expect(blind).toContain("“Compress” / “Send to → Compressed folder”");
    expect(withoutFileNames(refusals.zipBomb(name, 1, 2).message)).toContain("“zip bomb”");
  });
});
