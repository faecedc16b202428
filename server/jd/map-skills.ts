// Taxonomy skills the posting asks for: a skill named in a required segment is a must-have; one
// named only where the posting calls it a plus is a nice-to-have (never promoted). Skills named
// only in duties, the team's stack or the company blurb are neither: they shape the area weights.
import { findSkillMentions, getSkill, type SkillMention } from "../taxonomy/index.ts";
import { findCoordinatedMentions } from "./find-coordinated-mentions.ts";
import type { DraftEvidence, PostingSegment } from "./types.ts";

export interface PlacedMention {
  mention: SkillMention;
  segment: PostingSegment;
}

const isSkill = (mention: SkillMention) => getSkill(mention.skillId)?.fieldName !== true;

/** The taxonomy's skills named in a posting's text; a field's name ("machine learning") is not one. */
export function skillMentions(text: string): SkillMention[] {
  return findSkillMentions(text).filter(isSkill);
}

/**
 * Every taxonomy mention with the segment it stands in (mentions outside any segment dropped).
 * A field's name ("machine learning") is every ML posting's subject, not a requirement: left out.
 */
export function placeMentions(posting: string, segments: readonly PostingSegment[]): PlacedMention[] {
  const placed: PlacedMention[] = [];
  let index = 0;
  const direct = skillMentions(posting);
  const mentions = [...direct, ...findCoordinatedMentions(posting, direct)]
    .filter(isSkill)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const mention of mentions) {
    while (index < segments.length && segments[index]!.end <= mention.start) index += 1;
    const segment = segments[index];
    if (segment === undefined) break;
    if (mention.start >= segment.start && mention.end <= segment.end) placed.push({ mention, segment });
  }
  return placed;
}

export interface SkillLists {
  mustHave: string[];
  niceToHave: string[];
  evidence: DraftEvidence[];
}

export function mapSkills(placed: readonly PlacedMention[]): SkillLists {
  const required = new Map<string, PlacedMention>();
  const preferred = new Map<string, PlacedMention>();
  for (const entry of placed) {
    const id = entry.mention.skillId;
    if (entry.segment.strength === "required" && !required.has(id)) required.set(id, entry);
    if (entry.segment.strength === "preferred" && !preferred.has(id)) preferred.set(id, entry);
  }
  for (const id of required.keys()) preferred.delete(id);
  const evidence: DraftEvidence[] = [];
  for (const [field, lists] of [
    ["mustHave", required],
    ["niceToHave", preferred],
  ] as const) {
    for (const [id, { mention }] of lists) {
      evidence.push({ field, value: id, text: mention.text, start: mention.start, end: mention.end });
    }
  }
  // The weights schema holds at most 50 of each; postings rarely name more than 20.
  return { mustHave: [...required.keys()].slice(0, 50), niceToHave: [...preferred.keys()].slice(0, 50), evidence };
}
