// The scoring core: résumé text + extracted facts → skills, area scores with evidence lines,
// the two dimension scores, the overall score for a requisition's weights, gaps and background.
// Pure and deterministic: the same text, facts, date and weights give the same result.
import type { ResumeFacts } from "../resume/extract-resume-facts.ts";
import type { Background, ScreeningResult } from "../contract/screening-result.ts";
import { getSkill } from "../taxonomy/index.ts";
import { classifyBackground } from "./backgrounds.ts";
import { collectEvidence, SOFTWARE_ROLE_SKILL } from "./evidence.ts";
import { compileWeights, dimensionScores, toAreaVector } from "../ranking/score-formula.ts";
import { findGaps } from "../ranking/gaps-and-flags.ts";
import { DEFAULT_WEIGHTS, type RequisitionWeights } from "../ranking/weights-schema.ts";
import { scoreAreas } from "./score-areas.ts";
import { toScoringInput } from "./scoring-input.ts";

const DEFAULT_COMPILED = compileWeights(DEFAULT_WEIGHTS);

export interface ScoredResume {
  skills: ScreeningResult["skills"];
  areas: ScreeningResult["areas"];
  scores: NonNullable<ScreeningResult["scores"]>;
  gaps: string[];
  background: Background;
}

export interface ScoreResumeOptions {
  now: Date;
  weights?: RequisitionWeights;
}

export function scoreResume(text: string, facts: ResumeFacts, options: ScoreResumeOptions): ScoredResume {
  const input = toScoringInput(text, facts, options.now);
  const evidence = collectEvidence(input);
  const areas = scoreAreas(evidence);
  const compiled = options.weights ? compileWeights(options.weights) : DEFAULT_COMPILED;
  const areaScores: Record<string, number> = Object.fromEntries(areas.map((a) => [a.id, a.score]));
  const vector = toAreaVector(areaScores);
  const scores = dimensionScores(vector, compiled);
  // The background is the candidate's, not the requisition's: read under the default weights.
  const defaultScores = compiled === DEFAULT_COMPILED ? scores : dimensionScores(vector, DEFAULT_COMPILED);

  const skills: ScoredResume["skills"] = [];
  const seen = new Set<string>();
  for (const e of [...evidence].sort((a, b) => a.mention.start - b.mention.start)) {
    // A role's title is evidence, not a skill the candidate lists.
    if (seen.has(e.skillId) || e.skillId === SOFTWARE_ROLE_SKILL) continue;
    seen.add(e.skillId);
    skills.push({ id: e.skillId, name: getSkill(e.skillId)?.name ?? e.skillId, dimension: e.dimension, area: e.area });
  }

  return {
    skills,
    areas: areas.map(({ id, dimension, score, evidence: lines }) => ({ id, dimension, score, evidence: lines })),
    scores,
    gaps: findGaps(vector, compiled),
    background: classifyBackground(
      input.roles.map((role) => ({
        title: role.title,
        months: role.months,
        yearsAgo: role.yearsAgo,
        isStudy: role.kind === "study",
      })),
      {
        phd: input.degrees.includes("phd"),
        computingDegree: input.computingDegree,
        yearsExperience: input.yearsExperience,
        publications: input.sections.some((s) => s.kind === "publications"),
        titles: input.titleHints,
        evidence: {
          ...defaultScores,
          development: {
            servingApis: areaScores.serving_apis ?? 0,
            cicdTesting: areaScores.cicd_testing_quality ?? 0,
            dataPipelines: areaScores.data_pipelines_sql ?? 0,
          },
        },
      },
    ),
  };
}
