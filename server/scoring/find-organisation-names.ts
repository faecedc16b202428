// Employer and school names the role and education readers may have missed: a name that ends in a
// legal or institutional word ("Spark Networks Ltd", "Kubernetes Institute of Technology", "XYZ
// HPC Pvt. Ltd."), a "Company Name" placeholder, and the value of a label line ("company - Acme",
// "Employer: Spark Networks", "Client: …"). The scorer blanks them (scoring-input.ts), so an
// employer whose name contains a skill never counts as that skill. Only the name is blanked, never
// the rest of its line: a skills line keeps its skills. Linear in the text: every pattern is a
// bounded run of words without nested quantifiers.
import type { Span } from "../contract/screening-result.ts";

/** Legal forms and company words that end a company name. */
const COMPANY_END =
  "(?:Ltd|Limited|Inc|Incorporated|LLC|LLP|PLC|Pvt|Pte|GmbH|AG|S\\.A|SpA|S\\.p\\.A|B\\.V|Corp|Corporation|Co|Company|Technologies|Infotech|Infosystems|Softech|Labs|Consulting|Consultancy|Holdings|Enterprises|Industries|Group|LTD|LIMITED|INC|PVT|CORPORATION|TECHNOLOGIES)";
/** Words that start a school's name or end it. */
const SCHOOL_WORD =
  "(?:University|Universit[äa]t|Universit[éeà]|College|Institute|Polytechnic|Academy|School|UNIVERSITY|COLLEGE|INSTITUTE)";
const CAP_WORD = "[A-Z][\\w&'.]{0,30}";
const JOIN = "(?:[ \\t](?:of|for|and|&|de|der|la|di|the)[ \\t]|[ \\t]|-)";

// Up to five capitalised words, then the company word, then optional further legal words
// ("Pvt. Ltd.", "Co., Ltd."). The company word must follow at least one capitalised word.
const COMPANY = new RegExp(
  `\\b(?:${CAP_WORD}${JOIN}){1,5}${COMPANY_END}\\b(?![ \\t]*:)\\.?(?:,?[ \\t](?:Pvt|Private|Ltd|Limited|Inc|LLC|Co)\\b\\.?){0,2}`,
  "g",
);
// "Indian Institute of Technology Delhi", "University of Cambridge", "MIT College of Engineering".
const SCHOOL = new RegExp(`\\b(?:${CAP_WORD}${JOIN}){0,4}${SCHOOL_WORD}(?:${JOIN}${CAP_WORD}){0,4}`, "g");
const PLACEHOLDER = /\bCompany Name\b|\bSchool Name\b|\bUniversity Name\b/g;
const LABEL_LINE =
  /^[\t ]*(?:company|employer|organi[sz]ation|client|firm|institution|university|college|school)(?:\s+name)?\s*(?:[:\-–]|\s-\s)[\t ]*([^\n]{1,100})/gim;

/** Spans of organisation names in `text` (they may overlap; blanking them twice is harmless). */
export function findOrganisationNames(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    if (end > start) spans.push({ text: text.slice(start, end), start, end });
  };
  for (const pattern of [COMPANY, SCHOOL, PLACEHOLDER]) {
    for (const match of text.matchAll(pattern)) push(match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(LABEL_LINE)) {
    const value = match[1]!;
    // "Client: Spark Networks (2019 – 2021)": the name ends before dates or a description.
    const cut = value.search(/\s(?:\(|\d{4}|[-–|]\s)|\.\s/);
    const start = match.index + match[0].length - value.length;
    push(start, start + (cut === -1 ? value.length : cut));
  }
  return spans;
}
