// From a job posting to a draft of requisition weights, must-haves, nice-to-haves, minimum years,
// warnings and the requirements the ranking cannot score, each with the span of the posting it
// came from. Pure and deterministic: no I/O, no clock, no randomness; the same posting always
// gives the same draft. How each rule works: docs/job-descriptions.md.
import { PRESETS } from "../ranking/weights-presets.ts";
import { proxyWarnings } from "../ranking/proxy-warnings.ts";
import { RequisitionWeightsSchema } from "../ranking/weights-schema.ts";
import { AREA_IDS, getArea, type AreaId } from "../taxonomy/index.ts";
import { chooseLean } from "./choose-lean.ts";
import { findDegreeRequirements } from "./find-degree-requirements.ts";
import { findMinYears } from "./find-min-years.ts";
import { findProxyPhrases } from "./find-proxy-phrases.ts";
import { findUnknownTools } from "./find-unknown-tools.ts";
import { findUnscoredRequirements } from "./find-unscored-requirements.ts";
import { mapSkills, placeMentions } from "./map-skills.ts";
import { readPostingStructure } from "./read-posting-structure.ts";
import type { DraftEvidence, DraftWarning, Lean, RequisitionDraft } from "./types.ts";
import { weighEmphasis, type AreaEmphasis } from "./weigh-emphasis.ts";

const PRESET_OF_LEAN: Record<Lean, "balanced" | "research" | "platform"> = {
  production: "platform",
  balanced: "balanced",
  ml: "research",
};

/** An area the posting never mentions still counts a little: silence is not "ignore". */
const FLOOR = 0.3;

export function draftRequisition(posting: string): RequisitionDraft {
  const segments = readPostingStructure(posting);
  const placed = placeMentions(posting, segments);
  const skills = mapSkills(placed);
  const emphasis = weighEmphasis(placed);
  const title = segments.find((segment) => segment.title);
  const lean = chooseLean(emphasis, title);
  const preset = PRESETS.find((candidate) => candidate.id === PRESET_OF_LEAN[lean.lean])!;
  const minYears = findMinYears(segments);

  const evidence: DraftEvidence[] = [];
  if (lean.evidence !== null) {
    evidence.push({ field: "productionWeight", value: preset.weights.productionWeight, ...lean.evidence });
    evidence.push({ field: "balanceStrictness", value: preset.weights.balanceStrictness, ...lean.evidence });
  }
  const areaWeights = weighAreas(emphasis, preset.weights.areaWeights, evidence);
  evidence.push(...skills.evidence);
  if (minYears !== null) {
    evidence.push({
      field: "minYears",
      value: minYears.years,
      text: minYears.text,
      start: minYears.start,
      end: minYears.end,
    });
  }

  // Everything the preset sets (and any field presets gain later) carries over; the posting
  // decides the areas, the skills and the years.
  const weights = RequisitionWeightsSchema.parse({
    ...preset.weights,
    areaWeights,
    mustHave: skills.mustHave,
    niceToHave: skills.niceToHave,
    minYears: minYears?.years ?? null,
    // Never drafted from the posting: see find-degree-requirements.ts and the warnings.
    minDegree: null,
  });

  const warnings: DraftWarning[] = [...findDegreeRequirements(posting, segments), ...findProxyPhrases(posting)];
  if (minYears !== null) {
    for (const warning of proxyWarnings(weights)) {
      if (warning.field === "minYears") {
        warnings.push({
          code: "high_min_years",
          text: minYears.text,
          start: minYears.start,
          end: minYears.end,
          message: warning.message,
        });
      }
    }
  }
  warnings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));

  return {
    weights,
    lean: lean.lean,
    evidence,
    unscored: [...findUnscoredRequirements(segments, placed), ...findUnknownTools(segments, placed)].sort(
      (a, b) => a.start - b.start,
    ),
    warnings,
  };
}

/**
 * Within each dimension, the most emphasised area weighs 1 and the others in proportion, never
 * under the floor. A dimension the posting says nothing about keeps the preset's weights.
 */
function weighAreas(
  emphasis: ReadonlyMap<AreaId, AreaEmphasis>,
  presetAreas: Partial<Record<AreaId, number>>,
  evidence: DraftEvidence[],
): Partial<Record<AreaId, number>> {
  const weights: Partial<Record<AreaId, number>> = {};
  for (const dimension of ["production", "ml"] as const) {
    const areas = AREA_IDS.filter((area) => getArea(area)?.dimension === dimension);
    const top = Math.max(...areas.map((area) => emphasis.get(area)?.mass ?? 0));
    for (const area of areas) {
      if (top === 0) {
        if (presetAreas[area] !== undefined) weights[area] = presetAreas[area];
        continue;
      }
      const entry = emphasis.get(area);
      const share = (entry?.mass ?? 0) / top;
      const weight = Math.round((FLOOR + (1 - FLOOR) * share) * 20) / 20;
      weights[area] = weight;
      const strongest = entry?.strongest;
      if (strongest) {
        const { mention } = strongest;
        evidence.push({
          field: `areaWeights.${area}`,
          value: weight,
          text: mention.text,
          start: mention.start,
          end: mention.end,
        });
      }
    }
  }
  return weights;
}
