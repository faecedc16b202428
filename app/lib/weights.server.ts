// Requisition weights for the routes: reading the editor's form into weights input, turning
// validation issues into field errors, and the data the editor needs. Domain logic lives in
// server/scoring and server/requisitions.
import { AREA_IDS, AREAS, SKILLS } from "@server/taxonomy/index.ts";
import { PRESETS } from "@server/ranking/weights-presets.ts";
import { RequisitionWeightsSchema, type RequisitionWeights } from "@server/ranking/weights-schema.ts";

export { enqueueRerank } from "@server/services.ts";
export {
  getRequisitionWeights,
  InvalidWeightsError,
  updateRequisitionWeights,
} from "@server/ranking/save-requisition-weights.ts";

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

function numberOrRaw(value: string): number | string {
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : value;
}

/**
 * The editor's fields (also sent as the preview's query string) → the input that
 * RequisitionWeightsSchema validates. Values that are not numbers are passed through as text so
 * the schema reports them instead of this function guessing.
 */
export function weightsInputFrom(form: FormData | URLSearchParams): Record<string, unknown> {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const areaWeights: Record<string, number | string> = {};
  for (const id of AREA_IDS) {
    const value = text(`areaWeights.${id}`);
    if (value !== "") areaWeights[id] = numberOrRaw(value);
  }
  const ids = (key: string) => [
    ...new Set(form.getAll(key).filter((v): v is string => typeof v === "string" && v !== "")),
  ];
  const minYears = text("minYears").trim();
  const minDegree = text("minDegree");
  return {
    productionWeight: numberOrRaw(text("productionWeight")),
    balanceStrictness: numberOrRaw(text("balanceStrictness")),
    areaWeights,
    mustHave: ids("mustHave"),
    niceToHave: ids("niceToHave"),
    minYears: minYears === "" ? null : numberOrRaw(minYears),
    minDegree: minDegree === "" ? null : minDegree,
  };
}

const FIELD_MESSAGES: Record<string, string> = {
  productionWeight: "Production weight must be between 0 and 1.",
  balanceStrictness: "Balance strictness must be between 0 and 1.",
  minYears: "Minimum years must be a number from 0 to 50, or empty.",
  minDegree: "Choose a degree from the list, or no minimum.",
};

/** Schema issues → one message per field ("areaWeights.cloud_iac" keeps its full path). */
export function fieldErrorsFrom(issues: Array<{ path: string; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const [head] = issue.path.split(".");
    const key = head === "areaWeights" ? issue.path : (head ?? "");
    errors[key] ??= FIELD_MESSAGES[key] ?? issue.message;
  }
  return errors;
}

/** Validates without saving (the preview); issues use the same paths as InvalidWeightsError. */
export function parseWeights(
  input: unknown,
): { ok: true; weights: RequisitionWeights } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = RequisitionWeightsSchema.safeParse(input);
  if (parsed.success) return { ok: true, weights: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
}
