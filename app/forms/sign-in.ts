// The sign-in form's one schema: the browser validates with it before posting (conform), the
// action validates the same fields again (authoritative), and both show the same words.
import { z } from "zod";

const EMAIL_SHAPE = "Enter an e-mail address like name@company.com.";

export const SignInSchema = z.object({
  email: z
    .string({ required_error: "Enter your e-mail address." })
    .trim()
    .max(254, EMAIL_SHAPE)
    .regex(/^[^\s@]+@[^\s@]+$/, EMAIL_SHAPE),
  // Long input is cut, not refused: the hash of a 1 MB "password" is work nobody should trigger.
  password: z.string({ required_error: "Enter your password." }).transform((value) => value.slice(0, 1024)),
  redirectTo: z.string().optional(),
});
