// One table of a bias audit (sex, race/ethnicity or intersectional): per category the number of
// applicants, the scoring rate and the selection rate, each with its impact ratio against the
// table's highest category (6 RCNY § 5-300), the four-fifths flag (29 CFR 1607.4(D)) and
// Fisher's exact test against the highest category. Works on counts, so the rule's own
// printed tables can be checked as they stand (their race and intersectional totals differ).
import { fisherExactTwoSided } from "./fisher-exact.ts";

/** Below this share of the data a category may be left out of the impact ratios (§ 5-301(d)). */
export const EXCLUDABLE_SHARE = 0.02;
/** 29 CFR 1607.4(D): a rate "less than four-fifths (4/5)" of the highest. */
export const FOUR_FIFTHS = 0.8;
/** Below this p-value a difference is called statistically significant. */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface CategoryCounts {
  id: string;
  label: string;
  applicants: number;
  /** Applicants scoring strictly above the sample median. */
  aboveMedian: number;
  selected: number;
}

export interface ImpactTableOptions {
  /**
   * Leave categories under 2 % of the data out of the impact ratios, as § 5-301(d) allows (it is
   * optional, and the rule's own example does not do it). Their applicants and rates are still
   * reported, and the summary of results must then carry a justification.
   */
  excludeSmallCategories?: boolean;
}

export interface SmallSampleCheck {
  /** Two-sided Fisher's exact test, this category against the highest one. */
  pValue: number;
  significant: boolean;
  category: { count: number; applicants: number };
  highest: { id: string; count: number; applicants: number };
  /** Set when the ratio is flagged but the difference could well be chance. */
  warning: string | null;
}

export interface RateResult {
  /** Scored above the median, or selected. */
  count: number;
  /** count / applicants; null when the category has no applicants. */
  rate: number | null;
  /**
   * rate / the highest category's rate. Null when the category has no applicants, is excluded,
   * or when no category has a rate above 0 (0/0 says nothing).
   */
  impactRatio: number | null;
  /** The category the others are divided by (the first, in table order, among equal highest rates). */
  highest: boolean;
  /** Four-fifths rule: impact ratio below 0.8 (exactly 0.8 is not flagged). */
  belowFourFifths: boolean;
  /** Null for the highest category and wherever there is no ratio. */
  smallSample: SmallSampleCheck | null;
}

export interface ImpactRow {
  id: string;
  label: string;
  applicants: number;
  /** applicants / the table's applicants; null for an empty table. */
  shareOfData: number | null;
  /** Under 2 % of the data (and not empty): § 5-301(d) lets the auditor exclude it from the impact ratios. */
  excludable: boolean;
  /** Excluded from the impact ratios (only with `excludeSmallCategories`). */
  excluded: boolean;
  scoring: RateResult;
  selection: RateResult;
}

export interface ImpactTable {
  applicants: number;
  rows: ImpactRow[];
}

export function impactTable(categories: readonly CategoryCounts[], options: ImpactTableOptions = {}): ImpactTable {
  for (const category of categories) assertCounts(category);
  const total = categories.reduce((sum, category) => sum + category.applicants, 0);
  // An empty category has no rate to report or exclude: it is listed, never "excluded".
  const excludable = categories.map(
    (category) => category.applicants > 0 && category.applicants < EXCLUDABLE_SHARE * total,
  );
  const excluded = excludable.map((small) => small && (options.excludeSmallCategories ?? false));
  const groups = (pick: (category: CategoryCounts) => number) =>
    categories.map((category, index) => ({
      id: category.id,
      applicants: category.applicants,
      count: pick(category),
      eligible: !excluded[index],
    }));
  const scoring = rateResults(groups((category) => category.aboveMedian));
  const selection = rateResults(groups((category) => category.selected));
  return {
    applicants: total,
    rows: categories.map((category, index) => ({
      id: category.id,
      label: category.label,
      applicants: category.applicants,
      shareOfData: total > 0 ? category.applicants / total : null,
      excludable: excludable[index]!,
      excluded: excluded[index]!,
      scoring: scoring[index]!,
      selection: selection[index]!,
    })),
  };
}

interface Group {
  id: string;
  applicants: number;
  count: number;
  eligible: boolean;
}

function rateResults(groups: readonly Group[]): RateResult[] {
  // The highest rate, compared exactly as fractions (a/n > b/m ⇔ a·m > b·n).
  let highest: Group | null = null;
  for (const group of groups) {
    if (!group.eligible || group.applicants === 0) continue;
    if (highest === null || group.count * highest.applicants > highest.count * group.applicants) highest = group;
  }
  const reference = highest !== null && highest.count > 0 ? highest : null;
  return groups.map((group) => {
    const rate = group.applicants > 0 ? group.count / group.applicants : null;
    if (reference === null || rate === null || !group.eligible) {
      return { count: group.count, rate, impactRatio: null, highest: false, belowFourFifths: false, smallSample: null };
    }
    if (group === reference) {
      return { count: group.count, rate, impactRatio: 1, highest: true, belowFourFifths: false, smallSample: null };
    }
    // (a/n) / (b/m) as one division of whole numbers: one rounding, so 3/5 ÷ 4/5 is exactly 0.75.
    const impactRatio = (group.count * reference.applicants) / (reference.count * group.applicants);
    // ratio < 4/5 ⇔ 5·a·m < 4·b·n, in integers, so 0.8 computed as 0.7999… is never flagged.
    const belowFourFifths = 5 * group.count * reference.applicants < 4 * reference.count * group.applicants;
    return {
      count: group.count,
      rate,
      impactRatio,
      highest: false,
      belowFourFifths,
      smallSample: smallSampleCheck(group, reference, belowFourFifths),
    };
  });
}

function smallSampleCheck(group: Group, reference: Group, flagged: boolean): SmallSampleCheck {
  const pValue = fisherExactTwoSided(
    { count: group.count, total: group.applicants },
    { count: reference.count, total: reference.applicants },
  );
  const significant = pValue < SIGNIFICANCE_LEVEL;
  return {
    pValue,
    significant,
    category: { count: group.count, applicants: group.applicants },
    highest: { id: reference.id, count: reference.count, applicants: reference.applicants },
    warning:
      flagged && !significant
        ? `Small sample: ${group.count} of ${group.applicants} against ${reference.count} of ${reference.applicants} ` +
          `in the highest category is not statistically significant (Fisher's exact test, two-sided, ` +
          `p = ${pValue.toFixed(3)} ≥ ${SIGNIFICANCE_LEVEL}); the ratio alone is not evidence of adverse impact.`
        : null,
  };
}

function assertCounts(category: CategoryCounts): void {
  const { applicants, aboveMedian, selected } = category;
  const whole = [applicants, aboveMedian, selected].every((value) => Number.isInteger(value) && value >= 0);
  if (!whole || aboveMedian > applicants || selected > applicants) {
    throw new RangeError(
      `category ${category.id}: counts must be whole numbers within the applicants ` +
        `(applicants ${applicants}, above median ${aboveMedian}, selected ${selected})`,
    );
  }
}
