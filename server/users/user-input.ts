// Validation of the admin's user forms. One schema per form, used by the route and the domain.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/password.ts";

export const ROLES = ["ADMIN", "RECRUITER", "HIRING_MANAGER"] as const;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an e-mail address.")
  .max(254, "Use at most 254 characters.")
  .email("Enter an e-mail address like name@company.com.");

export const NewUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role." }) }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
});
