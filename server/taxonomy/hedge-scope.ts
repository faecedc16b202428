// Where a hedge applies. Clauses end at a sentence end (". ", "! ", "? "), a line break, a bullet,
// ";" or "|"; a hedge never reaches past its clause, nor out of the parentheses it sits in.
import type { Dimension } from "../contract/screening-result.ts";
import { HEDGES, hedgeFactor, type Hedge } from "./hedges.ts";

export interface HedgeMatch {
  hedge: Hedge;
  start: number;
  end: number;
}

export interface HedgeTarget {
  start: number;
  end: number;
  dimension: Dimension;
  hedge: number;
}

// One regex for all hedges: a capture group per hedge tells which one matched.
const HEDGE_REGEX = new RegExp(
  String.raw`\b(?:` + HEDGES.map((hedge) => `(${hedge.pattern})`).join("|") + String.raw`)(?![\w-])`,
  "gi",
);

const BOUNDARY_CODES = new Set([..."\n\r;|•·▪●◦‣■□➢►"].map((char) => char.charCodeAt(0)));
const SENTENCE_END_CODES = new Set([...".!?"].map((char) => char.charCodeAt(0)));
const ITEM_STOP_CHARS = new Set([",", ":", "(", ")", "[", "]"]);
const POSTFIX_GAP = /^[\s:\-–—]*$/;
const ENDS_WITH_PREPOSITION = /\s(?:with|of|in|on|to)$/i;

function findHedges(text: string): HedgeMatch[] {
  const found: HedgeMatch[] = [];
  HEDGE_REGEX.lastIndex = 0;
  for (let match = HEDGE_REGEX.exec(text); match !== null; match = HEDGE_REGEX.exec(text)) {
    const index = match.findIndex((group, i) => i > 0 && group !== undefined);
    const hedge = HEDGES[index - 1];
    if (hedge !== undefined) found.push({ hedge, start: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) HEDGE_REGEX.lastIndex += 1;
  }
  return found;
}

function isBoundary(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (BOUNDARY_CODES.has(code)) return true;
  if (!SENTENCE_END_CODES.has(code)) return false;
  const next = text.charCodeAt(i + 1); // NaN past the end
  return Number.isNaN(next) || next === 32 || next === 10 || next === 9 || next === 13;
}

/**
 * Clause ends and brackets of the whole text, read in one pass, so that each hedge finds its
 * clause and its parentheses by binary search instead of scanning its clause (a long clause full
 * of hedges was quadratic).
 */
interface TextIndex {
  /** Positions of clause boundaries, ascending. */
  boundaries: Int32Array;
  /** For each hedge (in order), its innermost unclosed "(" within its clause before it, or -1. */
  openBefore: Int32Array;
  /** For a "(" at position p: the ")" that closes it within its clause, or -1. */
  closeOf: Map<number, number>;
}

function indexText(text: string, matches: readonly HedgeMatch[]): TextIndex {
  const boundaries: number[] = [];
  const openBefore = new Int32Array(matches.length).fill(-1);
  const closeOf = new Map<number, number>();
  // The "(" still open, innermost last; a ")" with none open is ignored, as the backward count
  // of the scan this replaces ignores it. A clause boundary closes nothing but starts afresh.
  let open: number[] = [];
  let next = 0;
  for (let i = 0; i <= text.length; i += 1) {
    while (next < matches.length && matches[next]!.start === i) openBefore[next++] = open.at(-1) ?? -1;
    if (i === text.length) break;
    if (isBoundary(text, i)) {
      boundaries.push(i);
      open = [];
    } else if (text[i] === "(") {
      open.push(i);
    } else if (text[i] === ")") {
      const opened = open.pop();
      if (opened !== undefined) closeOf.set(opened, i);
    }
  }
  return { boundaries: Int32Array.from(boundaries), openBefore, closeOf };
}

/** The first boundary at or after `position`, as an index into `boundaries`. */
function firstBoundaryFrom(boundaries: Int32Array, position: number): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundaries[mid]! < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The half-open range of text each hedge covers, in the order of `matches`. */
function hedgeScopes(text: string, matches: readonly HedgeMatch[]): Array<[number, number]> {
  const { boundaries, openBefore, closeOf } = indexText(text, matches);
  const letter = /[\p{L}\p{N}]/gu;
  let comma = -1; // the first "," at or after the last hedge read; Infinity when none is left
  return matches.map((match, m) => {
    const before = firstBoundaryFrom(boundaries, match.start);
    const start = before === 0 ? 0 : boundaries[before - 1]! + 1;
    const after = firstBoundaryFrom(boundaries, match.end);
    const end = after === boundaries.length ? text.length : boundaries[after]!;
    if (match.hedge.direction === "clause") return [start, end];

    const openParen = openBefore[m]!;
    const forwardEnd = openParen === -1 ? end : (closeOf.get(openParen) ?? end);
    const matchedText = text.slice(match.start, match.end);
    if (match.hedge.direction === "forward" || ENDS_WITH_PREPOSITION.test(matchedText)) return [match.end, forwardEnd];

    // "either": forward when words follow in the same item ("basic Docker"), else it rates the
    // item before it ("Docker (basic)", "Kubernetes: beginner", "Rust - learning").
    if (comma < match.end) {
      const found = text.indexOf(",", match.end);
      comma = found === -1 ? Infinity : found;
    }
    const itemEnd = Math.min(comma, forwardEnd);
    letter.lastIndex = match.end;
    const word = letter.exec(text);
    if (word !== null && word.index < itemEnd) return [match.end, forwardEnd];

    let anchor = match.start;
    if (openParen !== -1 && POSTFIX_GAP.test(text.slice(openParen + 1, match.start))) anchor = openParen;
    let i = anchor - 1;
    while (i >= start && /[\s:\-–—]/.test(text[i]!)) i -= 1;
    while (i >= start && !ITEM_STOP_CHARS.has(text[i]!)) i -= 1;
    return [i + 1, anchor];
  });
}

/**
 * Lowers `hedge` on every target inside a hedge's scope; the lowest factor wins. Hedges are taken
 * from the lowest factor up and each target is settled by the first scope that covers it (a
 * pointer skips the settled ones), so many hedges over one long clause cost linear time.
 */
export function applyHedges(text: string, targets: readonly HedgeTarget[]): void {
  if (targets.length === 0) return;
  const matches = findHedges(text);
  if (matches.length === 0) return;
  const scopes = hedgeScopes(text, matches);
  for (const dimension of new Set(targets.map((target) => target.dimension))) {
    const ofDimension = targets.filter((target) => target.dimension === dimension);
    // settledUntil[k]: the first target at or after k not settled yet (path-halving pointers).
    const settledUntil = Int32Array.from({ length: ofDimension.length + 1 }, (_, k) => k);
    const firstOpen = (k: number): number => {
      while (settledUntil[k] !== k) {
        settledUntil[k] = settledUntil[settledUntil[k]!]!;
        k = settledUntil[k]!;
      }
      return k;
    };
    const order = matches
      .map((match, m) => ({ factor: hedgeFactor(match.hedge, dimension), scope: scopes[m]! }))
      .sort((a, b) => a.factor - b.factor);
    for (const { factor, scope } of order) {
      const [from, to] = scope;
      // targets are sorted by start: binary search for the first one at or after `from`.
      let low = 0;
      let high = ofDimension.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (ofDimension[mid]!.start < from) low = mid + 1;
        else high = mid;
      }
      for (let k = firstOpen(low); k < ofDimension.length && ofDimension[k]!.start < to; k = firstOpen(k + 1)) {
        const target = ofDimension[k]!;
        if (target.end > to) continue;
        target.hedge = Math.min(target.hedge, factor);
        settledUntil[k] = k + 1;
      }
    }
  }
}
