// Runs the real CLI as a user would (through tsx, no database, no Redis) and checks the
// output contract: one JSON line per file, in order, keys in contract order.
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SCREENING_RESULT_KEYS,
  ScreeningResultSchema,
  type ScreeningResult,
} from "../../server/contract/screening-result.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { BACKEND_ENGINEER, makeResumeLines, makeResumeText, ML_ENGINEER } from "../factories/resume-factory.ts";
import { encodeImage, renderGreyPage } from "../factories/scan-writer.ts";
import { runScreenCli } from "../support/run-screen-cli.ts";

const screen = runScreenCli;

describe("screen CLI", () => {
  let dir: string;
  let pdf: string;
  let txt: string;
  let png: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "screen-cli-"));
    pdf = join(dir, "priya raman.pdf");
    txt = join(dir, "marcus.txt");
    png = join(dir, "resume.pdf");
    await writeFile(pdf, makePdf(makeResumeLines(ML_ENGINEER)));
    await writeFile(txt, makeResumeText(BACKEND_ENGINEER));
    await writeFile(png, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints one contract-shaped JSON line per file, in input order, and exits 0", async () => {
    const { code, stdout } = await screen(["score", "--now", "2025-01-15", pdf, txt, png]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const results = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const result of results) {
      expect(Object.keys(result)).toEqual([...SCREENING_RESULT_KEYS]);
      ScreeningResultSchema.parse(result);
    }
    expect(results.map((result) => result.file)).toEqual([pdf, txt, png]);
    expect(results[0]).toMatchObject({
      ok: true,
      format: "pdf",
      contact: { name: "Priya Raman", email: ML_ENGINEER.email },
    });
    expect(results[1]).toMatchObject({ ok: true, format: "txt", contact: { name: "Marcus O'Connell" } });
    // A PNG is read by OCR whatever its name; these 12 bytes are only its signature.
    expect(results[2]).toMatchObject({ ok: false, format: "png", error: { code: "corrupt" } });
    expect(results[0]).toMatchObject({ textSource: "text", ocrConfidence: null });
    expect(results[2]).toMatchObject({ textSource: null, ocrConfidence: null });
  });

  it("reads a scan by OCR: textSource and ocrConfidence at the end, the other keys as for text", async () => {
    const scan = join(dir, "scan.png");
    await writeFile(scan, encodeImage(await renderGreyPage(makePdf(makeResumeLines(ML_ENGINEER))), "png"));
    const { code, stdout } = await screen(["score", "--now", "2025-01-15", pdf, scan]);
    expect(code).toBe(0);
    const [text, read] = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as ScreeningResult);
    expect(Object.keys(read!)).toEqual([...SCREENING_RESULT_KEYS]);
    expect(SCREENING_RESULT_KEYS.slice(-2)).toEqual(["textSource", "ocrConfidence"]);
    expect(read).toMatchObject({ ok: true, format: "png", textSource: "ocr", contact: text!.contact });
    expect(read!.ocrConfidence).toBeGreaterThan(80);
    expect(read!.yearsExperience).toBe(text!.yearsExperience);
  });

  it("gives the same lines with --isolate (each file read in a worker thread)", async () => {
    const plain = await screen(["score", "--now", "2025-01-15", pdf, png]);
    const isolated = await screen(["score", "--isolate", "--now", "2025-01-15", pdf, png]);
    expect(isolated.code).toBe(0);
    expect(isolated.stdout).toBe(plain.stdout);
    expect(JSON.parse(isolated.stdout.split("\n")[0]!)).toMatchObject({
      ok: true,
      yearsExperience: 6.7,
      highestDegree: "masters",
    });
  });

  it("reports a file over MAX_UPLOAD_BYTES as too_large without reading it", async () => {
    const { code, stdout } = await screen(["score", pdf], { MAX_UPLOAD_BYTES: "100" });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: "too_large" } });
  });

  it("ranks with the weights of a requisition file, and refuses invalid weights with exit 2", async () => {
    const balanced = join(dir, "balanced.json");
    const production = join(dir, "production.json");
    const invalid = join(dir, "invalid.json");
    await writeFile(balanced, JSON.stringify({}));
    await writeFile(production, JSON.stringify({ weights: { productionWeight: 1, mustHave: ["pytorch"] } }));
    await writeFile(invalid, JSON.stringify({ productionWeight: 3, title: "ML Engineer" }));
    const a = await screen(["score", "--now", "2026-11-22", "--requisition", balanced, txt]);
    const b = await screen(["score", "--now", "2026-11-22", "--requisition", production, txt]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(b.stdout);
    expect(rb.scores.production).toBe(ra.scores.production);
    expect(rb.scores.overall).toBe(rb.scores.production);
    const bad = await screen(["score", "--requisition", invalid, txt]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/productionWeight/);
  });

  it("prints help on --help and exits 0", async () => {
    const { code, stdout } = await screen(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage:");
  });

  // Concurrent: each case is a separate process start (about a second each under tsx).
  describe.concurrent("usage errors exit 2 with a message and print nothing on stdout", () => {
    it.for<[string, () => string[], RegExp]>([
      ["no subcommand", () => [], /missing subcommand/],
      ["an unknown subcommand", () => ["rank", txt], /unknown subcommand "rank"/],
      ["no files", () => ["score"], /no files/],
      ["an impossible --now", () => ["score", "--now", "2025-02-30", txt], /--now must be a real date/],
      ["a malformed --now", () => ["score", "--now", "15/01/2025", txt], /--now must be a real date/],
      ["a missing file", () => ["score", txt, join(dir, "nope.pdf")], /file not found/],
      ["a directory", () => ["score", dir], /not a regular file/],
      [
        "a missing requisition",
        () => ["score", "--requisition", join(dir, "none.json"), txt],
        /cannot read requisition/,
      ],
      ["an unknown option", () => ["score", "--verbose", txt], /Unknown option/],
    ])("%s", async ([, args, message], { expect }) => {
      const { code, stdout, stderr } = await screen(args());
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).toContain("Usage:");
    });

    it("a requisition that is not a JSON object", async ({ expect }) => {
      const bad = join(dir, "bad.json");
      const list = join(dir, "list.json");
      await writeFile(bad, "{ not json");
      await writeFile(list, "[1, 2]");
      for (const [file, message] of [
        [bad, /not valid JSON/],
        [list, /must contain a JSON object/],
      ] as const) {
        const { code, stderr } = await screen(["score", "--requisition", file, txt]);
        expect(code).toBe(2);
        expect(stderr).toMatch(message);
      }
    });
  });

  it("prints the path exactly as given, here in a subfolder", async () => {
    await mkdir(join(dir, "nested"), { recursive: true });
    const nested = join(dir, "nested", "cv.txt");
    await writeFile(nested, makeResumeText(BACKEND_ENGINEER));
    const { code, stdout } = await screen(["score", nested]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ file: nested, ok: true });
  });
});
