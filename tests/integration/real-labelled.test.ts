// The labelled real development set: real résumés from ../shared/corpus, labelled by reading
// them (tests/fixtures/real-labelled), screened exactly as an upload is. Prints per-field
// accuracy, band agreement of the dimension scores, AUCs and the misses, and fails below the
// targets of the real-résumé issue. Skips cleanly when ../shared is not beside the repository.
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

const TARGETS: Record<Field, number> = {
  name: 0.97,
  email: 0.97,
  phone: 0.97,
  degree: 0.95,
  years: 0.92,
  background: 0.85,
};
const BAND_TARGET = 0.85;

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
        return {
          field,
          right: `${right}/${total}`,
          accuracy: `${((100 * right) / total).toFixed(1)}%`,
          target: `${TARGETS[field] * 100}%`,
        };
      }),
    );
    const { production, ml, total } = report.bands;
    console.info(
      `Band agreement: production ${production}/${total}, ml ${ml}/${total}, both ${(((production + ml) / (2 * total)) * 100).toFixed(1)}%` +
        ` | AUC ml (data science vs rest) ${report.mlAuc.toFixed(3)}, production (software vs other) ${report.productionAuc.toFixed(3)}` +
        ` | data-science overall median ${report.dataScienceOverallMedian}`,
    );
    if (report.misses.length > 0) console.info(`Misses:\n  ${report.misses.join("\n  ")}`);
  }, 120_000);

  it("holds at least 80 real résumés of software, data, ML and unrelated roles", () => {
    expect(screened.length).toBeGreaterThanOrEqual(80);
    const backgrounds = new Set(screened.map((item) => item.label.background));
    for (const kind of ["software_engineer", "data_scientist", "ml_engineer", "other"])
      expect(backgrounds).toContain(kind);
  });

  it("reads every labelled file", () => {
    expect(screened.filter((item) => !item.result.ok).map((item) => item.label.path)).toEqual([]);
  });

  it.each(FIELDS)("reads %s at the target accuracy", (field) => {
    const { right, total } = report.fields[field];
    expect(right / total).toBeGreaterThanOrEqual(TARGETS[field]);
  });

  it("never reads a PhD that is not there", () => {
    expect(report.falsePhd).toEqual([]);
  });

  it("puts the dimension scores inside the band of their expert level", () => {
    const { production, ml, total } = report.bands;
    expect((production + ml) / (2 * total)).toBeGreaterThanOrEqual(BAND_TARGET);
  });

  it("separates data science by the ML score and software by the production score", () => {
    expect(report.mlAuc).toBeGreaterThanOrEqual(0.95);
    expect(report.productionAuc).toBeGreaterThanOrEqual(0.93);
  });

  it("scores data-science résumés overall ≥ 25 typically, and no unrelated résumé above 20", () => {
    expect(report.dataScienceOverallMedian).toBeGreaterThanOrEqual(25);
    expect(report.unrelatedAbove20).toEqual([]);
  });

  it("ranks the ML-engineer résumé 01 above the backend-only templates (balanced preset)", () => {
    const overall = (prefix: string) =>
      screened.find((item) => item.label.path.startsWith(`public/${prefix}`))?.result.scores?.overall ?? -1;
    const harvey = overall("01_");
    const backendOnly = screened.filter(
      (item) =>
        /^public\/(0\d|1\d|2\d)_/.test(item.label.path) &&
        item.label.background === "software_engineer" &&
        item.label.ml <= 1,
    );
    expect(backendOnly.length).toBeGreaterThan(0);
    for (const item of backendOnly) expect(harvey, item.label.path).toBeGreaterThan(item.result.scores?.overall ?? 0);
  });
});
