import { describe, expect, it } from "vitest";
import { readOutcomesCsv } from "./read-outcomes-csv.ts";

describe("readOutcomesCsv", () => {
  it("reads the four columns in any order and any case, ignoring others; blanks and unknowns are unknown", () => {
    const csv = [
      "Application,Score,Selected,Race/Ethnicity,SEX",
      "a1,72.5,yes,White (Not Hispanic or Latino),Female",
      "a2,40,0,Hispanic or Latino,M",
      "a3,-1,false,,Prefer not to say",
      "a4,.5,TRUE,Unknown,",
    ].join("\n");
    expect(readOutcomesCsv(csv)).toEqual({
      ok: true,
      rows: [
        { sex: "female", raceEthnicity: "white", score: 72.5, selected: true },
        { sex: "male", raceEthnicity: "hispanic_or_latino", score: 40, selected: false },
        { sex: null, raceEthnicity: null, score: -1, selected: false },
        { sex: null, raceEthnicity: null, score: 0.5, selected: true },
      ],
    });
  });

  it("reports every bad row with its line and every problem in it", () => {
    const csv = [
      "sex,race_ethnicity,score,selected",
      "Female,Asian,80,yes",
      "",
      "femal,Whtie,eighty,maybe",
      "Male,Asian,1e3,no",
      "Male,Asian,50",
    ].join("\n");
    const result = readOutcomesCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.line)).toEqual([4, 5, 6]);
    expect(result.problems[0]!.message).toBe(
      'sex "femal" is not a category (Male, Female, or blank/unknown); race_ethnicity "Whtie" is not an EEO-1 ' +
        'category; score "eighty" is not a number; selected "maybe" is not true/false, yes/no or 1/0',
    );
    expect(result.problems[1]!.message).toMatch(/score "1e3" is not a number/);
    expect(result.problems[2]!.message).toMatch(/3 fields where the header has 4/);
  });

  it("names missing columns, an empty file and a syntax error", () => {
    expect(readOutcomesCsv("sex,score\nMale,1\n")).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          message: "missing column(s) race_ethnicity, selected (expected sex, race_ethnicity, score, selected)",
        },
      ],
    });
    expect(readOutcomesCsv("")).toMatchObject({ ok: false, problems: [{ line: null }] });
    expect(readOutcomesCsv('sex,race_ethnicity,score,selected\nMale,"Asian,1,yes\n')).toMatchObject({
      ok: false,
      problems: [{ line: 2, message: "line 2: a quoted field is not closed" }],
    });
  });
});
