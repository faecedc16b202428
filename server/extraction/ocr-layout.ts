// Turns the words OCR found on a page (each with its box and the baseline of its line) into the
// positioned text items the PDF text layer gives, and lays them out with the same code
// (pdf-layout.ts). tesseract's own reading order splits a page into blocks, so a job's dates in
// the left margin end up far from the job title; rebuilt by position they stay on its line,
// exactly as in a text PDF of the same résumé.
import { layoutPageText, type PositionedText } from "./pdf-layout.ts";

/** The slice of tesseract.js's `blocks` output read here (image pixels, y grows downwards). */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}
export interface OcrLine {
  words: OcrWord[];
  baseline: OcrBox;
  bbox: OcrBox;
  rowAttributes?: { rowHeight: number; ascenders: number; descenders: number };
}
export interface OcrBlock {
  paragraphs: Array<{ lines: OcrLine[] }>;
}

export interface OcrPageText {
  text: string;
  /** Confidence (0–100) of the page, the mean over its words weighted by their length. */
  confidence: number | null;
  /** Letters and digits read (the weight of the page in a file's mean confidence). */
  characters: number;
}

/** Words OCR is this unsure of, with no letter or digit, are specks, rules and icons. */
const NOISE_CONFIDENCE = 40;
/** Dashes and bullets carry structure ("2021 – Present") even when OCR is unsure of them. */
const STRUCTURE = /^(?:[–—-]+|[•·●▪■◦○►▸‣∙*])$/u;

/** Typical body-text size, in the layout's units: OCR pixels are scaled so the page reads like a PDF's points. */
const BODY_SIZE = 10;

export function layoutOcrPage(blocks: OcrBlock[]): OcrPageText {
  const lines = blocks.flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
  // tesseract's row height runs from the descenders' bottom to the ascenders' top, about 0.87 em.
  const sizes = lines.map((line) => Math.max(1, (line.rowAttributes?.rowHeight ?? line.bbox.y1 - line.bbox.y0) / 0.87));
  // The layout's thresholds (gutter width, column shares) are tuned in points; the median line is
  // taken as body text, whatever the image's resolution.
  const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? BODY_SIZE;
  const scale = BODY_SIZE / median;
  const items: PositionedText[] = [];
  let weighted = 0;
  let characters = 0;
  lines.forEach((line, index) => {
    const size = sizes[index]! * scale;
    for (const word of line.words) {
      const text = word.text.trim();
      if (text === "") continue;
      const inked = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
      if (inked === 0 && word.confidence < NOISE_CONFIDENCE && !STRUCTURE.test(text)) continue;
      weighted += word.confidence * inked;
      characters += inked;
      items.push({
        str: text,
        x: word.bbox.x0 * scale,
        // PDF user space grows upwards; the baseline is where the line's words stand.
        y: -baselineAt(line.baseline, (word.bbox.x0 + word.bbox.x1) / 2) * scale,
        width: (word.bbox.x1 - word.bbox.x0) * scale,
        size,
        fontName: "ocr",
      });
      // Words are separate items: a blank item marks the break, as pdf.js does between words.
      items.push({ str: " ", x: word.bbox.x1 * scale, y: items.at(-1)!.y, width: 0, size, fontName: "ocr" });
    }
  });
  return {
    text: joinBrokenEmails(layoutPageText(items)),
    confidence: characters === 0 ? null : Math.round((weighted / characters) * 10) / 10,
    characters,
  };
}

/**
 * OCR breaks e-mail addresses around the "@": a space on either side, or "(@" for a small "@"
 * ("jwilliams8969(@ comcast.net", "prateek21 @gmail.com" in scans of real résumés). Joined again
 * where a domain (name.tld) follows, so the contact reader finds the address.
 */
const BROKEN_AT = /(?<=[\w.+-]) ?[([{]?@ ?(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b)/giu;

export function joinBrokenEmails(text: string): string {
  return text.replace(BROKEN_AT, "@");
}

function baselineAt(baseline: OcrBox, x: number): number {
  const run = baseline.x1 - baseline.x0;
  if (run <= 0) return baseline.y1;
  return baseline.y0 + ((baseline.y1 - baseline.y0) * (x - baseline.x0)) / run;
}
