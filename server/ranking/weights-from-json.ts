import { RequisitionWeightsSchema, type RequisitionWeights } from "../scoring/requisition-weights.ts";

/** Stored JSON → weights. Anything unreadable (an older format) falls back to the defaults. */
export function weightsFromJson(json: unknown): RequisitionWeights {
  const parsed = RequisitionWeightsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : RequisitionWeightsSchema.parse({});
}
