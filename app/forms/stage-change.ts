// The candidate page's stage buttons post `intent=stage&toStage=…`. No typing, so no browser-side
// validation: the schema is the action's, and a hand-made post is refused with these words.
import { z } from "zod";
import { STAGES } from "@server/contract/vocabulary.ts";

export const StageChangeSchema = z.object({
  intent: z.literal("stage"),
  toStage: z.enum(STAGES, {
    errorMap: () => ({ message: "Choose one of the stages: new, screening, shortlisted or rejected." }),
  }),
});
