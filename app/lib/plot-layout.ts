// Where the score plot draws its points and labels (app/components/score-scatter.tsx), in SVG
// units. Pure and deterministic, so the same view always looks the same:
// - points that would overlap (many résumés score alike) are spread on a small sunflower spiral
//   around their shared position, in a fixed order (best overall first, then id), and the group
//   says how many it holds;
// - the top candidates by overall score get a label beside their point, placed where it does
//   not run over another label or out of the frame.

export interface XYPoint {
  id: string;
  /** SVG coordinates of the point's true position. */
  x: number;
  y: number;
  overall: number;
}

export interface DrawnPoint {
  x: number;
  y: number;
  /** Points sharing this one's spot (1 when alone). */
  groupSize: number;
}

export interface Group {
  x: number;
  y: number;
  size: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** How far from its centre the spiral of a group of `size` points reaches (centre to last centre). */
export function spiralReach(size: number, radius: number): number {
  return radius * 1.9 * Math.sqrt(Math.max(0, size - 1));
}

/**
 * Spreads overlapping points. Points less than one point diameter apart are one group; the group's first point stays at the group's centre and the rest
 * go round it on a spiral whose rings are `radius * 1.9` apart (circles touch, never cover). A
 * group by an edge of `frame` moves inward until its spiral fits (a pile at 0 / 0 stays on the plot).
 */
export function spreadPoints(
  points: readonly XYPoint[],
  radius: number,
  frame: Box,
): { drawn: DrawnPoint[]; groups: Group[] } {
  // Points closer than a diameter join one group (through neighbouring grid cells, so a pair
  // straddling a cell border is still found), linked transitively with a union-find.
  const cell = radius * 2;
  const parent = points.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const grid = new Map<string, number[]>();
  points.forEach((point, index) => {
    const gx = Math.floor(point.x / cell);
    const gy = Math.floor(point.y / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const other of grid.get(`${gx + dx}:${gy + dy}`) ?? []) {
          if (Math.hypot(points[other]!.x - point.x, points[other]!.y - point.y) < cell)
            parent[root(index)] = root(other);
        }
      }
    }
    const key = `${gx}:${gy}`;
    grid.set(key, [...(grid.get(key) ?? []), index]);
  });
  const buckets = new Map<number, number[]>();
  points.forEach((_, index) => {
    const key = root(index);
    buckets.set(key, [...(buckets.get(key) ?? []), index]);
  });
  const drawn: DrawnPoint[] = points.map((point) => ({ x: point.x, y: point.y, groupSize: 1 }));
  const groups: Group[] = [];
  for (const members of buckets.values()) {
    if (members.length === 1) continue;
    members.sort((a, b) => points[b]!.overall - points[a]!.overall || (points[a]!.id < points[b]!.id ? -1 : 1));
    const reach = spiralReach(members.length, radius) + radius;
    const inward = (value: number, from: number, size: number) =>
      size < 2 * reach ? from + size / 2 : Math.min(from + size - reach, Math.max(from + reach, value));
    const cx = inward(members.reduce((sum, i) => sum + points[i]!.x, 0) / members.length, frame.x, frame.width);
    const cy = inward(members.reduce((sum, i) => sum + points[i]!.y, 0) / members.length, frame.y, frame.height);
    members.forEach((index, k) => {
      const distance = spiralReach(k + 1, radius);
      const angle = k * GOLDEN_ANGLE;
      drawn[index] = {
        x: cx + distance * Math.cos(angle),
        y: cy + distance * Math.sin(angle),
        groupSize: members.length,
      };
    });
    groups.push({ x: cx, y: cy, size: members.length });
  }
  return { drawn, groups };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  index: number;
  text: string;
  x: number;
  y: number;
  anchor: "start" | "end";
  box: Box;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (a: Box, frame: Box) =>
  a.x >= frame.x &&
  a.y >= frame.y &&
  a.x + a.width <= frame.x + frame.width &&
  a.y + a.height <= frame.y + frame.height;

/** The indexes of the `count` best points by overall score (ties: the table's order, then id). */
export function topByOverall(points: readonly { id: string; overall: number }[], count: number): number[] {
  return points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => b.point.overall - a.point.overall || a.index - b.index)
    .slice(0, count)
    .map(({ index }) => index);
}

/**
 * Labels for the given points (best first): right of the point, else left, above or below,
 * whichever first stays inside `frame` (the plot area: the quadrant captions sit outside it) and
 * clear of the labels already placed. A label that fits nowhere is left out; its point keeps its
 * tooltip.
 */
export function placeLabels(
  targets: ReadonlyArray<{ index: number; text: string; x: number; y: number }>,
  frame: Box,
  options: { charWidth: number; height: number; gap: number },
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const target of targets) {
    const width = target.text.length * options.charWidth;
    const { height, gap } = options;
    const candidates: Array<Omit<PlacedLabel, "index" | "text">> = [
      {
        x: target.x + gap,
        y: target.y + height / 3,
        anchor: "start",
        box: { x: target.x + gap, y: target.y - height / 2, width, height },
      },
      {
        x: target.x - gap,
        y: target.y + height / 3,
        anchor: "end",
        box: { x: target.x - gap - width, y: target.y - height / 2, width, height },
      },
      {
        x: target.x + gap / 2,
        y: target.y - gap,
        anchor: "start",
        box: { x: target.x + gap / 2, y: target.y - gap - height, width, height },
      },
      {
        x: target.x + gap / 2,
        y: target.y + gap + height * 0.7,
        anchor: "start",
        box: { x: target.x + gap / 2, y: target.y + gap, width, height },
      },
    ];
    const spot = candidates.find((c) => inside(c.box, frame) && !placed.some((label) => overlaps(c.box, label.box)));
    if (spot) placed.push({ index: target.index, text: target.text, ...spot });
  }
  return placed;
}
