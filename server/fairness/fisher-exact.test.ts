import { describe, expect, it } from "vitest";
import { fisherExactTwoSided } from "./fisher-exact.ts";

// Reference values computed exactly with rational arithmetic (Python fractions + math.comb),
// and matching R's fisher.test(..., alternative = "two.sided").
describe("fisherExactTwoSided", () => {
  it("gives Fisher's lady tasting tea (3 of 4 against 1 of 4) p = 0.4857 = 34/70", () => {
    expect(fisherExactTwoSided({ count: 3, total: 4 }, { count: 1, total: 4 })).toBeCloseTo(34 / 70, 12);
  });

  it("gives the dieting table [[1, 9], [11, 3]] p = 0.002759", () => {
    expect(fisherExactTwoSided({ count: 1, total: 10 }, { count: 11, total: 14 })).toBeCloseTo(0.0027594561852, 12);
  });

  it("calls 3 of 5 against 4 of 5 what it is: p = 1", () => {
    expect(fisherExactTwoSided({ count: 3, total: 5 }, { count: 4, total: 5 })).toBeCloseTo(1, 12);
  });

  it("is symmetric in its two groups", () => {
    const a = { count: 15, total: 40 };
    const b = { count: 18, total: 28 };
    expect(fisherExactTwoSided(a, b)).toBeCloseTo(0.047933755158, 11);
    expect(fisherExactTwoSided(b, a)).toBeCloseTo(fisherExactTwoSided(a, b), 14);
  });

  it("stays exact on large samples (7 of 17 against 215 of 412; 555 of 1181 against 667 of 1390)", () => {
    expect(fisherExactTwoSided({ count: 7, total: 17 }, { count: 215, total: 412 })).toBeCloseTo(0.4605377012, 10);
    const p = fisherExactTwoSided({ count: 555, total: 1181 }, { count: 667, total: 1390 });
    expect(p).toBeCloseTo(0.63448618966, 9);
  });

  it("gives 1 when a margin is empty or uniform (nothing to test)", () => {
    expect(fisherExactTwoSided({ count: 0, total: 0 }, { count: 3, total: 5 })).toBe(1);
    expect(fisherExactTwoSided({ count: 0, total: 4 }, { count: 0, total: 5 })).toBe(1);
    expect(fisherExactTwoSided({ count: 4, total: 4 }, { count: 5, total: 5 })).toBe(1);
  });

  it("refuses counts that are not whole or exceed their total", () => {
    expect(() => fisherExactTwoSided({ count: 1.5, total: 4 }, { count: 1, total: 4 })).toThrow(RangeError);
    expect(() => fisherExactTwoSided({ count: 5, total: 4 }, { count: 1, total: 4 })).toThrow(RangeError);
  });
});
