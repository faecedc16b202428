import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTwoColumnPdf } from "../../tests/factories/pdf-writer.ts";
import { LABELLED_DIR, readLabels } from "../../tests/factories/labelled-set.ts";
import { makeResumeText, PROFILES } from "../../tests/factories/resume-factory.ts";
import { extractText } from "../extraction/extract-text.ts";
import { normalizeText } from "../extraction/normalize-text.ts";
import type { Span } from "../contract/screening-result.ts";
import { extractResumeFacts, type ResumeFacts } from "./extract-resume-facts.ts";
import { findDateRanges } from "./find-date-ranges.ts";
import { findSections, headingOf } from "./find-sections.ts";

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
    ["Since 2019", "2019", "present"],
    ["Oct-2017 to July-2018", "2017-10", "2018-07"],
    ["Duration: April 2019 to till now", "2019-04", "present"],
    ["Aug 2016 - Till Date", "2016-08", "present"],
    ["01/2012 to Current", "2012-01", "present"],
    ["2019 – present", "2019", "present"],
    ["Sept, 2015 to Jan, 2018", "2015-09", "2018-01"],
    ["07/23 – 10/23", "2023-07", "2023-10"],
    ["févr 2019 — juil 2022", "2019-02", "2022-07"],
    ["24th March 2011 to 9th September 2011", "2011-03", "2011-09"],
    ["from 1st July 2008 to 20th February 2009", "2008-07", "2009-02"],
    ["Jan 15, 2019 – Mar 3, 2020", "2019-01", "2020-03"],
    ["September 2017 onwards", "2017-09", "present"],
    ["Mar 2016 - onwards", "2016-03", "present"],
    ["May 2015- Cont", "2015-05", "present"],
    ["Joining date from: January 25, 2017", "2017-01", "present"],
    ["Since: 2019", "2019", "present"],
  ])("reads %s", (text, start, end) => {
    const [range] = findDateRanges(`Engineer, Acme | ${text}`, now);
    expect([range?.start.label, range?.end.label]).toEqual([start, end]);
  });

  it.each([
    "Acme Corp since 2019",
    "Since 2019: Engineer, Acme",
    "Engineer (since 2019)",
    "Since 2019 - Engineer, Acme",
  ])("reads a role's %s", (text) => {
    const [range] = findDateRanges(text, now);
    expect([range?.start.label, range?.end.label]).toEqual(["2019", "present"]);
  });

  it.each([
    "Graduated 2019",
    "GPA 3.8/4.0",
    "+1 (555) 010-2019",
    "a market leader in car buying products and services since 1987.",
    "which has been the premier performing arts series in the area since 1958. I am responsible for",
    "the oldest major port in India from 1962.Mormugao Port, GOA is the premier iron ore exporting Port",
    "Acme Shipping since 1962",
    "Hyderabad from Nov 2011 to Feb17 2016",
  ])("finds no period in %s", (text) => {
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
    ["Technology Skills", "skills"],
    ["Selected Publications", "publications"],
    ["Licenses & Certifications", "certifications"],
    ["PROFESSIONAL SUMMARY", "summary"],
    ["Projects", "projects"],
    ["Skills: Python, Go", "skills"],
    ["Volunteer Swim Coach", null],
    ["Scrum Master Certification", null],
    ["Experience with Kubernetes and Terraform at scale.", null],
    ["Technologies: Go, Kafka", null],
    ["Skill Details", "skills"],
    ["Education Details", "education"],
    ["Company Details", "experience"],
    ["Projects Undertaken", "projects"],
    ["Academic Qualification", "education"],
    ["EDUCATIONAL QUALIFICATIONS", "education"],
    ["Core Qualifications", "skills"],
    ["Accomplishments", "other"],
    ["Career Overview", "summary"],
    ["CERTIFICATIONS/LICENSES", "certifications"],
    ["1 教育背景", "education"],
    ["03 / 工作经历", "experience"],
    ["项目经验", "projects"],
  ])("%s → %s", (line, kind) => {
    expect(headingOf(line)?.kind ?? null).toBe(kind);
  });
});

describe("findSections", () => {
  it("reads no heading from a word that names a method of plain objects", () => {
    for (const word of ["Constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"])
      expect(findSections(`Jane Doe\n${word}\nBuilt bridges.`), word).toEqual([]);
  });

  const kinds = (text: string) => findSections(text).map((section) => [section.kind, section.heading.text]);

  it("finds headings glued to the end of the line before them", () => {
    const text =
      "Go- Exprience - 36 monthsCompany Details\ncompany - Initech\nand some signal processing.Education Details\nB.Sc Physics";
    expect(kinds(text)).toEqual([
      ["experience", "Company Details"],
      ["education", "Education Details"],
    ]);
    const [work] = findSections(text);
    expect(text.slice(work!.heading.start, work!.heading.end)).toBe("Company Details");
  });

  it("finds a job-board export's headings ending a flattened paragraph after a space or a capital", () => {
    const text = [
      "Operating System: Windows-XP/7/10, Linux, Mac OS and Solaris Education Details ",
      " BSCIT   Mumbai University",
      "Skills â¢ AUTOCAD 2D, 3D â¢ Team work and leadership â¢ CIVIL 3DEducation Details ",
      "January 2014 BE Civil Engineering Nagpur University",
    ].join("\n");
    expect(kinds(text)).toEqual([
      ["education", "Education Details"],
      ["education", "Education Details"],
    ]);
    // Only those headings, only at the end of a long line: an ordinary sentence keeps its words.
    expect(kinds("Kept the customer and supplier records and all the Project Details\nfor audits.")).toEqual([]);
    expect(kinds("See Education Details\nbelow.")).toEqual([]);
  });

  it("does not split ordinary words that carry capitals inside", () => {
    expect(kinds("Wrote JavaScript and TypeScript\nUsed PostgreSQL daily")).toEqual([]);
    expect(kinds("Created Interaction Hubs using PeopleSoft 9.2 PeopleTools\nframework.")).toEqual([]);
    expect(kinds("Ran the release with the SysTools\nand more")).toEqual([]);
  });

  it("keeps an inline skills label between two dated roles inside the work section", () => {
    const text = [
      "EXPERIENCE",
      "Backend Developer, Initech | 2020 - Present",
      "Skills: Java, Spring Boot, Kafka",
      "Developer, Hooli | 2017 - 2019",
      "SKILLS",
      "Java, Go",
    ].join("\n");
    expect(kinds(text)).toEqual([
      ["experience", "EXPERIENCE"],
      ["skills", "SKILLS"],
    ]);
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
    // "TA" qualifying a post is talent acquisition, not a teaching assistantship.
    expect(yearsOf("TA, CS 101, MIT | Jan 2021 - Dec 2022")).toBe(0);
    expect(yearsOf("Sr. HR Consultant and TA Specialist | Company - Boston | 02/2018 - 04/2020")).toBe(2.3);
    // "Student" names the students a post serves, not a student's post.
    expect(yearsOf("Student Operations Specialist | Company - Boston | 01/2002 - 12/2009")).toBe(8);
    expect(yearsOf("Student Assistant, MIT | Jan 2021 - Dec 2022")).toBe(0);
  });

  it("uses --now for Present", () => {
    expect(yearsOf("Engineer, A | Jan 2024 - Present")).toBe(1.1);
  });

  it("counts research at one's own university as study, research elsewhere and research engineering as work", () => {
    const facts = (body: string) =>
      extractResumeFacts(`Jane Doe\nEXPERIENCE\n${body}\nEDUCATION\nPh.D. Computer Science, Cornell University, 2015`, {
        now,
      });
    const own = facts("Researcher, Cornell Robot Learning Lab | Jan 2012 - Dec 2013");
    expect(own.experience.map((entry) => entry.kind)).toEqual(["study"]);
    expect(own.yearsExperience).toBe(0);
    expect(facts("Researcher, Stanford Vision Lab | Jan 2012 - Dec 2013").yearsExperience).toBe(2);
    expect(facts("Research Engineer, Cornell Robot Learning Lab | Jan 2012 - Dec 2013").yearsExperience).toBe(2);
    expect(facts("Software Engineer, Cornell University | Jan 2012 - Dec 2013").yearsExperience).toBe(2);
  });
});

describe("roles on real layouts", () => {
  const later = new Date("2026-11-22");
  const roles = (text: string) =>
    extractResumeFacts(text, { now: later }).experience.map((entry) => [
      entry.title?.text ?? null,
      entry.organisation?.text ?? null,
      entry.start,
      entry.end,
    ]);

  it("reads job-board entries: title / blank / company - place / blank / dates", () => {
    const text = [
      "Maya Fernandes",
      "Data Analyst - Globex",
      "",
      "WORK EXPERIENCE",
      "",
      "Data Analyst",
      "",
      "Globex - Nagpur, Maharashtra",
      "",
      "March 2021 to Present",
      "",
      "Forecasting and reporting in Python and SQL.",
      "",
      "Support Engineer",
      "",
      "Umbrella Corp -",
      "",
      "July 2019 to February 2021",
      "",
      "EDUCATION",
      "",
      "B.E in Computer Engineering",
      "",
      "Nagpur Institute of Technology - Nagpur, Maharashtra",
      "",
      "August 2015 to June 2019",
    ].join("\n");
    expect(roles(text)).toEqual([
      ["Data Analyst", "Globex", "2021-03", "present"],
      ["Support Engineer", "Umbrella Corp", "2019-07", "2021-02"],
    ]);
    const facts = extractResumeFacts(text, { now: later });
    expect(facts.highestDegree).toBe("bachelors");
    // March 2021 – Nov 2026 (69 months) + July 2019 – Feb 2021 (20): no study years.
    expect(facts.yearsExperience).toBe(7.4);
  });

  it("reads a job-board title above a lone dash, the company left empty", () => {
    const text = [
      "Hemil Bhavsar",
      "",
      "WORK EXPERIENCE",
      "",
      "Jr. ASP.NET Developer in True Vision Technology",
      "",
      "-",
      "",
      "September 2015 to May 2016",
      "",
      "EDUCATION",
      "",
      "B.C.A",
    ].join("\n");
    expect(roles(text)).toEqual([["Jr. ASP.NET Developer in True Vision Technology", null, "2015-09", "2016-05"]]);
  });

  it("reads labelled entries: Designation / Duration", () => {
    const text = [
      "Education Details",
      "June 2011 to May 2015 B.Tech Electronics Pune University",
      "Company Details",
      "company - Vandelay Industries",
      "description - Billing platform for utilities.",
      "Designation: Java Developer",
      "Duration: April 2019 to till now",
      "* Built REST services.",
      "company - Pied Piper",
      "Designation: Software Engineer",
      "Duration: Oct-2015 to Mar-2019",
    ].join("\n");
    expect(roles(text)).toEqual([
      ["Java Developer", "Vandelay Industries", "2019-04", "present"],
      ["Software Engineer", "Pied Piper", "2015-10", "2019-03"],
    ]);
  });

  it("takes dates right-aligned on the title line", () => {
    expect(roles("EXPERIENCE\nSenior Data Engineer | Jan 2020 – Present\nHooli, Berlin\n• Pipelines")).toEqual([
      ["Senior Data Engineer", "Hooli", "2020-01", "present"],
    ]);
  });

  it("reads the header above a bullet that carries the dates at its right edge (rendercv)", () => {
    const text = [
      "Experience",
      "Nexus AI, Co-Founder & CTO | San Francisco, CA",
      "• Built foundation model infrastructure serving 2M+ monthly API requests | June 2023 – present",
      "• Scaled engineering team from 3 to 28",
      "NVIDIA Research, Research Intern | Santa Clara, CA",
      "• Designed sparse attention mechanism reducing transformer memory footprint | May 2022 – Aug 2022",
    ].join("\n");
    expect(roles(text)).toEqual([
      ["Co-Founder & CTO", "Nexus AI", "2023-06", "present"],
      ["Research Intern", "NVIDIA Research", "2022-05", "2022-08"],
    ]);
    expect(extractResumeFacts(text, { now: later }).experience.map((entry) => entry.kind)).toEqual([
      "job",
      "internship",
    ]);
  });

  it("reads the title line below its dates when the employer is glued to it (job-board placeholder)", () => {
    const text = [
      "Experience",
      "07/2016 to Current",
      "Senior Digital Marketing Analyst Company Name ï¼ City , State",
      "Design and build dashboards to monitor key performance metrics.",
      "02/2014 to 03/2016",
      "Web Analyst Company Name ï¼ City , State",
    ].join("\n");
    expect(roles(normalizeText(text))).toEqual([
      ["Senior Digital Marketing Analyst", "Company Name", "2016-07", "present"],
      ["Web Analyst", "Company Name", "2014-02", "2016-03"],
    ]);
  });

  it("reads the job board's anonymised place before the title as a place, and the title below the dates", () => {
    const text = [
      "Experience",
      "Company Name City , State Accountant 04/2011 to 05/2017",
      "Reconciled accounts.",
      "Relevant Training:",
      "Action Officer Course",
      "Briefing Techniques",
      "Teambuilding",
      "August 2009 to January 2010",
      "Company Name City , State Computer Technician Specialist",
      "Staged operational computer systems.",
    ].join("\n");
    expect(roles(text)).toEqual([
      ["Accountant", "Company Name", "2011-04", "2017-05"],
      ["Computer Technician Specialist", "Company Name", "2009-08", "2010-01"],
    ]);
  });

  it("reads the employer below a dated title line, and no line that reports work as a title", () => {
    const text = [
      "Experience",
      "Public Relations Officer Jan 1997 to Apr 2001",
      "Company Name - City , State",
      "Served as press contact for all museum activities, exhibitions and programs.",
      "Managed facility rentals",
      "Supervised group tour coordinator, development interns and volunteers",
      "Coordinator of Community Relations Feb 1994 to Jul 1997",
      "Company Name - City , State",
      "Promoted hospice awareness in the community through public speaking.",
      "Recruited and supervised volunteers",
      "Program Development Specialist Jul 1985 to Feb 1994",
      "Acme Services Inc, Jackson",
      "Developed programs for the elderly.",
    ].join("\n");
    expect(roles(text)).toEqual([
      ["Public Relations Officer", "Company Name", "1997-01", "2001-04"],
      ["Coordinator of Community Relations", "Company Name", "1994-02", "1997-07"],
      ["Program Development Specialist", "Acme Services Inc", "1985-07", "1994-02"],
    ]);
  });

  it("takes the part that names a post as the title, before one that only holds a job word", () => {
    expect(roles("EXPERIENCE\nApple ML Research | Research Intern | May 2020 – Aug 2020")).toEqual([
      ["Research Intern", "Apple ML Research", "2020-05", "2020-08"],
    ]);
    expect(roles("EXPERIENCE\nMortgage Underwriter | Initech | 2014 - 2019")).toEqual([
      ["Mortgage Underwriter", "Initech", "2014", "2019"],
    ]);
    expect(roles("EXPERIENCE\n• AI Engineer - Contractor | Dec 2025 – Present")).toEqual([
      ["AI Engineer", "Contractor", "2025-12", "present"],
    ]);
  });

  it("never counts a date range on a degree or school line as work", () => {
    const text = [
      "EXPERIENCE",
      "Analyst, Initech | 2022 - Present",
      "Stanford University | 2016 - 2020",
      "M.Sc. Statistics 2020 - 2022",
    ].join("\n");
    expect(roles(text)).toEqual([["Analyst", "Initech", "2022", "present"]]);
    expect(extractResumeFacts(text, { now: later }).yearsExperience).toBe(4.9);
  });

  it("finds dated roles without a recognised work section, but not in education or projects", () => {
    const text = [
      "SUMMARY",
      "Engineer who likes data.",
      "Platform Engineer, Initech | 2021 - Present",
      "EDUCATION",
      "BSc Computer Science | 2017 - 2021",
      "PROJECTS",
      "Chess engine | 2019 - 2020",
    ].join("\n");
    expect(roles(text)).toEqual([["Platform Engineer", "Initech", "2021", "present"]]);
  });

  it("joins a range broken over three lines and reads the title below it", () => {
    const text = [
      "EXPERIENCE",
      "March 2010",
      "to",
      "Current",
      "Plant Manager, Acme – Springfield, IL",
      "Ran the plant.",
    ].join("\n");
    expect(roles(text)).toEqual([["Plant Manager", "Acme", "2010-03", "present"]]);
  });

  it("joins a range broken over lines across a page break's blank lines", () => {
    const text = [
      "EXPERIENCE",
      "April 1998",
      "to",
      "",
      "",
      "February 2003",
      "Team Leader, Acme – Springfield, IL",
    ].join("\n");
    expect(roles(text)).toEqual([["Team Leader", "Acme", "1998-04", "2003-02"]]);
  });

  it("reads an open range as ongoing", () => {
    const text = [
      "EXPERIENCE",
      "2018 / 04 - Initech GmbH",
      "Backend Engineer",
      "2015 - 2018 - Hooli",
      "Developer",
    ].join("\n");
    expect(roles(text).map(([, , start, end]) => [start, end])).toEqual([
      ["2018-04", "present"],
      ["2015", "2018"],
    ]);
  });

  it("finds the title three lines above the dates (title / company / place / dates)", () => {
    const text = [
      "EXPERIENCE",
      "Research Intern",
      "Initech Labs",
      "Lyon, France",
      "05/2021 - 10/2022",
      "• NeRF work",
    ].join("\n");
    expect(roles(text)).toEqual([["Research Intern", "Initech Labs", "2021-05", "2022-10"]]);
  });

  it("does not count a project of a role as another role", () => {
    const text = [
      "EXPERIENCE",
      "Team Lead, Initech | July 2008 – January 2015",
      "Project 1: Hospital portal Tenure: March 2012 Till date",
      "Built the portal.",
    ].join("\n");
    expect(roles(text)).toEqual([["Team Lead", "Initech", "2008-07", "2015-01"]]);
  });

  it("keeps roles whose title starts with 'Project'", () => {
    expect(roles("EXPERIENCE\nProject Lead , 09/2005 to 04/2015\nInitech – Austin, TX")).toEqual([
      ["Project Lead", "Initech", "2005-09", "2015-04"],
    ]);
  });

  it("keeps a project heading in capitals inside a job from ending the work section", () => {
    const text = [
      "EXPERIENCE",
      "ETL DEVELOPER Feb 2016 to Current",
      "Initech – Austin, TX",
      "BILLING CONVERSION PROJECT",
      "Moved billing to DataStage.",
      "SUPPORT ANALYST Jan 2012 to Feb 2016",
      "Hooli – Austin, TX",
    ].join("\n");
    expect(roles(text).map(([, , start]) => start)).toEqual(["2016-02", "2012-01"]);
  });

  it("keeps a weak heading inside a role from ending the work section", () => {
    const text = [
      "WORK EXPERIENCE",
      "Automation Engineer, Initech | 2019 - 2022",
      "Technologies include:",
      "Python, Ansible",
      "Developer, Hooli | 2015 - 2019",
      "EDUCATION",
      "B.Sc. Physics 2014",
    ].join("\n");
    expect(roles(text).map(([title]) => title)).toEqual(["Automation Engineer", "Developer"]);
  });

  it("reads the roles a job board's work section goes on with after a pasted declaration", () => {
    const work = [
      "WORK EXPERIENCE",
      "",
      "Devops Engineer",
      "",
      "Cisco -  Bengaluru, Karnataka -",
      "",
      "September 2016 to Present",
      "",
      "Declaration",
      "",
      "I hereby declare that the statements made herein are true, complete and correct to the best of",
      "my knowledge and belief.",
      "",
      "Place: Bangalore",
      "Date:",
      "",
      "Build Engineer",
      "",
      "Wipro -",
      "",
      "June 2014 to August 2016",
      "",
    ];
    const education = ["EDUCATION", "", "BSC", "", "Sri Venkateswara university", "", "2012"];
    expect(roles([...work, ...education].join("\n")).map(([, , start]) => start)).toEqual(["2016-09", "2014-06"]);
    // A declaration that closes the résumé holds no role, nor does one after education.
    const closing = ["EDUCATION", "B.Sc. 2012", "Declaration", "I hereby declare the above is true.", "Place: Pune"];
    expect(roles([...work.slice(0, 8), ...closing].join("\n")).map(([, , start]) => start)).toEqual(["2016-09"]);
    const afterEducation = ["WORK EXPERIENCE", "Developer, Acme | 2019 - 2022", "EDUCATION", "B.Sc. 2012"];
    const tail = ["Declaration", "I hereby declare the above is true.", "", "Trainee", "Acme", "June 2010 to May 2011"];
    expect(roles([...afterEducation, ...tail].join("\n")).map(([, , start]) => start)).toEqual(["2019"]);
  });

  it("reads no role into a bullet that tells of a period inside a role", () => {
    const text = [
      "WORK EXPERIENCE",
      "",
      "Finance Analyst",
      "",
      "Oracle India Pvt ltd -",
      "",
      "May 2015 to March 2017",
      "",
      "* From June 2016 to September 2016 was trained and worked for EMEA regions",
      "* From September 2016 due to regional expansion was trained for APAC regions",
      "",
      "Accounts Assistant",
      "",
      "* Acme Ltd, June 2013 to April 2015",
      "",
      "EDUCATION",
      "B.Com 2013",
    ].join("\n");
    // A bullet that names an employer after its dates is still a role.
    expect(roles(text).map(([, , start, end]) => `${start}–${end}`)).toEqual(["2015-05–2017-03", "2013-06–2015-04"]);
  });

  it("reads an Employers section and a role told in a sentence under it", () => {
    const text =
      "Pandit D\nCareer Objective\nA Python developer.\nEmployers\n" +
      "Working as Software Engineer in DST Worldwide Services India Pvt Ltd from 2015 - Present.\n" +
      "4+ Years professional experience in IT industry.";
    const facts = extractResumeFacts(text, { now: later });
    expect(facts.sections.map((section) => section.kind)).toContain("experience");
    expect(facts.experience.map((entry) => [entry.start, entry.end, entry.kind])).toEqual([["2015", "present", "job"]]);
  });

  it("reads no range into days written with a month: 'from Feb 24 to Apr 11 2017'", () => {
    expect(findDateRanges("Tata Consultancy Services, Hyderabad from Feb 24 to Apr 11 2017", now)).toEqual([]);
  });

  it("reads a school above its place and dates as study, not work", () => {
    const text = [
      "WORK EXPERIENCE",
      "",
      "Senior System Engineer",
      "",
      "Infosys Limited - Pune, Maharashtra",
      "",
      "August 2008 to April 2013",
      "",
      "Guru Nanak Dev University",
      "",
      "Amritsar, Punjab -",
      "",
      "July 2004 to June 2008",
    ].join("\n");
    expect(roles(text)).toEqual([["Senior System Engineer", "Infosys Limited", "2008-08", "2013-04"]]);
  });

  it("uses a stated total when every role is dated within one year ('2008 to 2008')", () => {
    const text =
      "SUMMARY\n13.7 years IT experience in implementation of LAN and WAN.\nWORK EXPERIENCE\nMicrosoft Azure\n\n2008 to 2008\n";
    expect(extractResumeFacts(text, { now: later }).yearsExperience).toBe(13.7);
  });

  it("reads a fresher without dated roles as 0 years, not unknown", () => {
    const text = "OBJECTIVE\nA fresher seeking a job.\nWORK EXPERIENCE\nfresher job\nAccenture\nEDUCATION\nTYBMS";
    expect(extractResumeFacts(text, { now: later }).yearsExperience).toBe(0);
    const student = "Mansi Thanki\nStudent\n\nWORK EXPERIENCE\n15 days training at Tata Chemicals\nEDUCATION\nBE 2013";
    expect(extractResumeFacts(student, { now: later }).yearsExperience).toBe(0);
    // Without either word, a work section whose entries have no dates tells nothing.
    const unknown = "Mansi Thanki\nChemist\n\nWORK EXPERIENCE\nTata Chemicals\nEDUCATION\nBE 2013";
    expect(extractResumeFacts(unknown, { now: later }).yearsExperience).toBeNull();
  });

  it("uses a stated total when no role is dated", () => {
    const years = (line: string) =>
      extractResumeFacts(`SUMMARY\n${line}\nSKILLS\nJava- Exprience - 60 months`, { now: later }).yearsExperience;
    expect(years("Developer with 6+ years of experience in Java.")).toBe(6);
    expect(years("Total Experience: 3 years 6 months")).toBe(3.5);
    expect(years("Years of Experience: 2 Years and 4 Months")).toBe(2.3);
    expect(years("Software Development Engineer with 6 months of experience in Java.")).toBe(0.5);
    expect(years("Java developer.")).toBe(0);
    // The largest of several totals, with the field between the years and "experience".
    expect(
      years(
        "Sales professional with 10+ years sales representative experience. Machine Operator with 5 years experience.",
      ),
    ).toBe(10);
    expect(years("Results-focused manager offering 20 years of progressive leadership experience.")).toBe(20);
    expect(years("Two years ago I gained experience in Java; 3 years of experience in total.")).toBe(3);
  });
});

describe("degrees", () => {
  const later = new Date("2026-11-22");
  const degree = (education: string) =>
    extractResumeFacts(`EXPERIENCE\nEngineer, Initech | 2020 - Present\nEDUCATION\n${education}`, { now: later })
      .highestDegree;

  it.each<[string, string | null]>([
    ["B.E in Mechanical Engineering, 2018", "bachelors"],
    ["BE (Computer Science) 2016", "bachelors"],
    ["B-Tech, Electrical, 2015", "bachelors"],
    ["BTech Civil 2014", "bachelors"],
    ["B.Sc Chemistry 2012", "bachelors"],
    ["B.B.A 2011", "bachelors"],
    ["M.C.A 2013", "masters"],
    ["M.Tech Data Science 2019", "masters"],
    ["MCA from Anna University, 2010", "masters"],
    ["MBA Finance 2017", "masters"],
    ["Mini MBA Boston University\nBS : Electronics Engineering Anjuman Engineering College", "bachelors"],
    ["Executive MBA, 2015", "masters"],
    ["PGDM Marketing 2012", "masters"],
    ["PGDBM 2009", "masters"],
    ["LLB.   Dibrugarh University", "bachelors"],
    ["January 2005 S.S.C  Baramati, Maharashtra M.E.S. Highschool\n B.E. Civil Engineering Pune", "bachelors"],
    ["January 2005 Bachelor of Business Administration, Modern College\n HSC  Pune, S.S.P.M.S College", "bachelors"],
    [
      " Bachelor of Electrical Engineering, Nashik\n Diploma Electrical Engineering, S. M. E. S. Polytechnic College",
      "bachelors",
    ],
    ["M.E. Computer Engineering, Pune University, 2016", "masters"],
    ["April 2004 MCM Computer Management Pune University\nApril 1998 B.Sc Maths Kerala University", "masters"],
    ["January 2016 to January 2018 MMS  Mumbai, University of Mumbai", "masters"],
    ["January 2018 MCS  Pune, Maharashtra Pune University", "masters"],
    [" BSCIT   Mumbai University", "bachelors"],
    ["B E in Production Engineering\nVelammal Engineering College - Chennai\n2016", "bachelors"],
    ["B- Tech\nJawaharlal Nehru Technological University - Hyderabad", "bachelors"],
    ["TYBMS in Management Studies\nVedanta College - Mumbai\n2015 to 2018", "bachelors"],
    ["January 2006 TYBCOM Mumbai University", "bachelors"],
    ["B.S.B.A : Business Administration 12 1993 John L. Grove College of Business", "bachelors"],
    ["M.S.E.E., Georgia Tech, 2001", "masters"],
    ["LL.B., Delhi University, 2012", "bachelors"],
    ["January 2015 B.M.M  Mumbai, Maharashtra S.K.Somaiya College", "bachelors"],
    ["January 2018 M.F.A painting Nagpur University\nJanuary 2016 B.F.A. Painting Nagpur University", "masters"],
    ["Post Graduate Diploma in Business Administration in Marketing, 2012", "masters"],
    ["Post Graduate Diploma in Management, IIM Bangalore, 2010", "masters"],
    ["Post Graduate Diploma in Computer Applications, 2009", "associate"],
    ["Licenciatura em Matemática, 2014", "bachelors"],
    ["Bacharelado em Ciência da Computação, 2013", "bachelors"],
    ["Laurea in Ingegneria, 2012", "bachelors"],
    ["Diplom-Ingenieur Maschinenbau, 2008", "masters"],
    ["Dipl.-Inf., TU Berlin, 2007", "masters"],
    ["Diploma in Mechanical Engineering, 2010", "associate"],
    ["High School Diploma, 2005", "none"],
    ["LLM, International Law, 2016", "masters"],
    ["Juris Doctorate (JD) : 2001 Chicago-Kent College of Law", "masters"],
    ["J.D. : Juris Doctorate, 2014", "masters"],
    ["Juris Doctor, Harvard Law School, 2010", "masters"],
    ["Doctor of Jurisprudence, 2008", "masters"],
    ["M.A. Economics, 2012\nPh.D. (ABD), Economics, 2016", "masters"],
    ["M.S. Statistics, 2011\nPhD, all but dissertation, Stanford University", "masters"],
    // Job-board layouts: "Current" where the year would be, on the degree's line or above it.
    ["Bachelor of Science : Information Technology , Current\nSouth University Online - City , State", "none"],
    [
      "Current\nMaster of Science : Engineering Management\n2016\nBachelor of Technology : Chemical Engineering",
      "bachelors",
    ],
    ["Bachelor of Science : Professional Aeronautics\nCompleted 2 years", "none"],
    ["BSc,Mecs,2nd year completed in Computer science\nards collage kadapa\nMay 2018 to June 2019", "none"],
    ["B.Tech Computer Science, 2016, final year project: a chess engine", "bachelors"],
    // "degree : field DATE school" with "Current" for the date; a school after it.
    [
      "Master of science : Mechanical engineering Robotic & Manufacture Current Columbia University - City , State\nBachelor of science : Mechanical Engineering 1 2010 North Carolina State University",
      "bachelors",
    ],
    ["M.S. Computer Science, Stanford University, 2015 Current focus: robotics", "masters"],
    // "Expected graduation" below a dated degree line, past a wrapped thesis description.
    [
      "Colorado School of Mines 2016 Master of Science : Metallurgy\nThesis work on flotation. Expected\ngraduation date: May 2016\nColorado School of Mines 2013 Bachelor of Science : Metallurgy",
      "bachelors",
    ],
    ["Rutgers University 2013 Master of Science : Accounting\nAnticipated graduation date: May 2013", "none"],
    ["MBA, 2012, Kellogg School of Management\nExceeded expected enrolment targets as class president", "masters"],
    // A month later this year (now is November 2026) is still ahead; an earlier one is past.
    ["Masters in Computer Science\nArizona State University\nDecember 2026\nB.E. Computer Science, 2016", "bachelors"],
    ["Masters in Computer Science\nArizona State University\nMay 2026\nB.E. Computer Science, 2016", "masters"],
    // A high-school line above lends its year to no degree below it.
    ["Diploma, Pueblo High School, graduated 1996\nBachelor of Science : Aeronautics\nCompleted 2 years", "none"],
    // A bare abbreviation after a word, followed by its subject.
    ["Guidance & Counseling MS Guidance & Counseling\nPsychology BS Psychology", "masters"],
    ["City , State Accounting BS Accounting", "bachelors"],
    ["Boston MA 02115 — B.A. Economics 2010", "bachelors"],
    ["Ph.D. in Physics, 2015", "phd"],
    ["Doctorate in Education, 2019", "phd"],
    ["Doctorat en informatique, 2020", "phd"],
    ["BBM, Business Management, 2001", "bachelors"],
    ["计算机科学与技术学士 2018-2022", "bachelors"],
    ["Máster en Inteligencia Artificial, 2014", "masters"],
    ["Master 2 Data Science, Université Paris-Saclay, 2021", "masters"],
    // "degree : subject": the associate's word opening its line, not a firm's name.
    ["Associates , Applied Science Electronics Engineering 2011 Forsyth Technical Community College", "associate"],
    ["ASSOCIATE : LIBERAL ART 1994 KINGSBOROUGH COLLEGE City , State", "associate"],
    ["Associates, Inc. consulting engagement, 2011", "none"],
    // A general diploma is a high school's; so is one whose school below is a high school.
    ["General Diploma : 1991 Faith Christian Academy", "none"],
    ["Diploma : General Studies 1993 Denmark High School General Studies", "none"],
    ["Diploma : General Studies , 1 1986\nMaury High School - State", "none"],
    [
      "Diploma : Data Entry Specialists 1995 Eldorado College - City , State\nS.E.L.F High School - City , State",
      "associate",
    ],
    // The same degree named again on the wrapped entry's next line carries its date and status.
    [
      "Master of Business Administration : Business Technology Foster School of Business, University of Washington ,\nSeattle, WA June 2015 Candidate for Master of Business\nBachelor of Engineering : Computer Science Manipal University May 2007",
      "bachelors",
    ],
    ["Associate of Applied Science SMCC I studied at SMCC in 2007-2008 towards a degree in applied science", "none"],
    ["Bachelor of Science : Electronics Technology ITT Tech Enrolled and will\nGraduate : 2018", "none"],
    [
      "Associates of Applied Science : Computer Drafting and Design September 2011 ITT Technical Institute",
      "associate",
    ],
    ["BCIS degree Northlake College City , State GPA: 3.0", "bachelors"],
    ["B.S. Degree : Progress , 01/2020", "none"],
    ["Continued studies to achieve a goal of obtaining a B.A. Degree (May 2020)", "none"],
    ["Bachelor of Science : Network Administration 2017 Western Governors University\nI am Currently Enrolled", "none"],
    ["M.Ed : Curriculum and Instruction Reading , 2010 Grand Canyon University", "masters"],
    ["MEd , Education 2000 Northwestern State University", "masters"],
    ["M.S.Ed. in Special Education, 2012, Hunter College", "masters"],
    ["MSW , Social Work 2011 Boston University", "masters"],
    ["Ed.D. in Educational Leadership, 2018, Lamar University", "phd"],
    ["B.Ed : Primary Education 2004 University of Mumbai", "bachelors"],
    ["B.Arch, 2009, Cornell University", "bachelors"],
    ["S.E : Accounting , 2013\nKwik Kian Gie School of Business - City , State", "bachelors"],
    ["Associates Degree : Business Management University of Alaska Fairbanks City , State", "associate"],
    [
      "Associates Degree Colorado Institute of Art City , State\nIn Progress , Advertising Design Denver University City , State",
      "associate",
    ],
    [
      "Bachelor : Interdisciplinary Studies University of Houston Clear Lake\nSpecial Education, University of Houston Clear Lake, Houston, TX. (In progress, Anticipated completion Spring 2016)",
      "none",
    ],
    ["BBA : Finance and Accounting St Edwards University\nMS Office, MS Project, Visio, QuickBooks", "bachelors"],
    ["Doctor of Pharmacy University of the Incarnate Word City , State", "masters"],
    ["Pharm.D., 2012, University of Florida", "masters"],
    ["Doctor of Medicine, 2010, Johns Hopkins University", "masters"],
    ["Doctor of Philosophy in Statistics, 2015, Stanford University", "phd"],
    ["Baltimore International College\nCity , State , USA Culinary Arts AA degree", "associate"],
    ["J.D : Law, cum laude, 1983 Cleveland-Marshall College of Law", "masters"],
    [
      "AA : Interdisciplinary Studies/Social and Behavioral Sciences , 2016\nLos Angeles Southwest College - City , State",
      "associate",
    ],
    ["BSBA : Human Resource Management 2011 CTU Online City , State , USA GPA: 3.95", "bachelors"],
    ["Degree : Political Science/Public Administration Grandview University Political Science", "bachelors"],
    ["H.S. Diploma 2007 Humanities and Science Institute (ICI) City , State", "none"],
    [
      "East Stroudsburg University 2016 Bachelor of Science : Public Health\nCity , State GPA: Dean's List. Currently, 107 credits and needing 13 more",
      "none",
    ],
    ["GRADUATE : 1998 John Wood Community College City , State\nMay, 1987 Quincy Senior High School", "associate"],
    [
      "Master of Business Administration : Project Management Keller School of Management Current Project Management",
      "none",
    ],
    [
      "2015\nEastern Michigan University City , State , USA Bachelor of Science : Construction Management\nThe major is accredited. Classes completed to date: Introduction to Construction",
      "none",
    ],
    [
      "Los Angeles Harbor College 1 2004 City , State\nDiploma : Education Child Development\nSan Pedro Senior High School 1 1999",
      "associate",
    ],
    ["University of Phoenix Jun 2014 Associates : General Studies Healthcare Administration City , State", "associate"],
    ["M.D , Educational Leadership 2015 Concordia University", "masters"],
    [
      "University of South Florida Master of Science : Educational Leadership School\nAdministration (on-going)",
      "none",
    ],
    ["MBA : Management , 2017 University of Alabama City , State Enrolled", "none"],
    [
      "BBA : Business Administration Accounting University of Puerto Rico\nCompleted 115 credit hours towards Business Administration, Accounting",
      "none",
    ],
    [
      "2017\nMissouri Baptist University\nBachelor of Science\nMaster of Science Master Certificate in Exercise Science",
      "bachelors",
    ],
    ["Degree : Culinary Arts Le Cordon Bleu College", "none"],
    [
      "2018\nBachelor of Science : Chemical Engineering University of Alabama\nCurrently enrolled senior at the University of Alabama\nAnticipated graduation date: May 2018",
      "none",
    ],
    [
      "Bachelor of Arts , Marketing Communications 1998 Metropolitan State University\nMasters in Science degree status: in-process (Two courses outstanding)",
      "bachelors",
    ],
    [
      "High School Diploma 2016 Freeburg Community High School\nI will be completing two years and then transferring to fulfill my bachelors in Aviation Management.",
      "none",
    ],
    ["Keller Graduate School of ManagementBusiness Administration MBABusiness Administration", "masters"],
    [
      "Six Sigma Green Belt Training, Chicago Deming Assoc.-Six Sigma Masters Program, 2012\nB.A , Communications 1992 Northern IL University",
      "bachelors",
    ],
    ["Doctor of Public Health : August 1980 Loma Linda University", "phd"],
    [
      "Doctor of Education Degree : Higher Education Administration Delta State University\nCoursework and comprehensive exams completed: December 2012",
      "none",
    ],
    [
      "Back Save & Next TERMS & CONDITIONS PRIVACY POLICY FEEDBACK CONTACT US POWERED BY © 2016, LiveCareer,\nLtd. All rights reserved.",
      null,
    ],
  ])("%s → %s", (line, level) => {
    expect(degree(line)).toBe(level);
  });

  it("reads a doctorate as unfinished when the résumé calls its writer a doctoral candidate, but not an earlier one", () => {
    const facts = (text: string) => extractResumeFacts(text, { now: later }).highestDegree;
    const education =
      "EDUCATION\nDoctor of Philosophy : Mechanical Engineering Dec 2016 Arizona State University\nMaster of Science : Mechanical Engineering December 2013 Arizona State University";
    expect(facts(`RESEARCHER\nSummary\nGraduating Ph.D. candidate in structures.\n${education}`)).toBe("masters");
    expect(facts(`RESEARCHER\nSummary\nStructures researcher.\n${education}`)).toBe("phd");
    const two =
      "PHD CANDIDATE IN FINANCE\nEDUCATION\nPh.D. : Materials Science 1999 Georgia Institute of Technology\nPh.D. : Finance 2015 University of Connecticut";
    expect(facts(two)).toBe("phd");
  });

  it("reads an empty job-board 'Education Details' as no education information, not as no degree", () => {
    const facts = (text: string) => extractResumeFacts(text, { now: later }).highestDegree;
    expect(
      facts(
        "Python, SQL and Tableau for reporting.Education Details \nData Science Assurance Associate \n\nData Science Assurance Associate - Ernst & Young LLP\nSkill Details \nPython- Exprience - 24 months",
      ),
    ).toBe(null);
    expect(facts("Education\nSSC, Maharashtra Board\nSkills\nExcel")).toBe("none");
  });

  it("reads a finished university with its degree left out as a bachelor's, not as no degree", () => {
    const facts = (text: string) => extractResumeFacts(text, { now: later }).highestDegree;
    // A job-board export that dropped the degree line: the years at a university ended in one.
    expect(facts("Education\nMumbai University, 2009\nSkills\nExcel")).toBe("bachelors");
    expect(facts("EDUCATION\n\nSaurashtra University -  Morbi, Gujarat\n\n2007\n\nSKILLS\n\nSQL")).toBe("bachelors");
    expect(
      facts("EDUCATION\nElectrical and Electronics Engineering\nAnurag College of Engineering (Jntuh)\nSKILLS\nCobol"),
    ).toBe("bachelors");
    expect(facts("EDUCATION\n\nElectrical engineering\n\nVSSUT,burla\n\nSKILLS\n\nAutoCAD")).toBe("bachelors");
    // Not when the study was courses, unfinished or still under way, or a school's.
    expect(facts("Education\nDiploma in Electrical Engineering\nGovt Polytechnic\nSkills\nAutoCAD")).not.toBe(
      "bachelors",
    );
    expect(facts("Education\nElectrical engineering, pursuing\nSkills\nAutoCAD")).toBe("none");
    expect(facts("Education\nCoursework in Accounting, University of Phoenix\nSkills\nExcel")).toBe("none");
    expect(facts("Education\nMumbai University, pursuing\nSkills\nExcel")).toBe("none");
    expect(facts("Education\nMumbai University, 2031\nSkills\nExcel")).toBe("none");
    expect(facts("Education\nSt. Mary's High School, 2009\nSkills\nExcel")).toBe("none");
    expect(facts("Education Details \nJune 2012    Sadvidya Pre-University College\nSkills\nSQL")).toBe("none");
    // A school-leaving exam's board, and a university course that ends later this year.
    expect(facts("EDUCATION\n\nSSC\n\nBoard (university) -  Aurangabad, Maharashtra\n\nMarch 2009\n\nLINKS")).toBe(
      "none",
    );
    expect(facts("EDUCATION\nChandigarh University\nSeptember 2024 to December 2026\nSKILLS\nExcel")).toBe("none");
  });

  it("reads a Juris Doctor written JD, but not JD Edwards", () => {
    const facts = (text: string) => extractResumeFacts(text, { now: later }).highestDegree;
    expect(facts("Education\nJD : Nonprofit Management 2007 St. Edward's University\nSkills\nLaw")).toBe("masters");
    expect(facts("Education\nJD Edwards training, 2007\nB.A. History 2001\nSkills\nERP")).toBe("bachelors");
  });

  it("reads no PhD into a promotion and no degree into diplomacy", () => {
    expect(degree("Promotion to team lead, 2019\nB.Sc Biology 2010")).toBe("bachelors");
    expect(
      extractResumeFacts("SUMMARY\nHandled clients diplomatically.\nEarned a promotion in 2019.", { now: later })
        .highestDegree,
    ).toBe(null);
  });

  it("reads 'Expected' on the school line above the degree", () => {
    expect(
      degree("Georgia Tech | Expected graduation: 2027\nM.S. Analytics\nUC Davis | 2017 - 2021\nB.S. Statistics"),
    ).toBe("bachelors");
    expect(degree("Initech University | Expected May 2019\nBachelor of Arts, Economics")).toBe("none");
  });

  it("reads no 'present' of a certification below into the degree above it", () => {
    expect(
      degree(
        "B.S : Business Administration California State University\nSPHR Certification – (2010-present) HR Institute",
      ),
    ).toBe("bachelors");
    expect(degree("B.S : Business Administration California State University\nIn progress")).toBe("none");
  });

  it("reads no degree into a verb or a degree still hoped for", () => {
    expect(degree("IBM Data Science Certificate\nMaster Python and its libraries")).toBe("none");
    expect(degree("Associate of Science, 2018\nI hope to transfer to obtain a B.S Degree")).toBe("associate");
  });
});

describe("referees", () => {
  const now = new Date("2026-11-22T00:00:00Z");
  it.each(["Reference", "References", "Professional References", "Referees"])(
    "reads no referee's phone or e-mail as the candidate's under %s",
    (heading) => {
      const text = `Accountant\nExperience\nAccountant, Acme | 2019 - present\n${heading}\nLaurel Harris, President at Stellarhead (646) 382-8408, laurel@stellarhead.com\n`;
      const { contact } = extractResumeFacts(text, { now });
      expect([contact.phone, contact.email]).toEqual([null, null]);
    },
  );

  it("reads no employer's, school's or supervisor's number in the work and education sections as the candidate's", () => {
    const text = [
      "Teacher",
      "Experience",
      "Teacher June 2002 to December 2014",
      "Creation Kingdom - 130 technology drive.",
      "Georgetown, KY 40324 502-868-6764.",
      "Supervisor: Randy Devine - (520) 459-3174.",
      // A federal résumé's supervisor line: its "contact" is permission to call the supervisor.
      "Supervisor Peter C Morgan 304-264-5413 May Contact Supervisor: Yes As the administrator, my job is varied.",
      "Education",
      "B.A. Education, Morehead State University (606) 783-2000",
    ].join("\n");
    expect(extractResumeFacts(text, { now }).contact.phone).toBeNull();
  });

  it("does not take an affiliation's number for the candidate's", () => {
    const text = [
      "TEACHER",
      "Experience",
      "Teacher 08/2010 to Current",
      "Professional Affiliations",
      "Child Development Association 89 Grove Way, Roswell, Georgia 770-992-4006",
    ].join("\n");
    expect(extractResumeFacts(text, { now }).contact.phone).toBeNull();
  });

  it("does not take a supervisor's e-mail written in a role for the candidate's", () => {
    const text = [
      "PROGRAM ANALYST",
      "Experience",
      "Program Analyst 06/2012 to Current",
      "40 hours per week Supervisor: Cheryl Jackson-Lewis, Cheryl.Lewis@fns.usda.gov, (703) 305-1465 Assisted in meeting goals.",
    ].join("\n");
    expect(extractResumeFacts(text, { now }).contact.email).toBeNull();
    const own = `PROGRAM ANALYST\nana.analyst@example.org\n${text.split("\n").slice(1).join("\n")}`;
    expect(extractResumeFacts(own, { now }).contact.email?.value).toBe("ana.analyst@example.org");
  });

  it("keeps a number in a page footer, and a number labelled as the candidate's, wherever it stands", () => {
    const footer =
      "Experience\nAccountant January 2011 to November 2015\nLugo Page 2 864-472-7092.\nReconciled accounts.";
    expect(extractResumeFacts(footer, { now }).contact.phone?.value).toBe("864-472-7092");
    const below =
      "Experience\nEngineer 2010 - 2020\nGrundstedt - Page 2 cole@example.com.\n1 (702) 353-0976.\nBuilt systems.";
    expect(extractResumeFacts(below, { now }).contact.phone?.value).toBe("1 (702) 353-0976");
    const labelled = "Experience\nEngineer 2010 - 2020\nMobile: (555) 010-2000\nBuilt systems.";
    expect(extractResumeFacts(labelled, { now }).contact.phone?.value).toBe("(555) 010-2000");
  });

  it("reads no referee named with a role in brackets, nor an identity document's number", () => {
    const referee = [
      "Accountant",
      "Publications",
      "M.K.I. Waste Oil Systems Steve Brawley (C.E.O. of M.K.I. Waste oil systems) (678)-898- 2283",
      "Experience",
      "Accountant Feb 2015 to Current",
    ].join("\n");
    expect(extractResumeFacts(referee, { now }).contact.phone).toBeNull();
    const identity =
      "Personal Details\nPassport No : J1888069.\nQatari Id No : 28735642209\nExperience\nClerk 2015 - 2019";
    expect(extractResumeFacts(identity, { now }).contact.phone).toBeNull();
    const mobile =
      "Personal Details\nQatari Id No : 28735642209\nMobile No : +974 5512 3456\nExperience\nClerk 2015 - 2019";
    expect(extractResumeFacts(mobile, { now }).contact.phone?.value).toBe("+974 5512 3456");
  });

  it("reads no referee's number or e-mail after an inline 'References:' label", () => {
    const text = [
      "IT Specialist",
      "Skills",
      "Language Spoken Written Read Skills: Spanish Advanced References: Name Employer Title Phone Email William 407th AFSB",
      "Supervisor 254-287-7798 william.cook2@conus.army.mil Cook (*) Mr. John First Army Chief, 254-553-5006",
      "Experience",
      "IT Specialist 2010 - 2015",
    ].join("\n");
    const { contact } = extractResumeFacts(text, { now });
    expect([contact.phone, contact.email]).toEqual([null, null]);
    const own = "Jane Doe | jane@example.com | References: on request\nSkills\nExcel";
    expect(extractResumeFacts(own, { now }).contact.email?.value).toBe("jane@example.com");
  });

  it("reads no referee's number listed under another heading", () => {
    const text = [
      "Core Accomplishments",
      "Options Medical Center Pam Michon 720 308 5282 Bookkeeper/ CFO: Options Medical Center and",
      "Boulder Organic Food Group Dave Charnick 720 985 3176 Professional Industry Consultant",
      "Experience",
      "Consultant Feb 2015 to Current",
    ].join("\n");
    expect(extractResumeFacts(text, { now }).contact.phone).toBeNull();
  });

  it("keeps the candidate's own contact details above the references", () => {
    const text =
      "Jane Doe\njane@doe.com | (555) 010-2000\nExperience\nAccountant, Acme | 2019 - present\nReferences\nLaurel Harris (646) 382-8408\n";
    const { contact } = extractResumeFacts(text, { now });
    expect([contact.phone?.value, contact.email?.value]).toEqual(["(555) 010-2000", "jane@doe.com"]);
  });
});

describe("pathological input", () => {
  it.each([
    ["a long run of letters", "Aa".repeat(50_000)],
    ["a line of date ranges", "2019 - ".repeat(20_000)],
    ["a line of month-years", "March 2010 ".repeat(20_000)],
    ["glued heading look-alikes", "wordCompany Details\n".repeat(5_000)],
  ])("reads %s in linear time", (_, text) => {
    const started = performance.now();
    extractResumeFacts(text, { now });
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
