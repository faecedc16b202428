// The CSV file of an export, written by csv-stringify as a stream (one chunk of rows at a time).
// - UTF-8 with a byte-order mark so Excel reads accents right; CRLF line ends (RFC 4180).
// - Spreadsheet formula injection (OWASP "CSV Injection"): csv-stringify's `escape_formulas`
//   prefixes a text cell that starts with =, +, -, @, tab or carriage return (and their
//   full-width forms) with a single quote. Numbers are passed as numbers, so a negative number
//   stays a number and is not quoted.
import { pipeline, Readable } from "node:stream";
import { stringify, type ColumnOption } from "csv-stringify";
import { AREAS } from "../taxonomy/areas.ts";
import type { ExportRow } from "./export-rows.ts";

type Cell = string | number | null;

interface CsvColumn {
  header: string;
  value: (row: ExportRow) => Cell;
}

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? "yes" : "no");
const list = (items: string[]): string | null => (items.length ? items.join("; ") : null);

/**
 * Every column of the CSV, in order. People's words first (stage, status, degree and background as
 * labels); the codes follow in the last columns. Area columns carry the area's name (server/taxonomy/areas.ts).
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: "Application ID", value: (row) => row.applicationId },
  { header: "Candidate", value: (row) => row.candidate },
  { header: "Identity hidden (blind review)", value: (row) => yesNo(row.identityHidden) },
  { header: "Name", value: (row) => row.name },
  { header: "Email", value: (row) => row.email },
  { header: "Stage", value: (row) => row.stageLabel },
  { header: "Stage decided by", value: (row) => row.stageDecidedBy },
  { header: "Stage decided at", value: (row) => row.stageDecidedAt },
  { header: "Processing status", value: (row) => row.processingStatusLabel },
  { header: "Failure code", value: (row) => row.failureCode },
  { header: "Failure reason", value: (row) => row.failureReason },
  { header: "Overall score", value: (row) => row.overallScore },
  { header: "Production engineering score", value: (row) => row.productionScore },
  { header: "ML depth score", value: (row) => row.mlScore },
  { header: "Production engineering band", value: (row) => row.productionBand },
  { header: "ML depth band", value: (row) => row.mlBand },
  ...AREAS.map((area) => ({
    header: area.name,
    value: (row: ExportRow) => row.areaScores[area.id],
  })),
  { header: "Gaps", value: (row) => list(row.gaps.map((gap) => gap.guideLabel)) },
  { header: "Background", value: (row) => row.background?.label ?? null },
  { header: "Background's typical gap", value: (row) => row.background?.typicalGap ?? null },
  { header: "Must-haves missing", value: (row) => list(row.missingMustHaves.map((skill) => skill.name)) },
  { header: "Meets minimum years", value: (row) => yesNo(row.meetsMinYears) },
  { header: "Years of experience", value: (row) => row.yearsExperience },
  { header: "Highest degree", value: (row) => row.highestDegreeLabel },
  { header: "Weights version", value: (row) => row.weightsVersion },
  // The codes behind the labels above, for scripts and spreadsheets that filter on them.
  { header: "Stage code", value: (row) => row.stage },
  { header: "Processing status code", value: (row) => row.processingStatus },
  { header: "Highest degree code", value: (row) => row.highestDegree },
  { header: "Background code", value: (row) => row.background?.id ?? null },
];

export const CSV_HEADERS: readonly string[] = CSV_COLUMNS.map((column) => column.header);

/** One record, as an array in CSV_COLUMNS order. */
export function csvRecord(row: ExportRow): Cell[] {
  return CSV_COLUMNS.map((column) => column.value(row));
}

async function* records(chunks: AsyncIterable<ExportRow[]>): AsyncGenerator<Cell[]> {
  for await (const chunk of chunks) for (const row of chunk) yield csvRecord(row);
}

/** The CSV bytes of the rows, streamed: memory holds one chunk of rows, whatever the count. */
export function csvStream(chunks: AsyncIterable<ExportRow[]>): Readable {
  const columns: ColumnOption[] = CSV_HEADERS.map((header, index) => ({ key: String(index), header }));
  const stringifier = stringify({
    bom: true,
    header: true,
    columns,
    record_delimiter: "\r\n",
    escape_formulas: true,
  });
  // pipeline() tears both down together: an error in the rows fails the file, and a download
  // cancelled by the client stops reading rows. (Errors surface on the returned stream.)
  return pipeline(Readable.from(records(chunks)), stringifier, () => {});
}
