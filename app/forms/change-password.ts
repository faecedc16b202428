// The account page's password change: one schema for the browser and the action. The action then
// asks server/auth/change-password.ts, which checks the current password and the same rules again.
import { z } from "zod";
import { passwordProblem } from "@server/auth/password-rules.ts";

export const NewPasswordSchema = z.string({ required_error: "Enter a new password." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "Enter your current password." }),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ required_error: "Enter the new password again." }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });
