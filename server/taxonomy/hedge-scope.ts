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

export function findHedges(text: string): HedgeMatch[] {
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

function clauseStart(text: string, position: number): number {
  for (let i = position - 1; i >= 0; i -= 1) if (isBoundary(text, i)) return i + 1;
  return 0;
}

function clauseEnd(text: string, position: number): number {
  for (let i = position; i < text.length; i += 1) if (isBoundary(text, i)) return i;
  return text.length;
}

/** The unmatched "(" before `position` within the clause, or -1. */
function openParenBefore(text: string, position: number, floor: number): number {
  let depth = 0;
  for (let i = position - 1; i >= floor; i -= 1) {
    if (text[i] === ")") depth += 1;
    else if (text[i] === "(") {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function closeParenAfter(text: string, position: number, ceiling: number): number {
  let depth = 0;
  for (let i = position; i < ceiling; i += 1) {
    if (text[i] === "(") depth += 1;
    else if (text[i] === ")") {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return ceiling;
}

/** The half-open range of text a hedge covers. */
export function hedgeScope(text: string, match: HedgeMatch): [number, number] {
  const start = clauseStart(text, match.start);
  const end = clauseEnd(text, match.end);
  if (match.hedge.direction === "clause") return [start, end];

  const openParen = openParenBefore(text, match.start, start);
  const forwardEnd = openParen === -1 ? end : closeParenAfter(text, match.end, end);
  const matchedText = text.slice(match.start, match.end);
  if (match.hedge.direction === "forward" || ENDS_WITH_PREPOSITION.test(matchedText)) return [match.end, forwardEnd];

  // "either": forward when words follow in the same item ("basic Docker"), else it rates the
  // item before it ("Docker (basic)", "Kubernetes: beginner", "Rust - learning").
  let itemEnd = match.end;
  while (itemEnd < forwardEnd && text[itemEnd] !== ",") itemEnd += 1;
  if (/[\p{L}\p{N}]/u.test(text.slice(match.end, itemEnd))) return [match.end, forwardEnd];

  let anchor = match.start;
  if (openParen !== -1 && POSTFIX_GAP.test(text.slice(openParen + 1, match.start))) anchor = openParen;
  let i = anchor - 1;
  while (i >= start && /[\s:\-–—]/.test(text[i]!)) i -= 1;
  while (i >= start && !ITEM_STOP_CHARS.has(text[i]!)) i -= 1;
  return [i + 1, anchor];
}

/** Lowers `hedge` on every target inside a hedge's scope; the lowest factor wins. */
export function applyHedges(text: string, targets: readonly HedgeTarget[]): void {
  if (targets.length === 0) return;
  for (const match of findHedges(text)) {
    const [from, to] = hedgeScope(text, match);
    // targets are sorted by start: binary search for the first one at or after `from`.
    let low = 0;
    let high = targets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (targets[mid]!.start < from) low = mid + 1;
      else high = mid;
    }
    for (let k = low; k < targets.length && targets[k]!.start < to; k += 1) {
      const target = targets[k]!;
      if (target.end > to) continue;
      target.hedge = Math.min(target.hedge, hedgeFactor(match.hedge, target.dimension));
    }
  }
}
