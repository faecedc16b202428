import { describe, expect, it } from "vitest";
import { spanMatchesText } from "../contract/span-matches-text.ts";
import { makeImageOnlyPdf, makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeResumeLines, makeResumeText, ML_ENGINEER, PROFILES } from "../../tests/factories/resume-factory.ts";
import { makeDocx } from "../../tests/factories/zip-writer.ts";
import type { ExtractionLimits } from "../extraction/extract-text.ts";
import { SCREENING_VERSION } from "./screening-version.ts";
import { screenResume } from "./screen-resume.ts";
import { SCREENING_RESULT_KEYS, ScreeningResultSchema } from "../contract/screening-result.ts";

const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const utf8 = (text: string) => new TextEncoder().encode(text);
const screen = (bytes: Uint8Array, fileName = "resume.pdf") =>
  screenResume(bytes, { fileName, limits, now: new Date("2025-01-15") });

describe("screenResume", () => {
  it("screens a PDF résumé: contract shape, contact, timeline, scores with evidence", async () => {
    const screened = await screen(makePdf(makeResumeLines(ML_ENGINEER)), "priya.pdf");
    const { result } = screened;
    expect(ScreeningResultSchema.parse(result)).toEqual(result);
    expect(Object.keys(result)).toEqual([...SCREENING_RESULT_KEYS]);
    expect(result).toMatchObject({ file: "priya.pdf", ok: true, error: null, format: "pdf" });
    expect(result.contact).toEqual({
      name: "Priya Raman",
      email: "priya.raman@example.com",
      phone: "+1 (555) 010-4477",
      links: ["https://github.com/priya-raman-ml", "https://linkedin.com/in/priya-raman-ml"],
    });
    // Mar 2021 – Jan 2025 (47 months) + Jun 2018 – Feb 2021 (33 months) = 80 months.
    expect(result).toMatchObject({ yearsExperience: 6.7, highestDegree: "masters", background: "ml_engineer" });
    expect(result.scores!.production).toBeGreaterThan(40);
    expect(result.scores!.ml).toBeGreaterThan(40);
    expect(result.skills.map((s) => s.id)).toContain("pytorch");
    expect(result.areas).toHaveLength(14);
    // Every evidence span is a line of the stored text (identity in it blanked in place).
    for (const span of result.areas.flatMap((a) => a.evidence))
      expect(spanMatchesText(screened.text!, span), span.text).toBe(true);
    expect(
      screened.facts?.experience.map((entry) => [entry.title?.text, entry.organisation?.text, entry.start, entry.end]),
    ).toEqual([
      ["Senior Machine Learning Engineer", "Lumen Retail Labs", "2021-03", "present"],
      ["Machine Learning Engineer", "Northwind Analytics", "2018-06", "2021-02"],
    ]);
    expect(screened.facts?.contact.email?.span.text).toBe("priya.raman@example.com");
    expect(screened.text).toContain("Senior Machine Learning Engineer");
    expect(screened.pageCount).toBe(1);
    expect(screened.parserVersion).toBe(SCREENING_VERSION);
  });

  it.each(PROFILES.map((profile) => [profile.key, profile] as const))(
    "screens the %s profile as text and as DOCX",
    async (_, profile) => {
      for (const [bytes, fileName] of [
        [utf8(makeResumeText(profile)), "cv.txt"],
        [makeDocx(makeResumeLines(profile)), "cv.docx"],
      ] as const) {
        const { result, pageCount } = await screen(bytes, fileName);
        expect(ScreeningResultSchema.parse(result)).toEqual(result);
        expect(result.ok).toBe(true);
        expect(result.contact?.email).toBe(profile.email);
        expect(result.yearsExperience).toBeGreaterThan(3);
        expect(result.highestDegree).not.toBeNull();
        expect(pageCount).toBeNull();
      }
    },
  );

  it.each<[string, Uint8Array, string, string, string | null]>([
    ["0 bytes", new Uint8Array(0), "empty.pdf", "empty", null],
    ["whitespace only", utf8("  \n \n"), "blank.txt", "empty", "txt"],
    ["an image-only PDF", makeImageOnlyPdf(), "scan.pdf", "no_text", "pdf"],
    // A PNG is read by OCR whatever its name; these 10 bytes are only its signature.
    [
      "a truncated PNG named .pdf",
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      "resume.pdf",
      "corrupt",
      "png",
    ],
    ["a GIF", new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000"), "photo.gif", "unsupported_type", null],
    [
      "text named .pdf",
      utf8("This is a corrupt pdf file with junk bytes instead of real PDF content!"),
      "broken.pdf",
      "corrupt",
      null,
    ],
    ["a truncated PDF", makePdf(["Jane Doe"]).subarray(0, 150), "cut.pdf", "corrupt", "pdf"],
  ])("reports %s as a named failure", async (_, bytes, fileName, code, format) => {
    const screened = await screen(bytes, fileName);
    expect(ScreeningResultSchema.parse(screened.result)).toEqual(screened.result);
    expect(Object.keys(screened.result)).toEqual([...SCREENING_RESULT_KEYS]);
    expect(screened.result).toMatchObject({
      file: fileName,
      ok: false,
      error: { code },
      format,
      contact: null,
      skills: [],
      scores: null,
    });
    expect(screened.result.error?.message.length).toBeGreaterThan(20);
    expect(screened.text).toBeNull();
    expect(screened.facts).toBeNull();
  });

  it("accepts a text résumé whatever text-like name it has", async () => {
    const { result } = await screen(utf8(makeResumeText(ML_ENGINEER)), "resume");
    expect(result).toMatchObject({ ok: true, format: "txt" });
  });

  it("is deterministic: the same bytes give the same result", async () => {
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const [first, second] = [await screen(pdf), await screen(pdf)];
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});
