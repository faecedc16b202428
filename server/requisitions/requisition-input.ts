import { z } from "zod";

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

/** What a recruiter types to open a requisition. Shared by the form and the action. */
export const RequisitionInputSchema = z.object({
  title: z
    .string({ required_error: "Title is required" })
    .trim()
    .min(3, "Title must be at least 3 characters")
    .max(120, "Title must be at most 120 characters"),
  team: optionalText("Team", 80),
  location: optionalText("Location", 80),
  description: optionalText("Description", 5_000),
});
export type RequisitionInput = z.infer<typeof RequisitionInputSchema>;
