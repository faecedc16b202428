import { describe, expect, it } from "vitest";
import {
  BALANCE_THRESHOLD,
  balanceGeometry,
  balanceRegion,
  inBalanceRegion,
  isoOverallLine,
  minMlForOverall,
  quadrantOf,
  QUADRANTS,
} from "./balance-region.ts";
import { GAP_THRESHOLD } from "./gaps-and-flags.ts";
import { overallScore, type OverallShape } from "./score-formula.ts";
import { balanceExponent } from "./weights-schema.ts";

const shape = (productionWeight: number, exponent: number, gapAsymmetry = 0): OverallShape => ({
  productionWeight,
  exponent,
  gapAsymmetry,
});

describe("balance region", () => {
  it("puts every point of the iso-line at overall = threshold, for any exponent and weight", () => {
    for (const strictness of [0, 0.25, 0.5, 1]) {
      for (const productionWeight of [0.3, 0.5, 0.7]) {
        const exponent = balanceExponent(strictness);
        const line = isoOverallLine(BALANCE_THRESHOLD, shape(productionWeight, exponent, 0.15));
        expect(line.length).toBeGreaterThan(50);
        for (const [x, y] of line)
          expect(overallScore(x, y, shape(productionWeight, exponent, 0.15))).toBeCloseTo(BALANCE_THRESHOLD, 0);
        // Production rises along the line while ML depth falls.
        for (let i = 1; i < line.length; i++) {
          expect(line[i]![0]).toBeGreaterThanOrEqual(line[i - 1]![0]);
          expect(line[i]![1]).toBeLessThanOrEqual(line[i - 1]![1]);
        }
      }
    }
  });

  it("crosses the diagonal at (threshold, threshold): a balanced candidate's overall is their score", () => {
    // Three rays: both axes (never reached by a harmonic mean) and the diagonal.
    expect(isoOverallLine(60, shape(0.5, -1), 2)).toEqual([[60, 60]]);
    expect(isoOverallLine(60, shape(0.5, 1), 2)).toEqual([
      [0, 120],
      [60, 60],
      [120, 0],
    ]);
  });

  it("is a straight line for the arithmetic mean and bends toward an L as balance gets stricter", () => {
    // At production 100, the arithmetic mean needs ML 20 for an overall of 60; stricter means need more.
    expect(minMlForOverall(100, 60, shape(0.5, 1))).toBeCloseTo(20, 3);
    const harmonic = minMlForOverall(100, 60, shape(0.5, balanceExponent(0.5)))!;
    const strict = minMlForOverall(100, 60, shape(0.5, balanceExponent(1)))!;
    expect(harmonic).toBeGreaterThan(40);
    expect(strict).toBeGreaterThan(harmonic);
    expect(minMlForOverall(30, 60, shape(0.5, -1))).toBeNull();
  });

  it("reaches lower ML at high production when an ML gap counts less (the guide's asymmetry)", () => {
    const harmonic = balanceExponent(0.5);
    const symmetric = minMlForOverall(100, 60, shape(0.5, harmonic, 0))!;
    const guide = minMlForOverall(100, 60, shape(0.5, harmonic, 0.15))!;
    expect(guide).toBeLessThan(symmetric);
    // … while a production gap is not narrowed: the same ML at low production needs the same.
    expect(minMlForOverall(45, 60, shape(0.5, harmonic, 0.15))).toBeCloseTo(
      minMlForOverall(45, 60, shape(0.5, harmonic, 0))!,
      3,
    );
  });

  it("is the part of the both-above-the-gap quadrant where overall reaches the threshold", () => {
    const region = balanceRegion(60, GAP_THRESHOLD, shape(0.5, 1));
    for (const [x, y] of region) {
      expect(x).toBeGreaterThanOrEqual(GAP_THRESHOLD);
      expect(y).toBeGreaterThanOrEqual(GAP_THRESHOLD);
      expect(x).toBeLessThanOrEqual(100);
      expect(y).toBeLessThanOrEqual(100);
    }
    expect(region.at(-1)).toEqual([100, 100]);
    // Arithmetic mean, threshold 60: at production 40 the edge is at ML 80, at production 80 it is the gap line.
    const edge = region.slice(1, -1);
    expect(region[0]).toEqual([40, 100]);
    expect(edge.find(([x]) => x === 40)?.[1]).toBeCloseTo(80, 1);
    expect(edge.find(([x]) => x === 80)?.[1]).toBe(GAP_THRESHOLD);
  });

  it("is empty when nothing can reach the threshold", () => {
    expect(balanceRegion(101, GAP_THRESHOLD, shape(0.5, 1))).toEqual([]);
  });

  it("follows the production weight: all weight on production makes the edge vertical at the threshold", () => {
    const geometry = balanceGeometry(shape(1, 1));
    const edge = geometry.region.slice(1, -1);
    expect(edge[0]).toEqual([60, GAP_THRESHOLD]);
    expect(edge.every(([, y]) => y === GAP_THRESHOLD)).toBe(true);
  });

  it("counts a candidate in the region only with both dimensions above the gap threshold", () => {
    expect(inBalanceRegion({ production: 85, ml: 91, overall: 88 })).toBe(true);
    expect(inBalanceRegion({ production: 95, ml: 35, overall: 61 })).toBe(false);
    expect(inBalanceRegion({ production: 55, ml: 58, overall: 56.5 })).toBe(false);
  });
});

describe("quadrants", () => {
  it("split at the gap threshold and name the guide's paths", () => {
    expect(quadrantOf(85, 91)).toBe("balanced");
    expect(quadrantOf(25, 80)).toBe("ml_depth");
    expect(quadrantOf(80, 25)).toBe("production");
    expect(quadrantOf(20, 20)).toBe("early");
    expect(QUADRANTS.map((q) => q.corner).sort()).toEqual(["bottom-left", "bottom-right", "top-left", "top-right"]);
  });
});
