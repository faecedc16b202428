// Runs `screen jd` as a user would (through tsx, no database, no Redis) and checks its contract:
// one JSON object {weights, evidence, unscored, warnings}, weights in the --requisition format,
// so that `screen jd posting | jq .weights > w.json && screen score --requisition w.json cv`
// works (the pipeline is run here with JSON.parse instead of jq).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequisitionWeightsSchema } from "../../server/ranking/weights-schema.ts";
import { makePdf } from "../factories/pdf-writer.ts";
import { MARKDOWN_POSTING, PLATFORM_POSTING } from "../factories/job-postings.ts";
import { makeResumeText, ML_ENGINEER } from "../factories/resume-factory.ts";
import { runScreenCli } from "../support/run-screen-cli.ts";

const screen = runScreenCli;

describe("screen jd", () => {
  let dir: string;
  let posting: string;
  let cv: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "screen-jd-"));
    posting = join(dir, "posting.txt");
    cv = join(dir, "cv.txt");
    await writeFile(posting, PLATFORM_POSTING);
    await writeFile(cv, makeResumeText(ML_ENGINEER));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints one JSON object whose weights feed `score --requisition`", async () => {
    const drafted = await screen(["jd", posting]);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout.trimEnd().split("\n")).toHaveLength(1);
    const output = JSON.parse(drafted.stdout) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(["weights", "evidence", "unscored", "warnings"]);
    const weights = RequisitionWeightsSchema.parse(output.weights);
    expect(weights.mustHave).toContain("kubernetes");
    expect(weights.minYears).toBe(5);

    const text = await readFile(posting, "utf8");
    const evidence = output.evidence as { field: string; value: unknown; text: string; start: number; end: number }[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) {
      expect(Object.keys(item)).toEqual(["field", "value", "text", "start", "end"]);
      expect(text.slice(item.start, item.end)).toBe(item.text);
    }
    const warnings = output.warnings as { code: string; text: string; start: number; end: number }[];
    expect(warnings.map((warning) => warning.code)).toContain("degree_required");
    for (const warning of warnings) expect(text.slice(warning.start, warning.end)).toBe(warning.text);

    // `jq .weights > w.json`
    const file = join(dir, "w.json");
    await writeFile(file, JSON.stringify(output.weights));
    const scored = await screen(["score", "--now", "2026-11-22", "--requisition", file, cv]);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ ok: true, file: cv });
  });

  it("reads Markdown as text and a posting in a PDF", async () => {
    const markdown = join(dir, "posting.md");
    const pdf = join(dir, "posting.pdf");
    await writeFile(markdown, MARKDOWN_POSTING);
    await writeFile(pdf, makePdf(PLATFORM_POSTING.split("\n")));
    const fromMarkdown = JSON.parse((await screen(["jd", markdown])).stdout);
    expect(fromMarkdown.weights.niceToHave).toEqual(["elasticsearch"]);
    const fromPdf = await screen(["jd", pdf]);
    expect(fromPdf.code).toBe(0);
    expect(JSON.parse(fromPdf.stdout).weights.mustHave).toEqual(expect.arrayContaining(["docker", "kubernetes"]));
  });

  it("names why a posting cannot be read, with exit 1 and nothing on stdout", async () => {
    const empty = join(dir, "empty.txt");
    const png = join(dir, "posting.png");
    await writeFile(empty, "");
    await writeFile(png, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    for (const [file, code] of [
      [empty, "empty"],
      [png, "unsupported_type"],
    ] as const) {
      const result = await screen(["jd", file]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`cannot read the posting ${file} (${code})`);
    }
    const big = await screen(["jd", posting], { MAX_UPLOAD_BYTES: "100" });
    expect(big.code).toBe(1);
    expect(big.stderr).toContain("(too_large)");
  });

  describe.concurrent("usage errors exit 2", () => {
    it.for<[string, () => string[], RegExp]>([
      ["no file", () => ["jd"], /no files/],
      ["two files", () => ["jd", posting, posting], /one posting at a time/],
      ["a missing file", () => ["jd", join(dir, "nope.txt")], /file not found/],
      ["an option of score", () => ["jd", "--now", "2026-01-01", posting], /--now does not apply to jd/],
    ])("%s", async ([, args, message], { expect }) => {
      const { code, stdout, stderr } = await screen(args());
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
    });
  });
});
