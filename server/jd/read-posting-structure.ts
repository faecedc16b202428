// Reads the structure of a job posting: its title, its headings and what each introduces, its
// bullets and sentences, and how strongly each asks (required, a plus, or only described).
// Pure and deterministic. Postings arrive as plain text (pasted, or extracted from PDF/DOCX),
// so headings are recognised from their shape (short, no full stop, a colon, Title Case, ALL
// CAPS, or a list right below) and their words (classify-heading.ts).
import { findSkillMentions } from "../taxonomy/index.ts";
import { classifyHeading } from "./classify-heading.ts";
import { CLAUSE_END, PREFERRED_FROM_HERE, PREFERRED_MARKER, REQUIRED_MARKER } from "./inline-markers.ts";
import type { PostingSegment, SectionKind, Strength } from "./types.ts";

const BULLET = /^\s*(?:[-*•·▪◦‣–—>+]|\d{1,2}[.)]|[a-z][.)]|\(\w\))\s+/;
/** "Experience needed: 4 to 9 years", "Education level: Bachelor's", "Skills: Python, SQL". */
const REQUIREMENT_FIELD =
  /^\s*(?:minimum\s+)?(?:experience|years of experience|education|degree|qualifications?|skills?|requirements?|required(?: skills)?|must[- ]haves?)\b[^:]{0,30}:\s*\S/i;
/** "Nice to have: Go", "Bonus: Rust": a field line that is a plus. */
const PREFERRED_FIELD =
  /^\s*(?:nice[- ]to[- ]haves?|bonus(?: points)?|pluses|preferred(?: skills| qualifications)?|good[- ]to[- ]haves?)\s*:\s*\S/i;
const ABBREVIATION =
  /(?:\be\.g|\bi\.e|\betc|\bvs|\bincl|\bapprox|\bInc|\bLtd|\bCo|\bSr|\bJr|\bDr|\bMr|\bMs|\bSt|\b[A-Z]|\bPh\.D|\bB\.S|\bM\.S|\bB\.A|\bM\.A|\bno)\.$/;
/** Words that show a sentence outside a requirements section is still about the candidate. */
const ABOUT_CANDIDATE =
  /^\W*(?:must|should)\b|\b(?:you|your|candidates?|applicants?|experience|knowledge|proficien\w*|familiar\w*|skills?|degree|years|expertise|well versed)\b/i;
/** A sentence outside the requirements that still asks for something ("Knowledge of Go is a plus"). */
const ASKS_FOR_SKILL =
  /\b(?:experience|knowledge|familiar\w*|proficien\w*|skills?|expertise|degree|understanding of)\b/i;
/** Short lines that are headings whatever their shape ("Our perks & benefits", "Nice to have"). */
const BARE_HEADING =
  /^(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred|pluses|a plus|requirements|qualifications|responsibilities)\W*$/i;

interface Line {
  text: string;
  start: number;
  end: number;
  bullet: boolean;
}

export function readPostingStructure(posting: string): PostingSegment[] {
  const lines = nonEmptyLines(posting);
  const segments: PostingSegment[] = [];
  let section: SectionKind = "other";
  let sawBulletInSection = false;
  lines.forEach((line, index) => {
    if (index === 0) {
      segments.push({ ...line, section: "other", strength: "none", bullet: false, title: true });
      return;
    }
    const next = lines[index + 1];
    const kind =
      isHeading(line, next) || BARE_HEADING.test(line.text) ? classifyHeading(line.text) : shortOtherHeading(line);
    if (kind !== undefined) {
      if (kind !== null) {
        section = kind;
        sawBulletInSection = false;
        return;
      }
      // "Example traits that we value:" introduces the list that follows; it asks nothing itself.
      if (/:$/.test(line.text)) return;
    } else if (
      !line.bullet &&
      (section === "required" || section === "preferred") &&
      endsListSection(line, sawBulletInSection)
    ) {
      // A paragraph after the list (the company's pitch, the equal-opportunity statement)
      // is not a requirement even without a heading of its own.
      section = "other";
    }
    if (line.bullet) sawBulletInSection = true;
    // "Must-haves: Python, Docker. Nice-to-haves: Go." — each sentence may be its own field.
    for (const sentence of sentencesOf(posting, line).filter((piece) => /[\p{L}\p{N}]/u.test(piece.text))) {
      const kind = PREFERRED_FIELD.test(sentence.text)
        ? "preferred"
        : REQUIREMENT_FIELD.test(sentence.text)
          ? "required"
          : section;
      segments.push(...strengthen(posting, sentence, kind, line.bullet));
    }
  });
  return segments.some((segment) => segment.section === "required") ? segments : withoutRequirementsList(segments);
}

/**
 * A posting with no requirements heading states them in running text ("Experience with Python
 * and Docker"): a sentence that asks for experience, knowledge or skills is then a requirement.
 */
function withoutRequirementsList(segments: PostingSegment[]): PostingSegment[] {
  return segments.map((segment) =>
    segment.strength === "none" &&
    !segment.title &&
    ASKS_FOR_SKILL.test(segment.text) &&
    !/\bequal opportunit|\bdiscriminat|\baccommodation|\bsalary\b|\bbenefits\b/i.test(segment.text)
      ? { ...segment, strength: "required" }
      : segment,
  );
}

function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from]!)) from += 1;
    while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
    if (to > from) {
      for (const part of splitRunOnLine(text, from, to)) {
        const raw = text.slice(part.start, part.end);
        lines.push({ text: raw, start: part.start, end: part.end, bullet: BULLET.test(raw) });
      }
    }
    start = end + 1;
  }
  return lines;
}

/** Where a run-on line holds more than one line: an inline heading or an inline bullet. */
const INLINE_BREAK =
  /(?:^|(?<=[.!?:;)]\s*)|\s)([A-Z][\w'’&/ -]{2,48}):\s+|(?<=[.!?;]\s*|^)((?:[A-Z][\w'’]*\s+){0,6}[A-Z][\w'’]*)\s+(?=[•·▪◦]\s)|\s[•·▪◦]\s+|(?<=[.!?:])\s+(?=[-*]\s)/g;

function shortestHeadingTail(phrase: string): string | null {
  const words = phrase.split(" ");
  for (let k = words.length - 1; k >= Math.max(0, words.length - 7); k -= 1) {
    const tail = words.slice(k).join(" ");
    if (/^[A-Z]/.test(tail) && classifyHeading(tail) !== null) return tail;
  }
  return null;
}

/**
 * Postings scraped from job boards often lose their line breaks: "Requirements: • Python •
 * Docker Nice to have: Go". A long line is cut before each inline bullet and around each inline
 * heading that names a section, so the rest of the reading works as on a formatted posting.
 */
function splitRunOnLine(text: string, from: number, to: number): { start: number; end: number }[] {
  const line = text.slice(from, to);
  // A bullet is one item already, and a long paragraph is prose: only a line holding a list
  // (inline bullets) or most of a posting (over 1,000 characters) is cut.
  const inlineBullets = line.match(/\s[•·▪◦]\s/g)?.length ?? 0;
  if (BULLET.test(line) || (inlineBullets < 2 && line.length <= 1000)) return [{ start: from, end: to }];
  const cuts: number[] = [];
  INLINE_BREAK.lastIndex = 0;
  for (let match = INLINE_BREAK.exec(line); match !== null; match = INLINE_BREAK.exec(line)) {
    if (match[0].length === 0) {
      INLINE_BREAK.lastIndex += 1;
      continue;
    }
    // "Requirements: …" (with a colon) or "How You Stand Out • …" (Title Case before a bullet).
    const found = match[1] ?? match[2];
    if (found !== undefined) {
      // "Experience with Docker and AWS Nice to have:": the heading is the shortest Title Case
      // tail that names a section ("Nice to have"), not everything since the last full stop.
      const heading = shortestHeadingTail(found);
      if (heading === null) continue;
      const headingEnd = from + match.index + match[0].indexOf(found) + found.length;
      cuts.push(headingEnd - heading.length, headingEnd + (match[1] !== undefined ? 1 : 0));
    } else {
      cuts.push(from + match.index + (/^\s/.test(match[0]) ? 1 : 0));
    }
  }
  const parts: { start: number; end: number }[] = [];
  let start = from;
  for (const cut of [...cuts, to]) {
    let a = start;
    let b = cut;
    while (a < b && /\s/.test(text[a]!)) a += 1;
    while (b > a && /\s/.test(text[b - 1]!)) b -= 1;
    if (b > a) parts.push({ start: a, end: b });
    start = cut;
  }
  return parts;
}

function isHeading(line: Line, next: Line | undefined): boolean {
  if (line.bullet) return false;
  // Markdown marks ("## Requirements", "**Nice to have:**") are not words.
  const bare = line.text.replace(/^[#*_\s]+|[*_\s]+$/g, "");
  const text = bare.replace(/[:?]\s*$/, "").trim();
  if (text.length === 0 || text.length > 90) return false;
  const words = text.split(/\s+/);
  if (words.length > 12) return false;
  // A short line that names a skill ("Experience With Python") is content, unless it ends in a colon.
  if (!/:$/.test(bare) && findSkillMentions(bare).length > 0) return false;
  if (/[.!;]$/.test(bare)) return false;
  // "Experience needed: 4 to 9 years" is a field with its value, not a heading.
  if (/:\s*\S/.test(bare)) return false;
  if (/[:?]$/.test(bare)) return true;
  if (text === text.toUpperCase() && /[A-Z]/.test(text)) return true;
  const long = words.filter((word) => /^[\p{L}'’]{4,}/u.test(word));
  if (long.length > 0 && long.every((word) => /^\p{Lu}/u.test(word))) return true;
  return next?.bullet === true;
}

/** "Our perks & benefits": a short line about the company starts a section of its own. */
function shortOtherHeading(line: Line): SectionKind | null | undefined {
  if (line.bullet || /[.!;,]$/.test(line.text) || line.text.split(/\s+/).length > 5) return undefined;
  return classifyHeading(line.text) === "other" ? "other" : undefined;
}

/** The equal-opportunity statement and its kin: never a requirement, wherever it stands. */
const BOILERPLATE =
  /\bequal (?:employment )?opportunit|\bdiscriminat|\breasonable accommodation|\bprotected (?:class|characteristic|veteran|status)|\baffirmative action\b/i;

function endsListSection(line: Line, sawBullet: boolean): boolean {
  if (BOILERPLATE.test(line.text)) return true;
  if (sawBullet && line.text.length > 120) return true;
  return line.text.length > 200 && !ABOUT_CANDIDATE.test(line.text) && !REQUIRED_MARKER.test(line.text);
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** The sentences of a line, not split after "e.g.", "etc.", "Ph.D." and other abbreviations. */
function sentencesOf(posting: string, line: Line): Piece[] {
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

function trimmed(posting: string, start: number, end: number): Piece {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(posting[from]!)) from += 1;
  while (to > from && /\s/.test(posting[to - 1]!)) to -= 1;
  return { text: posting.slice(from, to), start: from, end: to };
}

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
function strengthen(posting: string, sentence: Piece, section: SectionKind, bullet: boolean): PostingSegment[] {
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
