// The skill taxonomy: areas of the two dimensions, skills with aliases and context rules, hedges,
// and the matcher that finds skill mentions in résumé text. Pure data and pure functions.
import { AREAS, type Area, type AreaId } from "./areas.ts";
import { SKILLS, type Skill } from "./skills.ts";

export { AREA_IDS, AREAS, type Area, type AreaId } from "./areas.ts";
export { SKILLS, type Skill } from "./skills.ts";
export { CONTEXT_RULES, type ContextRule, type ContextRuleId } from "./context-rules.ts";
export { HEDGES, type Hedge } from "./hedges.ts";
export { findSkillMentions, compileSkillMatcher, type SkillMention } from "./find-skill-mentions.ts";

const skillById = new Map(SKILLS.map((skill) => [skill.id, skill]));
const areaById = new Map(AREAS.map((area) => [area.id, area]));
const skillsOfArea = new Map<AreaId, Skill[]>(AREAS.map((area) => [area.id, []]));
for (const skill of SKILLS) skillsOfArea.get(skill.area)?.push(skill);

export function getSkill(id: string): Skill | undefined {
  return skillById.get(id);
}

export function getArea(id: string): Area | undefined {
  return areaById.get(id as AreaId);
}

/** The skills of one area, in taxonomy order. */
export function skillsByArea(area: AreaId): readonly Skill[] {
  return skillsOfArea.get(area) ?? [];
}

/** A skill's importance within its area (0.5–1.5; 1 when unset). */
export function skillWeight(skill: Skill): number {
  return skill.weight ?? 1;
}
