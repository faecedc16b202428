// The candidate's name: the first line (or first segment of a line) near the top that reads
// like a personal name. Anything doubtful gives null: a wrong name on a candidate is worse
// than no name, and the recruiter can still open the file.
import type { Span } from "../contract/screening-result.ts";
import { trimEndMatching } from "./spans.ts";

/** How many non-empty lines from the top may hold the name. */
const HEADER_LINES = 12;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u;
/** A lower-case name word ("harish singh bhadauria"): letters only, at least two. */
const LOWER_NAME_WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]+$/u;
/** A name in Chinese, Japanese or Korean script: two to four characters, perhaps spaced ("张 三"). */
const CJK_NAME = /^(?:[\p{Script=Han}\p{Script=Hangul}]\s?){1,3}[\p{Script=Han}\p{Script=Hangul}]$/u;
/** Small words that never stand in a lower-case name. */
const COMMON_WORDS = new Set([
  "the",
  "and",
  "for",
  "with",
  "from",
  "into",
  "this",
  "that",
  "your",
  "our",
  "resume",
  "using",
  "about",
  "data",
  "web",
  "full",
  "stack",
  "team",
  "work",
  "new",
  "years",
  "year",
  "based",
  "open",
  "looking",
  "of",
  "department",
  "areas",
  "expertise",
  "online",
  "total",
  "united",
  "kingdom",
  "states",
  "republic",
]);
const PARTICLES = new Set([
  "de",
  "da",
  "das",
  "do",
  "dos",
  "del",
  "della",
  "der",
  "den",
  "di",
  "du",
  "la",
  "le",
  "van",
  "von",
  "ter",
  "ten",
  "bin",
  "binti",
  "al",
  "el",
  "y",
]);
const HONORIFICS = /^(?:dr|mr|mrs|ms|mx|prof)\.?\s+/i;
const POST_NOMINALS = /,?\s+(?:ph\.?\s?d\.?|m\.?sc\.?|b\.?sc\.?|mba|md|cfa|pmp)\.?$/i;
/** Separators between parts of one header line: "Jane Doe | jane@x.com", "Jane Doe — London". */
const SEGMENT_SPLIT =
  /\s*(?:[|•·,;]|\s[—–-]\s|\b(?:e-?mail|phone|mobile|tel|cell|linkedin|github|web(?:site)?|address)\s*:)\s*/i;

/** Words that make a line a section heading rather than a name. */
const HEADING_WORDS = new Set([
  "summary",
  "profile",
  "objective",
  "experience",
  "employment",
  "history",
  "education",
  "skills",
  "projects",
  "publications",
  "certifications",
  "awards",
  "interests",
  "languages",
  "references",
  "resume",
  "résumé",
  "curriculum",
  "vitae",
  "cv",
  "contact",
  "information",
  "details",
  "personal",
  "about",
  "professional",
  "technical",
  "work",
  "career",
  "achievements",
  "competencies",
  "page",
  "qualifications",
  "highlights",
  "accomplishments",
  "overview",
  "skill",
  "language",
  "project",
  "publication",
  "certification",
  "award",
  "interest",
  "reference",
  "hobbies",
  "strengths",
  "declaration",
]);
/** Headings that may sit above the name; any other heading ends the search. */
const PREAMBLE_HEADINGS =
  /^(?:resume|résumé|curriculum vitae|cv|contact( information| details)?|personal (information|details))$/i;

/** Words that make a line a job title, a place or an organisation. */
const NON_NAME_WORDS = new Set([
  "region",
  "engineer",
  "engineering",
  "developer",
  "scientist",
  "science",
  "manager",
  "analyst",
  "architect",
  "researcher",
  "research",
  "consultant",
  "intern",
  "lead",
  "director",
  "designer",
  "administrator",
  "specialist",
  "officer",
  "programmer",
  "student",
  "assistant",
  "head",
  "principal",
  "senior",
  "junior",
  "staff",
  "software",
  "data",
  "machine",
  "learning",
  "product",
  "project",
  "support",
  "devops",
  "stack",
  "frontend",
  "backend",
  "front-end",
  "back-end",
  "full-stack",
  "accountant",
  "technician",
  "president",
  "founder",
  "cto",
  "ceo",
  "vp",
  "professor",
  "lecturer",
  "fellow",
  "candidate",
  "graduate",
  "freelance",
  "ml",
  "ai",
  "nlp",
  "sre",
  "qa",
  "university",
  "college",
  "institute",
  "school",
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "street",
  "avenue",
  "road",
  "city",
  "usa",
  "uk",
  "remote",
  "updated",
  "last",
  // Job titles in every trade: the first line of many résumés is the title, not a name.
  "advocate",
  "coach",
  "representative",
  "rep",
  "coordinator",
  "supervisor",
  "teacher",
  "clerk",
  "instructor",
  "educator",
  "chef",
  "mechanic",
  "attendant",
  "agent",
  "executive",
  "controller",
  "recruiter",
  "auditor",
  "advisor",
  "adviser",
  "examiner",
  "interviewer",
  "owner",
  "expert",
  "leader",
  "underwriter",
  "aide",
  "secretary",
  "performer",
  "transporter",
  "maintainer",
  "counselor",
  "counsellor",
  "trainer",
  "therapist",
  "nurse",
  "producer",
  "editor",
  "writer",
  "artist",
  "inspector",
  "installer",
  "worker",
  "superintendent",
  "estimator",
  "contractor",
  "apprentice",
  "generalist",
  "partner",
  "tutor",
  "server",
  "cashier",
  "driver",
  "receptionist",
  "bookkeeper",
  "paralegal",
  "attorney",
  "lawyer",
  "pharmacist",
  "physician",
  "dentist",
  "technologist",
  "strategist",
  "publicist",
  "reviewer",
  "processor",
  "dispatcher",
  "planner",
  "buyer",
  "merchandiser",
  "banker",
  "broker",
  "teller",
  "operator",
  "steward",
  "stewardess",
  "pilot",
  "captain",
  "sergeant",
  "soldier",
  "volunteer",
  "employee",
  "associate",
  "trainee",
  "helper",
  "handler",
  "housekeeper",
  "janitor",
  "custodian",
  "guard",
  "officer",
  "marketer",
  "salesperson",
  "sales",
  "customer",
  "service",
  "services",
  "business",
  "development",
  "management",
  "marketing",
  "finance",
  "financial",
  "accounting",
  "accounts",
  "payable",
  "receivable",
  "hr",
  "human",
  "resources",
  "it",
  "fitness",
  "construction",
  "health",
  "healthcare",
  "medical",
  "clinical",
  "legal",
  "social",
  "media",
  "digital",
  "content",
  "public",
  "relations",
  "operations",
  "office",
  "microsoft",
  "windows",
  "excel",
  "core",
  "position",
  "applying",
  "objective",
  "summary",
  "ii",
  "iii",
  "iv",
  "sr",
  "sr.",
  "jr",
  "jr.",
  "assistant",
  "executive",
  "general",
  "full-stack",
  "stack",
  "web",
  "mobile",
  "cloud",
  "network",
  "systems",
  "security",
  "presentation",
  "resource",
  "design",
  "graphic",
  "quality",
  "test",
  "testing",
  "automation",
  "python",
  "java",
  "sql",
  "aws",
  "azure",
  "enthusiast",
  "aspiring",
  "fresher",
  "graduate",
  "undergraduate",
  "postgraduate",
  "phd",
  "ph.d.",
]);

/** Job nouns recognised by their ending ("Methodologist", "Technician", "Administrator"). */
const TITLE_SUFFIX = /^\p{L}{4,}(?:ologist|ician|ist|ator|isor|eur)$|^\p{L}{6,}(?:ant|ent)$/iu;

export function findName(text: string): string | null {
  return findNameFact(text)?.value ?? null;
}

/** The name with the span of the text it was read from (before any change of case). */
export function findNameFact(text: string): { value: string; span: Span } | null {
  const lines: Array<{ raw: string; start: number }> = [];
  // Line by line without splitting the text (an array of every line is garbage on a long text).
  for (let offset = 0; offset <= text.length;) {
    const newline = text.indexOf("\n", offset);
    const end = newline === -1 ? text.length : newline;
    lines.push({ raw: text.slice(offset, end), start: offset });
    offset = end + 1;
  }
  const top = nameAtTop(lines);
  return (
    (top && !titleOfDatedRole(lines, top.span) ? top : null) ??
    nameByLabel(lines) ??
    nameUnderPersonalHeading(lines) ??
    nameByContact(lines) ??
    nameInFooter(lines) ??
    nameInBiography(lines, text) ??
    nameInSignOff(lines) ??
    nameInDeclaration(lines) ??
    nameIntroduced(lines)
  );
}

/** "To whom it may concern, my name is Grace Celsi and I would like to …": the writer's own name. */
const MY_NAME_IS = /\bmy name is[ \t]+(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*){1,3})/u;

function nameIntroduced(lines: Line[]): { value: string; span: Span } | null {
  for (const line of lines) {
    const match = MY_NAME_IS.exec(line.raw);
    if (!match) continue;
    // The capitalised words up to the first that is not a name ("Grace Celsi And"): fewest first.
    const words = match[1]!.split(/[ \t]+/);
    for (let count = words.length; count >= 2; count--) {
      const candidate = words.slice(0, count).join(" ");
      const name = asName(candidate);
      if (!name) continue;
      const start = line.start + match.index + match[0].length - match[1]!.length;
      return { value: name.value, span: spanOn(line, start, start + candidate.length) };
    }
  }
  return null;
}

/** "Personal Information" / "Ernest Mwale Mupemo" / "C/O Ministry of …": the name heads the details. */
const STATUS_WORDS =
  /\b(?:citizen|citizenship|veteran|resident|married|single|nationality|national|male|female|born|visa|permit|status)\b/i;
const PERSONAL_HEADING = /^\s*personal\s+(?:information|details|data|particulars|profile)\s*:?\s*$/i;

function nameUnderPersonalHeading(lines: Line[]): { value: string; span: Span } | null {
  for (let index = 0; index < lines.length; index++) {
    if (!PERSONAL_HEADING.test(lines[index]!.raw)) continue;
    // The whole line, without a digit or a word of status ("21st September, 1985", "U.S.
    // Citizen Veteran").
    const next = lines.slice(index + 1, index + 3).find((line) => line.raw.trim() !== "");
    const trimmed = next?.raw.trim() ?? "";
    if (!next || /\d/.test(trimmed) || STATUS_WORDS.test(trimmed)) continue;
    const name = asName(trimmed);
    if (name) {
      const start = next.start + next.raw.indexOf(trimmed);
      return { value: name.value, span: spanOn(next, start, start + trimmed.length) };
    }
  }
  return null;
}

/**
 * Whether the top line's words open a later line that dates a role ("SHIPPER-VAULT BULLION" /
 * … / "Shipper-Vault Bullion 10/2008 – 07/2015 Company Name"): a headline naming the latest
 * post, not a name.
 */
function titleOfDatedRole(lines: Line[], span: Span): boolean {
  const wanted = span.text.toLowerCase();
  return lines.some(
    (line) =>
      line.start >= span.end &&
      line.raw.slice(0, wanted.length).toLowerCase() === wanted &&
      DATED.test(line.raw.slice(wanted.length)),
  );
}
const DATED =
  /^[\s,|–-]*(?:(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|(?:19|20)\d\d\b)/i;

/**
 * An Indian résumé's declaration is signed with the name in brackets: "I hereby declare that …
 * true to the best of my knowledge and belief. Date: Place: (Sanjay Dogra)". The bracketed words
 * end the declaration's line or one of the few lines after it.
 */
const DECLARES = /\b(?:declare|hereby)\b/i;
const SIGNED_IN_BRACKETS = /[([](\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*){0,3})[)\]][ \t]*$/u;
/** Lines after "declare" that may still hold its signature. */
const DECLARATION_LINES = 4;

function nameInDeclaration(lines: Line[]): { value: string; span: Span } | null {
  for (let index = 0; index < lines.length; index++) {
    if (!DECLARES.test(lines[index]!.raw)) continue;
    for (let at = index; at < Math.min(lines.length, index + 1 + DECLARATION_LINES); at++) {
      const line = lines[at]!;
      const match = SIGNED_IN_BRACKETS.exec(line.raw);
      const name = match && asName(match[1]!);
      if (!match || !name) continue;
      const start = line.start + match.index + 1;
      return { value: name.value, span: spanOn(line, start, start + match[1]!.length) };
    }
  }
  return null;
}

/**
 * A labelled name in a personal-details block: "Name : Aaditya Vijay Hirurkar", also after the end
 * of a sentence on the same line ("… hard worker. Name : Aaditya") and wrapped onto the next line
 * ("Name : Aaditya" / "Vijay Hirurkar Date of Birth : …"). The label starts a line, follows a
 * sentence's end or "Personal Information", so "Father's Name :", "Company Name :" and "Project
 * Name :" are never it.
 */
const NAME_LABEL =
  /(?:^|[.;|•·]\s+|\bpersonal (?:information|details|data|profile)\s*:?\s+)(?:(?:full|candidate['’]?s?|applicant['’]?s?)\s+)?name\s{0,3}[:：]\s{0,3}/iu;
/** The document's own label before the name: "RESUME:Kristy Bishop", "Curriculum Vitae of Jan Novak". */
const DOCUMENT_LABEL = /^\s*(?:resume|résumé|cv|curriculum vitae)(?:\s{0,3}[:：]|\s+of\s)\s{0,3}/iu;
/** The next label of a personal-details block ends the name: "… Hirurkar Date of Birth : …". */
const NEXT_DETAIL =
  /\s(?:date of birth|d\.?o\.?b\b|birth|sex|gender|age|father|mother|nationality|marital|address|e-?mail|phone|mobile|contact|languages?|religion|passport)\b/i;
/** "name" (or the document's label) in any case: a line without it holds no name label. */
const MENTIONS_NAME = /name|r[eé]sum[eé]|cv|curriculum/i;

function nameByLabel(lines: Line[]): { value: string; span: Span } | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!MENTIONS_NAME.test(line.raw)) continue;
    const label = NAME_LABEL.exec(line.raw) ?? DOCUMENT_LABEL.exec(line.raw);
    if (!label) continue;
    const from = label.index + label[0].length;
    const rest = line.raw.slice(from);
    const cut = rest.search(NEXT_DETAIL);
    const value = (cut === -1 ? rest : rest.slice(0, cut)).trim();
    if (value === "") continue;
    const start = line.start + from + rest.indexOf(value);
    // Wrapped: a name cut short at the end of the line goes on with the next line's name words.
    const next = lines[index + 1];
    if (cut === -1 && value.split(/\s+/).length < 2 && next) {
      const nextLine = ` ${next.raw.trimStart()}`;
      const nextCut = nextLine.search(NEXT_DETAIL);
      const more: string[] = [];
      for (const word of (nextCut === -1 ? nextLine : nextLine.slice(0, nextCut)).trim().split(/\s+/, 3)) {
        if (!NAME_WORD.test(word)) break;
        more.push(word);
      }
      if (more.length > 0) {
        const tail = more.join(" ");
        const joined = asName(`${value} ${tail}`);
        if (joined)
          return {
            value: joined.value,
            span: spanOver(line, next, start, next.start + next.raw.indexOf(tail) + tail.length),
          };
      }
    }
    const name = asName(value);
    if (name) return { value: name.value, span: spanOn(line, start, start + value.length) };
  }
  return null;
}

/**
 * A cover letter pasted into the summary ends with its writer's name: "… Thank you for your time.
 * Sincerely, Aaron Lovely". The name is the capitalised words after the sign-off on its line.
 */
const SIGN_OFF =
  /\b(?:[Ss]incerely(?: [Yy]ours)?|(?:[Bb]est |[Kk]ind |[Ww]arm )?[Rr]egards|[Yy]ours (?:[Tt]ruly|[Ss]incerely|[Ff]aithfully)|[Rr]espectfully(?: [Yy]ours)?),?[ \t]+(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*){0,3})/u;
/** A sign-off word in any case: a line without one is passed over. */
const MAY_SIGN_OFF = /sincerely|regards|yours|respectfully/i;
/** Words that start the next sentence, not a name's last word: "Sincerely, Edgardo M. Dubose To secure …". */
const SENTENCE_START = /^(?:To|The|A|An|I|My|In|On|For|With|And|Of|At|As|Please|Thank|Objective|Summary|Seeking)$/;
const FIRST_PERSON = /\b(?:I|[Mm]y|[Mm]e|[Mm]yself)\b/g;
const THIRD_PERSON = /\b(?:he|him|his|she|her|hers)\b/gi;
/** How many lines before the sign-off tell a cover letter (I, my) from a reference letter (he, his). */
const LETTER_LINES = 25;

/**
 * A reference letter about the candidate (more "he/his" than "I/my" in the lines before the
 * sign-off) is signed by someone else.
 */
function isReferenceLetter(lines: Line[], signOff: number): boolean {
  const letter = lines
    .slice(Math.max(0, signOff - LETTER_LINES), signOff + 1)
    .map((line) => line.raw)
    .join("\n");
  return (letter.match(THIRD_PERSON)?.length ?? 0) > (letter.match(FIRST_PERSON)?.length ?? 0);
}

function nameInSignOff(lines: Line[]): { value: string; span: Span } | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!MAY_SIGN_OFF.test(line.raw)) continue;
    const match = SIGN_OFF.exec(line.raw);
    if (!match) continue;
    const words = match[1]!.split(/[ \t]+/);
    const stop = words.findIndex((word) => SENTENCE_START.test(word));
    // The longest run of the capitalised words that is a name of two full words at least:
    // "Aaron Lovely Engineering" → "Aaron Lovely"; "Jose' M." is not enough.
    for (let count = stop === -1 ? words.length : stop; count >= 2; count--) {
      const head = words.slice(0, count);
      const source = head.join(" ");
      const name = asName(source);
      if (!name || head.filter((word) => word.replace(/[.'’]/g, "").length > 1).length < 2) continue;
      if (isReferenceLetter(lines, index)) break;
      const start = line.start + match.index + match[0].indexOf(match[1]!);
      return { value: name.value, span: spanOn(line, start, start + source.length) };
    }
  }
  return null;
}

/**
 * A third-person biography names the person: "Zeel Patel is an Information Technology Manager …
 * Zeel has experience … allowed him to …". Taken only when the first name comes back on its own
 * as a subject ("Zeel has", "Zeel's") and a personal pronoun follows: a company's profile
 * ("Sony Electronics is a …") has neither.
 */
const BIOGRAPHY =
  /^(\p{Lu}[\p{Ll}\p{M}'’-]{1,30}(?: \p{Lu}[\p{Ll}\p{M}'’-]{1,30}){1,2}) (?:is|has been|was) (?:an?|the)\b/u;
const PERSONAL_PRONOUN = /\b(?:he|she|him|her|his|hers|himself|herself)\b/i;

/** BIOGRAPHY needs one of these verbs, spaces around it, as written: a line without any is passed over. */
const mayBeBiography = (raw: string) => raw.includes(" is ") || raw.includes(" was ") || raw.includes(" has been ");
const NOT_SPACE = /\S/;

/**
 * "… independently. Abdul Majeed is presently looking for a suitable opportunity … where he can
 * excel": a summary written of its job-seeker, a personal pronoun after it.
 */
const SEEKING =
  /(?:^|[.!?][ \t]+)(\p{Lu}[\p{Ll}\p{M}'’-]{1,30}(?: \p{Lu}[\p{Ll}\p{M}'’-]{1,30}){1,2}) is (?:presently |currently |now |actively )?(?:looking|seeking)\b/u;
const PRONOUN_AFTER = 300;

function nameInBiography(lines: Line[], text: string): { value: string; span: Span } | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!mayBeBiography(line.raw)) continue;
    const seeking = SEEKING.exec(line.raw);
    const seeker = seeking && asName(seeking[1]!);
    if (seeking && seeker) {
      const start = line.start + seeking.index + seeking[0].indexOf(seeking[1]!);
      const end = start + seeking[1]!.length;
      if (PERSONAL_PRONOUN.test(text.slice(end, end + PRONOUN_AFTER)))
        return { value: seeker.value, span: { text: seeking[1]!, start, end } };
    }
    const lead = line.raw.search(NOT_SPACE);
    if (lead === -1) continue;
    const match = BIOGRAPHY.exec(line.raw.slice(lead));
    if (!match) continue;
    const name = asName(match[1]!);
    if (!name) continue;
    const start = line.start + lead;
    const after = text.slice(start + match[0].length, start + match[0].length + 1500);
    const first = match[1]!.split(" ")[0]!;
    const again = new RegExp(
      `(?<![\\p{L}])${first}(?:['’]s| (?:has|is|was|brings|holds|led|managed|worked))(?![\\p{L}])`,
      "u",
    );
    if (!again.test(after) || !PERSONAL_PRONOUN.test(after)) continue;
    return { value: name.value, span: { text: match[1]!, start, end: start + match[1]!.length } };
  }
  return null;
}

/** A page footer carries the name when the header does not: "Ada Lovelace Page 2", "Ada Lovelace – 1/2". */
const HAS_DIGIT = /\d/;
// One run of spaces around the optional dash: "\s*[-–|]?\s*" splits a long run of spaces in
// quadratically many ways, which a line of 40,000 spaces made take a minute.
const FOOTER = /^(.{2,48}?)\s*(?:[-–|]\s*)?(?:page\s\d{1,2}\b|\d\s?\/\s?\d\b)/i;
/** A page header's name and "continued" mark ending its line ("Vera Perry Cont._."), without a page number. */
const CONTINUED_HEADER =
  /^[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3})[ \t]+(?:Cont\.|CONT\.|Continued|CONTINUED|\(continued\))[\s._:)-]*$/u;

function nameInFooter(lines: Line[]): { value: string; span: Span } | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const continued = CONTINUED_HEADER.exec(line.raw);
    const named = continued && asName(continued[1]!);
    if (continued && named) {
      const start = line.start + continued.index + continued[0].indexOf(continued[1]!);
      return { value: named.value, span: spanOn(line, start, start + continued[1]!.length) };
    }
    // Both forms of page number FOOTER reads hold a digit: a line without one is no footer.
    if (!HAS_DIGIT.test(line.raw)) continue;
    const footer = FOOTER.exec(line.raw.trim());
    if (!footer) continue;
    const lead = line.raw.indexOf(footer[1]!);
    const name = nameOn({ raw: footer[1]!, start: line.start + lead }, false);
    if (name) return name;
    // "Ada" / "Lovelace Page 2": the name broken over two lines; "JANET A." / "STRUDWICK, PMP® CPA
    // PAGE 2", credentials after the surname.
    const previous = lines[index - 1];
    const surname = SURNAME_ALONE.exec(footer[1]!.trim())?.[1];
    if (!previous || !surname) continue;
    const before = previous.raw.trim();
    // The first name on a line of its own, or ending a line of text the page header broke into
    // ("… total variables Cole S." / "Grundstedt - Page 2 cole.grundstedt@gmail.com"), then only
    // with the surname in the e-mail beside the page number.
    // Or after a page's "continued" ("Professional experience continued Brenna T." / "Walsh page 2").
    const ending = FIRST_NAME_ENDING.exec(before);
    const first = FIRST_NAME_LINE.test(before)
      ? before
      : ending && (emailHolds(line.raw, surname) || CONTINUED_BEFORE.test(before.slice(0, ending.index)))
        ? ending[1]
        : undefined;
    const joined = first && asName(`${first} ${surname}`);
    if (joined && first) {
      const start = previous.start + previous.raw.lastIndexOf(first);
      const end = line.start + line.raw.indexOf(surname) + surname.length;
      return { value: joined.value, span: spanOver(previous, line, start, end) };
    }
  }
  return null;
}
/** A surname alone before the page number, or with credentials after a comma (", PMP® CPA", ", MBA"). */
const SURNAME_ALONE = /^(\p{Lu}[\p{L}'’-]+)(?:,(?:\s*\p{Lu}{2,6}[^\s\p{L}]{0,3}){1,4})?$/u;
/** A page's continuation mark ending the text before a header's first name. */
const CONTINUED_BEFORE = /\b(?:continued|cont['’]?d|\(continued\))[\s.:)]*$/i;
/** A first name (and initials) alone on its line. */
const FIRST_NAME_LINE = /^[\p{Lu}][\p{L}.'’ -]{0,30}$/u;
/** A first name and an initial ending a line of text: "… total variables Cole S.". */
const FIRST_NAME_ENDING = /(?:^|\s)(\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}\.)?)$/u;
/** The longest local part an address may have (RFC 5321); its characters: LOCAL_PART_CHARACTER. */
const MAX_LOCAL_PART = 64;

/**
 * Whether an e-mail address on the line holds the surname in its local part ("cole.grundstedt@…"):
 * from each "@" back over the local part's characters, so a long run of letters is read once.
 */
function emailHolds(line: string, surname: string): boolean {
  const wanted = surname.toLowerCase();
  for (let at = line.indexOf("@"); at !== -1; at = line.indexOf("@", at + 1)) {
    let from = at;
    while (from > 0 && at - from < MAX_LOCAL_PART && LOCAL_PART_CHARACTER.test(line[from - 1]!)) from--;
    if (line.slice(from, at).toLowerCase().includes(wanted)) return true;
  }
  return false;
}

type Line = { raw: string; start: number };

/** The span of the text from `start` to `end`, both on `line`. */
function spanOn(line: Line, start: number, end: number): Span {
  return { text: line.raw.slice(start - line.start, end - line.start), start, end };
}

/** A name broken over two lines: the span runs over both, so blanking the name hides all of it. */
function spanOver(upper: Line, lower: Line, start: number, end: number): Span {
  return { text: `${upper.raw.slice(start - upper.start)}\n${lower.raw.slice(0, end - lower.start)}`, start, end };
}

function nameAtTop(lines: Line[]): { value: string; span: Span } | null {
  let seen = 0;
  for (const line of lines) {
    const trimmed = line.raw.trim();
    if (trimmed === "") continue;
    if (++seen > HEADER_LINES) break;
    const name = nameOn(line, seen === 1);
    if (name) return name;
    if (isHeading(trimmed) && !PREAMBLE_HEADINGS.test(trimEndMatching(trimmed, /[:\s]/))) return null;
  }
  return null;
}

/**
 * /[\w.+-]{1,64}@[\w-]{1,63}\.\w/.test(text), checked from each "@": the pattern reads up to 64
 * characters from every start of the text, most of a second on a megabyte without an "@".
 * (Before the "@" one character suffices; after it, the run of [\w-] must be 1–63 long and be
 * followed by "." and a word character, since "." cannot be part of the run.)
 */
const LOCAL_PART_CHARACTER = /[\w.+-]/;
const DOMAIN_CHARACTER = /[\w-]/;
const WORD_CHARACTER = /\w/;

export function hasEmailShape(text: string): boolean {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at === 0 || !LOCAL_PART_CHARACTER.test(text[at - 1]!)) continue;
    let i = at + 1;
    while (i < text.length && i - at <= 64 && DOMAIN_CHARACTER.test(text[i]!)) i += 1;
    const run = i - at - 1;
    if (run >= 1 && run <= 63 && text[i] === "." && WORD_CHARACTER.test(text[i + 1] ?? "")) return true;
  }
  return false;
}

/**
 * Layouts made of text boxes or sidebars put the name anywhere: then it is the name-shaped
 * line just above or below the e-mail address ("Darren Tran" / "darren@…").
 */
function nameByContact(lines: Line[]): { value: string; span: Span } | null {
  const at = lines.findIndex((line) => hasEmailShape(line.raw));
  if (at === -1) return null;
  const near = [at - 1, at + 1, at - 2, at + 2, at - 3].filter((index) => index >= 0 && index < lines.length);
  for (const index of near) {
    const trimmed = lines[index]!.raw.trim();
    if (trimmed === "" || isHeading(trimmed)) continue;
    const name = nameOn(lines[index]!, false);
    if (name) return surnameOnContactLine(name, lines[index]!, lines[at]!, index === at - 1) ?? name;
  }
  // "… for improved resource capability. TODD KORBITZ" / "korbitzt@hotmail.com": a name in
  // capitals ending the line above the address, its surname in the address.
  const above = lines[at - 1];
  const ending = above && CAPITALS_NAME_ENDING.exec(above.raw);
  if (above && ending) {
    const surname = ending[1]!.split(" ").at(-1)!;
    const name = surname.length >= 3 && emailHolds(lines[at]!.raw, surname) ? asName(ending[1]!) : null;
    if (name) {
      const start = above.start + ending.index + ending[0].indexOf(ending[1]!);
      return { value: name.value, span: spanOn(above, start, start + ending[1]!.length) };
    }
  }
  // "TIM" / "ZIEBART": a name set one word per line beside the contact block.
  for (let index = Math.max(0, at - 6); index < Math.min(lines.length - 1, at + 6); index++) {
    const [upper, lower] = [lines[index]!, lines[index + 1]!];
    const [a, b] = [upper.raw.trim(), lower.raw.trim()];
    // Both in capitals, as such display names are set: "Alice" / "Adventurer" is a name and a tagline.
    if (!/^\p{Lu}[\p{Lu}\p{M}'’-]{1,30}$/u.test(a) || !/^\p{Lu}[\p{Lu}\p{M}'’-]{1,30}$/u.test(b)) continue;
    if (isHeading(a) || isHeading(b)) continue;
    const joined = asName(`${a} ${b}`);
    if (!joined) continue;
    const start = upper.start + upper.raw.indexOf(a);
    const end = lower.start + lower.raw.indexOf(b) + b.length;
    return { value: joined.value, span: spanOver(upper, lower, start, end) };
  }
  return null;
}

/**
 * "Brady E." / "Biggs | 918.344.3202 | bradybiggs918@gmail.com | Page 2": a name ending in an
 * initial, its surname opening the contact line below it.
 */
function surnameOnContactLine(
  name: { value: string; span: Span },
  line: Line,
  contact: Line,
  above: boolean,
): { value: string; span: Span } | null {
  if (!above || !ENDS_IN_INITIAL.test(name.value)) return null;
  const surname = SURNAME_OPENING.exec(contact.raw)?.[1];
  const joined = surname && asName(`${name.value} ${surname}`);
  if (!surname || !joined) return null;
  const end = contact.start + contact.raw.indexOf(surname) + surname.length;
  return { value: joined.value, span: spanOver(line, contact, name.span.start, end) };
}
const ENDS_IN_INITIAL = /\s\p{Lu}\.$/u;
const SURNAME_OPENING = /^\s*(\p{Lu}[\p{Ll}'’-]{1,30})\s*[|,]/u;

const CAPITALS_NAME_ENDING =
  /(?:^|[\s.])(\p{Lu}[\p{Lu}'’-]{1,30}(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Lu}'’-]{1,30}){1,2})[ \t]*$/u;

/** The name on one line: the whole line or its first segment ("Jane Doe | jane@x.com"). */
function nameOn(line: Line, first: boolean): { value: string; span: Span } | null {
  const trimmed = line.raw.trim();
  // "321 Gotham St", "Google HQ, Mountain View, CA, USA": an address, not a name.
  if (isAddress(trimmed)) return null;
  for (const candidate of [trimmed, trimmed.split(SEGMENT_SPLIT, 1)[0] ?? ""]) {
    const name = asName(candidate, first);
    if (name) {
      const start = line.start + line.raw.indexOf(name.source);
      return { value: name.value, span: { text: name.source, start, end: start + name.source.length } };
    }
  }
  return null;
}

/** A personal name in `candidate`; an all-lower-case one only on the résumé's first line. */
/** "Y.John Divakar" (from "Y.JOHN DIVAKAR"): an initial's dot glued to the name after it. */
const INITIAL_GLUED_TO_NAME = /\b(\p{Lu})\.(?=\p{Lu}\p{Ll})/gu;
const SPLIT_SMALL_CAPITALS = /^\p{Lu} \p{Lu}{2,}(?: \p{Lu} \p{Lu}{2,}){1,3}$/u;

function asName(candidate: string, allowLowerCase = false): { value: string; source: string } | null {
  const stripped = candidate
    .replace(/^[^\p{L}]+/u, "") // bullets and icon glyphs before the name
    .replace(HONORIFICS, "")
    .replace(POST_NOMINALS, "")
    .replace(/\s+(?:resume|résumé|cv|curriculum vitae)$/i, "") // "JAN KÜSTER RESUME"
    .trim();
  if (/[@\d/\\:]|www\.|https?/i.test(stripped)) return null;
  // Small capitals extracted with each initial apart: "V ICTORIA S TEVENSON" is "VICTORIA STEVENSON".
  if (SPLIT_SMALL_CAPITALS.test(stripped)) {
    const joined = asName(stripped.replace(/(\p{Lu}) (\p{Lu}{2,})/gu, "$1$2"), allowLowerCase);
    return joined && { value: joined.value, source: stripped };
  }
  if (CJK_NAME.test(stripped)) return { value: stripped.replace(/\s/g, ""), source: stripped };
  // "Arvinkritik.S.R", "Priya.K": a name with its initials glued on by dots.
  const glued = /^(\p{Lu}(?:[\p{Ll}\p{M}]+|[\p{Lu}\p{M}]+))((?:\.\p{Lu})+)\.?$/u.exec(stripped);
  const words = glued ? [glued[1]!, glued[2]!.slice(1)] : stripped.split(/\s+/, 7); // up to 7: more is no name
  const nameWords = words.filter((word) => !PARTICLES.has(word));
  if (nameWords.length < 2 || nameWords.length > 4 || words.length > 6) return null;
  const lower = words.map((word) => word.toLowerCase());
  if (lower.some((word) => NON_NAME_WORDS.has(word) || HEADING_WORDS.has(word) || COMMON_WORDS.has(word))) return null;
  // "Dean's List", "Customer Service": no possessives, no job nouns by their ending.
  if (words.some((word) => /['’]s$/i.test(word)) || TITLE_SUFFIX.test(nameWords.at(-1)!)) return null;
  // Lower-case words are allowed ("Harish singh bhadauria", "priya raman"), but every word must
  // be name-shaped: capitalised, an initial, or a plain run of letters.
  if (!nameWords.every((word) => NAME_WORD.test(word) || LOWER_NAME_WORD.test(word))) return null;
  if (nameWords.every((word) => LOWER_NAME_WORD.test(word)) && (!allowLowerCase || nameWords.length > 3)) return null;
  // Initials only ("J. R.") is not a name; one initial with a name is ("Harish K", "K. Harish").
  const full = nameWords.filter((word) => word.replace(/\./g, "").length > 1);
  if (full.length === 0 || (full.length === 1 && full[0]!.replace(/\./g, "").length < 3)) return null;
  const value = isAllCaps(stripped)
    ? titleCase(stripped).replace(INITIAL_GLUED_TO_NAME, "$1. ")
    : words.map((word) => (LOWER_NAME_WORD.test(word) && !PARTICLES.has(word) ? capitalise(word) : word)).join(" ");
  // "Arvinkritik.S.R" is typed "Arvinkritik S.R".
  const first = glued && (isAllCaps(glued[1]!) ? titleCase(glued[1]!) : glued[1]!);
  return { value: glued ? `${first} ${glued[2]!.slice(1)}` : value, source: stripped };
}

function isAddress(line: string): boolean {
  const withoutTitles = line.replace(POST_NOMINALS, "");
  return (
    /,\s*(?:[A-Z]{2}|USA|UK|UAE)\b(?![\p{L}.])/u.test(withoutTitles) ||
    (withoutTitles.match(/,/g)?.length ?? 0) >= 2 ||
    /^\d+\s+\p{L}/u.test(line)
  );
}

function isHeading(line: string): boolean {
  const words = trimEndMatching(line, /[:\s]/).split(/\s+/, 5); // up to 5: only "4 or fewer" matters
  return words.length <= 4 && words.some((word) => HEADING_WORDS.has(word.toLowerCase()));
}

function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

function capitalise(word: string): string {
  return word.replace(/(^|[-'’])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** "JEAN-LUC O'NEIL" → "Jean-Luc O'Neil"; "Y.JOHN" → "Y.John". */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
