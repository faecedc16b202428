import { describe, expect, it } from "vitest";
import { parseRaceEthnicity, parseSex } from "./parse-category.ts";

describe("parseSex / parseRaceEthnicity", () => {
  it("reads the rule's labels, our ids and common short forms", () => {
    expect(["Male", "male", "M", " man "].map(parseSex)).toEqual(["male", "male", "male", "male"]);
    expect(["Female", "F", "woman"].map(parseSex)).toEqual(["female", "female", "female"]);
    expect(
      [
        "White (Not Hispanic or Latino)",
        "white",
        "Black or African American",
        "black_or_african_american",
        "Hispanic/Latino",
        "Latina",
        "American Indian or Alaska Native",
        "Native Hawaiian or Other Pacific Islander",
        "Two or More Races (Not Hispanic or Latino)",
        "ASIAN",
      ].map(parseRaceEthnicity),
    ).toEqual([
      "white",
      "white",
      "black_or_african_american",
      "black_or_african_american",
      "hispanic_or_latino",
      "hispanic_or_latino",
      "native_american_or_alaska_native",
      "native_hawaiian_or_pacific_islander",
      "two_or_more_races",
      "asian",
    ]);
  });

  it("reads blanks, refusals and answers outside the EEO-1 categories as unknown", () => {
    for (const value of ["", "  ", "Unknown", "Prefer not to say", "Decline to self-identify", "N/A", "Non-binary"]) {
      expect(parseSex(value), value).toBe("unknown");
    }
    expect(parseRaceEthnicity("I do not wish to answer")).toBe("unknown");
  });

  it("gives null for what it cannot read, so a typo is reported rather than counted as unknown", () => {
    expect(parseSex("femal")).toBeNull();
    expect(parseRaceEthnicity("Whtie")).toBeNull();
  });
});
