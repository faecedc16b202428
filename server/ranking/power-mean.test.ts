import { describe, expect, it } from "vitest";
import { weightedPowerMean } from "./power-mean.ts";

describe("weightedPowerMean", () => {
  it("is the arithmetic mean at p = 1", () => {
    expect(weightedPowerMean(80, 20, 0.5, 1)).toBeCloseTo(50);
    expect(weightedPowerMean(80, 20, 0.75, 1)).toBeCloseTo(65);
  });
  it("is the geometric mean at p = 0", () => {
    expect(weightedPowerMean(80, 20, 0.5, 0)).toBeCloseTo(40);
  });
  it("is the harmonic mean at p = -1", () => {
    expect(weightedPowerMean(80, 20, 0.5, -1)).toBeCloseTo(32);
  });
  it("moves toward the weaker score as p falls, and never below it", () => {
    const values = [1, 0, -1, -3, -8].map((p) => weightedPowerMean(90, 30, 0.5, p));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
    expect(values.at(-1)!).toBeGreaterThanOrEqual(30);
  });
  it("gives 0 when one dimension is 0 and balance matters", () => {
    expect(weightedPowerMean(95, 0, 0.5, -1)).toBe(0);
    expect(weightedPowerMean(95, 0, 0.5, 0)).toBe(0);
    expect(weightedPowerMean(95, 0, 0.5, 1)).toBeCloseTo(47.5);
  });
  it("uses one dimension alone when the other weighs nothing", () => {
    expect(weightedPowerMean(70, 10, 1, -3)).toBe(70);
    expect(weightedPowerMean(70, 10, 0, -3)).toBe(10);
  });
  it("equal scores give that score at any p", () => {
    for (const p of [1, 0, -1, -3]) expect(weightedPowerMean(64, 64, 0.3, p)).toBeCloseTo(64);
  });
});
