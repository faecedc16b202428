import { describe, expect, it } from "vitest";
import { findSections } from "../resume/find-sections.ts";
import { findTitleHints, titleOfLine } from "./find-title-hints.ts";

const noSections = { sections: [], roles: [] };

describe("findTitleHints", () => {
  it("reads the headline under the name, even on a line with contacts", () => {
    const text = "                \nMachine Learning Engineer | London\nSkills\nPython";
    const hints = findTitleHints(text, { sections: [{ kind: "skills", start: 52, end: text.length }], roles: [] });
    expect(hints.map((h) => h.title)).toContain("Machine Learning Engineer");
  });

  it("reads Designation and Title label lines anywhere", () => {
    const text = "Company Details\ncompany - Acme\nDesignation: Java Developer\ndescription - built services";
    expect(findTitleHints(text, noSections).map((h) => h.title)).toContain("Java Developer");
  });

  it("reads '<title> with N years' and 'N years of experience as a <title>' as claims weighted by the years", () => {
    const text =
      "Summary\nData Scientist with 5+ years of experience in retail.\n\nI have 3 years of experience as a Java Developer.";
    const hints = findTitleHints(text, { sections: [{ kind: "summary", start: 0, end: text.length }], roles: [] });
    expect(hints).toContainEqual({ title: "Data Scientist", months: 60, yearsAgo: 0, claim: true });
    expect(hints.some((h) => h.title.startsWith("Java Developer") && h.months === 36)).toBe(true);
  });

  it("does not take 'Product Manager with 18 years in software development' for a software title", () => {
    const text = "Seasoned Product Manager with over 18 years of experience in software development.";
    expect(findTitleHints(`x\ny\nz\na\nb\nc\nd\ne\nf\n${text}`, noSections)).toEqual([]);
  });

  it("reads the field of 'N years of experience in software development' as a claim of its family", () => {
    const text =
      "● Senior System Engineer at Infosys with 3.2 years of experience in software development and\nMaintenance.";
    const [hint] = findTitleHints(`x\ny\nz\na\nb\nc\nd\ne\nf\n${text}`, noSections);
    expect(hint).toMatchObject({
      title: "software development and Maintenance",
      yearsAgo: 0,
      claim: true,
      family: "software_engineer",
    });
    expect(hint?.months).toBeCloseTo(38.4);
    // A field that names no work of a family ("IT industry") is no claim.
    expect(
      findTitleHints(
        "x\ny\nz\na\nb\nc\nd\ne\nf\nWith close to 3 years of experience in IT industry, I build.",
        noSections,
      ),
    ).toEqual([]);
  });

  it("marks 'Aspiring …' headlines and 'seeking a … role' as claims", () => {
    const text = "Aspiring Machine Learning Engineer\nObjective\nSeeking a Data Scientist role in healthcare.";
    const hints = findTitleHints(text, { sections: [{ kind: "summary", start: 35, end: text.length }], roles: [] });
    expect(hints.length).toBeGreaterThan(0);
    expect(hints.every((h) => h.claim)).toBe(true);
  });

  it("reads a job-board title line right after the education block", () => {
    const text = "Education Details\nB.E. Electronics Mumbai University\nDevOps Engineer\n";
    const hints = findTitleHints(text, { sections: [{ kind: "education", start: 0, end: text.length }], roles: [] });
    expect(hints.map((h) => h.title)).toEqual(["DevOps Engineer"]);
  });

  describe("a job-board export's headline above 'Skill Details'", () => {
    const hintsOf = (text: string) => findTitleHints(text, { sections: findSections(text), roles: [] });
    const board = (headline: string, title: string) =>
      `Education Details \n B.Tech   Rayat and Bahra Institute\n${headline} \n\n${title}\nSkill Details \nPython- Exprience - 24 months\nCompany Details \ncompany - Wipro\ndescription - ML work`;

    it("reads the field alone as the candidate's family", () => {
      expect(hintsOf(board("Data Science", "Data Science"))).toContainEqual({
        title: "Data Science",
        months: 24,
        yearsAgo: 0,
        family: "data_scientist",
      });
      expect(hintsOf(board("DATA SCIENCE", "DATA SCIENCE AND ELECTRICAL ENTHUSIAST"))[0]?.family).toBe(
        "data_scientist",
      );
    });

    it("reads a title in lower case or with its employer, and a title after a slash", () => {
      expect(hintsOf(board("Lead database administrator", "Database administrator - Infiniteworx"))[0]?.title).toBe(
        "Lead database administrator",
      );
      expect(hintsOf(board("Hadoop/Big Data Developer", "Hadoop/Big Data Developer - British Telecom"))[0]?.title).toBe(
        "Big Data Developer",
      );
    });

    it("reads nothing above an ordinary Skills heading: there the section before it ends", () => {
      const text =
        "Education\nM.S. Computer Information Systems 2015\nMicrosoft Technology Associate - Software Development\nMicrosoft Technology Associate - Web Development\nSkills\nProject management";
      expect(hintsOf(text)).toEqual([]);
    });
  });

  it("skips skills and education lines", () => {
    const text = "Skills\nJava Developer\nEducation\nData Analyst Certificate";
    const sections = [
      { kind: "skills" as const, start: 0, end: 22 },
      { kind: "education" as const, start: 22, end: text.length },
    ];
    expect(findTitleHints(text, { sections, roles: [] })).toEqual([]);
  });
});

describe("titleOfLine", () => {
  it("reads a bare post with what it works on after it as one title", () => {
    expect(titleOfLine("Consultant - SAP ABAP", true)).toBe("SAP ABAP Consultant");
    expect(titleOfLine("Lead Engineer - Automation & Testing", true)).toBe("Automation & Testing Lead Engineer");
    expect(titleOfLine("Consultant - Deloitte", true)).toBeUndefined();
    expect(titleOfLine("Senior Systems Engineer - mainframe", true, true)).toBe("mainframe Engineer");
  });

  it("takes the title part of a job-board title line", () => {
    expect(titleOfLine("Data Analyst & Data Scientist Intern | ExcelR, Hyderabad")).toBe(
      "Data Analyst & Data Scientist Intern",
    );
  });

  it("refuses sentences", () => {
    expect(titleOfLine("Collaborated with another developer to build a website")).toBeUndefined();
  });
});
