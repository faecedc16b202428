// Screens one résumé file: extracts its text and the facts in it (contact, sections, work
// timeline, degrees) and returns the result in the shape of the screening contract, plus the
// richer `facts` with a span for each. Pure apart from parsing: no database, queue or network,
// so the worker, the CLI and tests share it. Scoring (server/scoring) fills skills, areas,
// scores, gaps and background for readable files; unreadable ones leave them null or empty.
import { checkDeclaredType } from "../extraction/check-declared-type.ts";
import { detectFileType } from "../extraction/detect-file-type.ts";
import { ExtractionError, extractionErrors } from "../extraction/errors.ts";
import { extractText, type ExtractionLimits } from "../extraction/extract-text.ts";
import { SCREENING_VERSION } from "./screening-version.ts";
import { DEFAULT_OCR_LIMITS } from "../extraction/read-scans.ts";
import { extractResumeFacts, type ResumeFacts } from "../resume/extract-resume-facts.ts";
import type { RequisitionWeights } from "../ranking/weights-schema.ts";
import { scoreResume, type ScoredResume } from "../scoring/score-resume.ts";
import type { Contact, ResumeFormat, ScreeningResult, TextSource } from "../contract/screening-result.ts";

export interface ScreenResumeOptions {
  /** Shown in the result as `file`; also checked against the content (see check-declared-type). */
  fileName: string;
  /** Reference date for "Present" in years of experience; defaults to today. */
  now?: Date;
  limits: ExtractionLimits;
  /** The requisition's weights for the overall score and gaps; defaults to a balanced MLE. */
  weights?: RequisitionWeights;
  /** Called as OCR starts (a scan), with its time budget; set by the parse pool's threads. */
  onOcrStart?: (budgetMs: number) => void;
}

export interface ScreenedResume {
  result: ScreeningResult;
  text: string | null;
  pageCount: number | null;
  parserVersion: string;
  /** Every fact read from `text`, each with its span in it; null when the file was unreadable. */
  facts: ResumeFacts | null;
  /** Where `text` came from (null when unreadable); also in `result`. */
  textSource: TextSource | null;
  /** Mean OCR confidence of the pages read by OCR, 0–100; null when none was. */
  ocrConfidence: number | null;
  /**
   * OCR read it with a confidence below OCR_MIN_CONFIDENCE: its facts and scores may be wrong, so a
   * person must check it before it is ranked (the worker flags the application).
   */
  needsReview: boolean;
}

export async function screenResume(bytes: Uint8Array, options: ScreenResumeOptions): Promise<ScreenedResume> {
  const detected = detectFileType(bytes);
  let extracted;
  try {
    checkDeclaredType(options.fileName, detected);
    extracted = await extractText(bytes, options.limits, { onOcrStart: options.onOcrStart });
  } catch (error) {
    // extractText names every failure; anything else from a parser still means "unreadable".
    const failure = error instanceof ExtractionError ? error : extractionErrors.corrupt(detected);
    // A text file refused because its name promises a PDF or DOCX was not read as any format.
    const format = failure.code === "corrupt" && detected === "txt" ? null : detected;
    return failedScreen(options.fileName, failure, format);
  }
  const now = options.now ?? new Date();
  const facts = extractResumeFacts(extracted.text, { now });
  const scored = scoreResume(extracted.text, facts, { now, weights: options.weights });
  return {
    result: screeningResult(options.fileName, {
      format: extracted.format,
      contact: contactOf(facts),
      yearsExperience: facts.yearsExperience,
      highestDegree: facts.highestDegree,
      scored,
      textSource: extracted.textSource,
      ocrConfidence: extracted.ocrConfidence,
    }),
    text: extracted.text,
    pageCount: extracted.pageCount,
    parserVersion: SCREENING_VERSION,
    facts,
    textSource: extracted.textSource,
    ocrConfidence: extracted.ocrConfidence,
    needsReview: extracted.ocrConfidence !== null && extracted.ocrConfidence < minConfidence(options.limits),
  };
}

function minConfidence(limits: ExtractionLimits): number {
  return limits.ocr === false ? 0 : (limits.ocr ?? DEFAULT_OCR_LIMITS).minConfidence;
}

function contactOf(facts: ResumeFacts): Contact {
  const { name, email, phone, links } = facts.contact;
  return {
    name: name?.value ?? null,
    email: email?.value ?? null,
    phone: phone?.value ?? null,
    links: links.map((link) => link.value),
  };
}

/** A file that could not be read, screened: its named failure and nothing else. */
export function failedScreen(file: string, error: ExtractionError, format: ResumeFormat | null): ScreenedResume {
  return {
    result: failedScreening(file, error, format),
    text: null,
    pageCount: null,
    parserVersion: SCREENING_VERSION,
    facts: null,
    textSource: null,
    ocrConfidence: null,
    needsReview: false,
  };
}

/** The result for a file that could not be read (also used by the CLI for files it skips). */
export function failedScreening(file: string, error: ExtractionError, format: ResumeFormat | null): ScreeningResult {
  return screeningResult(file, { error: { code: error.code, message: error.message }, format });
}

// Keys in SCREENING_RESULT_KEYS order, so JSON output is stable without re-sorting.
function screeningResult(
  file: string,
  fields: {
    error?: ScreeningResult["error"];
    format: ResumeFormat | null;
    contact?: Contact;
    yearsExperience?: ScreeningResult["yearsExperience"];
    highestDegree?: ScreeningResult["highestDegree"];
    scored?: ScoredResume;
    textSource?: TextSource;
    ocrConfidence?: number | null;
  },
): ScreeningResult {
  return {
    file,
    ok: !fields.error,
    error: fields.error ?? null,
    format: fields.format,
    contact: fields.contact ?? null,
    yearsExperience: fields.yearsExperience ?? null,
    highestDegree: fields.highestDegree ?? null,
    background: fields.scored?.background ?? null,
    skills: fields.scored?.skills ?? [],
    scores: fields.scored?.scores ?? null,
    areas: fields.scored?.areas ?? [],
    gaps: fields.scored?.gaps ?? [],
    textSource: fields.textSource ?? null,
    ocrConfidence: fields.ocrConfidence ?? null,
  };
}
