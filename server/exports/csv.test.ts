import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AREAS } from "../taxonomy/areas.ts";
import { CSV_HEADERS, csvRecord, csvStream } from "./csv.ts";
import type { ExportRow } from "./export-rows.ts";

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    applicationId: "app1",
    candidate: "Ana Lima",
    identityHidden: false,
    name: "Ana Lima",
    email: "ana@example.com",
    stage: "SHORTLISTED",
    stageLabel: "Shortlisted",
    stageDecidedBy: "recruiter@demo.test",
    stageDecidedAt: "2026-11-20T10:00:00.000Z",
    processingStatus: "DONE",
    processingStatusLabel: "Done",
    failureCode: null,
    failureReason: null,
    overallScore: 87.5,
    productionScore: 85,
    mlScore: 91,
    productionBand: "strong",
    mlBand: "strong",
    areaScores: Object.fromEntries(AREAS.map((area, i) => [area.id, 10 + i])) as ExportRow["areaScores"],
    gaps: [
      {
        id: "cloud_iac",
        name: "Cloud and infrastructure as code",
        guideLabel: "Production engineering: cloud platforms and infrastructure as code",
      },
    ],
    background: { id: "ml_engineer", label: "ML engineer", typicalGap: "Already works at the intersection." },
    missingMustHaves: [{ id: "kubernetes", name: "Kubernetes" }],
    meetsMinYears: true,
    yearsExperience: 6.5,
    highestDegree: "masters",
    highestDegreeLabel: "Master’s",
    weightsVersion: 3,
    ...overrides,
  };
}

async function* chunksOf(...chunks: ExportRow[][]) {
  for (const chunk of chunks) yield chunk;
}

async function csvOf(...chunks: ExportRow[][]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of csvStream(chunksOf(...chunks))) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

const parseCsv = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: false });

describe("CSV export", () => {
  it("lays out one column per field and per area, named as the area is", () => {
    expect(CSV_HEADERS.slice(0, 16)).toEqual([
      "Application ID",
      "Candidate",
      "Identity hidden (blind review)",
      "Name",
      "Email",
      "Stage",
      "Stage decided by",
      "Stage decided at",
      "Processing status",
      "Failure code",
      "Failure reason",
      "Overall score",
      "Production engineering score",
      "ML depth score",
      "Production engineering band",
      "ML depth band",
    ]);
    expect(CSV_HEADERS.slice(16, 16 + AREAS.length)).toEqual(AREAS.map((area) => area.name));
    expect(CSV_HEADERS.slice(16 + AREAS.length)).toEqual([
      "Gaps",
      "Background",
      "Background's typical gap",
      "Must-haves missing",
      "Meets minimum years",
      "Years of experience",
      "Highest degree",
      "Weights version",
      "Stage code",
      "Processing status code",
      "Highest degree code",
      "Background code",
    ]);
    expect(csvRecord(row())).toHaveLength(CSV_HEADERS.length);
  });

  it("writes UTF-8 with a byte-order mark, CRLF line ends, a header and one line per row", async () => {
    const bytes = await csvOf(
      [row({ candidate: "Zoë Ångström", name: "Zoë Ångström" })],
      [row({ applicationId: "app2" })],
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    const [header, first, second] = parseCsv(bytes);
    expect(header).toEqual([...CSV_HEADERS]);
    const cell = (record: string[], name: string) => record[CSV_HEADERS.indexOf(name)];
    expect(cell(first!, "Candidate")).toBe("Zoë Ångström");
    expect(cell(first!, "Overall score")).toBe("87.5");
    expect(cell(first!, "Serving and APIs")).toBe("10");
    expect(cell(first!, "Gaps")).toBe("Production engineering: cloud platforms and infrastructure as code");
    expect(cell(first!, "Must-haves missing")).toBe("Kubernetes");
    expect(cell(first!, "Meets minimum years")).toBe("yes");
    expect(cell(first!, "Stage decided by")).toBe("recruiter@demo.test");
    // People's words, with the codes kept in the last columns for machines.
    expect(cell(first!, "Stage")).toBe("Shortlisted");
    expect(cell(first!, "Stage code")).toBe("SHORTLISTED");
    expect(cell(first!, "Processing status")).toBe("Done");
    expect(cell(first!, "Processing status code")).toBe("DONE");
    expect(cell(first!, "Highest degree")).toBe("Master’s");
    expect(cell(first!, "Highest degree code")).toBe("masters");
    expect(cell(first!, "Background")).toBe("ML engineer");
    expect(cell(first!, "Background code")).toBe("ml_engineer");
    expect(cell(second!, "Application ID")).toBe("app2");
  });

  it("writes only the header for an empty export", async () => {
    expect(parseCsv(await csvOf([]))).toEqual([[...CSV_HEADERS]]);
  });

  it("neutralises spreadsheet formulas in text cells (=, +, -, @, tab, carriage return)", async () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","click")',
      "+1+2",
      "-2+3",
      "@SUM(A1:A9)",
      "\tTab",
      "\r=1+1",
      "＝1+1",
    ];
    const rows = hostile.map((text, i) =>
      row({ applicationId: `app${i}`, candidate: text, name: text, failureReason: text }),
    );
    const [, ...records] = parseCsv(await csvOf(rows));
    records.forEach((record, i) => {
      const candidate = record[CSV_HEADERS.indexOf("Candidate")]!;
      expect(candidate).toBe(`'${hostile[i]}`);
      expect(record[CSV_HEADERS.indexOf("Failure reason")]).toBe(`'${hostile[i]}`);
    });
  });

  it("keeps numbers as numbers: a negative number is not escaped, text merely containing = is untouched", async () => {
    const [, record] = parseCsv(await csvOf([row({ yearsExperience: -1, candidate: "Ana = Lima", name: "a-b@c" })]));
    expect(record![CSV_HEADERS.indexOf("Years of experience")]).toBe("-1");
    expect(record![CSV_HEADERS.indexOf("Candidate")]).toBe("Ana = Lima");
    expect(record![CSV_HEADERS.indexOf("Name")]).toBe("a-b@c");
  });

  it("leaves empty cells for what a hidden or unscored candidate does not have", async () => {
    const hidden = row({
      candidate: "Candidate 7F3K2Q",
      identityHidden: true,
      name: null,
      email: null,
      processingStatus: "FAILED",
      failureCode: "encrypted",
      failureReason: "The PDF is password-protected.",
      overallScore: null,
      productionScore: null,
      mlScore: null,
      areaScores: Object.fromEntries(AREAS.map((area) => [area.id, null])) as ExportRow["areaScores"],
      gaps: [],
      background: null,
      missingMustHaves: [],
      meetsMinYears: null,
      weightsVersion: null,
    });
    const [, record] = parseCsv(await csvOf([hidden]));
    const cell = (name: string) => record![CSV_HEADERS.indexOf(name)];
    expect(cell("Candidate")).toBe("Candidate 7F3K2Q");
    expect(cell("Identity hidden (blind review)")).toBe("yes");
    expect(cell("Name")).toBe("");
    expect(cell("Email")).toBe("");
    expect(cell("Failure code")).toBe("encrypted");
    expect(cell("Overall score")).toBe("");
    expect(cell(AREAS[0]!.name)).toBe("");
    expect(cell("Meets minimum years")).toBe("");
  });
});
