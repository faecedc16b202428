import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { computeImpact, type ApplicantOutcome } from "./compute-impact.ts";
import { summaryCsv } from "./summary-csv.ts";
import { summariseResults } from "./summary-of-results.ts";

const rows: ApplicantOutcome[] = [
  { sex: "male", raceEthnicity: "white", score: 90, selected: true },
  { sex: "male", raceEthnicity: "asian", score: 40, selected: false },
  { sex: "female", raceEthnicity: "white", score: 70, selected: true },
  { sex: "female", raceEthnicity: "black_or_african_american", score: 60, selected: false },
  { sex: "female", raceEthnicity: "asian", score: 30, selected: true },
  { sex: null, raceEthnicity: "asian", score: 99, selected: true },
];
const facts = {
  auditDate: "2026-12-06",
  dataFrom: "2026-01-01",
  dataTo: "2026-11-30",
  dataSource: "Historical data: applications to the ML Engineer requisitions of this employer.",
};

describe("summariseResults (§ 5-303)", () => {
  it("carries the audit date, date range, unknowns and, per category, applicants, rates and ratios", () => {
    const summary = summariseResults(computeImpact(rows), facts);
    expect(summary).toMatchObject({
      auditDate: "2026-12-06",
      dataDateRange: { from: "2026-01-01", to: "2026-11-30" },
      distributionDate: null,
      applicantsAssessed: 6,
      unknownCategory: 1,
      medianScore: 60,
    });
    expect(summary.rows).toHaveLength(2 + 7 + 14);
    expect(summary.rows[0]).toEqual({
      table: "Sex",
      category: "Male",
      applicants: 2,
      selected: 1,
      selectionRate: 0.5,
      selectionImpactRatio: 0.75,
      scoredAboveMedian: 1,
      scoringRate: 0.5,
      scoringImpactRatio: 1,
      under2Percent: false,
      excludedFromImpactRatios: false,
      exclusionJustification: null,
    });
    // 2 of 3 rounds to 0.6667 (rate) and 1 of 3 ÷ 1 of 2 to 0.667 (ratio).
    expect(summary.rows[1]).toMatchObject({ category: "Female", selectionRate: 0.6667, scoringRate: 0.3333 });
    expect(summary.rows[1]!.scoringImpactRatio).toBe(0.667);
  });

  it("requires the justification when categories were excluded, and prints it on their rows", () => {
    const many: ApplicantOutcome[] = Array.from({ length: 60 }, (_, i) => ({
      sex: "female",
      raceEthnicity: i === 0 ? "two_or_more_races" : "white",
      score: i,
      selected: i % 2 === 0,
    }));
    const report = computeImpact(many, { excludeSmallCategories: true });
    expect(() => summariseResults(report, facts)).toThrow(AppError);
    const summary = summariseResults(report, { ...facts, exclusionJustification: "Under 2 % of the data." });
    const excluded = summary.rows.filter((row) => row.excludedFromImpactRatios);
    expect(excluded.map((row) => row.category)).toEqual([
      "Two or More Races (Not Hispanic or Latino)",
      "Non-Hispanic Female Two or More Races",
    ]);
    expect(excluded[0]).toMatchObject({ applicants: 1, selectionRate: 1, selectionImpactRatio: null });
    expect(excluded[0]!.exclusionJustification).toBe("Under 2 % of the data.");
  });

  it("refuses malformed facts with field issues", () => {
    try {
      summariseResults(computeImpact(rows), { ...facts, auditDate: "06/12/2026", dataTo: "2025-01-01" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues.map((issue) => issue.path).sort()).toEqual(["auditDate", "dataTo"]);
    }
  });
});

describe("summaryCsv", () => {
  it("writes the facts, a blank line and one line per category, with a BOM and CRLF", () => {
    const csv = summaryCsv(summariseResults(computeImpact(rows), facts));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    expect(records[0]).toEqual(["Date of the bias audit", "2026-12-06"]);
    expect(records[6]).toEqual(["Individuals in an unknown category (not included in the calculations)", "1"]);
    const header = records.findIndex((record) => record[0] === "Table");
    expect(records[header]!.slice(0, 3)).toEqual(["Table", "Category", "Number of applicants"]);
    expect(records[header + 1]).toEqual(["Sex", "Male", "2", "1", "0.5", "0.75", "1", "0.5", "1", "no", "no", ""]);
    expect(records.length - header - 1).toBe(23);
  });

  it("cannot carry a spreadsheet formula in from the free text", () => {
    const csv = summaryCsv(summariseResults(computeImpact(rows), { ...facts, dataSource: '=HYPERLINK("x")' }));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
