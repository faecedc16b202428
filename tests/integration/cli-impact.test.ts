// Runs `screen impact` as a user would (through tsx, no database) on CSV files built here: the
// DCWP "culture fit" scoring example of 6 RCNY § 5-301(d) as per-applicant rows, a file with
// bad rows, and the usage errors.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScreenCli } from "../support/run-screen-cli.ts";

const screen = runScreenCli;

// [sex, race_ethnicity as an export might write it, applicants, above the median]
const CULTURE_FIT: ReadonlyArray<[string, string, number, number]> = [
  ["Male", "Hispanic or Latino", 16, 12],
  ["Female", "Hispanic or Latino", 12, 6],
  ["Male", "White", 20, 7],
  ["Male", "Black or African American", 20, 10],
  ["Male", "Native Hawaiian or Other Pacific Islander", 4, 3],
  ["Male", "Asian", 12, 7],
  ["Male", "American Indian or Alaska Native", 8, 5],
  ["Male", "Two or More Races", 12, 6],
  ["F", "White (Not Hispanic or Latino)", 20, 8],
  ["F", "Black", 12, 6],
  ["F", "Native Hawaiian or Pacific Islander", 4, 2],
  ["F", "Asian", 12, 3],
  ["F", "Native American or Alaska Native", 8, 5],
  ["F", "Two or More Races", 8, 4],
];

function cultureFitCsv(): string {
  const lines = ["application_id,sex,race_ethnicity,score,selected"];
  let id = 0;
  for (const [sex, race, applicants, above] of CULTURE_FIT) {
    for (let i = 0; i < applicants; i++)
      lines.push(`a${++id},${sex},"${race}",${i < above ? 81.5 : 20},${i % 2 ? "no" : "yes"}`);
  }
  // 15 applicants in an unknown category, as the example's note says.
  for (let i = 0; i < 15; i++)
    lines.push(`u${i},${i % 2 ? "" : "Male"},${i % 2 ? "Asian" : "Prefer not to say"},99,yes`);
  return `${lines.join("\r\n")}\r\n`;
}

describe("screen impact", () => {
  let dir: string;
  let example: string;
  let bad: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "screen-impact-"));
    example = join(dir, "culture fit.csv");
    bad = join(dir, "bad.csv");
    await writeFile(example, cultureFitCsv());
    await writeFile(
      bad,
      ["sex,race_ethnicity,score,selected", "Female,Asian,80,yes", "Femal,Asian,80,yes", "Male,Whtie,x,maybe"].join(
        "\n",
      ),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints one JSON object that reproduces the DCWP scoring example, and exits 0", async () => {
    const { code, stdout, stderr } = await screen(["impact", example]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      file: example,
      applicantsAssessed: 183,
      applicantsIncluded: 168,
      unknown: { total: 15 },
      medianScore: 50.75,
    });
    const ratios = (table: string) =>
      report.tables[table].rows.map((row: { scoring: { impactRatio: number } }) =>
        Number(row.scoring.impactRatio.toFixed(2)),
      );
    expect(ratios("sex")).toEqual([1, 0.82]);
    expect(ratios("raceEthnicity")).toEqual([1, 0.58, 0.78, 0.97, 0.65, 0.97, 0.78]);
    expect(ratios("intersectional")).toEqual([
      1, 0.67, 0.47, 0.67, 1, 0.78, 0.83, 0.67, 0.53, 0.67, 0.67, 0.33, 0.83, 0.67,
    ]);
    const white = report.tables.raceEthnicity.rows[1];
    expect(white).toMatchObject({ label: "White (Not Hispanic or Latino)", applicants: 40 });
    expect(white.scoring).toMatchObject({ count: 15, rate: 0.375, belowFourFifths: true });
    expect(white.scoring.smallSample.pValue).toBeCloseTo(0.047934, 6);
  });

  it("leaves categories under 2 % out of the ratios with --exclude-small-categories", async () => {
    // One Asian man among 61 applicants: 1.6 % of the data.
    const small = join(dir, "small.csv");
    const lines = ["sex,race_ethnicity,score,selected", "Male,Asian,90,yes"];
    for (let i = 0; i < 60; i++) lines.push(`Female,White,${i},${i % 2 ? "yes" : "no"}`);
    await writeFile(small, lines.join("\n"));
    const plain = JSON.parse((await screen(["impact", small])).stdout);
    expect(plain.tables.raceEthnicity.rows[4]).toMatchObject({ id: "asian", excludable: true, excluded: false });
    expect(plain.tables.raceEthnicity.rows[4].selection).toMatchObject({ rate: 1, impactRatio: 1, highest: true });
    const { code, stdout } = await screen(["impact", "--exclude-small-categories", small]);
    expect(code).toBe(0);
    const asian = JSON.parse(stdout).tables.raceEthnicity.rows[4];
    expect(asian).toMatchObject({ applicants: 1, excludable: true, excluded: true });
    expect(asian.selection).toMatchObject({ rate: 1, impactRatio: null, highest: false });
  });

  it("names each bad line on stderr, prints nothing on stdout, and exits 3", async () => {
    const { code, stdout, stderr } = await screen(["impact", bad]);
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${bad}:3: sex "Femal" is not a category`);
    expect(stderr).toMatch(new RegExp(`:4: race_ethnicity "Whtie" .*score "x" is not a number.*selected "maybe"`));
    expect(stderr).toMatch(/2 invalid line\(s\)/);
  });

  describe.concurrent("usage errors exit 2 with the impact usage", () => {
    it.for<[string, () => string[], RegExp]>([
      ["no file", () => ["impact"], /no file given/],
      ["two files", () => ["impact", example, bad], /exactly one CSV file/],
      ["a missing file", () => ["impact", join(dir, "nope.csv")], /file not found/],
      ["a directory", () => ["impact", dir], /not a regular file/],
      ["an option of score", () => ["impact", "--now", "2025-01-01", example], /Unknown option '--now'/],
    ])("%s", async ([, args, message], { expect }) => {
      const { code, stdout, stderr } = await screen(args());
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).toContain("Usage: npm run -s screen -- impact");
    });
  });

  it("prints its help on impact --help", async () => {
    const { code, stdout } = await screen(["impact", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("6 RCNY § 5-301");
  });
});
