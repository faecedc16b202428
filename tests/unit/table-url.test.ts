// The candidates table's URL helpers: multi-column sort toggling and filter params, checked
// against the server's own parser so what the browser writes is what the server reads.
import { describe, expect, it } from "vitest";
import { parseCandidatesQuery } from "../../server/candidates/candidates-query.ts";
import {
  activeFilterCount,
  clearFilters,
  listParam,
  nextSorts,
  sortParams,
  sortSearch,
  tableSearch,
  toggleListParam,
  withFilters,
  withParams,
  type SortKey,
} from "../../app/lib/table-url.ts";

const parse = (search: string) => parseCandidatesQuery(new URLSearchParams(search.replace(/^\?/, "")));

describe("nextSorts: a plain click", () => {
  it("sorts by the column alone, in its first direction", () => {
    expect(nextSorts([{ key: "uploaded", dir: "desc" }], "overall", "desc")).toEqual([{ key: "overall", dir: "desc" }]);
    expect(nextSorts([{ key: "overall", dir: "desc" }], "name", "asc")).toEqual([{ key: "name", dir: "asc" }]);
  });

  it("flips the column when it is already sorted, dropping the other keys", () => {
    expect(nextSorts([{ key: "overall", dir: "desc" }], "overall", "desc")).toEqual([{ key: "overall", dir: "asc" }]);
    const multi: SortKey[] = [
      { key: "overall", dir: "desc" },
      { key: "years", dir: "asc" },
    ];
    expect(nextSorts(multi, "years", "desc")).toEqual([{ key: "years", dir: "desc" }]);
  });
});

describe("nextSorts: shift+click", () => {
  const primary: SortKey[] = [{ key: "overall", dir: "desc" }];

  it("adds the column as the next key", () => {
    expect(nextSorts(primary, "years", "desc", { multi: true })).toEqual([
      { key: "overall", dir: "desc" },
      { key: "years", dir: "desc" },
    ]);
  });

  it("flips a secondary key, then removes it on the next click", () => {
    const two = nextSorts(primary, "years", "desc", { multi: true });
    const flipped = nextSorts(two, "years", "desc", { multi: true });
    expect(flipped).toEqual([
      { key: "overall", dir: "desc" },
      { key: "years", dir: "asc" },
    ]);
    expect(nextSorts(flipped, "years", "desc", { multi: true })).toEqual(primary);
  });

  it("never removes the only key: it flips it", () => {
    expect(nextSorts([{ key: "overall", dir: "asc" }], "overall", "desc", { multi: true })).toEqual([
      { key: "overall", dir: "desc" },
    ]);
  });

  it("keeps at most three keys, replacing the last", () => {
    const three: SortKey[] = [
      { key: "overall", dir: "desc" },
      { key: "years", dir: "desc" },
      { key: "ml", dir: "desc" },
    ];
    expect(nextSorts(three, "name", "asc", { multi: true })).toEqual([
      { key: "overall", dir: "desc" },
      { key: "years", dir: "desc" },
      { key: "name", dir: "asc" },
    ]);
  });

  it("adds to the default best-first sort, which its header shows, on a shift+click", () => {
    const start = "?stage=NEW";
    expect(sortSearch(start, parse(start).sorts, "years", "desc", true)).toBe(
      "?stage=NEW&sort=overall%2Cyears%3Adesc&dir=desc",
    );
    expect(sortSearch(start, parse(start).sorts, "overall", "desc", false)).toBe("?stage=NEW&sort=overall&dir=asc");
  });
});

describe("sort params", () => {
  it("writes the server's format: first direction in dir, later keys as key:dir", () => {
    expect(
      sortParams([
        { key: "overall", dir: "desc" },
        { key: "years", dir: "asc" },
      ]),
    ).toEqual({ sort: "overall,years:asc", dir: "desc" });
  });

  it("leaves the default sort (overall, best first) out of the URL", () => {
    expect(sortParams([{ key: "overall", dir: "desc" }])).toEqual({ sort: null, dir: null });
    expect(sortParams([{ key: "uploaded", dir: "desc" }])).toEqual({ sort: "uploaded", dir: "desc" });
    expect(sortParams([])).toEqual({ sort: null, dir: null });
  });

  it("round-trips through the server's parser, keeping filters and resetting the page", () => {
    const start = "?stage=NEW&page=3&sort=overall&dir=desc";
    const next = sortSearch(start, parse(start).sorts, "years", "desc", true);
    const query = parse(next);
    expect(query.sorts).toEqual([
      { key: "overall", dir: "desc" },
      { key: "years", dir: "desc" },
    ]);
    expect(query.filters.stage).toEqual(["NEW"]);
    expect(query.page).toBe(1);
    expect(new URLSearchParams(next).get("page")).toBeNull();
  });

  it("a plain click on a fresh table writes sort and dir in that order", () => {
    expect(sortSearch("", parse("").sorts, "name", "asc", false)).toBe("?sort=name&dir=asc");
    // A shift+click keeps the default best-first order as the first key.
    expect(sortSearch("", parse("").sorts, "name", "asc", true)).toBe("?sort=overall%2Cname%3Aasc&dir=desc");
  });

  it("the third sort key round-trips, and back to one key drops the secondary", () => {
    let search = "?sort=overall&dir=desc";
    search = sortSearch(search, parse(search).sorts, "years", "desc", true);
    search = sortSearch(search, parse(search).sorts, "name", "asc", true);
    expect(parse(search).sorts.map((s) => `${s.key}:${s.dir}`)).toEqual(["overall:desc", "years:desc", "name:asc"]);
    search = sortSearch(search, parse(search).sorts, "ml", "desc", false);
    expect(search).toBe("?sort=ml&dir=desc");
  });
});

describe("filter params", () => {
  it("toggles list values in a canonical order and back to page 1", () => {
    const order = ["NEW", "SCREENING", "SHORTLISTED", "REJECTED"];
    let search = "?page=2";
    search = toggleListParam(search, "stage", "SHORTLISTED", order);
    search = toggleListParam(search, "stage", "NEW", order);
    expect(listParam(search, "stage")).toEqual(["NEW", "SHORTLISTED"]);
    expect(new URLSearchParams(search).get("page")).toBeNull();
    expect(parse(search).filters.stage).toEqual(["NEW", "SHORTLISTED"]);
    search = toggleListParam(search, "stage", "NEW", order);
    search = toggleListParam(search, "stage", "SHORTLISTED", order);
    expect(new URLSearchParams(search).has("stage")).toBe(false);
  });

  it("sets, trims and removes values; blank means no filter", () => {
    let search = withFilters("?sort=overall&dir=desc", { overallMin: "60", q: "  kubernetes ", mustHaves: "met" });
    expect(parse(search).filters).toEqual({ overallMin: 60, q: "kubernetes", mustHaves: "met" });
    search = withFilters(search, { overallMin: "", q: null });
    expect(parse(search).filters).toEqual({ mustHaves: "met" });
    expect(parse(search).sort).toBe("overall");
  });

  it("counts and clears the filters, keeping sort and page size", () => {
    const search = "?sort=ml&dir=asc&pageSize=100&stage=NEW&status=FAILED&mlMin=10&mlMax=90&q=go&page=4";
    expect(activeFilterCount(search)).toBe(5);
    const cleared = clearFilters(search);
    expect(activeFilterCount(cleared)).toBe(0);
    expect(cleared).toBe("?sort=ml&dir=asc&pageSize=100");
    expect(clearFilters("?stage=NEW")).toBe("?");
  });

  it("withParams removes keys set to null or blank", () => {
    expect(withParams("?a=1&b=2", { a: null, b: "", c: 3 })).toBe("?c=3");
    expect(withParams("", {})).toBe("?");
  });

  it("tableSearch gives the view for links out of the table", () => {
    expect(tableSearch("")).toBe("");
    expect(tableSearch("?")).toBe("");
    expect(tableSearch("?stage=NEW")).toBe("?stage=NEW");
    expect(tableSearch("stage=NEW")).toBe("?stage=NEW");
  });
});
