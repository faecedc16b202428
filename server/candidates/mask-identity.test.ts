import { describe, expect, it } from "vitest";
import { extractResumeFacts } from "../resume/extract-resume-facts.ts";
import { makeResumeText, PROFILES } from "../../tests/factories/resume-factory.ts";
import { identityRanges, maskedSegments, segmentsReveal } from "./mask-identity.ts";

const now = new Date("2026-11-22T00:00:00Z");

function masked(text: string) {
  const facts = extractResumeFacts(text, { now });
  return { facts, segments: maskedSegments(text, identityRanges(text, facts)) };
}

describe("blind review masking of the résumé text", () => {
  it.each(PROFILES.map((profile) => [profile.key, profile] as const))(
    "hides the identity of the %s profile",
    (_key, profile) => {
      const text = makeResumeText(profile);
      const { segments } = masked(text);
      for (const value of [profile.name, profile.email, profile.phone, profile.location, ...profile.links]) {
        expect(segmentsReveal(segments, value), value).toBe(false);
      }
      for (const entry of profile.education) expect(segmentsReveal(segments, entry.school), entry.school).toBe(false);
      for (const job of profile.experience) {
        // Where a role was, and for whom, is hidden (issue 13: employers identify); what it was stays readable.
        expect(segmentsReveal(segments, `(${job.location})`)).toBe(false);
        expect(segmentsReveal(segments, job.title)).toBe(true);
        expect(segmentsReveal(segments, job.company)).toBe(false);
        for (const bullet of job.bullets)
          expect(segmentsReveal(segments, bullet.split(" ").slice(0, 4).join(" "))).toBe(true);
      }
      expect(segmentsReveal(segments, profile.headline)).toBe(true);
      expect(segmentsReveal(segments, "SKILLS")).toBe(true);
    },
  );

  it("keeps every offset: segments tile the text and never cross a line break", () => {
    const text = makeResumeText(PROFILES[0]!);
    const { segments } = masked(text);
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    for (const segment of segments) {
      if ("text" in segment) expect(segment.text).toBe(text.slice(segment.start, segment.end));
      else expect(text.slice(segment.start, segment.end)).not.toContain("\n");
    }
    // Same number of lines: the layout of the résumé is kept.
    const shown = segments.map((s) => ("text" in s ? s.text : "x")).join("");
    expect(shown.split("\n")).toHaveLength(text.split("\n").length);
  });

  it("hides a repeated e-mail or profile link anywhere, and contact sections whole", () => {
    const text = [
      "Sam Rivera",
      "ML Engineer",
      "",
      "EXPERIENCE",
      "ML Engineer, Acme Labs (Lisbon, Portugal) | Jan 2020 - Present",
      "- Built model serving in Python; see github.com/samrivera/serving",
      "",
      "CONTACT",
      "sam.rivera@example.com",
      "Rua Augusta 12, Lisbon",
      "",
      "SKILLS",
      "Python, PyTorch",
      "",
      "Write to sam.rivera@example.com",
      "",
    ].join("\n");
    const { segments } = masked(text);
    expect(segmentsReveal(segments, "sam.rivera@example.com")).toBe(false);
    expect(segmentsReveal(segments, "Rua Augusta")).toBe(false);
    expect(segmentsReveal(segments, "samrivera")).toBe(false);
    expect(segmentsReveal(segments, "Sam Rivera")).toBe(false);
    expect(segmentsReveal(segments, "Lisbon")).toBe(false);
    expect(segmentsReveal(segments, "Built model serving in Python")).toBe(true);
    expect(segmentsReveal(segments, "Python, PyTorch")).toBe(true);
  });

  it("labels what it hides", () => {
    const { segments } = masked(makeResumeText(PROFILES[0]!));
    const kinds = new Set(segments.flatMap((s) => ("hidden" in s ? [s.hidden] : [])));
    expect(kinds).toContain("name");
    expect(kinds).toContain("contact");
    expect(kinds).toContain("school");
    // "Lumen Retail Labs (Austin, TX)": employer and place side by side read as one "contact details".
    expect(
      masked("Jane Doe\nSUMMARY\nWorked in Austin, TX on ranking models for five years.\n").segments,
    ).toContainEqual(expect.objectContaining({ hidden: "place" }));
    expect(masked("EXPERIENCE\nEngineer, Lumen Retail Labs | 2020 - Present\n").segments).toContainEqual(
      expect.objectContaining({ hidden: "employer" }),
    );
  });

  it("hides a name the parser did not read when the e-mail or a profile link spells it", () => {
    const text = [
      "About Me",
      "Aspiring data scientist.",
      "CONTACT",
      "rsaradind2001@example.com",
      "EXPERTISE",
      "Python",
      "Pandas",
      "NumPy",
      "SQL",
      "Statistical Analysis",
      "www.linkedin.com/in/ravisaradind",
      "RAVI SARADIND",
      "Data Scientist",
      "PROJECTS",
      "Churn model, Saradind & co-authors",
      "",
    ].join("\n");
    const { facts, segments } = masked(text);
    expect(facts.contact.name).toBeNull();
    expect(segmentsReveal(segments, "RAVI SARADIND")).toBe(false);
    expect(segmentsReveal(segments, "Saradind &")).toBe(false);
    expect(segmentsReveal(segments, "Data Scientist")).toBe(true);
  });

  it("hides towns written with a full state or province name", () => {
    const text =
      "Jane Doe\nSUMMARY\nClients in Stuart, Florida and Kingston, Ontario; remote from New York, New York.\n";
    const { segments } = masked(text);
    for (const place of ["Stuart, Florida", "Kingston, Ontario", "New York, New York"])
      expect(segmentsReveal(segments, place), place).toBe(false);
    expect(segmentsReveal(segments, "Clients in")).toBe(true);
  });
});
