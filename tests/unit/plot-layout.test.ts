// The score plot's layout (app/lib/plot-layout.ts): overlapping points are spread without
// covering each other and without leaving the plot, the same way every time; labels go to the
// best candidates, inside the plot area and clear of each other.
import { describe, expect, it } from "vitest";
import { placeLabels, spreadPoints, topByOverall, type XYPoint } from "../../app/lib/plot-layout.ts";

const FRAME = { x: 60, y: 44, width: 520, height: 520 };
const RADIUS = 5.5;
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("spreadPoints", () => {
  it("leaves lone points where they are", () => {
    const points: XYPoint[] = [
      { id: "a", x: 100, y: 100, overall: 50 },
      { id: "b", x: 300, y: 300, overall: 60 },
    ];
    const { drawn, groups } = spreadPoints(points, RADIUS, FRAME);
    expect(drawn).toEqual([
      { x: 100, y: 100, groupSize: 1 },
      { x: 300, y: 300, groupSize: 1 },
    ]);
    expect(groups).toEqual([]);
  });

  it("spreads points on one spot so that no two cover each other, and counts the group", () => {
    const points: XYPoint[] = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, x: 320, y: 300, overall: 40 + i }));
    const { drawn, groups } = spreadPoints(points, RADIUS, FRAME);
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) expect(distance(drawn[i]!, drawn[j]!)).toBeGreaterThan(RADIUS * 1.8);
    }
    expect(groups).toEqual([{ x: 320, y: 300, size: 12 }]);
    expect(drawn.every((point) => point.groupSize === 12)).toBe(true);
    // The best of the group keeps the true spot.
    expect(drawn[11]).toMatchObject({ x: 320, y: 300 });
  });

  it("is deterministic: a point lands in the same place whatever the input order", () => {
    const points: XYPoint[] = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, x: 200, y: 200, overall: 50 }));
    const once = spreadPoints(points, RADIUS, FRAME).drawn;
    const reversed = [...points].reverse();
    const again = spreadPoints(reversed, RADIUS, FRAME).drawn.reverse();
    expect(again).toEqual(once);
  });

  it("keeps a pile in a corner (scores 0 / 0) inside the plot area", () => {
    const corner = { x: FRAME.x, y: FRAME.y + FRAME.height };
    const points: XYPoint[] = Array.from({ length: 9 }, (_, i) => ({ id: `z${i}`, ...corner, overall: 0 }));
    const { drawn } = spreadPoints(points, RADIUS, FRAME);
    for (const point of drawn) {
      expect(point.x - RADIUS).toBeGreaterThanOrEqual(FRAME.x);
      expect(point.y + RADIUS).toBeLessThanOrEqual(FRAME.y + FRAME.height);
    }
  });
});

describe("labels", () => {
  it("go to the best candidates by overall score, ties in the table's order", () => {
    const points = [10, 80, 80, 95, 30, 70, 60].map((overall, i) => ({ id: `c${i}`, overall }));
    expect(topByOverall(points, 5)).toEqual([3, 1, 2, 5, 6]);
    expect(topByOverall([], 5)).toEqual([]);
  });

  it("sit inside the plot area, clear of each other, left of a point by the right edge", () => {
    const options = { charWidth: 6.2, height: 13, gap: 9.5 };
    const labels = placeLabels(
      [
        { index: 0, text: "Ada Lovelace", x: 300, y: 300 },
        { index: 1, text: "Grace Hopper", x: 302, y: 302 },
        { index: 2, text: "Right Edge Person", x: FRAME.x + FRAME.width - 5, y: 200 },
      ],
      FRAME,
      options,
    );
    expect(labels.map((label) => label.index)).toEqual([0, 1, 2]);
    for (const label of labels) {
      expect(label.box.x).toBeGreaterThanOrEqual(FRAME.x);
      expect(label.box.x + label.box.width).toBeLessThanOrEqual(FRAME.x + FRAME.width);
      expect(label.box.y).toBeGreaterThanOrEqual(FRAME.y);
    }
    const [a, b] = labels;
    const apart =
      a!.box.x + a!.box.width <= b!.box.x ||
      b!.box.x + b!.box.width <= a!.box.x ||
      a!.box.y + a!.box.height <= b!.box.y ||
      b!.box.y + b!.box.height <= a!.box.y;
    expect(apart).toBe(true);
    expect(labels[2]!.anchor).toBe("end");
  });

  it("leave out a label that fits nowhere (the point keeps its tooltip)", () => {
    const tiny = { x: 0, y: 0, width: 40, height: 40 };
    expect(
      placeLabels([{ index: 0, text: "A very long name indeed", x: 20, y: 20 }], tiny, {
        charWidth: 6.2,
        height: 13,
        gap: 9.5,
      }),
    ).toEqual([]);
  });
});
