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

/** Most people one requisition's team form may name at once (far above any real hiring team). */
export const MAX_TEAM_SIZE = 200;

/** The team's user ids (checkboxes named `memberId`); the same list on the new-requisition form. */
const MemberIdsSchema = z
  .array(z.string().trim().min(1).max(100))
  .max(MAX_TEAM_SIZE, `Choose at most ${MAX_TEAM_SIZE} people.`)
  .default([]);

/** The new-requisition form: the requisition and the recruiters and hiring managers who join it. */
export const NewRequisitionSchema = RequisitionInputSchema.extend({ memberId: MemberIdsSchema });

/** The Team form of a requisition's Settings tab: exactly these people are its members. */
export const TeamSchema = z.object({ memberId: MemberIdsSchema });
