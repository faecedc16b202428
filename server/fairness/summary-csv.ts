// The summary of results as a CSV file: the audit's facts first (one "name, value" line each),
// a blank line, then one line per category. Written with the options of the candidate export
// (server/exports/csv.ts): UTF-8 with a BOM, CRLF, and csv-stringify's `escape_formulas`, so a
// cell starting with =, +, -, @, tab or CR cannot run as a spreadsheet formula.
import { stringify } from "csv-stringify/sync";
import type { SummaryOfResults, SummaryRow } from "./summary-of-results.ts";

type Cell = string | number | null;

const yesNo = (value: boolean) => (value ? "yes" : "no");

export const SUMMARY_CSV_COLUMNS: ReadonlyArray<{ header: string; value: (row: SummaryRow) => Cell }> = [
  { header: "Table", value: (row) => row.table },
  { header: "Category", value: (row) => row.category },
  { header: "Number of applicants", value: (row) => row.applicants },
  { header: "Number selected", value: (row) => row.selected },
  { header: "Selection rate", value: (row) => row.selectionRate },
  { header: "Selection impact ratio", value: (row) => row.selectionImpactRatio },
  { header: "Number scoring above the median", value: (row) => row.scoredAboveMedian },
  { header: "Scoring rate", value: (row) => row.scoringRate },
  { header: "Scoring impact ratio", value: (row) => row.scoringImpactRatio },
  { header: "Under 2% of the data", value: (row) => yesNo(row.under2Percent) },
  { header: "Excluded from impact ratios", value: (row) => yesNo(row.excludedFromImpactRatios) },
  { header: "Justification for exclusion", value: (row) => row.exclusionJustification },
];

export function summaryCsv(summary: SummaryOfResults): string {
  const facts: Cell[][] = [
    ["Date of the bias audit", summary.auditDate],
    ["Data from", summary.dataDateRange.from],
    ["Data to", summary.dataDateRange.to],
    ["Distribution date of the AEDT", summary.distributionDate],
    ["Source and explanation of the data", summary.dataSource],
    ["Applicants assessed", summary.applicantsAssessed],
    ["Individuals in an unknown category (not included in the calculations)", summary.unknownCategory],
    ["Median score", summary.medianScore],
  ];
  const records: Cell[][] = [
    ...facts,
    [],
    SUMMARY_CSV_COLUMNS.map((column) => column.header),
    ...summary.rows.map((row) => SUMMARY_CSV_COLUMNS.map((column) => column.value(row))),
  ];
  return stringify(records, { bom: true, record_delimiter: "\r\n", escape_formulas: true });
}
