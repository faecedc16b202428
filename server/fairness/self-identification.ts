// Voluntary self-identification: an applicant's sex and race/ethnicity in the EEO-1 categories
// of the DCWP rule, kept apart from everything else. Only the fairness report reads it; an
// ESLint rule (eslint.config.js, no-restricted-imports) stops screening, scoring, ranking,
// résumé reading, the taxonomy, candidate search and exports from importing this module, and
// self-identification.test.ts proves the rule fires. The import (import-self-identification.ts)
// and the single-entry screen (record-self-identification.ts) share these schemas.
import { z } from "zod";
import { RACE_ETHNICITY_CATEGORIES, SEX_CATEGORIES } from "./categories.ts";
import { parseRaceEthnicity, parseSex } from "./parse-category.ts";

export const SexSchema = z.enum(SEX_CATEGORIES);
export const RaceEthnicitySchema = z.enum(RACE_ETHNICITY_CATEGORIES);

/**
 * An application's id as the app makes them: Prisma's `@default(cuid())` (a "c" and 24 lower-case
 * letters and digits), never a UUID.
 */
export const ApplicationIdSchema = z
  .string()
  .trim()
  .regex(/^c[a-z0-9]{24}$/, "not an application id (they look like cmi9x2k1f0000abcd1234efgh)");

/** One application's answers. Null is "unknown": not given, declined, or outside the categories. */
export const SelfIdentificationSchema = z.object({
  applicationId: ApplicationIdSchema,
  sex: SexSchema.nullable(),
  raceEthnicity: RaceEthnicitySchema.nullable(),
  /** How it was recorded: a CSV import or a compliance user's entry. */
  source: z.enum(["import", "compliance_user"]),
});
export type SelfIdentification = z.infer<typeof SelfIdentificationSchema>;

/** A free-text answer ("F", "Black", "Prefer not to say") read into a category or null (unknown). */
function answer<T extends string>(parse: (value: string) => T | "unknown" | null, what: string) {
  return z.string().transform((value, context): T | null => {
    const parsed = parse(value);
    if (parsed === null) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `unrecognised ${what} "${value.trim()}"` });
      return z.NEVER;
    }
    return parsed === "unknown" ? null : parsed;
  });
}

export const SexAnswerSchema = answer(parseSex, "sex");
export const RaceEthnicityAnswerSchema = answer(parseRaceEthnicity, "race/ethnicity");
