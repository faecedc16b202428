// What the posting emphasises, per area: each skill mention counts by where it stands (the title
// and the requirements most, duties less, a plus or the team's stack less again, the company
// blurb least), a skill's repeats add less than its first mention, and the taxonomy's skill
// weights apply. Pure arithmetic over the placed mentions.
import { AREA_IDS, getSkill, skillWeight, type AreaId } from "../taxonomy/index.ts";
import type { PlacedMention } from "./map-skills.ts";
import type { PostingSegment } from "./types.ts";

export function segmentWeight(segment: PostingSegment): number {
  if (segment.title) return 2;
  if (segment.strength === "required") return 1;
  if (segment.strength === "preferred") return 0.4;
  if (segment.section === "duties") return 0.6;
  if (segment.section === "stack") return 0.2;
  return 0.15;
}

export interface AreaEmphasis {
  area: AreaId;
  mass: number;
  /** The mention that counts most in this area (its evidence). */
  strongest: PlacedMention | null;
}

export function weighEmphasis(placed: readonly PlacedMention[]): Map<AreaId, AreaEmphasis> {
  const perSkill = new Map<string, { weights: number[]; strongest: PlacedMention }>();
  for (const entry of placed) {
    const weight = segmentWeight(entry.segment);
    const known = perSkill.get(entry.mention.skillId);
    if (known === undefined) perSkill.set(entry.mention.skillId, { weights: [weight], strongest: entry });
    else {
      known.weights.push(weight);
      if (weight > segmentWeight(known.strongest.segment)) known.strongest = entry;
    }
  }
  const areas = new Map<AreaId, AreaEmphasis>(AREA_IDS.map((area) => [area, { area, mass: 0, strongest: null }]));
  for (const [skillId, { weights, strongest }] of perSkill) {
    const skill = getSkill(skillId);
    if (skill === undefined) continue;
    const sorted = [...weights].sort((a, b) => b - a);
    // Repeats add a third of their weight, and one skill never counts more than twice its best.
    const raw = sorted[0]! + sorted.slice(1).reduce((sum, weight) => sum + weight / 3, 0);
    const mass = Math.min(raw, 2 * sorted[0]!) * skillWeight(skill) * (skill.kind === "language" ? 0.3 : 1);
    const area = areas.get(skill.area)!;
    area.mass += mass;
    if (area.strongest === null || segmentWeight(strongest.segment) > segmentWeight(area.strongest.segment)) {
      area.strongest = strongest;
    }
  }
  return areas;
}
