// The audit page's words: subjects named (or hidden, or erased), codes read out, changes as fields.
import { describe, expect, it } from "vitest";
import { describeChange, readableSummary, subjectLabel } from "../../app/lib/describe-audit-change.ts";

const lookups = { requisitionTitles: new Map([["req1", "ML Engineer, Ranking"]]) };
const APP_ID = "clx9a8b7c6d5e4f3g2h1";

describe("subjectLabel", () => {
  const seen = { kind: "application" as const, name: "Harvey Dent", fileName: "dent.pdf", stage: "NEW" as const };
  it("names the candidate, or the file when no name was read", () => {
    expect(subjectLabel("application", APP_ID, { ...seen, blindReview: false })).toBe("Harvey Dent");
    expect(subjectLabel("application", APP_ID, { ...seen, name: null, blindReview: false })).toBe("dent.pdf");
  });
  it("uses the masked id under blind review until shortlisted", () => {
    expect(subjectLabel("application", APP_ID, { ...seen, blindReview: true })).toBe("Candidate F3G2H1");
    expect(subjectLabel("application", APP_ID, { ...seen, stage: "SHORTLISTED", blindReview: true })).toBe(
      "Harvey Dent",
    );
  });
  it("says 'erased candidate' when the application is gone, and names accounts", () => {
    expect(subjectLabel("application", APP_ID, undefined)).toBe("erased candidate");
    expect(subjectLabel("user", "u1", { kind: "user", name: "Riley", email: "r@x.test" })).toBe("Riley (r@x.test)");
    expect(subjectLabel("user", "u1", undefined)).toBe("removed account");
    expect(subjectLabel("requisition", "req1", undefined)).toBeNull();
    expect(subjectLabel(null, null, undefined)).toBeNull();
  });
});

describe("readableSummary", () => {
  it("reads stage and role codes as labels, leaving other words alone", () => {
    expect(readableSummary("Stage changed from NEW to REJECTED")).toBe("Stage changed from New to Rejected");
    expect(readableSummary("a@b.test: role RECRUITER → HIRING_MANAGER")).toBe(
      "a@b.test: role Recruiter → Hiring manager",
    );
    expect(readableSummary("NEWS about SHORTLISTEDX")).toBe("NEWS about SHORTLISTEDX");
  });
});

describe("describeChange", () => {
  it("lists only the fields that changed, in labels", () => {
    expect(describeChange({ stage: "NEW" }, { stage: "REJECTED" }, lookups)).toEqual([
      { field: "Stage", before: "New", after: "Rejected" },
    ]);
    expect(describeChange({ blindReview: false }, { blindReview: true }, lookups)).toEqual([
      { field: "Blind review", before: "off", after: "on" },
    ]);
  });

  it("walks nested weights and names areas, skills and degrees", () => {
    const lines = describeChange(
      { version: 1, weights: { productionWeight: 0.5, areaWeights: {}, mustHave: ["pytorch"], minDegree: null } },
      {
        version: 2,
        weights: {
          productionWeight: 0.6,
          areaWeights: { serving_apis: 0 },
          mustHave: ["pytorch"],
          minDegree: "masters",
        },
      },
      lookups,
    );
    expect(lines).toEqual([
      { field: "Weights version", before: "1", after: "2" },
      { field: "Production engineering weight", before: "0.5", after: "0.6" },
      { field: "Minimum degree", before: "none", after: "Master’s" },
      { field: "Area weight: Serving and APIs", before: null, after: "0" },
    ]);
  });

  it("says what a list gained and lost, with requisition titles", () => {
    const [line] = describeChange({ requisitionIds: ["req1"] }, { requisitionIds: ["req2"] }, lookups);
    expect(line).toMatchObject({ field: "Requisitions", added: ["req2"], removed: ["ML Engineer, Ranking"] });
    const [team] = describeChange(
      { members: ["a@x.test", "b@x.test"] },
      { members: ["b@x.test", "c@x.test"] },
      lookups,
    );
    expect(team).toMatchObject({ field: "Team", added: ["c@x.test"], removed: ["a@x.test"] });
  });

  it("lists every field of a creation, times in UTC, and nothing for no data", () => {
    expect(describeChange(null, { status: "CLOSED", closedAt: "2026-11-22T10:00:00.000Z" }, lookups)).toEqual([
      { field: "Status", before: null, after: "Closed" },
      { field: "Closed at", before: null, after: "22 Nov 2026, 10:00 UTC" },
    ]);
    expect(describeChange(null, null, lookups)).toEqual([]);
    expect(describeChange({ a: 1 }, { a: 1 }, lookups)).toEqual([]);
  });
});
