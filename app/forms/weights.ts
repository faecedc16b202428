// The ranking-weights editor's one schema: RequisitionWeightsSchema (server/ranking) plus "every
// skill is one of ours". The browser validates with it before posting, the action and the live
// preview parse the same fields with it (the action stays authoritative: the save validates again),
// and every field's message is worded here once.
import { parseWithZod } from "@conform-to/zod";
import { z, type ZodIssue } from "zod";
import { RequisitionWeightsSchema } from "@server/ranking/weights-schema.ts";

/** One sentence per field where the schema's own words are too terse for the editor. */
const FIELD_MESSAGES: Record<string, string> = {
  productionWeight: "Production weight must be between 0 and 1.",
  balanceStrictness: "Balance strictness must be between 0 and 1.",
  gapAsymmetry: "The gap asymmetry must be between −0.5 and 0.5.",
  minYears: "Minimum years must be a number from 0 to 50, or empty.",
  minDegree: "Choose a degree from the list, or no minimum.",
};

/**
 * Form fields are text: conform turns "0.5" into 0.5 for number fields, but not for the values of
 * a record (areaWeights), so those are read here. Text that is not a number stays text, for the
 * schema to refuse.
 */
function numericAreaWeights(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  const { areaWeights, ...rest } = input as Record<string, unknown>;
  if (!areaWeights || typeof areaWeights !== "object") return input;
  const numeric = Object.entries(areaWeights).map(([id, value]) => [
    id,
    typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value,
  ]);
  return { ...rest, areaWeights: Object.fromEntries(numeric) };
}

export function weightsFormSchema(knownSkillIds: ReadonlySet<string>) {
  return z.preprocess(numericAreaWeights, RequisitionWeightsSchema).superRefine((weights, ctx) => {
    for (const field of ["mustHave", "niceToHave"] as const) {
      const unknown = weights[field].filter((id) => !knownSkillIds.has(id));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: `Unknown skill: ${unknown.join(", ")}. Pick skills from the list.`,
        });
      }
    }
  });
}

/**
 * The editor's fields (a posted form, or the preview's query string) → weights, or one message per
 * field keyed by its name ("areaWeights.cloud_iac", "mustHave").
 */
export function parseWeightsForm(payload: FormData | URLSearchParams, knownSkillIds: ReadonlySet<string>) {
  return parseWithZod(payload, {
    schema: weightsFormSchema(knownSkillIds),
    formatError: (issues: ZodIssue[]) => {
      const field = String(issues[0]?.path[0] ?? "");
      return [FIELD_MESSAGES[field] ?? issues[0]?.message ?? "Invalid value."];
    },
  });
}
