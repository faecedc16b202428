// The worked examples of the DCWP rule on automated employment decision tools (NYC Local Law
// 144; 6 RCNY § 5-301(b) selection example and § 5-301(d) "culture fit" scoring example),
// reproduced number for number. The tables are public regulatory text, copied here so the
// assertions hold without ../shared; when ../shared/fairness/ll144-examples.json is present,
// every example in it is checked too.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { RaceEthnicityCategory, SexCategory } from "./categories.ts";
import { computeImpact, type ApplicantOutcome, type ImpactReport, type TableName } from "./compute-impact.ts";
import { impactTable, type ImpactRow } from "./impact-table.ts";

/** [category id, label as the rule prints it, applicants, count, rate as printed, impact ratio as printed] */
type Printed = readonly [id: string, label: string, applicants: number, count: number, rate: string, ratio: string];

// § 5-301(b) example, "Sex Categories" (count = # Selected).
const SELECTION_SEX: readonly Printed[] = [
  ["male", "Male", 1390, 667, "48%", "1.00"],
  ["female", "Female", 1181, 555, "47%", "0.979"],
];
// § 5-301(b) example, "Race/Ethnicity Categories".
const SELECTION_RACE: readonly Printed[] = [
  ["hispanic_or_latino", "Hispanic or Latino", 408, 204, "50%", "0.97"],
  ["white", "White (Not Hispanic or Latino)", 797, 412, "52%", "1.00"],
  ["black_or_african_american", "Black or African American (Not Hispanic or Latino)", 390, 170, "44%", "0.84"],
  [
    "native_hawaiian_or_pacific_islander",
    "Native Hawaiian or Pacific Islander (Not Hispanic or Latino)",
    119,
    52,
    "44%",
    "0.85",
  ],
  ["asian", "Asian (Not Hispanic or Latino)", 616, 302, "49%", "0.95"],
  [
    "native_american_or_alaska_native",
    "Native American or Alaska Native (Not Hispanic or Latino)",
    41,
    18,
    "44%",
    "0.85",
  ],
  ["two_or_more_races", "Two or More Races (Not Hispanic or Latino)", 213, 96, "45%", "0.87"],
];
// § 5-301(b) example, "Intersectional Categories". The rule prints the Hispanic or Latino Female
// row as "190 82 0.827 43.2%", rate and ratio in swapped columns; they are put back here.
const SELECTION_INTERSECTIONAL: readonly Printed[] = [
  ["male+hispanic_or_latino", "Hispanic or Latino Male", 205, 90, "43.9%", "0.841"],
  ["female+hispanic_or_latino", "Hispanic or Latino Female", 190, 82, "43.2%", "0.827"],
  ["male+white", "Non-Hispanic Male White", 412, 215, "52.2%", "1.000"],
  ["male+black_or_african_american", "Non-Hispanic Male Black or African American", 226, 95, "42.0%", "0.806"],
  [
    "male+native_hawaiian_or_pacific_islander",
    "Non-Hispanic Male Native Hawaiian or Pacific Islander",
    87,
    37,
    "42.5%",
    "0.815",
  ],
  ["male+asian", "Non-Hispanic Male Asian", 321, 167, "52.0%", "0.997"],
  [
    "male+native_american_or_alaska_native",
    "Non-Hispanic Male Native American or Alaska Native",
    24,
    11,
    "45.8%",
    "0.878",
  ],
  ["male+two_or_more_races", "Non-Hispanic Male Two or More Races", 115, 52, "45.2%", "0.866"],
  ["female+white", "Non-Hispanic Female White", 385, 197, "51.2%", "0.981"],
  ["female+black_or_african_american", "Non-Hispanic Female Black or African American", 164, 75, "45.7%", "0.876"],
  [
    "female+native_hawaiian_or_pacific_islander",
    "Non-Hispanic Female Native Hawaiian or Pacific Islander",
    32,
    15,
    "46.9%",
    "0.898",
  ],
  ["female+asian", "Non-Hispanic Female Asian", 295, 135, "45.8%", "0.877"],
  [
    "female+native_american_or_alaska_native",
    "Non-Hispanic Female Native American or Alaska Native",
    17,
    7,
    "41.2%",
    "0.789",
  ],
  ["female+two_or_more_races", "Non-Hispanic Female Two or More Races", 98, 44, "44.9%", "0.860"],
];
const SELECTION_UNKNOWN = 250;

// § 5-301(d) example ("culture fit"). The rule prints applicants, scoring rate and impact ratio
// only; the counts above the median are applicants × printed rate (all three tables then total
// 84 of 168, a clean median split).
const SCORING_SEX: readonly Printed[] = [
  ["male", "Male", 92, 50, "54.3%", "1.00"],
  ["female", "Female", 76, 34, "44.7%", "0.82"],
];
const SCORING_RACE: readonly Printed[] = [
  ["hispanic_or_latino", "Hispanic or Latino", 28, 18, "64.2%", "1.00"],
  ["white", "White (Not Hispanic or Latino)", 40, 15, "37.5%", "0.58"],
  ["black_or_african_american", "Black or African American (Not Hispanic or Latino)", 32, 16, "50.0%", "0.78"],
  [
    "native_hawaiian_or_pacific_islander",
    "Native Hawaiian or Pacific Islander (Not Hispanic or Latino)",
    8,
    5,
    "62.5%",
    "0.97",
  ],
  ["asian", "Asian (Not Hispanic or Latino)", 24, 10, "41.7%", "0.65"],
  [
    "native_american_or_alaska_native",
    "Native American or Alaska Native (Not Hispanic or Latino)",
    16,
    10,
    "62.5%",
    "0.97",
  ],
  ["two_or_more_races", "Two or More Races (Not Hispanic or Latino)", 20, 10, "50.0%", "0.78"],
];
const SCORING_INTERSECTIONAL: readonly Printed[] = [
  ["male+hispanic_or_latino", "Hispanic or Latino Male", 16, 12, "75%", "1.00"],
  ["female+hispanic_or_latino", "Hispanic or Latino Female", 12, 6, "50%", "0.67"],
  ["male+white", "Non-Hispanic Male White", 20, 7, "35%", "0.47"],
  ["male+black_or_african_american", "Non-Hispanic Male Black or African American", 20, 10, "50%", "0.67"],
  [
    "male+native_hawaiian_or_pacific_islander",
    "Non-Hispanic Male Native Hawaiian or Pacific Islander",
    4,
    3,
    "75%",
    "1.00",
  ],
  ["male+asian", "Non-Hispanic Male Asian", 12, 7, "58.3%", "0.78"],
  // Printed "62.5" without the % sign.
  [
    "male+native_american_or_alaska_native",
    "Non-Hispanic Male Native American or Alaska Native",
    8,
    5,
    "62.5%",
    "0.83",
  ],
  ["male+two_or_more_races", "Non-Hispanic Male Two or More Races", 12, 6, "50%", "0.67"],
  ["female+white", "Non-Hispanic Female White", 20, 8, "40%", "0.53"],
  // Printed ".67".
  ["female+black_or_african_american", "Non-Hispanic Female Black or African American", 12, 6, "50%", "0.67"],
  [
    "female+native_hawaiian_or_pacific_islander",
    "Non-Hispanic Female Native Hawaiian or Pacific Islander",
    4,
    2,
    "50%",
    "0.67",
  ],
  ["female+asian", "Non-Hispanic Female Asian", 12, 3, "25%", "0.33"],
  [
    "female+native_american_or_alaska_native",
    "Non-Hispanic Female Native American or Alaska Native",
    8,
    5,
    "62.5%",
    "0.83",
  ],
  ["female+two_or_more_races", "Non-Hispanic Female Two or More Races", 8, 4, "50%", "0.67"],
];
const SCORING_UNKNOWN = 15;

/**
 * The rule prints 18 of 28 (64.29 %) as "64.2%": truncated, where every other figure is rounded.
 * The impact ratios are consistent with the unrounded rate.
 */
const TRUNCATED_IN_SOURCE = new Set(["scoring:raceEthnicity:hispanic_or_latino:rate"]);

/** A printed figure's value and the half-unit of its last digit ("43.9%" → 0.439 ± 0.0005). */
function printed(text: string, percent: boolean): { value: number; halfUnit: number; decimals: number } {
  const digits = text.replace("%", "");
  const decimals = (digits.split(".")[1] ?? "").length + (percent ? 2 : 0);
  return { value: Number(digits) / (percent ? 100 : 1), halfUnit: 0.5 * 10 ** -decimals, decimals };
}

/** The computed figure, rounded as the rule prints it, equals the printed figure. */
function expectAsPrinted(actual: number | null, text: string, percent: boolean, key: string): void {
  expect(actual, key).not.toBeNull();
  const { value, halfUnit, decimals } = printed(text, percent);
  if (TRUNCATED_IN_SOURCE.has(key)) {
    expect(Math.trunc(actual! * 10 ** decimals) / 10 ** decimals, key).toBeCloseTo(value, 12);
    return;
  }
  expect(Math.abs(actual! - value), `${key}: ${actual} printed as ${text}`).toBeLessThanOrEqual(halfUnit + 1e-12);
}

function expectTable(
  kind: "scoring" | "selection",
  table: string,
  rows: readonly ImpactRow[],
  expected: readonly Printed[],
) {
  expect(rows.map((row) => [row.id, row.label, row.applicants])).toEqual(
    expected.map(([id, label, n]) => [id, label, n]),
  );
  rows.forEach((row, index) => {
    const [id, , , count, rate, ratio] = expected[index]!;
    const result = row[kind];
    expect(result.count, `${kind}:${table}:${id}:count`).toBe(count);
    expectAsPrinted(result.rate, rate, true, `${kind}:${table}:${id}:rate`);
    expectAsPrinted(result.impactRatio, ratio, false, `${kind}:${table}:${id}:ratio`);
  });
}

/** Per-applicant rows that give the intersectional counts, plus `unknown` rows of unknown category. */
function applicantsFrom(intersectional: readonly Printed[], kind: "scoring" | "selection", unknown: number) {
  const rows: ApplicantOutcome[] = [];
  for (const [id, , applicants, count] of intersectional) {
    const [sex, raceEthnicity] = id.split("+") as [SexCategory, RaceEthnicityCategory];
    for (let i = 0; i < applicants; i++) {
      const counted = i < count;
      // Scoring: 80 above the median, 20 below; the split is exactly half, so the median is 50.
      rows.push({
        sex,
        raceEthnicity,
        score: kind === "scoring" && counted ? 80 : 20,
        selected: kind === "selection" && counted,
      });
    }
  }
  // Unknown sex, unknown race/ethnicity, or both, in turn.
  for (let i = 0; i < unknown; i++) {
    const sex = i % 3 === 2 ? "female" : null;
    const raceEthnicity = i % 3 === 1 ? "asian" : null;
    rows.push({ sex, raceEthnicity, score: 99, selected: true });
  }
  return rows;
}

describe("DCWP selection example, 6 RCNY § 5-301(b)", () => {
  it("reproduces the sex, race/ethnicity and intersectional tables from the printed counts", () => {
    const tableOf = (rows: readonly Printed[]) =>
      impactTable(
        rows.map(([id, label, applicants, selected]) => ({ id, label, applicants, aboveMedian: 0, selected })),
      ).rows;
    expectTable("selection", "sex", tableOf(SELECTION_SEX), SELECTION_SEX);
    expectTable("selection", "raceEthnicity", tableOf(SELECTION_RACE), SELECTION_RACE);
    expectTable("selection", "intersectional", tableOf(SELECTION_INTERSECTIONAL), SELECTION_INTERSECTIONAL);
  });

  it("reproduces them from per-applicant rows, with the 250 unknowns left out and counted", () => {
    const report = computeImpact(applicantsFrom(SELECTION_INTERSECTIONAL, "selection", SELECTION_UNKNOWN));
    expect(report.applicantsAssessed).toBe(2571 + 250);
    expect(report.applicantsIncluded).toBe(2571);
    expect(report.unknown.total).toBe(250);
    expectTable("selection", "sex", report.tables.sex.rows, SELECTION_SEX);
    expectTable("selection", "intersectional", report.tables.intersectional.rows, SELECTION_INTERSECTIONAL);
    // The rule's race table has 408 Hispanic or Latino applicants (204 selected) where its own
    // intersectional rows add up to 205 + 190 = 395 (172 selected): a flaw of the example. The
    // other six rows are the male + female sums and come out as printed.
    const race = report.tables.raceEthnicity.rows;
    expect(race[0]).toMatchObject({ id: "hispanic_or_latino", applicants: 395, selection: { count: 172 } });
    expectTable("selection", "raceEthnicity", race.slice(1), SELECTION_RACE.slice(1));
  });

  it("flags Non-Hispanic Female Native American or Alaska Native (0.789) under four-fifths, and only it", () => {
    const report = computeImpact(applicantsFrom(SELECTION_INTERSECTIONAL, "selection", SELECTION_UNKNOWN));
    const flagged = report.tables.intersectional.rows.filter((row) => row.selection.belowFourFifths);
    expect(flagged.map((row) => row.id)).toEqual(["female+native_american_or_alaska_native"]);
    // 7 of 17 against 215 of 412: not significant, so the flag carries the small-sample warning.
    const check = flagged[0]!.selection.smallSample!;
    expect(check).toMatchObject({
      significant: false,
      category: { count: 7, applicants: 17 },
      highest: { id: "male+white", count: 215, applicants: 412 },
    });
    expect(check.pValue).toBeGreaterThan(0.3);
    expect(check.warning).toMatch(/7 of 17 against 215 of 412/);
    expect(report.tables.sex.rows.some((row) => row.selection.belowFourFifths)).toBe(false);
    expect(report.tables.raceEthnicity.rows.some((row) => row.selection.belowFourFifths)).toBe(false);
  });

  it("marks the categories under 2 % as excludable, yet gives them ratios (the rule's example excludes none)", () => {
    const race = impactTable(
      SELECTION_RACE.map(([id, label, applicants, selected]) => ({ id, label, applicants, aboveMedian: 0, selected })),
    );
    // Native American or Alaska Native: 41 of 2,584 = 1.6 %.
    expect(race.rows.filter((row) => row.excludable).map((row) => row.id)).toEqual([
      "native_american_or_alaska_native",
    ]);
    expect(race.rows[5]!.selection.impactRatio).toBeCloseTo(0.849, 3);
    const report = computeImpact(applicantsFrom(SELECTION_INTERSECTIONAL, "selection", 0));
    // 24/2571 = 0.93 %, 32/2571 = 1.24 %, 17/2571 = 0.66 %.
    expect(report.tables.intersectional.rows.filter((row) => row.excludable).map((row) => row.id)).toEqual([
      "male+native_american_or_alaska_native",
      "female+native_hawaiian_or_pacific_islander",
      "female+native_american_or_alaska_native",
    ]);
  });
});

describe("DCWP scoring example (culture fit), 6 RCNY § 5-301(d)", () => {
  const report = computeImpact(applicantsFrom(SCORING_INTERSECTIONAL, "scoring", SCORING_UNKNOWN));

  it("reproduces all three tables from per-applicant scores, with the 15 unknowns left out and counted", () => {
    expect(report.applicantsIncluded).toBe(168);
    expect(report.unknown.total).toBe(15);
    expect(report.medianScore).toBe(50);
    expectTable("scoring", "sex", report.tables.sex.rows, SCORING_SEX);
    expectTable("scoring", "raceEthnicity", report.tables.raceEthnicity.rows, SCORING_RACE);
    expectTable("scoring", "intersectional", report.tables.intersectional.rows, SCORING_INTERSECTIONAL);
  });

  it("takes the highest category per table: Male, Hispanic or Latino, and the first of two at 75 %", () => {
    const highest = (table: TableName) =>
      report.tables[table].rows.filter((row) => row.scoring.highest).map((row) => row.id);
    expect(highest("sex")).toEqual(["male"]);
    expect(highest("raceEthnicity")).toEqual(["hispanic_or_latino"]);
    // Hispanic or Latino Male and Non-Hispanic Male Native Hawaiian or Pacific Islander both
    // score 75 %; both print 1.00, the first in table order is the reference.
    expect(highest("intersectional")).toEqual(["male+hispanic_or_latino"]);
    expect(report.tables.intersectional.rows[4]!.scoring.impactRatio).toBe(1);
  });

  it("flags every ratio under 0.8, each with Fisher's p-value and counts", () => {
    const flagged = (table: TableName) =>
      report.tables[table].rows.filter((row) => row.scoring.belowFourFifths).map((row) => row.id);
    expect(flagged("sex")).toEqual([]);
    expect(flagged("raceEthnicity")).toEqual(["white", "black_or_african_american", "asian", "two_or_more_races"]);
    expect(flagged("intersectional")).toHaveLength(10);
    // 15 of 40 against 18 of 28: p = 0.04793 (exact, by fractions), the one significant difference in the race table.
    const white = report.tables.raceEthnicity.rows[1]!.scoring.smallSample!;
    expect(white.pValue).toBeCloseTo(0.047934, 6);
    expect(white).toMatchObject({ significant: true, warning: null });
    const asian = report.tables.raceEthnicity.rows[4]!.scoring.smallSample!;
    expect(asian).toMatchObject({ significant: false, category: { count: 10, applicants: 24 } });
    expect(asian.warning).toMatch(/not statistically significant/);
  });
});

// Every example of the JSON compiled beside the repo, when it is there.
const examplesFile = resolve(import.meta.dirname, "../../../shared/fairness/ll144-examples.json");
const examplesPresent = existsSync(examplesFile);
if (!examplesPresent) console.warn(`dcwp-examples: JSON check skipped, no file at ${examplesFile}`);

interface JsonRow {
  category: string;
  applicants: number;
  selected?: number;
  above_median_derived?: number;
  selection_rate_as_printed?: string;
  scoring_rate_as_printed?: string;
  impact_ratio_as_printed: string;
}
type JsonTables = Record<"sex" | "race_ethnicity" | "intersectional", JsonRow[]> & { unknown_category_count: number };

describe.skipIf(!examplesPresent)("every example in ../shared/fairness/ll144-examples.json", () => {
  const json = examplesPresent
    ? (JSON.parse(readFileSync(examplesFile, "utf8")) as { selection: JsonTables; scoring: JsonTables })
    : null;
  const tables: Array<[TableName, "sex" | "race_ethnicity" | "intersectional"]> = [
    ["sex", "sex"],
    ["raceEthnicity", "race_ethnicity"],
    ["intersectional", "intersectional"],
  ];

  it.each(["selection", "scoring"] as const)("%s: every row, from its counts, as printed", (kind) => {
    const example = json![kind];
    const ours = report(kind === "scoring" ? SCORING_INTERSECTIONAL : SELECTION_INTERSECTIONAL, kind, 0);
    let checked = 0;
    for (const [table, key] of tables) {
      const rows = example[key];
      const computed = impactTable(
        rows.map((row) => ({
          id: row.category,
          label: row.category,
          applicants: row.applicants,
          aboveMedian: row.above_median_derived ?? 0,
          selected: row.selected ?? 0,
        })),
      ).rows;
      rows.forEach((row, index) => {
        const rate = kind === "selection" ? row.selection_rate_as_printed! : row.scoring_rate_as_printed!;
        const ourKey = `${kind}:${table}:${ours.tables[table].rows[index]!.id}:rate`;
        const result = computed[index]![kind];
        expectAsPrinted(result.rate, rate.endsWith("%") ? rate : `${rate}%`, true, ourKey);
        expectAsPrinted(
          result.impactRatio,
          row.impact_ratio_as_printed,
          false,
          `${kind}:${table}:${row.category}:ratio`,
        );
        checked++;
      });
      // Our labels are the rule's: the JSON names categories as our tables do.
      expect(ours.tables[table].rows.map((row) => row.label)).toEqual(rows.map((row) => row.category));
    }
    expect(checked).toBe(2 + 7 + 14);
  });

  it.each(["selection", "scoring"] as const)("%s: the unknowns are counted as the note says", (kind) => {
    const example = json![kind];
    const intersectional = kind === "selection" ? SELECTION_INTERSECTIONAL : SCORING_INTERSECTIONAL;
    expect(report(intersectional, kind, example.unknown_category_count).unknown.total).toBe(
      example.unknown_category_count,
    );
  });
});

function report(intersectional: readonly Printed[], kind: "scoring" | "selection", unknown: number): ImpactReport {
  return computeImpact(applicantsFrom(intersectional, kind, unknown));
}
