/**
 * Weighted power mean of two scores in [0, 100]. p = 1 is the arithmetic mean; as p falls the
 * result moves toward the smaller score, which is how the guide's dual requirement is enforced:
 * "strength in one dimension does not cover a gap in the other".
 */
export function weightedPowerMean(a: number, b: number, weightA: number, p: number): number {
  const wa = Math.min(1, Math.max(0, weightA));
  const wb = 1 - wa;
  if (wa === 0) return b;
  if (wb === 0) return a;
  if (Math.abs(p) < 1e-9) {
    if (a <= 0 || b <= 0) return 0;
    return Math.exp(wa * Math.log(a) + wb * Math.log(b));
  }
  if (p < 0 && (a <= 0 || b <= 0)) return 0;
  return (wa * a ** p + wb * b ** p) ** (1 / p);
}
