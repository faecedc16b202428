// What a hiring manager tunes on a requisition, and what `--requisition FILE.json` takes.
// Documented in docs/scoring.md. Every field has a default: `{}` is the balanced ML engineer.
import { z } from "zod";
import { AREA_IDS, type AreaId } from "../taxonomy/areas.ts";

const weight = z.number().min(0, "weights are ≥ 0").max(1, "weights are ≤ 1");

export const RequisitionWeightsSchema = z
  .object({
    /** Share of production engineering in the overall score; ML depth gets the rest. */
    productionWeight: weight.default(0.5),
    /**
     * How strictly both dimensions are required, 0–1. 0: arithmetic mean (a strength can cover a
     * gap); 0.25: geometric; 0.5 (default): harmonic; 1: close to the weaker dimension.
     */
    balanceStrictness: weight.default(0.5),
    /**
     * Which gap is harder to close, −0.5–0.5. The guide: "If you have strong engineering skills but
     * limited ML knowledge, the ML gap is real but more bounded" — so by default (0.15) an ML gap
     * counts less than a production gap of the same size; 0 treats them alike; below 0 reverses it.
     */
    gapAsymmetry: z.number().min(-0.5, "asymmetry is ≥ −0.5").max(0.5, "asymmetry is ≤ 0.5").default(0.15),
    /** Importance of each area within its dimension (0 = ignore). Missing areas weigh 1. */
    areaWeights: z.record(z.enum(AREA_IDS), weight).default({}),
    /** Skill ids every candidate should show (flagged when missing, never hidden). */
    mustHave: z.array(z.string().min(1)).max(50).default([]),
    /** Skill ids that are a plus (shown, not scored). */
    niceToHave: z.array(z.string().min(1)).max(50).default([]),
    /** Minimum professional years (flagged when below, never hidden). */
    minYears: z.number().min(0).max(50).nullable().default(null),
    /**
     * Minimum degree level (flagged when below, never scored or hidden). Degree level is a
     * likely proxy for protected traits; the editor warns when it is set (see proxy-warnings.ts).
     */
    minDegree: z.enum(["associate", "bachelors", "masters", "phd"]).nullable().default(null),
  })
  .strict();

export type RequisitionWeights = z.infer<typeof RequisitionWeightsSchema>;
export type RequisitionWeightsInput = z.input<typeof RequisitionWeightsSchema>;

export const DEFAULT_WEIGHTS: RequisitionWeights = RequisitionWeightsSchema.parse({});

export function areaWeight(weights: RequisitionWeights, area: AreaId): number {
  return weights.areaWeights[area] ?? 1;
}

/** The exponent of the weighted power mean for a balance strictness. */
export function balanceExponent(strictness: number): number {
  // 0 → 1 (arithmetic), 0.25 → 0 (geometric), 0.5 → −1 (harmonic), 1 → −3 (near the minimum).
  return 1 - 4 * strictness;
}
