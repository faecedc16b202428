// The contract between the screening stages and their readers: the shape of one screened résumé
// (what `npm run screen -- score` prints, one JSON object per line; the worker stores it in
// ResumeAnalysis.result without the weight-dependent scores and gaps) and the shared types its
// parts are made of (Span, Dimension, Background, DegreeLevel, error codes). It depends on nothing
// but zod and ./vocabulary.ts (the lists of degrees and backgrounds), so extraction, resume,
// taxonomy, scoring and screening all import it without importing each other. Fields that later
// stages fill (scores, skills, areas, gaps, background, years, degree) stay null or empty until
// then: they are never invented.
import { z } from "zod";
import { BACKGROUND_IDS, DEGREE_LEVELS } from "./vocabulary.ts";

export const ExtractionErrorCodeSchema = z.enum([
  "unsupported_type",
  "empty",
  "encrypted",
  "corrupt",
  "no_text",
  "too_large",
  "timeout",
]);
export type ExtractionErrorCode = z.infer<typeof ExtractionErrorCodeSchema>;

/** png and jpeg (scans and photos, read by OCR) were added after pdf, docx and txt. */
export const ResumeFormatSchema = z.enum(["pdf", "docx", "txt", "png", "jpeg"]);
export type ResumeFormat = z.infer<typeof ResumeFormatSchema>;

/**
 * Where the text came from: the file's own text (`text`), OCR of its images (`ocr`: a scan or
 * photo), or both (`mixed`: a PDF with some scanned pages). Null for a file that was not read.
 */
export const TextSourceSchema = z.enum(["text", "ocr", "mixed"]);
export type TextSource = z.infer<typeof TextSourceSchema>;

export const DegreeLevelSchema = z.enum(DEGREE_LEVELS);
export type DegreeLevel = z.infer<typeof DegreeLevelSchema>;

export const BackgroundSchema = z.enum(BACKGROUND_IDS);
export type Background = z.infer<typeof BackgroundSchema>;

export const DimensionSchema = z.enum(["production", "ml"]);
export type Dimension = z.infer<typeof DimensionSchema>;

export const SpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

export const ContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  links: z.array(z.string()),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ScreeningResultSchema = z
  .object({
    file: z.string(),
    ok: z.boolean(),
    error: z.object({ code: ExtractionErrorCodeSchema, message: z.string() }).nullable(),
    format: ResumeFormatSchema.nullable(),
    contact: ContactSchema.nullable(),
    yearsExperience: z.number().nonnegative().nullable(),
    highestDegree: DegreeLevelSchema.nullable(),
    background: BackgroundSchema.nullable(),
    skills: z.array(z.object({ id: z.string(), name: z.string(), dimension: DimensionSchema, area: z.string() })),
    scores: z
      .object({
        production: z.number().min(0).max(100),
        ml: z.number().min(0).max(100),
        overall: z.number().min(0).max(100),
      })
      .nullable(),
    areas: z.array(
      z.object({
        id: z.string(),
        dimension: DimensionSchema,
        score: z.number().min(0).max(100),
        evidence: z.array(SpanSchema),
      }),
    ),
    gaps: z.array(z.string()),
    textSource: TextSourceSchema.nullable(),
    /** Mean OCR word confidence (0–100) over the OCR-read pages; null when no page was read by OCR. */
    ocrConfidence: z.number().min(0).max(100).nullable(),
  })
  .strict();
export type ScreeningResult = z.infer<typeof ScreeningResultSchema>;

/**
 * What the worker stores in ResumeAnalysis.result: the result without `scores` and `gaps`, which
 * depend on the requisition's weights and so are computed on every read (server/ranking).
 */
export const StoredScreeningResultSchema = ScreeningResultSchema.omit({ scores: true, gaps: true }).extend({
  // Results stored before OCR (issue 17) have neither key.
  textSource: TextSourceSchema.nullable().default(null),
  ocrConfidence: z.number().min(0).max(100).nullable().default(null),
});
export type StoredScreeningResult = z.infer<typeof StoredScreeningResultSchema>;

export function toStoredScreeningResult(result: ScreeningResult): StoredScreeningResult {
  const { scores: _scores, gaps: _gaps, ...stored } = result;
  return stored;
}

/** The keys, in the order the CLI prints them. */
export const SCREENING_RESULT_KEYS = [
  "file",
  "ok",
  "error",
  "format",
  "contact",
  "yearsExperience",
  "highestDegree",
  "background",
  "skills",
  "scores",
  "areas",
  "gaps",
  // Added by issue 17 (OCR), at the end so existing readers keep their order.
  "textSource",
  "ocrConfidence",
] as const;
