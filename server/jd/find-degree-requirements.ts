// Degree requirements in a posting. The draft never sets minDegree from them: the guide says a
// Ph.D. "is generally not a requirement" and that "practical skills and experience are often
// valued more highly", and degree level is a likely proxy for socioeconomic background and age.
// Each one becomes a warning the hiring manager reads before deciding.
import type { DraftWarning, PostingSegment } from "./types.ts";

const EXPLICIT =
  /\b(?:bachelor(?:['’]s|s)?|master(?:['’]s|s)\b(?!\s+(?:of\s+)?(?:the|your|our)\b)|ph\.?\s?d\.?|doctorate|doctoral degree|undergraduate degree|graduate degree|advanced degree|university degree|college degree|four-year degree|4-year degree|BSc|MSc|B\.Tech|M\.Tech|MBA)(?=\W|$)/i;
/** Abbreviations that are degrees only beside a degree context ("B.S. in Computer Science"). */
const ABBREVIATED = /\b(?:B\.\s?S\.?|M\.\s?S\.?|B\.\s?A\.?|M\.\s?A\.?|BS|MS|BA|MEng|BEng)(?=[\s,/)]|$)/;
const DEGREE_CONTEXT =
  /\bdegree\b|\bin (?:computer|engineering|math|statistics|physics|a related|related|electrical|data|cs|ee|stem|a quantitative|quantitative|science|economics|operations|a technical|technical)\b/i;
const DEGREE_WORD = /\bdegree\b/i;

const GUIDE_QUOTE =
  'The guide: a Ph.D. "is generally not a requirement for most Machine Learning Engineer roles", and "practical skills and experience are often valued more highly".';

function degreeSpan(segment: PostingSegment): { start: number; end: number } | null {
  // The earliest of: a spelled-out degree, an abbreviation beside a degree context, "degree in".
  const found = [
    EXPLICIT.exec(segment.text),
    DEGREE_CONTEXT.test(segment.text) ? ABBREVIATED.exec(segment.text) : null,
    // "Degree in Computer Science or equivalent", "a relevant degree" (not "a high degree of autonomy").
    /\bdegree in\b|\b(?:relevant|related|technical|university|college|stem|academic|engineering|cs|computer science|quantitative) degree\b/i.exec(
      segment.text,
    ),
  ].filter((candidate): candidate is RegExpExecArray => candidate !== null);
  if (found.length === 0) return null;
  const match = found.reduce((first, candidate) => (candidate.index < first.index ? candidate : first));
  let end = match.index + match[0].length;
  // Extend "Bachelor's" to "Bachelor's degree" when the word follows closely.
  const rest = segment.text.slice(end, end + 60);
  const degree = DEGREE_WORD.exec(rest);
  if (degree !== null && !/[.;]/.test(rest.slice(0, degree.index))) end += degree.index + degree[0].length;
  return { start: segment.start + match.index, end: segment.start + end };
}

export function findDegreeRequirements(posting: string, segments: readonly PostingSegment[]): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  for (const segment of segments) {
    if (segment.strength === "none") continue;
    const span = degreeSpan(segment);
    if (span === null) continue;
    const text = posting.slice(span.start, span.end);
    const equivalent = /\bor equivalent\b|\bequivalent (?:practical |industry |work )?experience\b/i.test(segment.text);
    if (segment.strength === "required") {
      warnings.push({
        code: "degree_required",
        text,
        ...span,
        message:
          `The posting requires a degree ("${text}"). Degree level is a likely proxy for socioeconomic background and age. ${GUIDE_QUOTE} ` +
          (equivalent
            ? "The posting already accepts equivalent experience; the draft leaves the minimum degree empty."
            : "The draft leaves the minimum degree empty; set it only if the role truly needs it, and consider accepting equivalent experience."),
      });
    } else {
      warnings.push({
        code: "degree_preferred",
        text,
        ...span,
        message: `The posting prefers a degree ("${text}"). Degree level is a likely proxy for socioeconomic background and age. ${GUIDE_QUOTE} The draft does not use it.`,
      });
    }
  }
  return warnings;
}
