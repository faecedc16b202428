// Validation of the admin's user forms. One schema per form, used by the browser (conform), the
// route and the domain; it depends on zod and the pure password rules only, so the browser can
// import it.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "../auth/password-rules.ts";

export const ROLES = ["ADMIN", "RECRUITER", "HIRING_MANAGER", "COMPLIANCE"] as const;

export const EmailSchema = z
  .string({ required_error: "Enter an e-mail address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an e-mail address.")
  .max(254, "Use at most 254 characters.")
  .email("Enter an e-mail address like name@company.com.");

/** A password an admin sets (first password, reset): the same rules as the account page. */
export const FirstPasswordSchema = z
  .string({ required_error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z
    .string({ required_error: "Enter the person's name." })
    .trim()
    .min(1, "Enter the person's name.")
    .max(120, "Use at most 120 characters."),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role." }) }),
  password: FirstPasswordSchema,
});

/** The admin's "Reset password" form on an account's page. */
export const ResetPasswordSchema = z.object({ intent: z.literal("password"), password: FirstPasswordSchema });

/** The admin's "Role" form on an account's page (a select: checked by the action). */
export const ChangeRoleSchema = z.object({
  intent: z.literal("role"),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role." }) }),
});

/** The admin's "Requisitions" form: the requisitions the account is a member of (checkboxes). */
export const MembershipsSchema = z.object({
  intent: z.literal("memberships"),
  requisitionId: z
    .array(z.string().trim().min(1).max(100))
    .max(1_000, "Choose at most 1,000 requisitions.")
    .default([]),
});

/** The admin's "Disable" / "Enable" button. */
export const AccountStateSchema = z.object({ intent: z.enum(["disable", "enable"]) });
