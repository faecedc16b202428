import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/lib/safe-redirect.ts";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/requisitions/abc?sort=name")).toBe("/requisitions/abc?sort=name");
    expect(safeRedirect("/admin/queues")).toBe("/admin/queues");
    expect(safeRedirect("/requisitions/abc?q=a%2Fb#top")).toBe("/requisitions/abc?q=a%2Fb#top");
  });

  it("returns plain ASCII for a local target with other characters (a valid Location header)", () => {
    expect(safeRedirect("/requisitions/abc?q=José")).toBe("/requisitions/abc?q=Jos%C3%A9");
    expect(safeRedirect("/requisitions/a b")).toBe("/requisitions/a%20b");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    "evil",
    "/\tfoo",
    "/login",
    "/logout?x=1",
    "/LOGIN",
    // Issue 13, defect 3: non-ASCII and encoded spellings of "//" and "/\".
    "/／/evil.example",
    "/／evil.example",
    "/＼evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%EF%BC%8F/evil.example",
    "/%25EF%25BC%258F/evil.example",
    "/%252F/evil.example",
    "/\\/evil.example",
    "/requisitions\\..\\..\\evil",
    "/%00",
    "/\u007f",
    " /requisitions",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/requisitions");
  });

  it("ignores files and missing values", () => {
    expect(safeRedirect(null)).toBe("/requisitions");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });

  it("never returns anything but one local path of printable ASCII, whatever it is given", () => {
    const pieces = ["/", "\\", "／", "＼", "%2F", "%5C", "%25", "%", "evil.example", "a", "?", "#", ":", "é", "\u0000"];
    for (let i = 0; i < 3000; i++) {
      let input = "/";
      for (let j = 0; j < 1 + (i % 6); j++) input += pieces[(i * 7 + j * 13 + j * j) % pieces.length];
      const out = safeRedirect(input);
      expect(out, JSON.stringify(input)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(new URL(out, "http://site.example").origin, JSON.stringify(input)).toBe("http://site.example");
    }
  });
});
