// The Settings tab's two forms. Both are single buttons (no typing), so the schemas matter to the
// actions: a replayed or hand-made post is refused with the same words.
import { z } from "zod";

export const RequisitionStatusSchema = z.object({
  status: z.enum(["OPEN", "CLOSED"], {
    errorMap: () => ({ message: "Choose whether to close or reopen the requisition (status=CLOSED or OPEN)." }),
  }),
});

/** `blindReview=on` turns it on; without the field it is turned off. */
export const BlindReviewSchema = z.object({ blindReview: z.literal("on").optional() });
