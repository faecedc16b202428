// The bias-audit calculation of 6 RCNY § 5-301(b) and (c) on per-applicant rows: the sample
// median, then for sex, race/ethnicity and their intersections the scoring and selection rates
// and impact ratios (impact-table.ts). Pure: rows in, one report out, in a fixed order.
//
// Unknown categories: an applicant whose sex or race/ethnicity is unknown is left out of every
// calculation, the median included, and counted once in `unknown`, as the rule's examples do
// ("individuals with an unknown sex or race/ethnicity category … not included in the
// calculations above"). All three tables therefore cover the same applicants.
import {
  INTERSECTIONAL_CATEGORIES,
  RACE_ETHNICITY_CATEGORIES,
  RACE_ETHNICITY_LABELS,
  SEX_CATEGORIES,
  SEX_LABELS,
  intersectionalLabel,
  type RaceEthnicityCategory,
  type SexCategory,
} from "./categories.ts";
import { impactTable, type CategoryCounts, type ImpactTable, type ImpactTableOptions } from "./impact-table.ts";
import { median } from "./median.ts";

export interface ApplicantOutcome {
  /** Null when unknown (not given, declined, or outside the EEO-1 categories). */
  sex: SexCategory | null;
  raceEthnicity: RaceEthnicityCategory | null;
  /** The AEDT's score (our overall score). */
  score: number;
  /** Moved forward (e.g. reached Shortlisted). */
  selected: boolean;
}

export type TableName = "sex" | "raceEthnicity" | "intersectional";
export const TABLE_NAMES: readonly TableName[] = ["sex", "raceEthnicity", "intersectional"];

export interface ImpactReport {
  /** Every row given, known or not. */
  applicantsAssessed: number;
  /** Rows with a known sex and race/ethnicity: the sample of every calculation. */
  applicantsIncluded: number;
  unknown: { total: number; sexOnly: number; raceEthnicityOnly: number; both: number };
  /** Median score of the included applicants; scoring rates count scores strictly above it. */
  medianScore: number | null;
  tables: Record<TableName, ImpactTable>;
}

export function computeImpact(rows: readonly ApplicantOutcome[], options: ImpactTableOptions = {}): ImpactReport {
  const included: Array<ApplicantOutcome & { sex: SexCategory; raceEthnicity: RaceEthnicityCategory }> = [];
  const unknown = { total: 0, sexOnly: 0, raceEthnicityOnly: 0, both: 0 };
  for (const row of rows) {
    if (!Number.isFinite(row.score)) throw new RangeError(`score must be a finite number, got ${row.score}`);
    if (row.sex !== null && row.raceEthnicity !== null) {
      included.push({ ...row, sex: row.sex, raceEthnicity: row.raceEthnicity });
      continue;
    }
    unknown.total++;
    if (row.sex === null && row.raceEthnicity === null) unknown.both++;
    else if (row.sex === null) unknown.sexOnly++;
    else unknown.raceEthnicityOnly++;
  }

  const medianScore = median(included.map((row) => row.score));
  const counts = (id: string, label: string, members: (row: (typeof included)[number]) => boolean): CategoryCounts => {
    let applicants = 0;
    let aboveMedian = 0;
    let selected = 0;
    for (const row of included) {
      if (!members(row)) continue;
      applicants++;
      if (medianScore !== null && row.score > medianScore) aboveMedian++;
      if (row.selected) selected++;
    }
    return { id, label, applicants, aboveMedian, selected };
  };

  return {
    applicantsAssessed: rows.length,
    applicantsIncluded: included.length,
    unknown,
    medianScore,
    tables: {
      sex: impactTable(
        SEX_CATEGORIES.map((sex) => counts(sex, SEX_LABELS[sex], (row) => row.sex === sex)),
        options,
      ),
      raceEthnicity: impactTable(
        RACE_ETHNICITY_CATEGORIES.map((race) =>
          counts(race, RACE_ETHNICITY_LABELS[race], (row) => row.raceEthnicity === race),
        ),
        options,
      ),
      intersectional: impactTable(
        INTERSECTIONAL_CATEGORIES.map(({ id, sex, raceEthnicity }) =>
          counts(
            id,
            intersectionalLabel(sex, raceEthnicity),
            (row) => row.sex === sex && row.raceEthnicity === raceEthnicity,
          ),
        ),
        options,
      ),
    },
  };
}
