import { describe, expect, it } from "vitest";
import { INLINE_POSTING, MARKDOWN_POSTING, PLATFORM_POSTING } from "../../tests/factories/job-postings.ts";
import { classifyHeading } from "./classify-heading.ts";
import { readPostingStructure } from "./read-posting-structure.ts";

function strengthOf(posting: string, needle: string) {
  const segment = readPostingStructure(posting).find((candidate) => candidate.text.includes(needle));
  return segment?.strength;
}

describe("headings", () => {
  it.each([
    ["Requirements", "required"],
    ["What you'll need", "required"],
    ["What You’ll Need To Succeed", "required"],
    ["Who you are:", "required"],
    ["We'd love to hear from you if you have:", "required"],
    ["Minimum Qualifications", "required"],
    ["Must have", "required"],
    ["Preferred Qualifications", "preferred"],
    ["Nice to have", "preferred"],
    ["Bonus points", "preferred"],
    ["Pluses", "preferred"],
    ["How You Stand Out", "preferred"],
    ["It's great, but not required, if you have", "preferred"],
    ["Strong candidates may also have:", "preferred"],
    ["You might thrive in this role if you:", "required"],
    ["You may be a good fit if you have", "required"],
    ["What you'll do", "duties"],
    ["Responsibilities", "duties"],
    ["About the role", "duties"],
    ["Technologies we use:", "stack"],
    ["About us", "other"],
    ["Benefits & perks", "other"],
  ])("%s → %s", (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });
});

describe("reading the structure of a posting", () => {
  it("takes the first line as the title and every span exactly from the posting", () => {
    const segments = readPostingStructure(PLATFORM_POSTING);
    expect(segments[0]).toMatchObject({ title: true, text: "ML Platform Engineer" });
    for (const segment of segments) expect(PLATFORM_POSTING.slice(segment.start, segment.end)).toBe(segment.text);
  });

  it("marks lines by the heading above them", () => {
    expect(strengthOf(PLATFORM_POSTING, "Strong Python and Go")).toBe("required");
    expect(strengthOf(PLATFORM_POSTING, "Familiarity with PyTorch")).toBe("preferred");
    expect(strengthOf(PLATFORM_POSTING, "model serving infrastructure")).toBe("none");
    expect(strengthOf(PLATFORM_POSTING, "Annual bonus")).toBe("none");
  });

  it("reads inline markers sentence by sentence, and 'preferably' only from the marker on", () => {
    expect(strengthOf(INLINE_POSTING, "Python and SQL is required")).toBe("required");
    expect(strengthOf(INLINE_POSTING, "Spark is a plus")).toBe("preferred");
    expect(strengthOf(INLINE_POSTING, "Ideally you have used Airflow")).toBe("preferred");
    const segments = readPostingStructure(INLINE_POSTING);
    const git = segments.find((segment) => segment.text.includes("Git"));
    expect(git).toMatchObject({ text: "preferably Git", strength: "preferred" });
  });

  it("reads Markdown headings and bold text", () => {
    expect(strengthOf(MARKDOWN_POSTING, "recommendation systems")).toBe("required");
    expect(strengthOf(MARKDOWN_POSTING, "Elasticsearch")).toBe("preferred");
  });

  it("ends a requirements list at the paragraph that follows it", () => {
    const posting = `ML Engineer\n\nRequirements\n- Python\n- Docker\n\nAcme is an equal opportunity employer and does not discriminate on the basis of age, race or national origin. We offer a pleasant office with plenty of light and many plants.`;
    expect(strengthOf(posting, "Docker")).toBe("required");
    expect(strengthOf(posting, "equal opportunity")).toBe("none");
  });
});
