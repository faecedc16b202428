import { describe, expect, it } from "vitest";
import {
  backgroundOfExperienceField,
  backgroundOfTitle,
  classifyBackground,
  isItOperationsTitle,
  type RoleForBackground,
} from "./backgrounds.ts";

const role = (title: string | null, months: number, yearsAgo = 0, isStudy = false): RoleForBackground => ({
  title,
  months,
  yearsAgo,
  isStudy,
});
const none = { phd: false, publications: false };

describe("backgroundOfTitle", () => {
  it.each([
    ["Machine Learning Engineer", "ml_engineer"],
    ["AI/ML Engineer", "ml_engineer"],
    ["Software Engineer, Machine Learning", "ml_engineer"],
    ["MLOps Engineer", "ml_engineer"],
    ["Applied Scientist Intern", "ml_engineer"],
    ["Senior Data Scientist", "data_scientist"],
    ["Data Science Consultant", "data_scientist"],
    ["Data Science internship", "data_scientist"],
    ["Data Science Engineer", "ml_engineer"],
    ["Software Testing & Automation Engineer", "software_engineer"],
    ["PeopleSoft consultant", "software_engineer"],
    ["Maximo Consultant", "software_engineer"],
    ["SAP ABAP Consultant", "software_engineer"],
    ["SAP BO/BODS Developer", "software_engineer"],
    ["SAP Technical Consultant", "software_engineer"],
    ["Microsoft dynamics AX Technical consultant", "software_engineer"],
    ["Oracle Apps Technical Consultant", "software_engineer"],
    ["Data Analyst", "data_scientist"],
    ["Business Intelligence Developer", "data_scientist"],
    ["Biostatistician", "data_scientist"],
    ["ETL Developer", "data_engineer"],
    ["Hadoop Developer", "data_engineer"],
    ["Oracle DBA", "data_engineer"],
    ["Database Administrator", "data_engineer"],
    ["Database Manager", "data_engineer"],
    ["Java Developer", "software_engineer"],
    ["Sr. .NET Developer", "software_engineer"],
    ["DevOps Engineer", "software_engineer"],
    ["QA Automation Engineer", "software_engineer"],
    ["Software Test Engineer", "software_engineer"],
    ["SAP ABAP Consultant", "software_engineer"],
    ["Director of Software Development", "software_engineer"],
    ["Software Engineering Manager", "software_engineer"],
    ["Software Engineering Intern", "software_engineer"],
    ["Web Designer", "software_engineer"],
    ["Website Designer", "software_engineer"],
    ["Application Development Associate", "software_engineer"],
    ["Information Technology Specialist III (Drupal Dev)", "software_engineer"],
    ["Sr. Java Dev", "software_engineer"],
    ["Développeur Full Stack", "software_engineer"],
    ["软件工程师", "software_engineer"],
    ["Research Scientist", "researcher"],
    ["Graduate Research Assistant, Machine Learning Lab", "researcher"],
  ])("%s → %s", (title, family) => {
    expect(backgroundOfTitle(title)).toBe(family);
  });

  it.each([
    "Mitsubishi FX3U 16M GX-Developer",
    "Developer Support Engineer",
    "SAP FICO Consultant",
    "SAP SD lead",
    "SAP Security consultant",
    "Business Development Manager",
    "Real Estate Developer",
    "Network Administrator",
    "Help Desk Technician",
    "Accountant",
    "Electrical Engineer",
    "Graduate Research Assistant",
    "Campaign Tester",
    "Assistant Professor of English",
    "On-Site Professional Developer",
    "Process Developer",
    "NC Programmer/Administrative Assistant",
    "Development Associate",
  ])("%s names no family", (title) => {
    expect(backgroundOfTitle(title)).toBeNull();
  });

  it("stays linear on a long line of title words", () => {
    const line = "Senior Data Software Machine ".repeat(5000);
    const start = performance.now();
    backgroundOfTitle(line);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe("classifyBackground", () => {
  it("reads a résumé whose roles are Data Scientist as a data scientist", () => {
    expect(classifyBackground([role("Data Scientist", 30), role("Junior Data Analyst", 18, 2.5)], none)).toBe(
      "data_scientist",
    );
  });

  it("keeps other for résumés without software, data or ML roles", () => {
    expect(classifyBackground([role("Accountant", 60), role("Network Administrator", 30, 5)], none)).toBe("other");
  });

  it("lets a short old software stint lose to years of other work", () => {
    expect(classifyBackground([role("Product Manager", 120), role("Software Developer", 24, 10)], none)).toBe("other");
  });

  it("lets engineering-manager titles follow the family of the rest of the career", () => {
    const roles = [
      role("Engineering Team Lead", 180),
      role("Software Engineer", 30, 15),
      role("Web Developer", 26, 18),
    ];
    expect(classifyBackground(roles, none)).toBe("software_engineer");
  });

  it("reads the headline, a Designation line or a summary when no role has a title", () => {
    const titles = [{ title: "Java Developer", months: 24, yearsAgo: 0 }];
    expect(classifyBackground([role(null, 40)], { ...none, titles })).toBe("software_engineer");
    expect(
      classifyBackground([], { ...none, titles: [{ title: "Data Scientist", months: 6, yearsAgo: 0, claim: true }] }),
    ).toBe("data_scientist");
  });

  it("ignores self-descriptions when roles have titles", () => {
    const titles = [{ title: "Data Analyst", months: 6, yearsAgo: 0, claim: true }];
    expect(classifyBackground([role("Bank Teller", 24)], { ...none, titles })).toBe("other");
  });

  it("weighs recent roles more than old ones", () => {
    expect(classifyBackground([role("Data Engineer", 24), role("Software Engineer", 36, 8)], none)).toBe(
      "data_engineer",
    );
  });
});

describe("backgroundOfExperienceField", () => {
  it.each([
    ["software development and Maintenance", "software_engineer"],
    ["Web Application design using python Django", "software_engineer"],
    ["Java development", "software_engineer"],
    ["ETL and data warehousing", "data_engineer"],
    ["SQL Server database administration", "data_engineer"],
    ["data analytics and reporting", "data_scientist"],
    ["machine learning and NLP", "ml_engineer"],
    ["IT industry", null],
    ["Java", null],
    ["sales and marketing", null],
    ["project management", null],
  ])("%s → %s", (field, family) => {
    expect(backgroundOfExperienceField(field)).toBe(family);
  });
});

describe("isItOperationsTitle", () => {
  it.each([
    "Help Desk Analyst",
    "Information Technology Assistant",
    "Desktop Support Technician",
    "Information Technology Technician I",
    "IT Technician",
    "Network Administrator",
    "Systems Administrator",
    "Windows Administrator",
    "Network Engineer/I.T. Manager",
    "Director of Information Technology",
    "IT Support Specialist",
    "Information Technology Specialist",
    "IT Specialist (CUSTSPT)",
    "INFORMATION TECHNOLOGY SPECIALIST (INFOSEC/NETOPS)",
    "Information Technology Project Manager System Analysis (SYSANALSYS) [GS-2210-12]",
    "IT Program Manager",
    "Company Name Administrator of Information Technology",
    "Coordinator of Information Systems",
  ])("%s is IT operations", (title) => {
    expect(isItOperationsTitle(title)).toBe(true);
  });

  it.each([
    "DevOps Engineer",
    "Site Reliability Engineer",
    "Software Engineer",
    "Database Administrator",
    "Information Technology Specialist III (Drupal Dev)",
    "IT Specialist (APPSW)",
    "Information Technology Specialist (Web)",
    "Cloud Architect",
    "Systems Analyst",
    "Staff Infrastructure Engineer",
    "Accountant",
    "Technical Program Manager",
    "Engineering Manager",
  ])("%s is not", (title) => {
    expect(isItOperationsTitle(title)).toBe(false);
  });
});

describe("classifyBackground: titles that name no family", () => {
  const researchCareer = [
    role("Co-Founder & CTO", 42),
    role("Research Intern", 4, 4),
    role("Research Intern", 4, 5),
    role("Research Intern", 4, 6),
  ];

  it("follows the work when the titles name no family: solid ML beside solid production is an ML engineer's", () => {
    expect(classifyBackground(researchCareer, { ...none, evidence: { production: 50, ml: 43 } })).toBe("ml_engineer");
    expect(
      classifyBackground(researchCareer, { phd: true, publications: true, evidence: { production: 20, ml: 60 } }),
    ).toBe("researcher");
    expect(classifyBackground(researchCareer, { ...none, evidence: { production: 20, ml: 60 } })).toBe(
      "data_scientist",
    );
  });

  it("stays other without solid ML work, and for IT operations titles whatever the production work", () => {
    expect(classifyBackground(researchCareer, { ...none, evidence: { production: 70, ml: 20 } })).toBe("other");
    expect(classifyBackground(researchCareer, none)).toBe("other");
    const itCareer = [role("IT Technician", 100), role("Network Administrator", 40, 9)];
    expect(classifyBackground(itCareer, { ...none, evidence: { production: 70, ml: 45 } })).toBe("other");
  });

  it("reads a title of seniority alone as neutral, and an engineer of another discipline as other work", () => {
    const dataCareer = [
      role("VP, Principal", 280),
      role("Database Developer", 10, 24),
      role("Oracle Developer", 39, 25),
    ];
    expect(classifyBackground(dataCareer, none)).toBe("data_engineer");
    const electrical = [role("Electrical Engineer", 200), role("LabVIEW Programmer", 14, 20)];
    expect(classifyBackground(electrical, none)).toBe("other");
    // A word or two may stand between the discipline and "Engineer", unless they name software.
    for (const title of ["Working RF Systems Engineer", "Electrical/Validation Engineer", "Plant Maintenance Engineer"])
      expect(classifyBackground([role(title, 150), role("System Data Analyst", 28, 13)], none), title).toBe("other");
    for (const title of ["Hardware/Software Engineer", "Electrical & Firmware Engineer"])
      expect(classifyBackground([role(title, 150), role("Java Developer", 28, 13)], none), title).toBe(
        "software_engineer",
      );
    expect(classifyBackground([role("Executive Director", 200), role("Data Analyst", 14, 20)], none)).toBe("other");
  });

  it("reads an IT operations title as other work, not as a neutral title that follows older software roles", () => {
    const itManager = [role("Information Technology Manager", 200), role("Programmer Analyst", 64, 20)];
    expect(classifyBackground(itManager, none)).toBe("other");
    expect(classifyBackground([role("Systems Engineer", 200), role("Programmer Analyst", 64, 20)], none)).toBe(
      "software_engineer",
    );
  });

  it("reads a technical subject's teacher as teaching, not as a neutral title that follows the work", () => {
    const development = { servingApis: 62, cicdTesting: 81 };
    const evidence = { production: 45, ml: 0, development };
    for (const title of ["Adjunct Information Technology Instructor", "Computer Technology Teacher"])
      expect(classifyBackground([role(title, 150)], { ...none, evidence }), title).toBe("other");
    expect(classifyBackground([role("Senior Systems Engineer", 150)], { ...none, evidence })).toBe("software_engineer");
  });

  it("reads software development in the work of neutral titles, but not an administrator's production work", () => {
    const infosys = [role("Senior Systems Engineer", 107), role("Team Lead", 30, 9)];
    const development = { servingApis: 62, cicdTesting: 81 };
    expect(classifyBackground(infosys, { ...none, evidence: { production: 45, ml: 0, development } })).toBe(
      "software_engineer",
    );
    // Solid production from networks, servers and monitoring is no software development.
    expect(
      classifyBackground(infosys, {
        ...none,
        evidence: { production: 50, ml: 0, development: { servingApis: 12, cicdTesting: 23 } },
      }),
    ).toBe("other");
    expect(classifyBackground(infosys, { ...none, evidence: { production: 30, ml: 0, development } })).toBe("other");
  });

  it("reads roles titled with the headline's bare post as the headline's job", () => {
    const headline = { title: "SAP ABAP Consultant", months: 24, yearsAgo: 0 };
    const roles = [role("Consultant", 121), role("Consultant", 131)];
    expect(classifyBackground(roles, { ...none, titles: [headline] })).toBe("software_engineer");
    expect(classifyBackground(roles, none)).toBe("other");
  });

  it("reads a software quality analyst by the work: development is software, a call centre's is not", () => {
    const qa = [role("Quality Analyst", 128), role("Test Engineer", 22, 10)];
    const development = { servingApis: 62, cicdTesting: 85 };
    expect(classifyBackground(qa, { ...none, evidence: { production: 55, ml: 0, development } })).toBe(
      "software_engineer",
    );
    expect(classifyBackground([role("Quality Analyst", 128)], { ...none, evidence: { production: 0, ml: 0 } })).toBe(
      "other",
    );
  });

  it("reads a role whose title was not read as the software development its work shows", () => {
    const career = [role(null, 143), role("Software Engineer", 36, 11), role("System Engineer", 6, 14)];
    const development = { servingApis: 71, cicdTesting: 70 };
    expect(classifyBackground(career, { ...none, evidence: { production: 57, ml: 0, development } })).toBe(
      "software_engineer",
    );
    // Without development work, an untitled current role still weighs as other work.
    expect(classifyBackground(career, { ...none, evidence: { production: 20, ml: 0 } })).toBe("other");
  });

  it("reads a self-description when the roles' titles say nothing of the work", () => {
    const claim = { title: "Software Developer", months: 24, yearsAgo: 0, claim: true };
    expect(classifyBackground([role("System Engineer", 119)], { ...none, titles: [claim] })).toBe("software_engineer");
    expect(classifyBackground([role("Accountant", 119)], { ...none, titles: [claim] })).toBe("other");
    // "3.2 years of experience in software development": the field the summary names.
    const field = { title: "software development and Maintenance", months: 38, yearsAgo: 0, claim: true };
    expect(
      classifyBackground([role("Senior Systems Engineer", 49)], {
        ...none,
        titles: [{ ...field, family: "software_engineer" as const }],
      }),
    ).toBe("software_engineer");
  });

  it("lets neutral titles follow a short family title when no title names other work and the work shows it", () => {
    const student = [role("Mobile Developer Intern", 5, 5.8), role("Apprentice", 77)];
    expect(classifyBackground(student, { ...none, evidence: { production: 29, ml: 33 } })).toBe("software_engineer");
    // Without the work (a clothing designer's old "Website Designer" stint), the anchor rule holds.
    const designer = [role("Freelance Designer", 149), role("Website Designer", 5, 20)];
    expect(classifyBackground(designer, { ...none, evidence: { production: 0, ml: 0 } })).toBe("other");
  });

  it("reads a student by internships before study roles, except research", () => {
    const student = [
      role("Research Fellow", 4, 8.3),
      role("Student Developer", 17, 8.6, true),
      role("Research Intern", 2, 9.4),
    ];
    expect(classifyBackground(student, none)).toBe("researcher");
    // With no job or internship naming a family, the study role does.
    expect(classifyBackground([role("Student Developer", 17, 0, true)], none)).toBe("software_engineer");
  });

  it("reads neutral titles building data pipelines as data engineering, but not an analyst's SQL", () => {
    const etl = [role("Associate Consultant", 55), role("Senior System Engineer", 32, 4.5)];
    const pipelines = { servingApis: 0, cicdTesting: 20, dataPipelines: 74 };
    expect(classifyBackground(etl, { ...none, evidence: { production: 38, ml: 0, development: pipelines } })).toBe(
      "data_engineer",
    );
    // Thin production work beside the SQL (reports, queries) is no data engineering.
    expect(classifyBackground(etl, { ...none, evidence: { production: 25, ml: 0, development: pipelines } })).toBe(
      "other",
    );
  });

  it("reads a résumé without any role by the software development its work shows", () => {
    const development = { servingApis: 45, cicdTesting: 75 };
    expect(classifyBackground([], { ...none, evidence: { production: 72, ml: 0, development } })).toBe(
      "software_engineer",
    );
    // An administrator's production work, or none, leaves it other.
    const operations = { servingApis: 10, cicdTesting: 20 };
    expect(classifyBackground([], { ...none, evidence: { production: 50, ml: 0, development: operations } })).toBe(
      "other",
    );
    expect(classifyBackground([], none)).toBe("other");
  });

  it("reads a computing graduate without professional time by their field when the work shows programming", () => {
    const graduate = { ...none, computingDegree: true, yearsExperience: 0, evidence: { production: 28, ml: 0 } };
    // A fresher whose only "role" is a college event or a short course.
    expect(classifyBackground([], graduate)).toBe("software_engineer");
    // Unknown years (undated work) are not a fresher's.
    expect(classifyBackground([], { ...graduate, yearsExperience: null })).toBe("other");
    expect(classifyBackground([role("Co-coordinator of Code Hunter", 1)], { ...graduate, yearsExperience: 0.1 })).toBe(
      "software_engineer",
    );
    // Not with years of work, without a computing degree, or without programming shown.
    expect(classifyBackground([role("Sales Executive", 36)], { ...graduate, yearsExperience: 3 })).toBe("other");
    expect(classifyBackground([], { ...graduate, computingDegree: false })).toBe("other");
    expect(classifyBackground([], { ...graduate, evidence: { production: 5, ml: 0 } })).toBe("other");
    // A family the titles name stays.
    expect(classifyBackground([role("Data Analyst Intern", 3)], { ...graduate, yearsExperience: 0.1 })).toBe(
      "data_scientist",
    );
  });

  it("never overrides a family the titles name", () => {
    expect(
      classifyBackground([role("Software Engineer", 36), role("CTO", 24)], {
        ...none,
        evidence: { production: 60, ml: 60 },
      }),
    ).toBe("software_engineer");
  });
});
