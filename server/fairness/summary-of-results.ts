// The summary of results an employer publishes before using an AEDT (6 RCNY § 5-303(a)(1)):
// the audit date, the source and explanation of the data (here with its date range), the
// number assessed in an unknown category, and per category the number of applicants, the
// selection and scoring rates and the impact ratios; plus, for any category excluded under
// § 5-301(d), the auditor's justification. Pure: a report and its facts in, rows and JSON out.
import { z } from "zod";
import { AppError, issuesFromZod } from "../errors/app-error.ts";
import { TABLE_NAMES, type ImpactReport, type TableName } from "./compute-impact.ts";
import type { RateResult } from "./impact-table.ts";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

export const SummaryFactsSchema = z
  .object({
    /** The date of the bias audit. */
    auditDate: IsoDate,
    /** The first and last dates of the data the audit used. */
    dataFrom: IsoDate,
    dataTo: IsoDate,
    /** § 5-300: the date the employer began using the AEDT (published beside the summary). */
    distributionDate: IsoDate.nullable().default(null),
    /** § 5-303(a)(1): "the source and explanation of the data used". */
    dataSource: z.string().trim().min(1),
    /** § 5-301(d): required when categories under 2 % were excluded from the impact ratios. */
    exclusionJustification: z.string().trim().min(1).nullable().default(null),
  })
  .refine((facts) => facts.dataFrom <= facts.dataTo, { path: ["dataTo"], message: "dataTo is before dataFrom" });
export type SummaryFacts = z.input<typeof SummaryFactsSchema>;

export const TABLE_TITLES: Record<TableName, string> = {
  sex: "Sex",
  raceEthnicity: "Race/Ethnicity",
  intersectional: "Intersectional",
};

export interface SummaryRow {
  table: string;
  category: string;
  applicants: number;
  selected: number;
  selectionRate: number | null;
  selectionImpactRatio: number | null;
  scoredAboveMedian: number;
  scoringRate: number | null;
  scoringImpactRatio: number | null;
  /** Under 2 % of the data (§ 5-301(d)). */
  under2Percent: boolean;
  /** Left out of the impact ratios, with the justification. */
  excludedFromImpactRatios: boolean;
  exclusionJustification: string | null;
}

export interface SummaryOfResults {
  auditDate: string;
  dataDateRange: { from: string; to: string };
  distributionDate: string | null;
  dataSource: string;
  applicantsAssessed: number;
  /** § 5-301(b)(5), (c)(5): assessed but not in the calculations, for an unknown category. */
  unknownCategory: number;
  medianScore: number | null;
  rows: SummaryRow[];
}

/** Rates to 0.01 % and ratios to three decimals, as the rule's tables print them at most. */
const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
const rate = (result: RateResult) => round(result.rate, 4);
const ratio = (result: RateResult) => round(result.impactRatio, 3);

export function summariseResults(report: ImpactReport, facts: SummaryFacts): SummaryOfResults {
  const parsed = SummaryFactsSchema.safeParse(facts);
  if (!parsed.success) {
    throw new AppError("invalid_input", "The summary of results needs valid audit facts.", {
      issues: issuesFromZod(parsed.error.issues),
    });
  }
  const meta = parsed.data;
  const anyExcluded = TABLE_NAMES.some((table) => report.tables[table].rows.some((row) => row.excluded));
  if (anyExcluded && meta.exclusionJustification === null) {
    throw new AppError("invalid_input", "Categories were excluded under § 5-301(d): give the justification.", {
      issues: [{ path: "exclusionJustification", message: "required when categories are excluded" }],
    });
  }
  return {
    auditDate: meta.auditDate,
    dataDateRange: { from: meta.dataFrom, to: meta.dataTo },
    distributionDate: meta.distributionDate,
    dataSource: meta.dataSource,
    applicantsAssessed: report.applicantsAssessed,
    unknownCategory: report.unknown.total,
    medianScore: report.medianScore,
    rows: TABLE_NAMES.flatMap((table) =>
      report.tables[table].rows.map((row) => ({
        table: TABLE_TITLES[table],
        category: row.label,
        applicants: row.applicants,
        selected: row.selection.count,
        selectionRate: rate(row.selection),
        selectionImpactRatio: ratio(row.selection),
        scoredAboveMedian: row.scoring.count,
        scoringRate: rate(row.scoring),
        scoringImpactRatio: ratio(row.scoring),
        under2Percent: row.excludable,
        excludedFromImpactRatios: row.excluded,
        exclusionJustification: row.excluded ? meta.exclusionJustification : null,
      })),
    ),
  };
}
