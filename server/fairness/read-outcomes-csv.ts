// Reads the CLI's input: a CSV with `sex`, `race_ethnicity`, `score` and `selected` columns
// (any order, other columns ignored, header names case-insensitive) into applicant outcomes, or
// into a list of problems that each name their line. A blank or "unknown" answer (or one
// outside the EEO-1 categories, such as non-binary) is an unknown category; an answer that
// cannot be read at all is an error, so a typo never silently shrinks the sample.
import type { ApplicantOutcome } from "./compute-impact.ts";
import { parseRaceEthnicity, parseSex } from "./parse-category.ts";
import { CsvSyntaxError, readCsv } from "./read-csv.ts";

export const OUTCOME_COLUMNS = ["sex", "race_ethnicity", "score", "selected"] as const;
type Column = (typeof OUTCOME_COLUMNS)[number];

export interface CsvProblem {
  /** 1-based line; null for a problem with the whole file. */
  line: number | null;
  message: string;
}

export type ReadOutcomes = { ok: true; rows: ApplicantOutcome[] } | { ok: false; problems: CsvProblem[] };

const SELECTED: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  "1": true,
  t: true,
  false: false,
  no: false,
  n: false,
  "0": false,
  f: false,
};

/** "race_ethnicity", "Race/Ethnicity", "race ethnicity", "raceEthnicity" all name the same column. */
const headerKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, "");

export function readOutcomesCsv(text: string): ReadOutcomes {
  let records;
  try {
    records = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problems: [{ line: error.line, message: error.message }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [{ line: null, message: "the file is empty (expected a header line)" }] };
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of OUTCOME_COLUMNS) {
    const at = header.fields.findIndex((name) => headerKey(name) === headerKey(column));
    if (at === -1) missing.push(column);
    index[column] = at;
  }
  if (missing.length) {
    return {
      ok: false,
      problems: [
        {
          line: header.line,
          message: `missing column(s) ${missing.join(", ")} (expected ${OUTCOME_COLUMNS.join(", ")})`,
        },
      ],
    };
  }

  const rows: ApplicantOutcome[] = [];
  const problems: CsvProblem[] = [];
  for (const record of body) {
    const cell = (column: Column) => record.fields[index[column]];
    const rowProblems: string[] = [];
    if (record.fields.length !== header.fields.length) {
      rowProblems.push(`${record.fields.length} fields where the header has ${header.fields.length}`);
    }
    const sexText = cell("sex") ?? "";
    const raceText = cell("race_ethnicity") ?? "";
    const scoreText = (cell("score") ?? "").trim();
    const selectedText = (cell("selected") ?? "").trim().toLowerCase();
    const sex = parseSex(sexText);
    const raceEthnicity = parseRaceEthnicity(raceText);
    const score = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(scoreText) ? Number(scoreText) : null;
    const selected = SELECTED[selectedText];
    if (sex === null) rowProblems.push(`sex "${sexText.trim()}" is not a category (Male, Female, or blank/unknown)`);
    if (raceEthnicity === null) rowProblems.push(`race_ethnicity "${raceText.trim()}" is not an EEO-1 category`);
    if (score === null) rowProblems.push(`score "${scoreText}" is not a number`);
    if (selected === undefined) rowProblems.push(`selected "${selectedText}" is not true/false, yes/no or 1/0`);
    if (rowProblems.length) {
      problems.push({ line: record.line, message: rowProblems.join("; ") });
      continue;
    }
    rows.push({
      sex: sex === "unknown" ? null : sex,
      raceEthnicity: raceEthnicity === "unknown" ? null : raceEthnicity,
      score: score!,
      selected: selected!,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
