// How strongly one sentence asks: from its section, then its own words ("must", "is a plus",
// "preferably …"), splitting it where the strength changes. See inline-markers.ts for the words.
import {
  ABOUT_CANDIDATE,
  ASKS_FOR_SKILL,
  CLAUSE_END,
  PREFERRED_FIELD,
  PREFERRED_FROM_HERE,
  PREFERRED_MARKER,
  REQUIRED_MARKER,
} from "./inline-markers.ts";
import { trimmed, type Piece } from "./split-sentences.ts";
import type { PostingSegment, SectionKind, Strength } from "./types.ts";

function baseStrength(section: SectionKind, piece: Piece): Strength {
  if (section === "required") return "required";
  if (section === "preferred") return "preferred";
  // "Must be a strong programmer" in a summary is a requirement; "AI must be created with
  // safety" in the company's mission is not.
  if (REQUIRED_MARKER.test(piece.text) && ABOUT_CANDIDATE.test(piece.text) && !PREFERRED_MARKER.test(piece.text)) {
    return "required";
  }
  return "none";
}

/** One sentence → segments with their strength, splitting where a preferred marker starts. */
export function strengthenSentence(
  posting: string,
  sentence: Piece,
  section: SectionKind,
  bullet: boolean,
): PostingSegment[] {
  const make = (piece: Piece, strength: Strength): PostingSegment => ({
    ...piece,
    section,
    strength,
    bullet,
    title: false,
  });
  const base = baseStrength(section, sentence);
  if (PREFERRED_MARKER.test(sentence.text)) {
    const stillRequired = REQUIRED_MARKER.test(sentence.text.replace(/\bnot (?:required|necessary|mandatory)\b/gi, ""));
    if (!stillRequired) {
      // "Python; Go is a plus": only the clause with the marker is a plus.
      const parts = sentence.text.includes(";") ? clausesOf(posting, sentence, /;\s*/g) : [sentence];
      return parts
        .map((part) => make(part, PREFERRED_MARKER.test(part.text) && base !== "none" ? "preferred" : base))
        .map(markPreferred);
    }
    // "Python is required, Go is a plus": each clause on its own.
    return clausesOf(posting, sentence)
      .map((clause) =>
        make(clause, PREFERRED_MARKER.test(clause.text) ? (base === "none" ? "none" : "preferred") : base),
      )
      .map(markPreferred);
  }
  const from = PREFERRED_FROM_HERE.exec(sentence.text);
  if (from === null || (base === "none" && !ABOUT_CANDIDATE.test(sentence.text))) return [make(sentence, base)];
  // "Experience with version control, preferably Git": the control is required, Git a plus.
  const markerAt = sentence.start + from.index;
  CLAUSE_END.lastIndex = from.index + from[0].length;
  const close = CLAUSE_END.exec(sentence.text);
  const clauseEnd = close === null ? sentence.end : sentence.start + close.index;
  return [
    make(trimmed(posting, sentence.start, markerAt), base),
    make(trimmed(posting, markerAt, clauseEnd), "preferred"),
    make(trimmed(posting, clauseEnd, sentence.end), base),
  ].filter((segment) => segment.end > segment.start && /[\p{L}\p{N}]/u.test(segment.text));

  function markPreferred(segment: PostingSegment): PostingSegment {
    // A plus outside any requirements list ("Knowledge of Go is a plus" in a summary) is still a plus.
    if (
      segment.strength === "none" &&
      PREFERRED_MARKER.test(segment.text) &&
      (ASKS_FOR_SKILL.test(segment.text) || PREFERRED_FIELD.test(segment.text))
    ) {
      return { ...segment, strength: "preferred" };
    }
    return segment;
  }
}

function clausesOf(
  posting: string,
  sentence: Piece,
  pattern = /[;,]\s+|\s+(?:and|but|while)\s+(?=\w+\s+(?:is|are)\b)/g,
): Piece[] {
  const pieces: Piece[] = [];
  let from = sentence.start;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
    const cut = sentence.start + match.index;
    pieces.push(trimmed(posting, from, cut));
    from = cut + match[0].length;
  }
  pieces.push(trimmed(posting, from, sentence.end));
  return pieces.filter((piece) => piece.end > piece.start);
}
