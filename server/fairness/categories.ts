// The categories of an LL144 bias audit: EEO-1 component 1 sex and race/ethnicity categories, as
// 6 RCNY § 5-300 defines "category", labelled as the DCWP rule's example tables print them
// (§ 5-301; see docs/fairness.md). The order here is the tables' order, so every report is
// deterministic. Hispanic or Latino is one category whatever the race; the other six are
// "(Not Hispanic or Latino)". Intersectional categories are sex × race/ethnicity (14).

export const SEX_CATEGORIES = ["male", "female"] as const;
export type SexCategory = (typeof SEX_CATEGORIES)[number];

export const RACE_ETHNICITY_CATEGORIES = [
  "hispanic_or_latino",
  "white",
  "black_or_african_american",
  "native_hawaiian_or_pacific_islander",
  "asian",
  "native_american_or_alaska_native",
  "two_or_more_races",
] as const;
export type RaceEthnicityCategory = (typeof RACE_ETHNICITY_CATEGORIES)[number];

export const SEX_LABELS: Record<SexCategory, string> = { male: "Male", female: "Female" };

export const RACE_ETHNICITY_LABELS: Record<RaceEthnicityCategory, string> = {
  hispanic_or_latino: "Hispanic or Latino",
  white: "White (Not Hispanic or Latino)",
  black_or_african_american: "Black or African American (Not Hispanic or Latino)",
  native_hawaiian_or_pacific_islander: "Native Hawaiian or Pacific Islander (Not Hispanic or Latino)",
  asian: "Asian (Not Hispanic or Latino)",
  native_american_or_alaska_native: "Native American or Alaska Native (Not Hispanic or Latino)",
  two_or_more_races: "Two or More Races (Not Hispanic or Latino)",
};

/** The race's name without "(Not Hispanic or Latino)", as the intersectional table prints it. */
const RACE_SHORT: Record<RaceEthnicityCategory, string> = {
  hispanic_or_latino: "Hispanic or Latino",
  white: "White",
  black_or_african_american: "Black or African American",
  native_hawaiian_or_pacific_islander: "Native Hawaiian or Pacific Islander",
  asian: "Asian",
  native_american_or_alaska_native: "Native American or Alaska Native",
  two_or_more_races: "Two or More Races",
};

export interface IntersectionalCategory {
  id: `${SexCategory}+${RaceEthnicityCategory}`;
  sex: SexCategory;
  raceEthnicity: RaceEthnicityCategory;
}

/** Hispanic or Latino Male, Hispanic or Latino Female, then each sex by race, as § 5-301 prints them. */
export const INTERSECTIONAL_CATEGORIES: readonly IntersectionalCategory[] = [
  ...SEX_CATEGORIES.map((sex) => intersection(sex, "hispanic_or_latino")),
  ...SEX_CATEGORIES.flatMap((sex) =>
    RACE_ETHNICITY_CATEGORIES.filter((race) => race !== "hispanic_or_latino").map((race) => intersection(sex, race)),
  ),
];

export function intersection(sex: SexCategory, raceEthnicity: RaceEthnicityCategory): IntersectionalCategory {
  return { id: `${sex}+${raceEthnicity}`, sex, raceEthnicity };
}

/** "Hispanic or Latino Female", "Non-Hispanic Male White" (the labels of the rule's intersectional rows). */
export function intersectionalLabel(sex: SexCategory, raceEthnicity: RaceEthnicityCategory): string {
  return raceEthnicity === "hispanic_or_latino"
    ? `Hispanic or Latino ${SEX_LABELS[sex]}`
    : `Non-Hispanic ${SEX_LABELS[sex]} ${RACE_SHORT[raceEthnicity]}`;
}
