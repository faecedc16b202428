import { describe, expect, it } from "vitest";
import { extractResumeFacts } from "../resume/extract-resume-facts.ts";
import { toScoringInput } from "./scoring-input.ts";

const now = new Date("2026-11-22T00:00:00Z");
const read = (text: string) => toScoringInput(text, extractResumeFacts(text, { now }), now);

describe("toScoringInput", () => {
  it("keeps a headline of skills with separators and blanks the contact and place lines", () => {
    const text =
      "Jane Roe\nML Engineer | Python · PyTorch · Kubernetes\nSpark, Nevada | jane@example.org\nExperience\nBuilt things.";
    const input = read(text);
    expect(input.text).toContain("ML Engineer | Python · PyTorch · Kubernetes");
    expect(input.text).not.toContain("Nevada");
    expect(input.text).not.toContain("jane@example.org");
    expect(input.text.length).toBe(text.length);
  });

  it("blanks employer and school names even where no role was read", () => {
    const text = "Skills\nPython, Docker\ncompany - Spark Networks SE\nKubernetes Institute of Technology, 2019\n";
    const input = read(text);
    expect(input.text).not.toContain("Spark Networks");
    expect(input.text).not.toContain("Kubernetes Institute");
    expect(input.text).toContain("Python, Docker");
  });

  it("tells a completed degree in computing from others and from one in progress", () => {
    expect(read("Education\nB.Tech in Computer Science Engineering, 2018\n").computingDegree).toBe(true);
    expect(read("Education\nB. E. in CSE\nChitkara University\n2014 to 2018\n").computingDegree).toBe(true);
    expect(read("Education\nMCA, 2017\nBCA, 2014\n").computingDegree).toBe(true);
    expect(read("Education\nB.E. in Mechanical Engineering, 2016\n").computingDegree).toBe(false);
    expect(read("Education\nB.Sc. Computer Science, expected 2031\n").computingDegree).toBe(false);
  });

  it("collects titles outside the roles for the background", () => {
    const input = read("Designation: Java Developer\nSkills\nJava, Spring Boot\n");
    expect(input.titleHints.map((hint) => hint.title)).toContain("Java Developer");
  });

  it("reads a description the layout put in a title's place as no title", () => {
    const text =
      "Company Details \ncompany - Aegis school of Data Science & Business\ndescription - Mostly working on industry project for providing solution along with teaching (2017 to Present)\nBuilt churn models.";
    const input = read(text);
    expect(input.roles.length).toBeGreaterThan(0);
    expect(input.roles.every((role) => role.title === null)).toBe(true);
  });
});
