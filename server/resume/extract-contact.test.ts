import { describe, expect, it } from "vitest";
import { makeResumeText, PROFILES } from "../../tests/factories/resume-factory.ts";
import type { Contact } from "../contract/screening-result.ts";
import { extractContact } from "./extract-contact.ts";
import { findName } from "./find-name.ts";
import { findPhone } from "./find-phone.ts";

describe("extractContact", () => {
  it.each<[string, string, Partial<Contact>]>([
    [
      "a one-line header with separators",
      "Jane Doe | jane.doe@example.com | +1 (555) 123-4567 | github.com/janedoe\nSUMMARY",
      {
        name: "Jane Doe",
        email: "jane.doe@example.com",
        phone: "+1 (555) 123-4567",
        links: ["https://github.com/janedoe"],
      },
    ],
    [
      "a UK number",
      "Oliver Hughes\nLondon\n+44 20 7946 0958\noliver@example.co.uk",
      { name: "Oliver Hughes", phone: "+44 20 7946 0958", email: "oliver@example.co.uk" },
    ],
    ["a dotted US number", "Ana Lima\n555.123.4567", { name: "Ana Lima", phone: "555.123.4567" }],
    ["an Indian mobile", "Arjun Mehta\nMobile: +91 98765 43210", { name: "Arjun Mehta", phone: "+91 98765 43210" }],
    ["a Chinese mobile", "Wei Zhang\n电话 138-1234-5678", { name: "Wei Zhang", phone: "138-1234-5678" }],
    [
      "a country code in brackets",
      "Min-jun Park\n(+82) 10-9030-1843",
      { name: "Min-jun Park", phone: "(+82) 10-9030-1843" },
    ],
    ["an ALL-CAPS name", "JANE DOE\nSENIOR SOFTWARE ENGINEER", { name: "Jane Doe" }],
    ["an ALL-CAPS name with hyphen and apostrophe", "JEAN-LUC O'NEIL\nParis", { name: "Jean-Luc O'Neil" }],
    ["accents", "Zoë Saldaña-Núñez\nzoe@example.com", { name: "Zoë Saldaña-Núñez" }],
    ["a particle", "Ludwig van Beethoven\nBonn", { name: "Ludwig van Beethoven" }],
    [
      "'Curriculum Vitae' as the first line",
      "Curriculum Vitae\nMaria Rossi\nmaria.rossi@example.it",
      { name: "Maria Rossi", email: "maria.rossi@example.it" },
    ],
    [
      "a title line above the name",
      "Machine Learning Engineer\nKenji Watanabe\nkenji@example.jp",
      { name: "Kenji Watanabe" },
    ],
    ["an honorific and post-nominals", "Dr. Amara Okafor, PhD\nResearch Scientist", { name: "Amara Okafor" }],
    [
      "the name and labels on one line",
      "Sourabh Bajaj Email: s@example.com\nMobile: +1-123-456-7890",
      { name: "Sourabh Bajaj", phone: "+1-123-456-7890" },
    ],
    ["a heading before any name", "SUMMARY\nJane Doe is a data scientist", { name: null }],
    [
      "only a job title and contact lines",
      "Senior Software Engineer\njohn@example.com +1 (415) 555-0142 San Francisco, CA\nSUMMARY",
      { name: null, phone: "+1 (415) 555-0142" },
    ],
    ["a place that looks like a name", "Mapo-gu, Seoul, Republic of Korea\nSummary", { name: null }],
    [
      "a date range that is not a phone",
      "Jane Doe\nAcme Corp 2019 - 2021\nBeta Inc 05.2019 - 06.2021",
      { phone: null },
    ],
    ["a long ID without separators", "Jane Doe\nanchor 685800183837\n", { phone: null }],
    ["an unbroken 10-digit national number", "Jane Doe\n9876543210", { phone: "9876543210" }],
    ["a short number", "Jane Doe\nRoom 12-345", { phone: null }],
    ["soft-hyphen damage (doubled hyphen)", "Leo Leopard\n(909) 555--5555", { phone: "(909) 555-5555" }],
    [
      "links of many kinds, normalised and de-duplicated",
      "Jane Doe\nhttps://www.linkedin.com/in/jane-doe/ | linkedin.com/in/jane-doe\nscholar.google.com/citations?user=AbC12 huggingface.co/janed https://jane.dev.",
      {
        links: [
          "https://linkedin.com/in/jane-doe",
          "https://scholar.google.com/citations?user=AbC12",
          "https://huggingface.co/janed",
          "https://jane.dev",
        ],
      },
    ],
    ["an e-mail domain is not a link", "Jane Doe\njane@janedoe.com", { email: "jane@janedoe.com", links: [] }],
    ["technology names are not links", "Jane Doe\nSkills: ASP.NET, Node.js, socket.io, Vue.js", { links: [] }],
    ["an upper-case e-mail", "Jane Doe\nJane.Doe@Example.COM", { email: "jane.doe@example.com" }],
    ["empty text", "", { name: null, email: null, phone: null, links: [] }],
    [
      "a placeholder e-mail is skipped",
      "Jane Doe\nyourname@gmail.com\njane@example.org",
      { email: "jane@example.org" },
    ],
    ["placeholder phones", "Jane Doe\n(111)111-1111 | 000-00-0000", { phone: null }],
    [
      "a name and phone in a page footer",
      "ACCOUNTANT\nSummary\nCareful accountant.\nRosa M.\nQuintero Page 2 555-201-8899.",
      { name: "Rosa M. Quintero", phone: "555-201-8899" },
    ],
    [
      "a page header's surname with credentials after it",
      "ACCOUNTANT\nSummary\nCareful accountant.\nJANET A.\nSTRUDWICK, PMP® CPA PAGE 2 Implemented the billing module.",
      { name: "Janet A. Strudwick" },
    ],
    [
      "a page header breaking into a line of text, its surname in the e-mail beside it",
      "DIRECTOR\nSummary\nManaged 180,000\ntotal variables Cole S.\nGrundstedt - Page 2 cole.grundstedt@gmail.com.",
      { name: "Cole S. Grundstedt" },
    ],
    [
      "no name from the end of a line of text without the e-mail to confirm it",
      "DIRECTOR\nSummary\nManaged 180,000\ntotal variables Cole S.\nGrundstedt - Page 2",
      { name: null },
    ],
    [
      "a page header after a page's 'continued' mark",
      "MANAGER\nSummary\nRetail manager.\nProfessional experience continued Brenna T.\nWalsh page 2 Sales / Profit & Loss Management",
      { name: "Brenna T. Walsh" },
    ],
    [
      "no name from the end of a line of text without a 'continued' mark or an e-mail",
      "MANAGER\nSummary\nRetail manager.\nProfessional experience with Brenna T.\nWalsh page 2 Sales",
      { name: null },
    ],
    [
      "small capitals extracted with each initial apart",
      "DESIGNER\nSummary\nInterior designer.\nV ICTORIA S TEVENSON PAGE 2 CUBELLIS ARCHITECTS",
      { name: "Victoria Stevenson" },
    ],
    [
      "a writer who introduces herself",
      "SALES ASSOCIATE\nSummary\nTo whom it may concern, my name is Grace Celsi and I would like to share my skills.",
      { name: "Grace Celsi" },
    ],
    [
      "an address labelled with a social network, and one labelled e-mail",
      "Jane Doe\nFacebook: jane.fb@yahoo.com\nEmail: jane.doe@gmail.com",
      { email: "jane.doe@gmail.com" },
    ],
    [
      "a job-seeker's summary written of her",
      "FINANCE MANAGER\nSummary\nAble to work independently. Abdul Majeed is presently looking for a position where he can excel.",
      { name: "Abdul Majeed" },
    ],
    [
      "a name in capitals ending the line above the e-mail that holds the surname",
      "ENGINEERING MANAGER\nExperience\nImproved resource capability. TODD KORBITZ\nkorbitzt@hotmail.com\n920) 716-6086",
      { name: "Todd Korbitz", phone: "(920) 716-6086" },
    ],
    [
      "a declaration signed in square brackets, initials glued on in capitals",
      "SERVICE MANAGER\nSummary\nService manager.\nI, CHIKKEGOWDAPPA ANAND, hereby confirm that the above is true.\nPlace: Bangalore (INDIA) [ANAND.C]",
      { name: "Anand C" },
    ],
    [
      "a headline that titles a dated role is no name",
      "SHIPPER-VAULT BULLION\nSummary\nShipping clerk.\nExperience\nShipper-Vault Bullion 10/2008 - 07/2015 Company Name",
      { name: null },
    ],
    [
      "a name ending in an initial above the contact line its surname opens",
      "CONSULTANT\nSummary\nAnalyst.\nBrady E.\nBiggs | 918.344.3202 | bradybiggs918@gmail.com | Page 2",
      { name: "Brady E. Biggs" },
    ],
    [
      "a page header's name before its 'Cont.' mark",
      "BANKING\nSummary\nSupervised a staff of 25 people.\nVera Perry Cont._.\nManaged team of 25",
      { name: "Vera Perry" },
    ],
    [
      "no name from a sentence that ends in 'continued'",
      "TRAINER\nSummary\nTrainer.\nMonitor studies to ensure continued",
      { name: null },
    ],
    [
      "an initial glued to the name in capitals",
      "Name : Y.JOHN DIVAKAR\nFather's Name : Late",
      { name: "Y. John Divakar" },
    ],
    [
      "the name heading the personal details",
      "EXTENSION METHODOLOGIST\nSummary\nExtension work.\nPersonal Information\nErnest Mwale Mupemo\nC/O Ministry of Agriculture",
      { name: "Ernest Mwale Mupemo" },
    ],
    [
      "no name from a date or a status under the personal details",
      "CONSULTANT\nSummary\nConsulting.\nPersonal Information\n21st September, 1985\nPersonal Details\nU.S. Citizen Veteran",
      { name: null },
    ],
    [
      "a patent publication's number",
      "Jane Doe\nDissolvable Tooth Whitening Strip, 20070178055 A1, SmithKline Beecham",
      { phone: null },
    ],
    [
      "a region is no name",
      "Rocky Mountain Region, Division of Real Estate Services\nSummary\nRealty specialist.",
      { name: null },
    ],
    [
      "a registration number that opens with its year and month",
      "Jane Doe\nMembership: BPU 2013-11-36453",
      { phone: null },
    ],
    ["a country is not a name", "United Kingdom\nalice@example.org", { name: null }],
    ["a name with a trailing initial", "Ravi K\nravi.k@example.in", { name: "Ravi K" }],
    ["a name with a leading initial", "S. Lakshmi\nlakshmi@example.in", { name: "S. Lakshmi" }],
    ["initials glued on by dots", "Meenakshi.R.V\n98400 12345", { name: "Meenakshi R.V" }],
    ["a name in lower case", "Anil kumar sharma\nanil@example.in", { name: "Anil Kumar Sharma" }],
    ["a whole name in lower case on the first line", "deepa nair\nData Analyst", { name: "Deepa Nair" }],
    ["a Chinese name spaced out", "李 雷\n软件工程师\nlilei@example.cn", { name: "李雷" }],
    ["a Korean name", "김민수\nminsu@example.kr", { name: "김민수" }],
    ["a trailing 'Resume'", "OLGA PETROVA RESUME\nolga@example.com", { name: "Olga Petrova" }],
    ["a job title is never a name", "HEALTH COACH\nSummary\nCoach with ten years.", { name: null }],
    ["nor is a trade title", "Pastry Sous Chef\nProfessional Summary", { name: null }],
    ["nor a title known by its ending", "Extension Methodologist\nSummary", { name: null }],
    ["nor a possessive", "Dean's List\nSummary", { name: null }],
    ["nor a sentence in lower case further down", "SUMMARY\nfast learner who likes data", { name: null }],
    [
      "a name beside the e-mail in a text-box layout",
      "EXPERIENCE\nIT Support Tech 07/23 – 10/23\nEDUCATION\nAA Psychology\n\nNadia Costa\nnadia@example.com San Diego, CA",
      { name: "Nadia Costa" },
    ],
  ])("%s", (_, text, expected) => {
    expect(extractContact(text)).toMatchObject(expected);
  });

  it.each(PROFILES.map((profile) => [profile.key, profile] as const))(
    "finds the contact details of the %s profile",
    (_, profile) => {
      const contact = extractContact(makeResumeText(profile));
      expect(contact.name).toBe(profile.name);
      expect(contact.email).toBe(profile.email);
      expect(contact.phone).toBe(profile.phone);
      expect(contact.links).toHaveLength(profile.links.length);
    },
  );
});

describe("findName in unusual layouts", () => {
  it("joins a name set one word per line in capitals beside the contact block", () => {
    const text = "Project: churn model\ntim@example.com\n604 - 882 - 5917\nTIM\nZIEBART\nDATA SCIENCE | ANALYTICS";
    expect(findName(text)).toBe("Tim Ziebart");
  });

  it("never joins a name and a tagline or a heading and a word", () => {
    expect(findName("Alice\nAdventurer\nalice@example.com\nAbout me")).toBeNull();
    expect(findName("Skills\nLANGUAGE\nENGLISH\nsai@example.com")).toBeNull();
  });

  it("reads the subject of a third-person biography, but not a company's profile", () => {
    const bio =
      "MASTER DATA MANAGER\nExperience\nData work, 2019 to Current\n" +
      "Zeel Patel is an Information Technology Manager with a focus on IT transformation.\n" +
      "Zeel has experience with corporate data, which allowed him to lead projects.";
    expect(findName(bio)).toBe("Zeel Patel");
    const company =
      "SALES LEAD\nSony Electronics is a global maker of devices.\nSony Electronics has offices worldwide; it employs many.";
    expect(findName(company)).toBeNull();
  });

  it("reads a labelled name in personal details, also after a sentence and wrapped onto the next line", () => {
    expect(findName("SUMMARY\nJava developer.\nPersonal Details\nName: Priya Raman\nDate of Birth: 1990")).toBe(
      "Priya Raman",
    );
    const wrapped =
      "Additional Information\nPERSONAL DETAILS: ability to deal with people, hard worker. Name : Aaditya\n" +
      "Vijay Hirurkar Date of Birth : 20th Oct-1985 Sex : Male Nationality : Indian";
    expect(findName(wrapped)).toBe("Aaditya Vijay Hirurkar");
    expect(findName("SUMMARY\nAnalyst\nName : Ravi Kumar Date of Birth : 01-01-1990")).toBe("Ravi Kumar");
  });

  it("reads a name after the document's own label", () => {
    expect(findName("GENERAL BUSINESS MANAGEMENT\nSummary\nRESUME:Kristy Bishop\n\nSales executive.")).toBe(
      "Kristy Bishop",
    );
    expect(findName("SUMMARY\nAnalyst\nCurriculum Vitae of Jan Novak\nExperience")).toBe("Jan Novak");
    expect(findName("SUMMARY\nAnalyst\nResume: updated weekly\nExperience")).toBeNull();
  });

  it("never reads a father's, a company's or a project's name as the candidate's", () => {
    expect(findName("SUMMARY\nAnalyst\nFather's Name : Suresh Kumar\nCompany Name: Tata Consultancy")).toBeNull();
    expect(findName("PROJECTS\nProject Name: Inventory Tracker\nClient Name : Acme Corp")).toBeNull();
  });

  it("reads the writer of a cover letter pasted into the summary from its sign-off", () => {
    const text =
      "ENGINEERING BUSINESS UNIT LEADER\nSummary\nThank you for considering my request. Sincerely, Aaron Lovely\n" +
      "Engineering Maintenance manager, seeking a technical position.\nExperience";
    expect(findName(text)).toBe("Aaron Lovely");
    expect(findName("SUMMARY\nBest regards, Team Lead of Operations\nExperience")).toBeNull();
    // A reference letter about the candidate is signed by its writer, not by the candidate.
    const reference =
      "Accomplishments\nI have known Mr. Hale for a year. His work has earned him the regards of his peers.\n" +
      "He is a leader and I recommend him.\nSincerely Yours, Jose Morales\nVP Security Engineering";
    expect(findName(reference)).toBeNull();
  });

  it("reads the name a declaration is signed with, in brackets", () => {
    const text =
      "NOC ENGINEER\nSummary\nMonitored networks.\nPERSONAL INFORMATION Father's Name : Mr. Vikram Singh Dogra\n" +
      "I hereby declare that the statements made in this document are true to the best of my\n" +
      "knowledge and belief. Date: Place: (Sanjay Dogra)\n";
    expect(findName(text)).toBe("Sanjay Dogra");
    // Brackets elsewhere name no one: an acronym's expansion, a declaration's lines long past.
    expect(findName("SUMMARY\nWorked at the Network Operation Center (Encore Capital)\n")).toBeNull();
    expect(findName(`SUMMARY\nI declare all true.\n${"Worked.\n".repeat(6)}Led the team (Pune Office)\n`)).toBeNull();
  });

  it("writes a name given in capitals with a glued initial in title case, the initial apart", () => {
    expect(findName("SUMMARY\nAccountant\nPersonal Information Name : Y.JOHN DIVAKAR Date of Birth : 09-04-1959")).toBe(
      "Y. John Divakar",
    );
  });
});

describe("findPhone", () => {
  it.each([
    "2019 - 2021",
    "2015-2019 2020",
    "192.168.100.200",
    "GPA 3.8/4.0",
    "01.05.2019 - 30.06.2021",
    "Unit 100158 BOX 1 FPO AP 96669-1271",
    "Nanotubes and Utilization Thereof, US 20050276743 A1",
    "Qatari Id No : 28735642209",
    "Passport No. 987654321",
    "SSN: 123-45-6789",
    "Citizenship: Zimbabwean National I.D: 63-1419015 Q24 Gender: Female",
  ])("refuses %s", (text) => {
    expect(findPhone(text)).toBeNull();
  });
});
