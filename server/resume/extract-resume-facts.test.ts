import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTwoColumnPdf } from "../../tests/factories/pdf-writer.ts";
import { LABELLED_DIR, readLabels } from "../../tests/factories/labelled-set.ts";
import { makeResumeText, PROFILES } from "../../tests/factories/resume-factory.ts";
import { extractText } from "../extraction/extract-text.ts";
import type { Span } from "../contract/screening-result.ts";
import { extractResumeFacts, type ResumeFacts } from "./extract-resume-facts.ts";
import { findDateRanges } from "./find-date-ranges.ts";
import { headingOf } from "./find-sections.ts";

const now = new Date("2025-01-15");

function allSpans(facts: ResumeFacts): Span[] {
  const { name, email, phone, links } = facts.contact;
  return [
    ...[name, email, phone, ...links].flatMap((fact) => (fact ? [fact.span] : [])),
    ...facts.sections.map((section) => section.heading),
    ...facts.experience.flatMap((entry) =>
      [entry.title, entry.organisation, entry.dates, entry.span, ...entry.bullets].filter(
        (span): span is Span => span !== null,
      ),
    ),
    ...facts.education.flatMap((entry) =>
      [entry.degree, entry.field, entry.institution].filter((span): span is Span => span !== null),
    ),
  ];
}

describe("extractResumeFacts: traceability", () => {
  const texts = [
    ...PROFILES.map((profile) => [profile.key, makeResumeText(profile)] as const),
    ...readLabels().resumes.map((label) => [label.file, readFileSync(join(LABELLED_DIR, label.file), "utf8")] as const),
  ];
  it.each(texts)("every span of %s points at its text", (_, text) => {
    const facts = extractResumeFacts(text, { now });
    const spans = allSpans(facts);
    expect(spans.length).toBeGreaterThan(5);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});

describe("findDateRanges", () => {
  it.each<[string, string, string]>([
    ["Mar 2021 – Present", "2021-03", "present"],
    ["2019 - present", "2019", "present"],
    ["01/2019 - 12/2020", "2019-01", "2020-12"],
    ["Jun 2018 – Feb 2021", "2018-06", "2021-02"],
    ["2015–2020", "2015", "2020"],
    ["Summer 2024", "2024-06", "2024-08"],
    ["March 2021 to Current", "2021-03", "present"],
    ["2021.03 - 2022.05", "2021-03", "2022-05"],
    ["Sep. 2023 — Mar. 2024", "2023-09", "2024-03"],
    ["Sep. 2023 Mar. 2024", "2023-09", "2024-03"],
    ["04/2015 - heute", "2015-04", "present"],
    ["since 2020", "2020", "present"],
  ])("reads %s", (text, start, end) => {
    const [range] = findDateRanges(`Engineer, Acme | ${text}`, now);
    expect([range?.start.label, range?.end.label]).toEqual([start, end]);
  });

  it.each(["Graduated 2019", "GPA 3.8/4.0", "+1 (555) 010-2019"])("finds no period in %s", (text) => {
    expect(findDateRanges(text, now)).toEqual([]);
  });
});

describe("headingOf", () => {
  it.each<[string, string | null]>([
    ["EXPERIENCE", "experience"],
    ["Work History", "experience"],
    ["Professional Experience:", "experience"],
    ["Relevant Work Experience", "experience"],
    ["EMPLOYMENT", "experience"],
    ["Education", "education"],
    ["SKILLS & AWARDS", "skills"],
    ["Technical Skills", "skills"],
    ["Selected Publications", "publications"],
    ["Licenses & Certifications", "certifications"],
    ["PROFESSIONAL SUMMARY", "summary"],
    ["Projects", "projects"],
    ["Skills: Python, Go", "skills"],
    ["Volunteer Swim Coach", null],
    ["Scrum Master Certification", null],
    ["Experience with Kubernetes and Terraform at scale.", null],
    ["Technologies: Go, Kafka", null],
  ])("%s → %s", (line, kind) => {
    expect(headingOf(line)?.kind ?? null).toBe(kind);
  });
});

describe("two-column PDF", () => {
  it("keeps each job's title, organisation and dates together and reads the sidebar apart", async () => {
    const pdf = makeTwoColumnPdf({
      header: ["Ada Okoro", "ada.okoro@example.com | +44 20 7946 0011"],
      sidebar: [
        "SKILLS",
        "Python, PyTorch",
        "Kubernetes, Terraform",
        "",
        "EDUCATION",
        "M.Sc. Machine Learning",
        "University of Edinburgh, 2016",
        "",
        "LANGUAGES",
        "English, Yoruba",
      ],
      main: [
        "EXPERIENCE",
        "Staff ML Engineer, Thames Analytics",
        "Feb 2020 – Present",
        "• Built the pricing model platform.",
        "ML Engineer, Northern Rail Data",
        "Sep 2016 – Jan 2020",
        "• Delay prediction with gradient boosting.",
      ],
    });
    const { text } = await extractText(pdf, { maxBytes: 1e7, maxPdfPages: 5, timeoutMs: 10_000 });
    expect(text).toContain(
      "Staff ML Engineer, Thames Analytics\nFeb 2020 – Present\n• Built the pricing model platform.",
    );
    const facts = extractResumeFacts(text, { now });
    expect(
      facts.experience.map((entry) => [entry.title?.text, entry.organisation?.text, entry.start, entry.end]),
    ).toEqual([
      ["Staff ML Engineer", "Thames Analytics", "2020-02", "present"],
      ["ML Engineer", "Northern Rail Data", "2016-09", "2020-01"],
    ]);
    // Feb 2020 – Jan 2025 (60 months) + Sep 2016 – Jan 2020 (41 months).
    expect(facts.yearsExperience).toBe(8.4);
    expect(facts.highestDegree).toBe("masters");
    expect(facts.sections.map((section) => section.kind)).toEqual(["experience", "skills", "education", "other"]);
  });
});

describe("years of experience", () => {
  const yearsOf = (body: string) =>
    extractResumeFacts(`Jane Doe\nEXPERIENCE\n${body}\nEDUCATION\nB.S. Physics, MIT, 2010`, { now }).yearsExperience;

  it("counts overlapping roles once", () => {
    expect(yearsOf("Engineer, A | Jan 2020 - Dec 2021\nConsultant, B | Jan 2021 - Dec 2022")).toBe(3);
  });

  it("counts internships at half and study not at all", () => {
    expect(
      yearsOf("Software Engineering Intern, A | Jan 2020 - Dec 2020\nTeaching Assistant, MIT | Jan 2021 - Dec 2022"),
    ).toBe(0.5);
  });

  it("uses --now for Present", () => {
    expect(yearsOf("Engineer, A | Jan 2024 - Present")).toBe(1.1);
  });
});
