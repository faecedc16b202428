import { describe, expect, it } from "vitest";
import { computeImpact, type ApplicantOutcome } from "./compute-impact.ts";

const row = (
  sex: ApplicantOutcome["sex"],
  raceEthnicity: ApplicantOutcome["raceEthnicity"],
  score: number,
  selected = false,
): ApplicantOutcome => ({ sex, raceEthnicity, score, selected });

describe("computeImpact", () => {
  it("counts only scores strictly above the median: ties at the median do not count", () => {
    // Median 50; the three 50s are not above it.
    const report = computeImpact([
      row("male", "white", 50),
      row("male", "white", 50),
      row("female", "white", 50),
      row("female", "white", 80),
      row("male", "asian", 20),
    ]);
    expect(report.medianScore).toBe(50);
    const sex = report.tables.sex.rows;
    expect(sex[0]).toMatchObject({ id: "male", applicants: 3, scoring: { count: 0, rate: 0, impactRatio: 0 } });
    expect(sex[1]).toMatchObject({ id: "female", applicants: 2, scoring: { count: 1, rate: 0.5, highest: true } });
  });

  it("leaves applicants with an unknown sex or race/ethnicity out of everything, the median too, and counts them", () => {
    const report = computeImpact([
      row("male", "white", 10),
      row("female", "white", 20),
      row(null, "white", 1000, true),
      row("female", null, 1000, true),
      row(null, null, 1000, true),
    ]);
    expect(report).toMatchObject({
      applicantsAssessed: 5,
      applicantsIncluded: 2,
      unknown: { total: 3, sexOnly: 1, raceEthnicityOnly: 1, both: 1 },
      medianScore: 15,
    });
    expect(report.tables.sex.applicants).toBe(2);
    expect(report.tables.raceEthnicity.rows[1]).toMatchObject({ id: "white", applicants: 2, selection: { count: 0 } });
  });

  it("lists every category in the rule's order, with none for a category without applicants", () => {
    const report = computeImpact([row("female", "asian", 70, true), row("male", "asian", 60)]);
    expect(report.tables.sex.rows.map((r) => r.id)).toEqual(["male", "female"]);
    expect(report.tables.raceEthnicity.rows.map((r) => r.id)).toEqual([
      "hispanic_or_latino",
      "white",
      "black_or_african_american",
      "native_hawaiian_or_pacific_islander",
      "asian",
      "native_american_or_alaska_native",
      "two_or_more_races",
    ]);
    expect(report.tables.intersectional.rows.map((r) => r.id).slice(0, 3)).toEqual([
      "male+hispanic_or_latino",
      "female+hispanic_or_latino",
      "male+white",
    ]);
    expect(report.tables.intersectional.rows).toHaveLength(14);
    const white = report.tables.raceEthnicity.rows[1]!;
    expect(white).toMatchObject({
      applicants: 0,
      shareOfData: 0,
      scoring: { rate: null, impactRatio: null, belowFourFifths: false, smallSample: null },
      selection: { rate: null, impactRatio: null },
    });
  });

  it("gives no impact ratios when every score is equal (nobody above the median: 0/0)", () => {
    const report = computeImpact([row("male", "white", 7), row("female", "white", 7), row("female", "asian", 7, true)]);
    expect(report.medianScore).toBe(7);
    for (const r of report.tables.sex.rows) {
      expect(r.scoring).toMatchObject({ rate: 0, impactRatio: null, highest: false, belowFourFifths: false });
    }
    // Selection still has a highest category.
    expect(report.tables.sex.rows[1]!.selection).toMatchObject({ rate: 0.5, impactRatio: 1, highest: true });
    expect(report.tables.sex.rows[0]!.selection).toMatchObject({ rate: 0, impactRatio: 0, belowFourFifths: true });
  });

  it("handles an empty sample", () => {
    const report = computeImpact([]);
    expect(report).toMatchObject({ applicantsAssessed: 0, applicantsIncluded: 0, medianScore: null });
    expect(report.tables.sex.rows[0]).toMatchObject({ applicants: 0, shareOfData: null, excludable: false });
  });

  it("is deterministic: the order of the rows does not change the report", () => {
    const rows = [
      row("male", "white", 90, true),
      row("female", "black_or_african_american", 40),
      row("female", "white", 70, true),
      row("male", "hispanic_or_latino", 10),
      row(null, "asian", 55),
    ];
    expect(computeImpact([...rows].reverse())).toEqual(computeImpact(rows));
  });

  it("refuses a score that is not a number", () => {
    expect(() => computeImpact([row("male", "white", Number.NaN)])).toThrow(RangeError);
  });
});
