// The erase confirmation: nothing is erased unless the box is ticked (checked in the browser and
// again by the action, so a replayed form or a script without the field erases no one).
import { z } from "zod";

const TICK = "Tick “I understand this cannot be undone” to erase this candidate.";

export const EraseCandidateSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: TICK }) }),
});
