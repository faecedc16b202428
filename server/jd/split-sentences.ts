// The sentences of a posting line, with exact offsets, not split after "e.g.", "etc.", "Ph.D."
// and other abbreviations.
import { BULLET, type PostingLine } from "./split-posting-lines.ts";

const ABBREVIATION =
  /(?:\be\.g|\bi\.e|\betc|\bvs|\bincl|\bapprox|\bInc|\bLtd|\bCo|\bSr|\bJr|\bDr|\bMr|\bMs|\bSt|\b[A-Z]|\bPh\.D|\bB\.S|\bM\.S|\bB\.A|\bM\.A|\bno)\.$/;

export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** The sentences of a line, not split after "e.g.", "etc.", "Ph.D." and other abbreviations. */
export function sentencesOf(posting: string, line: PostingLine): Piece[] {
  const pieces: Piece[] = [];
  const text = line.text;
  // The bullet's own marker ("1.", "-") is kept with its item, never a sentence of its own.
  const prefix = line.bullet ? (BULLET.exec(text)?.[0].length ?? 0) : 0;
  let from = line.start + prefix;
  const pattern = /[.!?](?=\s+["“(]?[A-Z0-9])/g;
  pattern.lastIndex = prefix;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const cut = line.start + match.index + 1;
    if (ABBREVIATION.test(posting.slice(Math.max(line.start, cut - 8), cut))) continue;
    pieces.push(trimmed(posting, from, cut));
    from = cut;
  }
  pieces.push(trimmed(posting, from, line.end));
  return pieces.filter((piece) => piece.end > piece.start);
}

/** The span of posting[start, end) without surrounding white space. */
export function trimmed(posting: string, start: number, end: number): Piece {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(posting[from]!)) from += 1;
  while (to > from && /\s/.test(posting[to - 1]!)) to -= 1;
  return { text: posting.slice(from, to), start: from, end: to };
}
