// Reads a sex or race/ethnicity answer as written in someone else's export ("F", "Black",
// "White (Not Hispanic or Latino)", "Prefer not to say") into a category, "unknown", or null
// when the value is not recognised at all (the caller reports it: a typo must not quietly
// become "unknown" and shrink the sample).
import {
  RACE_ETHNICITY_CATEGORIES,
  RACE_ETHNICITY_LABELS,
  SEX_CATEGORIES,
  SEX_LABELS,
  type RaceEthnicityCategory,
  type SexCategory,
} from "./categories.ts";

export type Parsed<T> = T | "unknown" | null;

/**
 * Answers that place the person in no category. EEO-1 component 1 has only Male and Female, so
 * a non-binary answer is outside every sex category: the rule counts such people as "unknown"
 * (§ 5-301(b)(5), (c)(5)) rather than dropping them silently.
 */
const UNKNOWN_ANSWERS = new Set([
  "",
  "unknown",
  "u",
  "n/a",
  "na",
  "none",
  "not disclosed",
  "undisclosed",
  "not specified",
  "unspecified",
  "not provided",
  "declined",
  "decline",
  "decline to state",
  "decline to answer",
  "decline to self identify",
  "declined to self identify",
  "i do not wish to answer",
  "i don't wish to answer",
  "prefer not to say",
  "prefer not to answer",
  "prefer not to disclose",
  "non binary",
  "nonbinary",
  "x",
  "another gender",
  "other",
]);

const SEX_ANSWERS: Record<string, SexCategory> = {
  m: "male",
  man: "male",
  f: "female",
  woman: "female",
};

const RACE_ANSWERS: Record<string, RaceEthnicityCategory> = {
  hispanic: "hispanic_or_latino",
  latino: "hispanic_or_latino",
  latina: "hispanic_or_latino",
  latinx: "hispanic_or_latino",
  "hispanic latino": "hispanic_or_latino",
  "hispanic/latino": "hispanic_or_latino",
  black: "black_or_african_american",
  "african american": "black_or_african_american",
  // EEO-1's own wording for the two categories the DCWP tables word differently.
  "native hawaiian or other pacific islander": "native_hawaiian_or_pacific_islander",
  "pacific islander": "native_hawaiian_or_pacific_islander",
  "american indian or alaska native": "native_american_or_alaska_native",
  "american indian or alaskan native": "native_american_or_alaska_native",
  "native american": "native_american_or_alaska_native",
  "two or more": "two_or_more_races",
  multiracial: "two_or_more_races",
};

/** Lower case, no "(Not Hispanic or Latino)" suffix, underscores and punctuation as spaces. */
function normalise(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\(?\s*not hispanic or latin[oa]\s*\)?/g, " ")
    .replace(/[_\-–—,;:()]+/g, " ")
    .replace(/['’]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function lookup<T extends string>(
  value: string,
  ids: readonly T[],
  labels: Record<T, string>,
  answers: Record<string, T>,
): Parsed<T> {
  const key = normalise(value);
  if (UNKNOWN_ANSWERS.has(key)) return "unknown";
  for (const id of ids) {
    if (key === normalise(id) || key === normalise(labels[id])) return id;
  }
  return answers[key] ?? null;
}

export function parseSex(value: string): Parsed<SexCategory> {
  return lookup(value, SEX_CATEGORIES, SEX_LABELS, SEX_ANSWERS);
}

export function parseRaceEthnicity(value: string): Parsed<RaceEthnicityCategory> {
  return lookup(value, RACE_ETHNICITY_CATEGORIES, RACE_ETHNICITY_LABELS, RACE_ANSWERS);
}
