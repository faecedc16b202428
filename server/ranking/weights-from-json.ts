import { RequisitionWeightsSchema, type RequisitionWeights } from "./weights-schema.ts";

/** Stored JSON → weights. Anything unreadable (an older format) falls back to the defaults. */
export function weightsFromJson(json: unknown): RequisitionWeights {
  const parsed = RequisitionWeightsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : RequisitionWeightsSchema.parse({});
}
