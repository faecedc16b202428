import { describe, expect, it } from "vitest";
import { getSkill } from "../taxonomy/index.ts";
import {
  collectEvidence,
  IT_OPERATIONS_FACTOR,
  SOFTWARE_ROLE_SKILL,
  SOURCE_WEIGHTS,
  TITLED_LIST_WEIGHT,
  UNCORROBORATED_LIST_FACTOR,
} from "./evidence.ts";
import type { ScoringInput } from "./scoring-input.ts";

function input(text: string, sections: ScoringInput["sections"]): ScoringInput {
  return { text, sections, roles: [], degrees: [], computingDegree: false, yearsExperience: null, titleHints: [] };
}

describe("misplaced role bullets", () => {
  it("counts a work line under a skills heading as work, and a list line as a list", () => {
    const text = "Skills\nPython, Docker, Kubernetes\n• Developed REST APIs in Flask for the billing service\n";
    const evidence = collectEvidence(input(text, [{ kind: "skills", start: 0, end: text.length }]));
    const source = (skillId: string) => evidence.find((e) => e.skillId === skillId)?.source;
    expect(source("docker")).toBe("skills_list");
    expect(source("rest_api")).toBe("experience");
    expect(source("flask")).toBe("experience");
  });

  it("counts job-board description lines outside any section as work", () => {
    const text = "company - Acme\ndescription - Designed microservices with Spring Boot and Kafka for payments\n";
    const evidence = collectEvidence(input(text, []));
    expect(evidence.filter((e) => e.skillId === "microservices").map((e) => e.source)).toEqual(["experience"]);
  });

  it("leaves a one-line claim in a summary as a summary", () => {
    const text = "Summary\nExperienced in Docker and Kubernetes\n";
    const evidence = collectEvidence(input(text, [{ kind: "summary", start: 0, end: text.length }]));
    expect(evidence.every((e) => e.source === "summary")).toBe(true);
  });
});

describe("skills lists backed by job titles", () => {
  const text =
    "Skills\nC#, ASP.NET, SQL Server, REST\nExperience\nSoftware Engineer\nMaintained the web applications.\n";
  const role = { title: "Software Engineer", kind: "job" as const, start: 49, end: text.length, yearsAgo: 0 };
  const listWeight = (months: number) => {
    const evidence = collectEvidence({
      ...input(text, [{ kind: "skills", start: 0, end: 37 }]),
      roles: [{ ...role, months }],
    });
    return evidence.find((e) => e.skillId === "aspnet")!.weight;
  };

  it("weigh as a professional's testimony after a year or more in a software role, and a quarter when nothing backs them", () => {
    const aspnet = getSkill("aspnet")?.weight ?? 1;
    expect(listWeight(36)).toBeCloseTo(TITLED_LIST_WEIGHT * aspnet);
    expect(listWeight(3)).toBeCloseTo(SOURCE_WEIGHTS.skills_list * UNCORROBORATED_LIST_FACTOR * aspnet);
  });
});

describe("what backs a skills list", () => {
  const list = "Skills\nMATLAB, Statistics, Excel\n";
  const weightOf = (rest: string, kind: "certifications" | "projects") => {
    const text = list + rest;
    const evidence = collectEvidence(
      input(text, [
        { kind: "skills", start: 0, end: list.length },
        { kind, start: list.length, end: text.length },
      ]),
    );
    return evidence.find((e) => e.skillId === "matlab" && e.source === "skills_list")!.weight;
  };

  it("is work in projects or roles, not a list of courses taken", () => {
    const courses = weightOf("Courses of Note\nThermodynamics, Statistics, Physics I-III\n", "certifications");
    const project = weightOf("Projects\nBuilt a regression model in Python to forecast demand\n", "projects");
    expect(courses).toBeCloseTo(project * UNCORROBORATED_LIST_FACTOR);
  });
});

describe("the title of a professional software role", () => {
  const text = "Experience\nWeb Developer Nov 2006 to Dec 2010\nDevelop and maintain web-based applications.\n";
  const at = text.indexOf("Web Developer");
  const titleEvidence = (title: string, months: number, kind: "job" | "internship" = "job") =>
    collectEvidence({
      ...input(text, [{ kind: "experience", start: 0, end: text.length }]),
      roles: [{ title, kind, start: at, end: text.length, months, yearsAgo: 16 }],
    }).filter((e) => e.skillId === SOFTWARE_ROLE_SKILL);

  it("is evidence of the fundamentals, shown on the role's line, growing with its length", () => {
    const [four] = titleEvidence("Web Developer", 48);
    expect(four).toMatchObject({ area: "cicd_testing_quality", dimension: "production", source: "role" });
    expect(four!.line.text).toBe("Web Developer Nov 2006 to Dec 2010");
    expect(text.slice(four!.line.start, four!.line.end)).toBe(four!.line.text);
    const [one] = titleEvidence("Web Developer", 12);
    // Half the ramp (a year of the two), and a shorter role counts a little less as any role does.
    expect(one!.weight).toBeLessThan(four!.weight / 2);
    expect(one!.weight).toBeGreaterThan(four!.weight / 3);
  });

  it("is none for other titles, short stints and internships", () => {
    expect(titleEvidence("Sales Manager", 48)).toEqual([]);
    expect(titleEvidence("Business Development Manager", 48)).toEqual([]);
    expect(titleEvidence("Web Developer", 4)).toEqual([]);
    expect(titleEvidence("Web Developer", 48, "internship")).toEqual([]);
  });
});

describe("bullets of an IT operations role", () => {
  const text = "Experience\nTitle\nCreated and managed virtual machines in Microsoft Azure and Linux servers.\n";
  const weights = (title: string) =>
    collectEvidence({
      ...input(text, [{ kind: "experience", start: 0, end: text.length }]),
      roles: [{ title, kind: "job", start: 11, end: text.length, months: 60, yearsAgo: 0 }],
    })
      .filter((e) => e.skillId === "azure")
      .map((e) => e.weight);

  it("weigh production work as adjacent: IT_OPERATIONS_FACTOR of a software role's", () => {
    const [devops] = weights("DevOps Engineer");
    const [admin] = weights("Systems Administrator");
    expect(admin).toBeCloseTo(devops! * IT_OPERATIONS_FACTOR);
    expect(weights("Help Desk Technician")[0]).toBeCloseTo(admin!);
  });
});
