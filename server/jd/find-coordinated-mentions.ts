// Skills named through elliptical coordination, which postings use all the time: "recommendation
// or ranking systems" asks for recommendation systems and ranking systems, "unit and integration
// tests" for unit tests, "batch and streaming pipelines" for batch pipelines. The taxonomy
// matcher sees only the contiguous phrase ("ranking systems"); here each earlier conjunct is
// joined to the shared head noun and looked up again. A conjunct counts only when the joined
// phrase is a taxonomy alias as a whole, so "Python and Java developers" adds nothing.
import { findSkillMentions, type SkillMention } from "../taxonomy/index.ts";

const WORD = String.raw`[A-Za-z][\w-]*`;
const CONJ = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*\/\s*)`;
/** Two to four conjuncts, then the shared head noun. */
const COORDINATION = new RegExp(String.raw`\b(${WORD}(?:${CONJ}${WORD}){1,3})\s+(${WORD})\b`, "g");
const CONJUNCT_SPLIT = new RegExp(CONJ, "g");

export function findCoordinatedMentions(posting: string, direct: readonly SkillMention[]): SkillMention[] {
  const found: SkillMention[] = [];
  const seen = new Set(direct.map((mention) => `${mention.skillId}@${mention.start}`));
  COORDINATION.lastIndex = 0;
  for (let match = COORDINATION.exec(posting); match !== null; match = COORDINATION.exec(posting)) {
    const list = match[1]!;
    const head = match[2]!;
    const headEnd = match.index + match[0].length;
    // Every conjunct but the last (which stands right before the head and is matched directly).
    let offset = 0;
    const conjuncts: { word: string; start: number }[] = [];
    CONJUNCT_SPLIT.lastIndex = 0;
    for (let split = CONJUNCT_SPLIT.exec(list); split !== null; split = CONJUNCT_SPLIT.exec(list)) {
      conjuncts.push({ word: list.slice(offset, split.index), start: match.index + offset });
      offset = split.index + split[0].length;
    }
    for (const { word, start } of conjuncts) {
      const phrase = `${word} ${head}`;
      const mention = findSkillMentions(phrase).find(
        (candidate) => candidate.start === 0 && candidate.end === phrase.length,
      );
      if (mention === undefined || !phrase.includes(" ")) continue;
      if (seen.has(`${mention.skillId}@${start}`)) continue;
      seen.add(`${mention.skillId}@${start}`);
      found.push({ ...mention, start, end: headEnd, text: posting.slice(start, headEnd) });
    }
    // Let the head word start the next coordination ("A and B systems and C or D tools").
    COORDINATION.lastIndex = match.index + match[0].length - head.length;
  }
  return found;
}
