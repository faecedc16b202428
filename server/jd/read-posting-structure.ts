// Reads the structure of a job posting: its title, its headings and what each introduces, its
// bullets and sentences, and how strongly each asks (required, a plus, or only described).
// Pure and deterministic. Postings arrive as plain text (pasted, or extracted from PDF/DOCX),
// so headings are recognised from their shape (short, no full stop, a colon, Title Case, ALL
// CAPS, or a list right below) and their words (classify-heading.ts).
import { classifyHeading } from "./classify-heading.ts";
import { ABOUT_CANDIDATE, ASKS_FOR_SKILL, PREFERRED_FIELD, REQUIRED_MARKER } from "./inline-markers.ts";
import { isHeadingLine, shortOtherHeading } from "./is-heading-line.ts";
import { splitPostingLines, type PostingLine } from "./split-posting-lines.ts";
import { sentencesOf } from "./split-sentences.ts";
import { strengthenSentence } from "./strengthen-sentence.ts";
import type { PostingSegment, SectionKind } from "./types.ts";

/** "Experience needed: 4 to 9 years", "Education level: Bachelor's", "Skills: Python, SQL". */
const REQUIREMENT_FIELD =
  /^\s*(?:minimum\s+)?(?:experience|years of experience|education|degree|qualifications?|skills?|requirements?|required(?: skills)?|must[- ]haves?)\b[^:]{0,30}:\s*\S/i;
/** Short lines that are headings whatever their shape ("Our perks & benefits", "Nice to have"). */
const BARE_HEADING =
  /^(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred|pluses|a plus|requirements|qualifications|responsibilities)\W*$/i;

export function readPostingStructure(posting: string): PostingSegment[] {
  const lines = splitPostingLines(posting);
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
      isHeadingLine(line, next) || BARE_HEADING.test(line.text) ? classifyHeading(line.text) : shortOtherHeading(line);
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
      segments.push(...strengthenSentence(posting, sentence, kind, line.bullet));
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

/** The equal-opportunity statement and its kin: never a requirement, wherever it stands. */
const BOILERPLATE =
  /\bequal (?:employment )?opportunit|\bdiscriminat|\breasonable accommodation|\bprotected (?:class|characteristic|veteran|status)|\baffirmative action\b/i;

function endsListSection(line: PostingLine, sawBullet: boolean): boolean {
  if (BOILERPLATE.test(line.text)) return true;
  if (sawBullet && line.text.length > 120) return true;
  return line.text.length > 200 && !ABOUT_CANDIDATE.test(line.text) && !REQUIRED_MARKER.test(line.text);
}
