// Stages the fairness report may count as "selected" (pure: the report page's form reads it too).
import type { Stage } from "../generated/prisma/enums.ts";

export const SELECTION_STAGES = ["SHORTLISTED", "SCREENING"] as const satisfies readonly Stage[];
export type SelectionStage = (typeof SELECTION_STAGES)[number];
