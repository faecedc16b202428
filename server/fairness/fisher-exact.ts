// Fisher's exact test on a 2×2 table, two-sided, computed exactly from log-factorials (no
// approximation, no dependency). Used as the small-sample warning beside a four-fifths flag:
// 3 of 5 against 4 of 5 has an impact ratio of 0.75 and p = 1, which is no evidence at all.

/** A group's outcome: `count` of `total` were selected (or scored above the median). */
export interface Proportion {
  count: number;
  total: number;
}

/**
 * Two-sided p-value: the probability, under the hypergeometric distribution with the table's
 * margins, of every table at most as likely as the observed one (the usual definition, as in
 * R's fisher.test). A relative tolerance keeps tables of equal probability from being lost to
 * rounding.
 */
export function fisherExactTwoSided(a: Proportion, b: Proportion): number {
  for (const group of [a, b]) {
    if (!Number.isInteger(group.count) || !Number.isInteger(group.total) || group.count < 0) {
      throw new RangeError(`Fisher's exact test needs whole counts, got ${group.count} of ${group.total}`);
    }
    if (group.count > group.total) throw new RangeError(`count ${group.count} exceeds total ${group.total}`);
  }
  const n = a.total + b.total;
  const successes = a.count + b.count;
  if (a.total === 0 || b.total === 0 || successes === 0 || successes === n) return 1;
  const logFactorial = logFactorials(n);
  // log P(X = x), X = successes in group a.
  const constant =
    logFactorial[a.total]! +
    logFactorial[b.total]! +
    logFactorial[successes]! +
    logFactorial[n - successes]! -
    logFactorial[n]!;
  const logP = (x: number) =>
    constant -
    logFactorial[x]! -
    logFactorial[a.total - x]! -
    logFactorial[successes - x]! -
    logFactorial[b.total - successes + x]!;
  const observed = logP(a.count);
  const tolerance = 1e-7;
  let p = 0;
  for (let x = Math.max(0, successes - b.total); x <= Math.min(a.total, successes); x++) {
    const lp = logP(x);
    if (lp <= observed + tolerance) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/** log(k!) for k = 0..n, by summing logs: exact enough (relative error ~1e-13) for any sample here. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
}
