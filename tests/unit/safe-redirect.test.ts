import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/lib/safe-redirect.ts";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/requisitions/abc?sort=name")).toBe("/requisitions/abc?sort=name");
    expect(safeRedirect("/admin/queues")).toBe("/admin/queues");
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
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe("/requisitions");
  });

  it("ignores files and missing values", () => {
    expect(safeRedirect(null)).toBe("/requisitions");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });
});
