// The weights editor's one schema (app/forms/weights.ts): what the browser, the action and the preview parse.
import { describe, expect, it } from "vitest";
import { parseWeightsForm } from "~/forms/weights.ts";

const known = new Set(["pytorch", "kubernetes"]);

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("the weights form schema", () => {
  it("reads the editor's fields into weights", () => {
    const submission = parseWeightsForm(
      form([
        ["productionWeight", "0.6"],
        ["balanceStrictness", "0.5"],
        ["areaWeights.cloud_iac", "0.3"],
        ["mustHave", "pytorch"],
        ["minYears", ""],
        ["minDegree", ""],
      ]),
      known,
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      productionWeight: 0.6,
      areaWeights: { cloud_iac: 0.3 },
      mustHave: ["pytorch"],
      niceToHave: [],
      minYears: null,
      minDegree: null,
    });
  });

  it("words each field's error once, by field name", () => {
    const submission = parseWeightsForm(
      form([
        ["productionWeight", "2"],
        ["areaWeights.cloud_iac", "x"],
        ["mustHave", "cobol"],
        ["minYears", "60"],
      ]),
      known,
    );
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.productionWeight).toEqual(["Production weight must be between 0 and 1."]);
    expect(errors.minYears).toEqual(["Minimum years must be a number from 0 to 50, or empty."]);
    expect(errors["areaWeights.cloud_iac"]?.[0]).toBeTruthy();
  });

  it("refuses skills that are not ours", () => {
    const submission = parseWeightsForm(form([["mustHave", "cobol"]]), known);
    expect(submission.reply().error?.mustHave).toEqual(["Unknown skill: cobol. Pick skills from the list."]);
  });
});
