// What one thread of the parse pool runs (server/screening/parse-pool.ts). The pool loads a
// plain-JS bundle of this module (parse-task-bundle.ts) into each long-lived thread; importing it
// warms the thread once (pdf.js, the skill taxonomy and its matchers), so no file pays for it.
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { failedScreen, screenResume, type ScreenedResume } from "./screen-resume.ts";
import { screenJob, type OcrDeferred, type ScreenJobOptions } from "./screen-job.ts";
import type { ExtractionErrorCode, ResumeFormat } from "../contract/screening-result.ts";
import { ExtractionError } from "../extraction/errors.ts";

export type ParseTask =
  | { kind: "screen"; taskId: number; bytes: Uint8Array; options: ScreenJobOptions }
  /** The result for a parse the pool had to stop (timeout, memory): built here to keep the contract in one place. */
  | {
      kind: "failed";
      fileName: string;
      error: { code: ExtractionErrorCode; message: string };
      format: ResumeFormat | null;
    };

/** Posted to the pool as a task starts, so its hard time limit counts parse time, not queueing. */
export interface ParseStartedMessage {
  parseStarted: number;
}

/** Posted as OCR of a scan starts: the pool's hard limit becomes the OCR budget from now on. */
export interface OcrStartedMessage {
  ocrStarted: number;
  budgetMs: number;
}

export function announceStart(taskId: number): void {
  const message: ParseStartedMessage = { parseStarted: taskId };
  parentPort?.postMessage(message);
}

function announceOcr(taskId: number, budgetMs: number): void {
  const message: OcrStartedMessage = { ocrStarted: taskId, budgetMs };
  parentPort?.postMessage(message);
}

export async function runParseTask(task: ParseTask): Promise<ScreenedResume | OcrDeferred> {
  if (task.kind === "failed") {
    return failedScreen(task.fileName, new ExtractionError(task.error.code, task.error.message), task.format);
  }
  announceStart(task.taskId);
  const onOcrStart = (budgetMs: number) => announceOcr(task.taskId, budgetMs);
  return screenJob(task.bytes, { ...task.options, onOcrStart });
}

/** A one-page PDF (built here: production code does not import the test factories). */
function warmUpPdf(lines: string[]): Uint8Array {
  const content = lines.map((line, i) => `BT /F1 10 Tf 56 ${726 - 13 * i} Td (${line}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function warmUp(): Promise<void> {
  const lines = ["Warm Up", "EXPERIENCE", "Engineer, Example (2020 - 2024)", "- Python, PyTorch, Kubernetes, SQL"];
  const limits = { maxBytes: 1024 * 1024, maxPdfPages: 1, timeoutMs: 60_000 };
  await screenResume(warmUpPdf(lines), { fileName: "warm-up.pdf", limits });
  await screenResume(new TextEncoder().encode(lines.join("\n")), { fileName: "warm-up.txt", limits });
}

/** Nice value of a parse thread (Linux: per thread; the process's event loop keeps its own). */
export const PARSE_THREAD_NICE = 10;

if (parentPort) {
  // Parsing is batch work: the event loops go first — the worker's job-lock renewals and database
  // writes, and a web process sharing the machine, whose uploads would otherwise wait behind
  // parsing. On a machine doing nothing else this costs no throughput.
  try {
    setPriority(PARSE_THREAD_NICE);
  } catch {
    // Not permitted on this system: parse at normal priority.
  }
}

// Whatever a parser prints goes to stderr: the CLI's stdout carries only its JSON lines.
if (parentPort) console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

await warmUp();

export default runParseTask;
