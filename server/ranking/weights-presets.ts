// Starting points for the requisition editor. Each is a full set of weights a hiring manager
// can then tune. Grounded in the guide's description of the role and its specialisations.
import type { AreaId } from "../taxonomy/areas.ts";
import { RequisitionWeightsSchema, type RequisitionWeights } from "./weights-schema.ts";

export interface WeightsPreset {
  id: "balanced" | "research" | "platform";
  name: string;
  description: string;
  weights: RequisitionWeights;
}

const areas = (entries: Partial<Record<AreaId, number>>) => entries;

export const PRESETS: readonly WeightsPreset[] = [
  {
    id: "balanced",
    name: "Balanced ML engineer",
    description:
      "Both dimensions required in equal measure: the guide's dual requirement. A strength in one does not cover a gap in the other.",
    weights: RequisitionWeightsSchema.parse({ productionWeight: 0.5, balanceStrictness: 0.5 }),
  },
  {
    id: "research",
    name: "Research-leaning",
    description:
      "Deeper ML (architectures, training at scale, evaluation) with production skills still required, for teams that implement and optimise new models.",
    weights: RequisitionWeightsSchema.parse({
      productionWeight: 0.35,
      balanceStrictness: 0.35,
      areaWeights: areas({
        deep_learning: 1,
        training_at_scale: 1,
        evaluation_experimentation: 1,
        classical_ml_stats: 0.8,
        cloud_iac: 0.5,
        data_pipelines_sql: 0.6,
      }),
    }),
  },
  {
    id: "platform",
    name: "Platform / MLOps-leaning",
    description:
      "ML infrastructure: serving, orchestration, CI/CD, monitoring and the MLOps lifecycle, with enough ML to work with data scientists on deployability.",
    weights: RequisitionWeightsSchema.parse({
      productionWeight: 0.65,
      balanceStrictness: 0.4,
      areaWeights: areas({
        mlops_lifecycle: 1,
        deep_learning: 0.5,
        classical_ml_stats: 0.5,
        applied_specialisations: 0.4,
        training_at_scale: 0.7,
      }),
    }),
  },
];
