// npm run -s screen -- score [--now YYYY-MM-DD] [--requisition FILE.json] [--isolate] FILE...
// npm run -s screen -- jd FILE   (a job posting → a draft of requisition weights, one JSON object)
// Screens résumé files without PostgreSQL or Redis and prints one JSON object per file, one per
// line, in input order. stdout carries only those lines; messages go to stderr.
// Exit codes: 0 every file was processed (some may have failed to parse), 2 usage error,
// 1 unexpected internal error (and, for jd, a posting that cannot be read).
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigSchema, ocrLimitsOf } from "../config.ts";
import { draftFromPostingFile } from "./draft-from-posting-file.ts";
import { extractionErrors } from "../extraction/errors.ts";
import { closeOcrEngine } from "../extraction/ocr-engine.ts";
import type { ExtractionLimits } from "../extraction/extract-text.ts";
import { screenResumeIsolated } from "../screening/run-isolated.ts";
import { DEFAULT_WEIGHTS, RequisitionWeightsSchema, type RequisitionWeights } from "../ranking/weights-schema.ts";
import { failedScreening, screenResume } from "../screening/screen-resume.ts";
import { SCREENING_RESULT_KEYS, type ScreeningResult } from "../contract/screening-result.ts";
import { runImpactCommand } from "./impact-command.ts";

const USAGE = `Usage: npm run -s screen -- score [options] FILE...
       npm run -s screen -- jd FILE

score: screens résumé files (PDF, DOCX, plain text; scans and photos as PDF, PNG or JPEG, read by
       OCR) and prints one JSON object per file, one per line.
jd:    reads a job posting (PDF, DOCX, plain text, Markdown) and prints one JSON object, a draft of
       requisition weights with the span of the posting behind each suggestion:
       {"weights", "evidence", "unscored", "warnings"} (docs/job-descriptions.md). "weights" is the
       --requisition format. Exit status 1 with a message when the posting cannot be read.

Options:
  --now YYYY-MM-DD         reference date for "Present" in experience (default: today)
  --requisition FILE.json  requisition weights to rank against (format: docs/scoring.md)
  --isolate                read each file in a worker thread with a memory cap and a hard
                           time limit (safer for untrusted files; the thread starts once,
                           then each file costs about what it costs in process)
  -h, --help               show this help

Limits come from MAX_UPLOAD_BYTES, MAX_PDF_PAGES, PARSE_TIMEOUT_MS, MAX_DOCX_UNCOMPRESSED_BYTES,
MAX_OCR_PAGES, MAX_IMAGE_PIXELS, OCR_PAGE_TIMEOUT_MS and OCR_TIMEOUT_MS (see server/config.ts).
Exit status: 0 all files processed, 2 usage error.

npm run -s screen -- impact FILE.csv prints the LL144 bias-audit tables (see: impact --help).`;

// Not an AppError: it becomes the CLI's exit status 2 and a usage message, not an HTTP status.
class UsageError extends Error {}

interface Command {
  kind: "score" | "jd";
  files: string[];
  now: Date;
  limits: ExtractionLimits;
  weights: RequisitionWeights;
  isolate: boolean;
}

async function main(argv: string[]): Promise<number> {
  // pdf.js and other libraries may print with console.log; keep stdout for the JSON lines only.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  // The fairness tables have their own options and usage (impact-command.ts).
  if (argv[0] === "impact") return runImpactCommand(argv.slice(1));
  let command: Command | "help";
  try {
    command = await parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`screen: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === "jd") return draftPosting(command.files[0]!, command.limits);
  // Sequential on purpose: one file in memory at a time, output in input order.
  for (const file of command.files) {
    const result = await screenFile(file, command);
    process.stdout.write(`${JSON.stringify(orderKeys(result))}\n`);
  }
  // The OCR engine's thread (started by the first scan read in process) would keep the CLI alive.
  await closeOcrEngine();
  return 0;
}

async function parseCommand(argv: string[]): Promise<Command | "help"> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        now: { type: "string" },
        requisition: { type: "string" },
        isolate: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return "help";
  const [subcommand, ...files] = parsed.positionals;
  if (subcommand === undefined) throw new UsageError("missing subcommand (expected: score or jd)");
  if (subcommand !== "score" && subcommand !== "jd") {
    throw new UsageError(`unknown subcommand "${subcommand}" (expected: score or jd)`);
  }
  if (files.length === 0) throw new UsageError("no files given");
  if (subcommand === "jd") {
    if (files.length > 1) throw new UsageError("jd reads one posting at a time");
    for (const option of ["now", "requisition", "isolate"] as const) {
      if (parsed.values[option] !== undefined) throw new UsageError(`--${option} does not apply to jd`);
    }
    await assertReadableFile(files[0]!);
    return { kind: "jd", files, now: new Date(0), weights: DEFAULT_WEIGHTS, limits: readLimits(), isolate: false };
  }
  const now = parsed.values.now === undefined ? new Date() : parseDate(parsed.values.now);
  const weights =
    parsed.values.requisition === undefined ? DEFAULT_WEIGHTS : await readRequisition(parsed.values.requisition);
  // Every path is checked before any output, so a typo never leaves a half-printed batch.
  for (const file of files) await assertReadableFile(file);
  return { kind: "score", files, now, weights, limits: readLimits(), isolate: parsed.values.isolate ?? false };
}

function parseDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2024-02-31 over to March; a real date survives the round trip.
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--now must be a real date as YYYY-MM-DD, got "${value}"`);
  }
  return date;
}

/**
 * The requisition's weights, in the editor's format (docs/scoring.md): either the weights object
 * itself or an object with a `weights` key (as the requisition export writes it).
 */
async function readRequisition(path: string): Promise<RequisitionWeights> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`cannot read requisition file "${path}"`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`requisition file "${path}" is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`requisition file "${path}" must contain a JSON object`);
  }
  const candidate = "weights" in value ? (value as { weights: unknown }).weights : value;
  const weights = RequisitionWeightsSchema.safeParse(candidate);
  if (!weights.success) {
    const problems = weights.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new UsageError(`requisition file "${path}" has invalid weights:\n${problems.join("\n")}`);
  }
  return weights.data;
}

async function assertReadableFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`file not found: ${path}`);
  if (!info.isFile()) throw new UsageError(`not a regular file: ${path}`);
}

/** Only the parsing limits are read, so unrelated settings (database, Redis) cannot fail the CLI. */
function readLimits(): ExtractionLimits {
  const schema = ConfigSchema.pick({
    MAX_UPLOAD_BYTES: true,
    MAX_PDF_PAGES: true,
    PARSE_TIMEOUT_MS: true,
    MAX_DOCX_UNCOMPRESSED_BYTES: true,
    MAX_OCR_PAGES: true,
    MAX_IMAGE_PIXELS: true,
    OCR_PAGE_TIMEOUT_MS: true,
    OCR_TIMEOUT_MS: true,
    OCR_MIN_CONFIDENCE: true,
  });
  const env = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, process.env[key]])
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new UsageError(`invalid environment: ${problems.join("; ")}`);
  }
  return {
    maxBytes: result.data.MAX_UPLOAD_BYTES,
    maxPdfPages: result.data.MAX_PDF_PAGES,
    timeoutMs: result.data.PARSE_TIMEOUT_MS,
    maxDocxUnpackedBytes: result.data.MAX_DOCX_UNCOMPRESSED_BYTES,
    ocr: ocrLimitsOf(result.data),
  };
}

async function screenFile(file: string, command: Command): Promise<ScreeningResult> {
  const { size } = await stat(file);
  if (size > command.limits.maxBytes) {
    // Too big to read into memory: refused from its size alone, so its format is unknown.
    return failedScreening(file, extractionErrors.tooManyBytes(size, command.limits.maxBytes), null);
  }
  const bytes = new Uint8Array(await readFile(file));
  const options = { fileName: file, now: command.now, limits: command.limits, weights: command.weights };
  const { result } = command.isolate ? await screenResumeIsolated(bytes, options) : await screenResume(bytes, options);
  return result;
}

async function draftPosting(file: string, limits: ExtractionLimits): Promise<number> {
  const result = await draftFromPostingFile(file, limits);
  if (!result.ok) {
    process.stderr.write(`screen: cannot read the posting ${file} (${result.code}): ${result.message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.json)}\n`);
  return 0;
}

function orderKeys(result: ScreeningResult): Record<string, unknown> {
  return Object.fromEntries(SCREENING_RESULT_KEYS.map((key) => [key, result[key]]));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `screen: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
