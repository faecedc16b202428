// The requisition's balance region on the production × ML plot: the dual requirement drawn.
// A candidate is in it when the overall score (score-formula.ts overallScore) reaches
// BALANCE_THRESHOLD and neither dimension is below GAP_THRESHOLD. Its lower edge is the
// iso-line overall = BALANCE_THRESHOLD for the requisition's exponent and production weight:
// a straight line when balance does not matter (arithmetic mean), bending toward an L as the
// requisition demands both.
//
// Quadrants (split at the gap threshold) carry the guide's words for each path
// (ml-engineer-role-in-practice.txt, "Common Backgrounds" and "Adjacent Roles").
import { GAP_THRESHOLD } from "./gaps-and-flags.ts";
import { combinedScore, type OverallShape } from "./score-formula.ts";

/**
 * Overall score from which a candidate counts as strong on the requisition's terms. Above the
 * knee of the overall's low end (LOW_OVERALL_KNEE in score-formula.ts), where the overall is the
 * homogeneous combination of the two dimensions itself: its iso-line is the combination's
 * (balance-region.test.ts checks the overall along it).
 */
export const BALANCE_THRESHOLD = 60;
export { GAP_THRESHOLD };

export type XY = readonly [x: number, y: number];

export interface BalanceGeometry {
  threshold: number;
  gapThreshold: number;
  /** overall = threshold, production (x) rising; may run past 0–100 (clip when drawing). */
  isoLine: XY[];
  /** The balance region as a closed polygon inside [gapThreshold, 100]², or [] when empty. */
  region: XY[];
}

/** The overall at and above the knee (thresholds here lie there): the homogeneous combination. */
const overall = combinedScore;

/** The least ML score with overall ≥ threshold at this production score (≤ 100), or null. */
export function minMlForOverall(production: number, threshold: number, shape: OverallShape): number | null {
  if (overall(production, 100, shape) < threshold) return null;
  if (overall(production, 0, shape) >= threshold) return 0;
  // The power mean rises with each argument: bisection finds the edge to 1e-6.
  let low = 0;
  let high = 100;
  while (high - low > 1e-6) {
    const mid = (low + high) / 2;
    if (overall(production, mid, shape) >= threshold) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The iso-line overall = threshold. The overall score is homogeneous (M(tx, ty) = t·M(x, y)), so along
 * each ray from the origin the line sits at threshold / M(direction): exact, with no search,
 * whatever the exponent (vertical or horizontal when one dimension has all the weight).
 */
export function isoOverallLine(threshold: number, shape: OverallShape, steps = 180): XY[] {
  const points: XY[] = [];
  const limit = 400; // far enough past 100 to reach the plot's edges before clipping
  for (let i = steps; i >= 0; i--) {
    const angle = (i / steps) * (Math.PI / 2);
    const dx = Math.cos(angle);
    const dy = Math.sin(angle);
    const m = overall(dx, dy, shape);
    if (!(m > 0)) continue;
    const x = (threshold / m) * dx;
    const y = (threshold / m) * dy;
    if (x > limit || y > limit) continue;
    points.push([round2(x), round2(y)]);
  }
  return points;
}

/** The balance region: overall ≥ threshold with both dimensions ≥ the gap threshold. */
export function balanceRegion(threshold: number, gapThreshold: number, shape: OverallShape, step = 0.5): XY[] {
  const edge: XY[] = [];
  for (let x = gapThreshold; x <= 100 + 1e-9; x += step) {
    const ml = minMlForOverall(x, threshold, shape);
    if (ml === null) continue;
    edge.push([round2(x), round2(Math.max(gapThreshold, ml))]);
  }
  if (edge.length === 0) return [];
  // Closed along the top edge: from above the first edge point, along the edge, up the right side.
  return [[edge[0]![0], 100], ...edge, [100, 100]];
}

export function balanceGeometry(shape: OverallShape, threshold = BALANCE_THRESHOLD): BalanceGeometry {
  return {
    threshold,
    gapThreshold: GAP_THRESHOLD,
    isoLine: isoOverallLine(threshold, shape),
    region: balanceRegion(threshold, GAP_THRESHOLD, shape),
  };
}

export function inBalanceRegion(
  scores: { production: number; ml: number; overall: number },
  threshold = BALANCE_THRESHOLD,
): boolean {
  return scores.overall >= threshold && scores.production >= GAP_THRESHOLD && scores.ml >= GAP_THRESHOLD;
}

export type QuadrantId = "balanced" | "ml_depth" | "production" | "early";

export interface Quadrant {
  id: QuadrantId;
  /** Where it sits on the plot (production right, ML depth up). */
  corner: "top-right" | "top-left" | "bottom-right" | "bottom-left";
  title: string;
  /** The guide's common path into ML engineering that tends to land here. */
  path: string;
  /** The guide sentence behind it (ml-engineer-role-in-practice.txt). */
  quote: string;
}

export const QUADRANTS: readonly Quadrant[] = [
  {
    id: "balanced",
    corner: "top-right",
    title: "Balanced: both dimensions",
    path: "The ML engineer profile",
    quote: "The role genuinely requires both ML knowledge and software engineering skill.",
  },
  {
    id: "ml_depth",
    corner: "top-left",
    title: "ML depth, production gap",
    path: "Data scientist / researcher path",
    quote:
      "The gaps are in production code quality, system design, deployment practices, and infrastructure management.",
  },
  {
    id: "production",
    corner: "bottom-right",
    title: "Production strength, ML gap",
    path: "Software / data engineer path",
    quote: "The gap is in ML concepts, model evaluation, and the specific patterns of ML systems.",
  },
  {
    id: "early",
    corner: "bottom-left",
    title: "Early on both",
    path: "Both sides need evidence",
    quote: "Assess both sides of the skill set. ML engineering requires ML knowledge and engineering skill.",
  },
];

export function quadrantOf(production: number, ml: number, gapThreshold = GAP_THRESHOLD): QuadrantId {
  const strongProduction = production >= gapThreshold;
  const strongMl = ml >= gapThreshold;
  if (strongProduction && strongMl) return "balanced";
  if (strongMl) return "ml_depth";
  if (strongProduction) return "production";
  return "early";
}

const round2 = (n: number) => Math.round(n * 100) / 100;
