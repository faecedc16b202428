// The labelled real development set: real résumés from ../shared/corpus, labelled by reading
// them (tests/fixtures/real-labelled), screened exactly as an upload is. Prints per-field
// accuracy, band agreement of the dimension scores, AUCs and the misses, and fails below the
// bounds. Skips cleanly when ../shared is not beside the repository.
//
// Each bound is the real-résumé issue's target where the code meets it. Where it does not yet,
// the bound is the FLOOR measured on 2026-12-07 (a regression guard, printed as "below target")
// and the target is stated next to it: raise the floor as the reading improves.
import { beforeAll, describe, expect, it } from "vitest";
import {
  corpusPresent,
  FIELDS,
  readRealLabels,
  reportRealSet,
  screenLabelled,
  type Field,
  type RealSetReport,
  type Screened,
} from "../support/real-labelled.ts";

interface Bound {
  /** The target. */
  target: number;
  /** What the test requires: the target, or the measured floor while the target is not met. */
  required: number;
}
const met = (target: number): Bound => ({ target, required: target });
const floor = (target: number, measured: number): Bound => ({ target, required: measured });

const FIELD_BOUNDS: Record<Field, Bound> = {
  name: met(0.97),
  email: met(0.97),
  phone: met(0.97),
  degree: met(0.95),
  years: met(0.92), // ±1.5 years
  background: met(0.85),
};
const BANDS = met(0.85); // 92.0% measured on 965 (SCORING 29, PARSER 3.6.21), 91.9% on 905, 92.1% on 845, 91.8% on 785, 91.6% on 725, 91.3% on 665, 91.1% on 605 (SCORING 26); 89.5% on 485 and 425 (SCORING 25), 88.9% on 365, 89.0% on 305
// By role: data-science roles vs the rest, software vs unrelated. On this set the experts' own
// levels reach only 0.91 on the data-science split (reporting-only data analysts and a statistics
// student count as data roles, some software engineers show real ML), so the ML role AUC is a
// floor; by level it meets 0.93+.
// On the public category-labelled set the issue measured (not in ../shared, so not here) the ML
// score separates the Data Science category with 0.975 (docs/scoring.md).
const ML_ROLE_AUC = floor(0.95, 0.89); // 0.912 measured on 965, 0.911 on 905 (SCORING 29), 0.910 on 845, 0.908 on 785, 0.906 on 725, 0.903 on 665, 0.900 on 605 (SCORING 26), 0.891 on 485, 0.888 on 425 (SCORING 25; a BI manager labelled a data scientist at ML 1), 0.903 on 365, 0.895 on 305 (0.886 on 245; the experts' own ML levels: 0.913 on 245)
const PRODUCTION_ROLE_AUC = met(0.93); // 0.977 measured on 965, 0.976 on 905, 0.974 on 845, 0.972 on 785, 0.970 on 725, 0.967 on 665, 0.964 on 605, 0.954 on 485, 0.952 on 425, 0.955 on 365, 0.951 on 305 (0.949 with SCORING 18) (the experts' own levels: 0.958 on 245)
const ML_LEVEL_AUC = met(0.93);
const PRODUCTION_LEVEL_AUC = met(0.93);
// Target 0 (a floor). One scores above 20, with both dimensions "little" and in their band,
// which the overall adds up to above 20 even past its low end's compression (below 25, SCORING
// 24): an RF engineer who was a data analyst for two years (SQL, SAS, SPSS) at 27. An electrical
// engineer whose coursework list (statistics, calculus) read as ML 17.3 is at 18.3 since SCORING
// 26 (courses do not back a skills list; calculus is no linear algebra).
const UNRELATED_ABOVE_20 = 1;

const show = (value: number, bound: Bound) =>
  `${(value * 100).toFixed(1)}% (target ${bound.target * 100}%${value < bound.target ? ", below target" : ""})`;

if (!corpusPresent) console.warn("real-labelled: skipped, no ../shared/corpus beside the repository");

describe.skipIf(!corpusPresent)("labelled real résumés", () => {
  let screened: Screened[] = [];
  let report: RealSetReport;

  beforeAll(async () => {
    const { now, labels } = readRealLabels();
    screened = await screenLabelled(labels, now);
    report = reportRealSet(screened);
    console.info(`Labelled real set: ${report.count} résumés`);
    console.table(
      FIELDS.map((field) => {
        const { right, total } = report.fields[field];
        return { field, right: `${right}/${total}`, accuracy: show(right / total, FIELD_BOUNDS[field]) };
      }),
    );
    const { production, ml, total } = report.bands;
    console.info(
      [
        `Band agreement: production ${production}/${total}, ml ${ml}/${total}, both ${show((production + ml) / (2 * total), BANDS)}`,
        `AUC by role: ml ${report.mlAuc.toFixed(3)}, production ${report.productionAuc.toFixed(3)}`,
        `AUC by level: ml ${report.mlLevelAuc.toFixed(3)}, production ${report.productionLevelAuc.toFixed(3)}`,
        `Data-science overall median ${report.dataScienceOverallMedian}; unrelated above 20: ${report.unrelatedAbove20.join(", ") || "none"}`,
      ].join("\n"),
    );
    if (report.misses.length > 0) console.info(`Misses:\n  ${report.misses.join("\n  ")}`);
  }, 180_000);

  it("holds at least 80 real résumés of software, data, ML and unrelated roles", () => {
    expect(screened.length).toBeGreaterThanOrEqual(80);
    const backgrounds = new Set(screened.map((item) => item.label.background));
    for (const kind of ["software_engineer", "data_scientist", "ml_engineer", "other"])
      expect(backgrounds).toContain(kind);
  });

  it("reads every labelled file", () => {
    expect(screened.filter((item) => !item.result.ok).map((item) => item.label.path)).toEqual([]);
  });

  it.each(FIELDS)("reads %s at its bound", (field) => {
    const { right, total } = report.fields[field];
    expect(right / total).toBeGreaterThanOrEqual(FIELD_BOUNDS[field].required);
  });

  it("never reads a PhD that is not there", () => {
    expect(report.falsePhd).toEqual([]);
  });

  it("puts the dimension scores inside the band of their expert level", () => {
    const { production, ml, total } = report.bands;
    expect((production + ml) / (2 * total)).toBeGreaterThanOrEqual(BANDS.required);
  });

  it("separates data science by the ML score and software by the production score", () => {
    expect(report.mlAuc).toBeGreaterThanOrEqual(ML_ROLE_AUC.required);
    expect(report.productionAuc).toBeGreaterThanOrEqual(PRODUCTION_ROLE_AUC.required);
    expect(report.mlLevelAuc).toBeGreaterThanOrEqual(ML_LEVEL_AUC.required);
    expect(report.productionLevelAuc).toBeGreaterThanOrEqual(PRODUCTION_LEVEL_AUC.required);
  });

  it("scores data-science résumés overall ≥ 25 typically, and unrelated résumés at most 20", () => {
    expect(report.dataScienceOverallMedian).toBeGreaterThanOrEqual(25);
    expect(report.unrelatedAbove20.length).toBeLessThanOrEqual(UNRELATED_ABOVE_20);
  });

  it("ranks the ML-engineer résumé 01 above the backend-only templates (balanced preset)", () => {
    const overall = (prefix: string) =>
      screened.find((item) => item.label.path.startsWith(`public/${prefix}`))?.result.scores?.overall ?? -1;
    const harvey = overall("01_");
    const backendOnly = screened.filter(
      (item) =>
        /^public\/[0-2]\d_/.test(item.label.path) &&
        item.label.background === "software_engineer" &&
        item.label.ml <= 1,
    );
    expect(backendOnly.length).toBeGreaterThan(0);
    for (const item of backendOnly) expect(harvey, item.label.path).toBeGreaterThan(item.result.scores?.overall ?? 0);
  });

  it("gives the same output for the same input", async () => {
    const { now, labels } = readRealLabels();
    const again = await screenLabelled(labels.slice(0, 10), now);
    expect(again.map((item) => item.result)).toEqual(screened.slice(0, 10).map((item) => item.result));
  });
});
