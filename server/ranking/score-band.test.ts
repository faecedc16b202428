import { describe, expect, it } from "vitest";
import { SCORE_BANDS, scoreBand } from "./score-band.ts";

describe("scoreBand", () => {
  it("names every score by its band, boundaries included", () => {
    expect([0, 14.9, 15, 29.9, 30, 49.9, 50, 69.9, 70, 100].map(scoreBand)).toEqual([
      "none",
      "none",
      "little",
      "little",
      "some",
      "some",
      "solid",
      "solid",
      "strong",
      "strong",
    ]);
  });

  it("lists the bands in increasing order", () => {
    const mins = SCORE_BANDS.map((band) => band.min);
    expect(mins).toEqual([...mins].sort((a, b) => a - b));
  });
});
