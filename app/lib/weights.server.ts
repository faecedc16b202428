// Requisition weights for the routes: the data the editor needs. The editor's form is parsed by
// app/forms/weights.ts; domain logic lives in server/ranking.
import { AREAS, SKILLS } from "@server/taxonomy/index.ts";
import { PRESETS } from "@server/ranking/weights-presets.ts";

export { enqueueRerank } from "@server/services.ts";
export { getRequisitionWeights, updateRequisitionWeights } from "@server/ranking/save-requisition-weights.ts";

/** What the editor shows: presets, areas with their guide citations, and the skill list. */
export function editorCatalog() {
  return {
    presets: PRESETS.map(({ id, name, description, weights }) => ({ id, name, description, weights })),
    areas: AREAS.map(({ id, dimension, name, description, citation }) => ({
      id,
      dimension,
      name,
      description,
      citation,
    })),
    skills: SKILLS.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The ids a must-have or nice-to-have may name. */
export function knownSkillIds(): ReadonlySet<string> {
  return new Set(SKILLS.map((skill) => skill.id));
}
