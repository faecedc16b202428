import { describe, expect, it } from "vitest";
import { exportSearch } from "../../app/components/export-menu.tsx";

describe("export links", () => {
  it("export the current view with its filters and sort, not its page", () => {
    expect(exportSearch("?stage=NEW&mlMin=40&sort=overall&dir=desc&page=3&pageSize=100", "view")).toBe(
      "?stage=NEW&mlMin=40&sort=overall&dir=desc",
    );
    expect(exportSearch("", "view")).toBe("");
  });

  it("export the whole shortlist in the view's sort, whatever its filters", () => {
    expect(exportSearch("?stage=NEW&q=kubernetes&sort=ml&dir=asc&page=2", "shortlist")).toBe(
      "?sort=ml&dir=asc&scope=shortlist",
    );
    expect(exportSearch("?scope=view", "shortlist")).toBe("?scope=shortlist");
  });
});
