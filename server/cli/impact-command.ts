// npm run -s screen -- impact [--exclude-small-categories] FILE.csv
// The bias-audit tables of 6 RCNY § 5-301 for a CSV of outcomes (server/fairness), printed as
// one JSON object, so the arithmetic can be checked on exports from anywhere. Exit codes: 0
// printed, 2 usage error, 3 the file has invalid rows (each named on stderr with its line).
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { computeImpact } from "../fairness/compute-impact.ts";
import { readOutcomesCsv } from "../fairness/read-outcomes-csv.ts";

export const IMPACT_USAGE = `Usage: npm run -s screen -- impact [options] FILE.csv

Computes the bias-audit tables of NYC Local Law 144 (6 RCNY § 5-301) for a CSV file with the
columns sex, race_ethnicity, score and selected (one applicant per line; other columns are
ignored) and prints them as one JSON object: the sample median, the unknowns, and for sex,
race/ethnicity and their intersections the applicants, scoring and selection rates, impact
ratios, the four-fifths flag and Fisher's exact test (docs/fairness.md).

Blank, "unknown" or declined answers count as unknown categories; values that cannot be read
are reported with their line number.

Options:
  --exclude-small-categories  leave categories under 2% of the data out of the impact ratios
                              (§ 5-301(d); their applicants and rates are still printed)
  -h, --help                  show this help

Exit status: 0 printed, 2 usage error, 3 invalid rows (listed on stderr).`;

/** Runs the subcommand on its arguments (after "impact"); returns the exit code. */
export async function runImpactCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "exclude-small-categories": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${IMPACT_USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) return usage("no file given");
  if (parsed.positionals.length > 1) return usage("give exactly one CSV file");
  const file = parsed.positionals[0]!;
  const info = await stat(file).catch(() => null);
  if (!info) return usage(`file not found: ${file}`);
  if (!info.isFile()) return usage(`not a regular file: ${file}`);

  const read = readOutcomesCsv(await readFile(file, "utf8"));
  if (!read.ok) {
    for (const problem of read.problems) {
      process.stderr.write(`${file}${problem.line === null ? "" : `:${problem.line}`}: ${problem.message}\n`);
    }
    process.stderr.write(`screen impact: ${read.problems.length} invalid line(s); nothing computed\n`);
    return 3;
  }
  const report = computeImpact(read.rows, {
    excludeSmallCategories: parsed.values["exclude-small-categories"] ?? false,
  });
  process.stdout.write(`${JSON.stringify({ file, ...report }, null, 2)}\n`);
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`screen impact: ${message}\n\n${IMPACT_USAGE}\n`);
  return 2;
}
