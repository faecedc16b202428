// Every file of the shared public corpus (real-world résumés and hostile edge cases) must give
// either text or a named failure, quickly, without throwing. The corpus sits beside the repo
// (../shared); a clone without it skips this suite.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ExtractionLimits } from "../../server/extraction/extract-text.ts";
import { closeOcrEngine } from "../../server/extraction/ocr-engine.ts";
import { DEFAULT_OCR_LIMITS } from "../../server/extraction/read-scans.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";
import { ExtractionErrorCodeSchema, ScreeningResultSchema } from "../../server/contract/screening-result.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const corpus = resolve(repoRoot, "../shared/corpus/public");
const present = existsSync(corpus);
const files = present
  ? readdirSync(corpus)
      .filter((name) => /\.(pdf|docx|txt|json)$/i.test(name))
      .sort()
  : [];
const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const now = new Date("2026-11-22");

/** Image-only PDFs (150-dpi scans) read by OCR, with the text version each was made from (MANIFEST.tsv). */
const SCANS: Record<string, string> = {
  "30_DERIVED_harvey_dent_mle_imageonly.pdf": "01_rm_harvey_dent_mle.pdf",
  "31_DERIVED_desktop_support_imageonly.pdf": "12_soupboss_02_desktop_support.pdf",
};

// OCR takes seconds per page on a shared CPU: each file is screened once and the result reused.
const screened = new Map<string, ReturnType<typeof screenResume>>();
function screenFile(name: string) {
  if (!screened.has(name)) {
    screened.set(name, screenResume(new Uint8Array(readFileSync(join(corpus, name))), { fileName: name, limits, now }));
  }
  return screened.get(name)!;
}

/** Failures the corpus is known to contain, with the honest code for each. */
const EXPECTED_FAILURES: Record<string, string> = {
  "26_edge_password_protected.pdf": "encrypted",
  // 71 bytes of English text named .pdf: not a PDF at all, a damaged or mislabelled file.
  "27_edge_corrupt.pdf": "corrupt",
  "28_edge_empty.pdf": "empty",
  // Blank: no text layer, and OCR of its page finds nothing either.
  "29_edge_blank_no_text.pdf": "no_text",
  // JSON Resume is structured data, not a résumé document: refused rather than read as text.
  "43_jsonresume_sample_richard_hendriks.json": "unsupported_type",
  // An OpenDocument text (ODT) saved with a .docx name: refused by name, with a message asking for
  // a PDF or DOCX (reading ODT is not supported yet).
  "77_anthony_tanner_odt_named_docx.docx": "unsupported_type",
};

if (!present) console.warn(`corpus-robustness: skipped, no corpus at ${corpus}`);

afterAll(closeOcrEngine);

describe.skipIf(!present)("public corpus robustness", () => {
  it("holds files to check", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)(
    "%s: text or a named failure, within the time limit",
    async (name) => {
      const started = Date.now();
      const screened = await screenFile(name);
      // A scan also gets the OCR budget (OCR_TIMEOUT_MS) after its text layer was read.
      const budget = limits.timeoutMs + (SCANS[name] ? DEFAULT_OCR_LIMITS.fileTimeoutMs : 0);
      expect(Date.now() - started).toBeLessThan(budget);
      const { result } = screened;
      expect(ScreeningResultSchema.parse(result)).toEqual(result);
      if (result.ok) {
        expect(screened.text?.trim().length).toBeGreaterThan(0);
        expect(EXPECTED_FAILURES[name]).toBeUndefined();
        expect(result.textSource).toBe(SCANS[name] ? "ocr" : "text");
      } else {
        expect(ExtractionErrorCodeSchema.options).toContain(result.error?.code);
        expect(result.error?.code).toBe(EXPECTED_FAILURES[name]);
      }
    },
    240_000,
  );

  it.each(Object.entries(SCANS).filter(([scan, text]) => files.includes(scan) && files.includes(text)))(
    "%s reads like its text version %s (OCR)",
    async (scan, text) => {
      const [fromScan, fromText] = [(await screenFile(scan)).result, (await screenFile(text)).result];
      expect(fromScan).toMatchObject({ ok: true, textSource: "ocr" });
      expect(fromScan.ocrConfidence).toBeGreaterThan(80);
      expect(fromScan.contact?.name).toBe(fromText.contact?.name);
      expect(fromScan.contact?.email).toBe(fromText.contact?.email);
      expect(Math.abs((fromScan.yearsExperience ?? 0) - (fromText.yearsExperience ?? 0))).toBeLessThanOrEqual(1.5);
      expect(Math.abs(fromScan.scores!.production - fromText.scores!.production)).toBeLessThanOrEqual(10);
      expect(Math.abs(fromScan.scores!.ml - fromText.scores!.ml)).toBeLessThanOrEqual(10);
    },
    240_000,
  );

  it.each(files.filter((name) => /^0[1-9]_/.test(name)))("%s: the e-mail address is found", async (name) => {
    const { result, text } = await screenResume(new Uint8Array(readFileSync(join(corpus, name))), {
      fileName: name,
      limits,
    });
    const inText = text?.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/)?.[0]?.toLowerCase();
    expect(inText).toBeDefined();
    expect(result.contact?.email).toBe(inText);
  });

  it("reads the same résumé in three layouts (07 two-column, 08 two-column, 09 single) to the same timeline", async () => {
    const names = [
      "07_rm_template_modern_two_column.pdf",
      "08_rm_template_two_column.pdf",
      "09_rm_template_modern_single_column.pdf",
    ];
    if (!names.every((name) => files.includes(name))) return;
    const now = new Date("2025-01-15");
    const read = async (name: string) => {
      const { facts } = await screenResume(new Uint8Array(readFileSync(join(corpus, name))), {
        fileName: name,
        limits,
        now,
      });
      return {
        sections: facts?.sections
          .map((section) => section.kind)
          .filter((kind) => kind !== "other")
          .sort(),
        jobs: facts?.experience.map((entry) => [entry.title?.text, entry.organisation?.text, entry.start, entry.end]),
        years: facts?.yearsExperience,
        degree: facts?.highestDegree,
      };
    };
    const [twoColumn, other, single] = await Promise.all(names.map(read));
    expect(twoColumn?.jobs).toEqual([
      ["Senior Software Engineer", "Stripe", "2023-01", "present"],
      ["Software Engineer", "Figma", "2021-06", "2022-12"],
      ["Software Engineer", "Notion", "2019-07", "2021-05"],
    ]);
    expect(other).toEqual(twoColumn);
    expect(single).toEqual(twoColumn);
  });

  it("reads the PDF/DOCX pairs of the same résumé to the same contact details", async () => {
    const read = async (name: string) =>
      (await screenResume(new Uint8Array(readFileSync(join(corpus, name))), { fileName: name, limits })).result.contact;
    for (const [pdf, docx] of [
      ["10_soupboss_01_accountant.pdf", "11_soupboss_01_accountant.docx"],
      ["12_soupboss_02_desktop_support.pdf", "13_soupboss_02_desktop_support.docx"],
    ] as const) {
      if (!files.includes(pdf) || !files.includes(docx)) continue;
      expect(await read(docx)).toEqual(await read(pdf));
    }
  });
});
