import { describe, expect, it } from "vitest";
import { median } from "./median.ts";

describe("median", () => {
  it("takes the middle value of an odd count and the mean of the middle two of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("keeps ties: the median may be a score many applicants share", () => {
    expect(median([50, 50, 50, 70, 10])).toBe(50);
    expect(median([7, 7, 7, 7])).toBe(7);
  });

  it("is null for no scores and does not reorder its input", () => {
    expect(median([])).toBeNull();
    const scores = [9, 1, 5];
    median(scores);
    expect(scores).toEqual([9, 1, 5]);
  });
});
