// Rebuilds reading-order text from the positioned text items pdf.js returns for a page.
// pdf.js's own order follows the content stream, which breaks two-column résumés (a job's
// dates end up next to the sidebar's skills) and splits glyph-by-glyph output into junk.
// Here: items are grouped into lines by baseline, sorted by x with spaces inserted from the
// gaps, a vertical gutter splits two columns, and icon-font glyphs are dropped.

/** One positioned run of text, in PDF user space (y grows upwards). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  fontName: string;
}

interface Line {
  y: number;
  size: number;
  items: PositionedText[];
  x0: number;
  x1: number;
}

/** Symbols kept even when they stand alone: bullets and dashes carry structure. */
const KEPT_SYMBOLS = /^[•·●▪■◦○►▸‣∙*–—-]$/u;
// Private-use-area code points are icon fonts (FontAwesome and friends), never text.
const PRIVATE_USE = /[\u{e000}-\u{f8ff}\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}]/gu;
/** Smallest share of the text width each column needs: narrower "columns" are date gutters. */
const MIN_COLUMN_SHARE = 0.18;
/** Share of the page's lines a gutter must keep apart for the page to be read as two columns. */
const MIN_SPLIT_SHARE = 0.5;
const GUTTER_HALF_WIDTH = 3;
/** Gap, in ems, above which two items on a line are separate fields rather than words. */
const WIDE_GAP_EMS = 2.5;

export function layoutPageText(raw: PositionedText[]): string {
  // Whitespace items are kept as word-break markers; they never extend a line or a column.
  const items = raw.map(cleanItem).filter((item) => item.str !== "");
  const lines = dropIconGlyphs(buildLines(items));
  if (lines.length === 0) return "";
  const gutter = findGutter(lines);
  if (gutter === null || isDateMargin(lines, gutter)) return lines.map(lineText).join("\n");
  return splitColumns(lines, gutter).join("\n");
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** A date, a date range, a duration or "present": what a right-hand date margin holds. */
const DATE_LIKE = new RegExp(
  `^(?:${MONTH}\\s*)?(?:\\d{1,2}[/.])?(?:19|20)\\d{2}\\b|\\b(?:present|current|now|today)\\b|^\\d+\\s+(?:years?|months?|yrs?|mos?)\\b|^${MONTH}\\s*[-–—]`,
  "i",
);
/** "Princeton, NJ", "London, UK", "Istanbul, Türkiye", "Remote": a role's place beside its dates. */
const PLACE_LIKE = /^(?:remote|hybrid|on-?site|[\p{Lu}][\p{L}.' -]{1,30},\s*[\p{Lu}][\p{L}.' ]{1,30})$/u;
/** Share of the narrow column's lines that must be dates or places for it to be a date margin. */
const DATE_MARGIN_SHARE = 0.7;

/**
 * A narrow right-hand column of dates and places (rendercv, moderncv-like templates) is not a
 * sidebar: each of its lines belongs to the entry on the same baseline, so the page is read
 * line by line (the wide gap becomes " | ") rather than column by column, which would move every
 * date to the end of the page, away from its role.
 */
function isDateMargin(lines: Line[], gutter: number): boolean {
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  if (right - gutter >= gutter - left) return false;
  const margin = lines
    .map((line) => line.items.filter((item) => item.x + item.width / 2 >= gutter && !isBlank(item)))
    .filter((items) => items.length > 0)
    .map((items) => lineText({ items }).trim());
  if (margin.length < 2) return false;
  const dated = margin.filter((text) => DATE_LIKE.test(text) || PLACE_LIKE.test(text)).length;
  return dated / margin.length >= DATE_MARGIN_SHARE;
}

function cleanItem(item: PositionedText): PositionedText {
  let str = item.str.replace(PRIVATE_USE, "");
  // A hyphen drawn with the soft-hyphen code point (LuaTeX fonts do this) is a visible hyphen;
  // several hyphen-like marks in a row ("-\u00ad\u2010" from Word for Mac) are one hyphen.
  str = str.replace(/[-\u00ad\u2010\u2011]{2,}/g, "-").replace(/\u00ad/g, "-");
  return str === item.str ? item : { ...item, str };
}

/**
 * Icon fonts draw one glyph per item, each set apart from the text beside it ("☎ 555…"), or
 * spell the icon's name in capitals ("LINKEDIN posquit0"): fonts used only that way are
 * dropped with their glyphs. Small-caps initials are one-glyph items too, but they touch the
 * letters that follow; headings stand alone on their line: both keep their font.
 */
function dropIconGlyphs(lines: Line[]): Line[] {
  const iconFont = new Map<string, boolean>();
  const lone = new Set<PositionedText>();
  for (const line of lines) {
    const inked = line.items.filter((item) => !isBlank(item));
    inked.forEach((item, i) => {
      const glyph = item.str.trim();
      const [before, after] = [inked[i - 1], inked[i + 1]];
      const apart = !touches(before, item) && !touches(item, after);
      const single = [...glyph].length === 1 && !KEPT_SYMBOLS.test(glyph) && !/\p{N}/u.test(glyph);
      const named =
        /^[A-Z]+(?:-[A-Z]+)*$/.test(glyph) && after !== undefined && after.x - (item.x + item.width) < item.size * 1.5;
      if (single && apart && /[\p{So}\p{Co}]/u.test(glyph)) lone.add(item);
      iconFont.set(item.fontName, (iconFont.get(item.fontName) ?? true) && apart && (single || named));
    });
  }
  return lines
    .map((line) => ({ ...line, items: line.items.filter((item) => !iconFont.get(item.fontName) && !lone.has(item)) }))
    .filter((line) => line.items.some((item) => !isBlank(item)))
    .map((line) => {
      const inked = line.items.filter((item) => !isBlank(item));
      return {
        ...line,
        x0: Math.min(...inked.map((item) => item.x)),
        x1: Math.max(...inked.map((item) => item.x + item.width)),
      };
    });
}

function touches(a: PositionedText | undefined, b: PositionedText | undefined): boolean {
  if (!a || !b) return false;
  return b.x - (a.x + a.width) < Math.min(a.size, b.size) * 0.12;
}

function isBlank(item: PositionedText): boolean {
  return item.str.trim() === "";
}

function buildLines(items: PositionedText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    // Superscripts ("21st") sit a little above the baseline and still belong to the line.
    if (line && line.y - item.y <= Math.min(line.size, item.size) * 0.45) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
      line.x0 = Math.min(line.x0, item.x);
      line.x1 = Math.max(line.x1, item.x + item.width);
    } else {
      lines.push({ y: item.y, size: item.size, items: [item], x0: item.x, x1: item.x + item.width });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's text: items in x order, a space where the gap is wider than a tight kern. */
function lineText(line: Pick<Line, "items">): string {
  const { items } = line;
  const letterGap = trackingGap(items);
  let text = "";
  let previous: PositionedText | undefined;
  let spaced = false;
  for (const item of items) {
    if (isBlank(item)) {
      spaced = previous !== undefined;
      continue;
    }
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      const size = Math.min(previous.size, item.size);
      const threshold = letterGap === null ? size * 0.15 : letterGap * 1.8 + size * 0.1;
      // A wide gap on one line separates fields (a title and its right-aligned dates, a
      // company and its city): kept as " | " so the parts stay apart in plain text.
      if (gap > size * WIDE_GAP_EMS && letterGap === null) text = `${text.trimEnd()} | `;
      else if ((spaced || gap > threshold) && !text.endsWith(" ") && !item.str.startsWith(" ")) text += " ";
    }
    text += item.str;
    previous = item;
    spaced = false;
  }
  return text;
}

/**
 * Letter-spaced headings ("E X P E R I E N C E") come as one item per letter with even gaps;
 * the typical gap then marks letters of one word and only wider gaps separate words.
 */
function trackingGap(all: PositionedText[]): number | null {
  const items = all.filter((item) => !isBlank(item));
  const letters = items.filter((item) => [...item.str].length === 1 && /\p{L}/u.test(item.str));
  if (letters.length < 4 || letters.length < items.length * 0.6) return null;
  const gaps: number[] = [];
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    if ([...a.str].length === 1 && [...b.str].length === 1 && /\p{L}/u.test(a.str + b.str)) {
      gaps.push(b.x - (a.x + a.width));
    }
  }
  if (gaps.length < 3) return null;
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return median > (items[0]?.size ?? 10) * 0.05 ? median : null;
}

/** Horizontal extents of the runs of a line (items closer than ~1 em merge into one run). */
function runs(line: Line): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const item of line.items) {
    if (isBlank(item)) continue;
    const last = out.at(-1);
    if (last && item.x - last[1] < line.size) last[1] = Math.max(last[1], item.x + item.width);
    else out.push([item.x, item.x + item.width]);
  }
  return out;
}

function crosses(lineRuns: Array<[number, number]>, x: number): boolean {
  return lineRuns.some(([x0, x1]) => x0 < x + GUTTER_HALF_WIDTH && x1 > x - GUTTER_HALF_WIDTH);
}

/**
 * The x of a vertical gutter that separates two real columns over most of the page, or null.
 * A column must be wide (a moderncv date margin is not a column) and the gutter must stay
 * clear over at least half the lines (right-aligned dates beside full-width bullets do not).
 */
function findGutter(lines: Line[]): number | null {
  if (lines.length < 8) return null;
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const width = right - left;
  if (width <= 0) return null;
  const lineRuns = lines.map(runs);
  const accepted: Array<{ x: number; split: number }> = [];
  for (let x = left + width * MIN_COLUMN_SHARE; x <= right - width * MIN_COLUMN_SHARE; x += 2) {
    let split = 0;
    let leftEdge = Infinity;
    let rightEdge = -Infinity;
    for (const block of blocksAround(lineRuns, x)) {
      if (block.crossing) continue;
      const leftLines = block.lines.filter((i) => lineRuns[i]!.some(([x0]) => x0 < x));
      const rightLines = block.lines.filter((i) => lineRuns[i]!.some(([, x1]) => x1 > x));
      if (leftLines.length < 2 || rightLines.length < 2) continue;
      split += block.lines.length;
      for (const i of leftLines) leftEdge = Math.min(leftEdge, lines[i]!.x0);
      for (const i of rightLines) rightEdge = Math.max(rightEdge, lines[i]!.x1);
    }
    if (split / lines.length < MIN_SPLIT_SHARE) continue;
    if (x - leftEdge < width * MIN_COLUMN_SHARE || rightEdge - x < width * MIN_COLUMN_SHARE) continue;
    accepted.push({ x, split });
  }
  if (accepted.length === 0) return null;
  // The gutter that keeps most lines apart; among equals, the middle of the clear band.
  const most = Math.max(...accepted.map((candidate) => candidate.split));
  const band = accepted.filter((candidate) => candidate.split === most);
  return band[Math.floor(band.length / 2)]!.x;
}

interface Block {
  crossing: boolean;
  lines: number[];
}

/** Consecutive lines grouped by whether they cross the gutter at x. */
function blocksAround(lineRuns: Array<Array<[number, number]>>, x: number): Block[] {
  const blocks: Block[] = [];
  lineRuns.forEach((lineRun, i) => {
    const crossing = crosses(lineRun, x);
    const last = blocks.at(-1);
    if (last && last.crossing === crossing && !crossing) last.lines.push(i);
    else blocks.push({ crossing, lines: [i] });
  });
  return blocks;
}

/**
 * Text of a two-column page: full-width lines (the header) stay where they are; between them
 * the main (wider) column is read first, then the sidebar, unless the sidebar holds the
 * e-mail address (a contact sidebar belongs before the body).
 */
function splitColumns(lines: Line[], gutter: number): string[] {
  const lineRuns = lines.map(runs);
  const blocks = blocksAround(lineRuns, gutter);
  const side = (i: number, which: "left" | "right") =>
    lines[i]!.items.filter((item) =>
      which === "left" ? item.x + item.width / 2 < gutter : item.x + item.width / 2 >= gutter,
    );
  const columnText = (indexes: number[], which: "left" | "right") =>
    indexes
      .map((i) => side(i, which))
      .filter((items) => items.length > 0)
      .map((items) => lineText({ items }));
  const allLeft = blocks.flatMap((block) => (block.crossing ? [] : columnText(block.lines, "left")));
  const allRight = blocks.flatMap((block) => (block.crossing ? [] : columnText(block.lines, "right")));
  const leftWidth = gutter - Math.min(...lines.map((line) => line.x0));
  const rightWidth = Math.max(...lines.map((line) => line.x1)) - gutter;
  const sidebarIsRight = rightWidth < leftWidth;
  const sidebar = sidebarIsRight ? allRight : allLeft;
  const contactSidebar = sidebar.some((text) => text.includes("@"));
  const leftFirst = sidebarIsRight || contactSidebar;
  const out: string[] = [];
  for (const block of blocks) {
    if (block.crossing) {
      out.push(lineText(lines[block.lines[0]!]!));
      continue;
    }
    const [first, second] = leftFirst ? (["left", "right"] as const) : (["right", "left"] as const);
    out.push(...columnText(block.lines, first), ...columnText(block.lines, second));
  }
  return out;
}
