import { describe, expect, it } from "vitest";
import { impactTable, type CategoryCounts } from "./impact-table.ts";

const group = (id: string, applicants: number, selected: number, aboveMedian = 0): CategoryCounts => ({
  id,
  label: id.toUpperCase(),
  applicants,
  aboveMedian,
  selected,
});

describe("impactTable", () => {
  it("flags a ratio under four-fifths, not one of exactly 0.8", () => {
    const table = impactTable([group("a", 10, 5), group("b", 10, 4), group("c", 100, 39)]);
    expect(table.rows.map((row) => row.selection.impactRatio)).toEqual([1, 0.8, 0.78]);
    expect(table.rows.map((row) => row.selection.belowFourFifths)).toEqual([false, false, true]);
  });

  it("warns that 3 of 5 against 4 of 5 (ratio 0.75) is no evidence: Fisher p = 1", () => {
    const [, small] = impactTable([group("a", 5, 4), group("b", 5, 3)]).rows;
    expect(small!.selection).toMatchObject({ impactRatio: 0.75, belowFourFifths: true });
    expect(small!.selection.smallSample).toMatchObject({
      significant: false,
      category: { count: 3, applicants: 5 },
      highest: { id: "a", count: 4, applicants: 5 },
    });
    expect(small!.selection.smallSample!.pValue).toBeCloseTo(1, 12);
    expect(small!.selection.smallSample!.warning).toMatch(/3 of 5 against 4 of 5/);
  });

  it("gives no warning when a flagged difference is significant", () => {
    const [, b] = impactTable([group("a", 100, 60), group("b", 100, 30)]).rows;
    expect(b!.selection.belowFourFifths).toBe(true);
    expect(b!.selection.smallSample!.significant).toBe(true);
    expect(b!.selection.smallSample!.warning).toBeNull();
  });

  it("marks categories under 2 % of the data as excludable (1 of 51 yes, 2 of 100 no)", () => {
    expect(impactTable([group("a", 50, 5), group("b", 1, 1)]).rows.map((row) => row.excludable)).toEqual([false, true]);
    expect(impactTable([group("a", 98, 5), group("b", 2, 1)]).rows.map((row) => row.excludable)).toEqual([
      false,
      false,
    ]);
    // An empty category has nothing to exclude.
    expect(impactTable([group("a", 98, 5), group("b", 0, 0)]).rows[1]).toMatchObject({
      excludable: false,
      excluded: false,
    });
  });

  it("keeps an excluded category's applicants and rate, but no ratio, and never divides by it", () => {
    const table = impactTable([group("a", 100, 50), group("b", 1, 1)], { excludeSmallCategories: true });
    const [a, b] = table.rows;
    expect(b).toMatchObject({ excludable: true, excluded: true, applicants: 1 });
    expect(b!.selection).toMatchObject({ rate: 1, impactRatio: null, highest: false, smallSample: null });
    expect(a!.selection).toMatchObject({ impactRatio: 1, highest: true });
    // Without the option the small category is the highest and gets its ratio.
    const plain = impactTable([group("a", 100, 50), group("b", 1, 1)]);
    expect(plain.rows[1]!.selection.highest).toBe(true);
    expect(plain.rows[0]!.selection.impactRatio).toBe(0.5);
  });

  it("gives no ratios when the highest rate is 0, and none to a category without applicants", () => {
    const table = impactTable([group("a", 10, 0), group("b", 5, 0), group("c", 0, 0)]);
    for (const row of table.rows) expect(row.selection).toMatchObject({ impactRatio: null, belowFourFifths: false });
    expect(table.rows[2]!.selection.rate).toBeNull();
  });

  it("takes the first of equal highest rates as the reference, and gives the others 1 too", () => {
    const table = impactTable([group("a", 4, 2), group("b", 8, 4), group("c", 10, 1)]);
    expect(table.rows.map((row) => row.selection.highest)).toEqual([true, false, false]);
    expect(table.rows[1]!.selection.impactRatio).toBe(1);
    expect(table.rows[2]!.selection.smallSample!.highest.id).toBe("a");
  });

  it("refuses impossible counts", () => {
    expect(() => impactTable([group("a", 3, 4)])).toThrow(RangeError);
    expect(() => impactTable([group("a", -1, 0)])).toThrow(RangeError);
  });
});
