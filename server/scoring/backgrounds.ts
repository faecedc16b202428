// The guide's common paths into ML engineering and the gap each typically brings
// (ml-engineer-role-in-practice.txt, "Common Backgrounds" and "Adjacent Roles That Transition
// Most Naturally"). Recognised from job titles, weighted by time in role and recency.
import type { Background } from "../contract/screening-result.ts";
import { BACKGROUND_LABELS } from "../contract/vocabulary.ts";

export interface BackgroundInfo {
  id: Background;
  label: string;
  /** The typical gap of this path, in the guide's words. */
  typicalGap: string;
  citation: string;
}

const ROLE = "ml-engineer-role-in-practice.txt";

export const BACKGROUNDS: Record<Background, BackgroundInfo> = {
  ml_engineer: {
    id: "ml_engineer",
    label: BACKGROUND_LABELS.ml_engineer,
    typicalGap: "Already works at the intersection; check depth on the weaker side of the dual requirement.",
    citation: `${ROLE}: "The role genuinely requires both ML knowledge and software engineering skill."`,
  },
  software_engineer: {
    id: "software_engineer",
    label: BACKGROUND_LABELS.software_engineer,
    typicalGap:
      "ML knowledge: ML concepts and model evaluation, acquired through coursework, projects and on-the-job learning.",
    citation: `${ROLE}: "Backend engineer to ML engineer is a strong path for engineers who are willing to develop ML knowledge."`,
  },
  data_scientist: {
    id: "data_scientist",
    label: BACKGROUND_LABELS.data_scientist,
    typicalGap: "Production code quality, system design, deployment practices and infrastructure management.",
    citation: `${ROLE}: "The gaps are in production code quality, system design, deployment practices, and infrastructure management."`,
  },
  data_engineer: {
    id: "data_engineer",
    label: BACKGROUND_LABELS.data_engineer,
    typicalGap: "ML concepts, model evaluation, and the specific patterns of ML systems.",
    citation: `${ROLE}: "The gap is in ML concepts, model evaluation, and the specific patterns of ML systems."`,
  },
  researcher: {
    id: "researcher",
    label: BACKGROUND_LABELS.researcher,
    typicalGap: "Production engineering practices.",
    citation: `${ROLE}: "Research scientist to ML engineer works for researchers who are more interested in seeing their work used in production... The gap is in production engineering practices."`,
  },
  other: {
    id: "other",
    label: BACKGROUND_LABELS.other,
    typicalGap: "Both dimensions need evidence: production engineering and ML depth.",
    citation: `${ROLE}: "Candidates who are strong in only one dimension find the other dimension is a real gap."`,
  },
};

/**
 * Title patterns, most specific first: the first that matches a title decides its family. The
 * mapping follows the labelling rubric (tests/fixtures/real-labelled/README.md): data analysts and
 * BI people are data scientists; ETL, Hadoop and database developers and DBAs are data engineers;
 * DevOps, QA, SAP, .NET and Java developers are software engineers; network administrators, help
 * desk and IT support are none of these (`other`). Every pattern is an alternation of words with
 * bounded gaps (no unbounded nested quantifiers), so it runs in linear time on any line.
 */
const ML_WORDS =
  "machine[- ]learning|ml|mlops|ai|ai\\/ml|ml\\/ai|artificial intelligence|deep[- ]learning|computer vision|nlp|natural language processing|llm|gen ?ai|generative ai";
// "Data Science Engineer" builds ML systems; a data science consultant, intern or lead is a data
// scientist (DATA_SCIENCE_TITLE), as the labelling rubric reads them.
const ML_TITLE = new RegExp(
  [
    `\\b(?:${ML_WORDS})\\s*(?:platform |software |research |ops |solutions? )?(?:engineer|developer|architect|specialist|intern|consultant|lead)\\b`,
    `\\bdata science\\s*(?:platform |software |solutions? )?(?:engineer|developer|architect)\\b`,
    `\\b(?:engineer|developer|scientist)\\s*[,(–-]\\s*(?:${ML_WORDS})\\b`,
    `\\bapplied (?:ml |machine learning )?(?:engineer|scientist)\\b`,
    "机器学习工程师|算法工程师|人工智能工程师",
    `\\b(?:machine learning|ml|ai|deep learning) scientist\\b`,
  ].join("|"),
  "i",
);
const RESEARCH_TITLE =
  /\bresearch (?:scientist|engineer|fellow)\b|\bresearch (?:assistant|intern|associate)\b[^\n]{0,40}\b(?:machine learning|computer|comput|data|statistic|artificial|ai|ml|nlp|vision)|\bpost-?doc|\bpostdoctoral\b|\b(?:ph\.?\s?d\.?|doctoral)\s+(?:student|candidate|researcher|scholar|fellow)\b[^\n]{0,40}\b(?:machine learning|computer|comput|data|statistic|artificial|ai|ml|nlp|vision|robotics)|\b(?:professor|lecturer)\b[^\n]{0,30}\b(?:computer|computing|data|machine learning|statistics|artificial)/i;
const DATA_SCIENCE_TITLE =
  /数据科学家|数据分析师|\bdata scientists?\b|\bdata science (?:[a-z]+ ){0,2}(?:intern(?:ship)?|lead|manager|consultant|associate|specialist|analyst|trainee|fellow|head|director)\b|\b(?:bio)?statisticians?\b|\bquant(?:itative)? (?:analyst|researcher|modeler)\b|\b(?:data|reporting|insights?|statistical|mis|analytics|business intelligence|bi) analysts?\b|\b(?:analytics|business intelligence|bi|power bi|tableau|qlik(?:view|sense)?) (?:developer|consultant|specialist|lead|manager|engineer)\b|\bdata (?:analytics|analysis) (?:lead|manager|consultant|specialist|intern)\b/i;
const DATA_ENGINEERING_TITLE =
  /\b(?:data|big data|etl|elt|data platform|data infrastructure|data warehouse|data warehousing|dwh|database|db|hadoop|spark|informatica|datastage|ssis|sql|pl\/sql|oracle|teradata|mainframe db2) (?:engineer|developer|architect|programmer)\b|\b(?:etl|hadoop|database|informatica) (?:consultant|specialist|analyst|administrator|admin)\b|\b(?:database|db) (?:administrator|admin|manager)\b|\bdbas?\b|\bdata (?:architect|modeler|modeller)\b/i;
const SOFTWARE_TITLE =
  /\b(?:software|backend|back-end|back end|full[- ]?stack|frontend|front-end|front end|platform|site reliability|devops|dev ops|devsecops|cloud|web|mobile|ios|android|embedded|firmware|java|j2ee|python|django|ruby|rails|php|node|nodejs|golang|dotnet|dot net|asp\.net|c#|c\+\+|scala|salesforce|sap|abap|ui|react|angular|javascript|qa|automation test|test automation|release|middleware|game|api|sharepoint|mainframe|cobol|servicenow|wordpress|drupal|magento|blockchain|software development) (?:engineer|developer|programmer|architect|tester|lead|consultant|analyst|dev)\b|\b(?:software|web|application|mobile|full[- ]?stack|front[- ]?end|back[- ]?end) development\b|\bd[ée]veloppeur\b|\bing[ée]nieur logiciel\b|\bentwickler\b|\bdesarrollador\b|\.net (?:engineer|developer|programmer|architect|consultant|lead)\b|\bapplications? (?:developer|programmer|architect)\b|\bsre\b|\bdevops\b|\bdeveloper\b|\bprogrammer\b|\bsoftware (?:architect|consultant|specialist|lead|manager)\b|\b(?:solutions?|enterprise|cloud) architect\b|\bsoftware quality (?:assurance|engineer|analyst)|\bsoftware engineering (?:manager|lead|director|team lead|intern|internship)\b|软件工程师|开发工程师|程序员|前端工程师|后端工程师|\bqa (?:engineering|automation|manager)\b|\b(?:software (?:test|qa|quality assurance)|manual test|automation test|test|qa)(?:ing)? (?:(?:&|and) automation )?(?:analyst|engineer|lead|specialist)\b|\b(?:software|qa|manual|automation|game|web|mobile|application|ui|test) testers?\b|\bsap (?:abap|pi|po|xi|bw|bi|bo|bods|hana|ui5|fiori|technical|netweaver|hybris|workflow|abap[/ ]hana|bo[/ ]bods)(?:[ /](?:abap|hana|bods|workflow|developer))? (?:consultant|analyst|lead|developer|architect)\b|\bsap [a-z/]{2,12} developer\b|\b(?:peoplesoft|siebel|pega|tibco|maximo|oracle (?:apps|forms|ebs)|(?:microsoft )?dynamics(?: ax| crm| nav| 365)?)(?: technical)? (?:consultant|developer|engineer|lead|analyst)\b|\bweb(?:site)? designer\b/i;

/**
 * Titles that say "developer", "development" or "programmer" about something other than software
 * ("Professional Developer" of teachers, a BPO "Process Developer", a machine shop's "NC Programmer").
 */
/** A tool named "…-Developer" ("Mitsubishi FX3U 16M GX-Developer", a PLC programming package). */
const PRODUCT_DEVELOPER = /\b[A-Z0-9]{1,5}-Developer\b/;

const NOT_SOFTWARE =
  /\bdeveloper support\b|\b(?:business|real estate|property|land|leadership|curriculum|course|content|talent|organi[sz]ational|community|program|product|film|photo|market|sales|brand|people|resource|training|instructional|learning|fund|donor|housing|site|economic|professional|process|recipe|menu|staff|skills?) develop(?:er|ment)\b|\b(?:cnc|nc|cam) programmer\b|(?<!\b(?:software|applications?|web|app|mobile|systems?) )\bdevelopment (?:officer|manager|executive|director|associate|representative|specialist|coordinator)\b|\b(?:apparel|fashion|garment|textile|footwear)\b[^\n]{0,20}\bdevelop(?:er|ment)\b/i;

/** Whether a title says "developer" or "development" of something other than software. */
export const developsNoSoftware = (title: string) => NOT_SOFTWARE.test(title);

const TITLE_FAMILIES: Array<[RegExp, Background]> = [
  [ML_TITLE, "ml_engineer"],
  [RESEARCH_TITLE, "researcher"],
  [DATA_SCIENCE_TITLE, "data_scientist"],
  [DATA_ENGINEERING_TITLE, "data_engineer"],
  [SOFTWARE_TITLE, "software_engineer"],
];

/**
 * A field standing alone in a title's place: a job-board export's headline "Data Science" or
 * "Machine Learning" (the candidate's professional field, above "Data Science - Wipro"). Only a
 * whole line: "Data Science" in a sentence or a list is a subject, not a title.
 */
const FIELD_HEADLINES: Array<[RegExp, Background]> = [
  [/^(?:data science|data analytics|data analysis|business analytics|analytics)$/i, "data_scientist"],
  [
    /^(?:machine learning|artificial intelligence|deep learning|ai\/ml|ml\/ai|ai|ml|computer vision|nlp)$/i,
    "ml_engineer",
  ],
  [/^(?:big data|data engineering|hadoop|etl)$/i, "data_engineer"],
  [
    /^(?:software development|software engineering|web development|devops|full[- ]?stack development)$/i,
    "software_engineer",
  ],
];

/** The family of a line that is a field alone ("Data Science", "DATA SCIENCE"), else null. */
export function backgroundOfField(line: string): Background | null {
  const field = line.trim().replace(/\s+/g, " ");
  for (const [pattern, background] of FIELD_HEADLINES) if (pattern.test(field)) return background;
  return null;
}

/**
 * The field a summary says the years were spent in ("3.2 years of experience in software
 * development and maintenance", "2.7 years of experience in Web Application design using python
 * Django", "6 years of experience in ETL and data warehousing"): the start of the words after
 * "experience in". Only fields of work, not tools alone ("experience in Java" may be coursework).
 */
const EXPERIENCE_FIELDS: Array<[RegExp, Background]> = [
  [
    /^(?:machine learning|deep learning|artificial intelligence|ai\/ml|ml\/ai|computer vision|natural language processing|nlp)\b/i,
    "ml_engineer",
  ],
  [
    /^(?:data science|data analytics|data analysis|business analytics|business intelligence|statistical (?:analysis|modell?ing))\b/i,
    "data_scientist",
  ],
  [
    /^(?:data engineering|big data|hadoop|etl|data ?warehous\w*|(?:sql server |oracle |sql )?database (?:administration|development)|sql (?:server )?(?:dba|administration|development))\b/i,
    "data_engineer",
  ],
  [
    /^(?:(?:software|application|web|web application|mobile|app|java|j2ee|\.net|dot net|asp\.net|python|php|android|ios|front[- ]?end|back[- ]?end|full[- ]?stack|sharepoint|mainframe|sap abap|abap|salesforce|c#|c\+\+)(?:\s+(?:and\s+)?[\w/.#+]+){0,2}?\s+(?:development|design|programming|engineering)|software testing|test automation|automation testing|devops)\b/i,
    "software_engineer",
  ],
];

/** The family of a field of work after "years of experience in", else null. */
export function backgroundOfExperienceField(field: string): Background | null {
  const words = field.trim().replace(/\s+/g, " ");
  for (const [pattern, background] of EXPERIENCE_FIELDS) if (pattern.test(words)) return background;
  return null;
}

export function backgroundOfTitle(title: string): Background | null {
  for (const [pattern, background] of TITLE_FAMILIES) {
    if (!pattern.test(title)) continue;
    if (background === "software_engineer" && (NOT_SOFTWARE.test(title) || PRODUCT_DEVELOPER.test(title))) return null;
    return background;
  }
  return null;
}

/**
 * IT operations titles: help desk, desktop support, IT technicians and specialists, network and
 * systems administrators, network technicians and engineers, IT managers, IT project managers and
 * supervisors (a federal "IT Specialist (APPSW)" or "(WEB)" names software work, and is not).
 * Technical work next to software engineering but not software engineering: the labelling rubric
 * (tests/fixtures/real-labelled/README.md) reads "adjacent technical work (IT support, network
 * administration)" as production level 1, and the guide's production side is software built and
 * run in production ("ML engineering is fundamentally a software engineering discipline"). A
 * title of a family (backgroundOfTitle) is never IT operations.
 */
const IT_OPERATIONS_TITLE =
  /\bhelp ?desk\b|\bservice ?desk\b|\bdesktop (?:support|technician|engineer|analyst)\b|\b(?:it|i\.t\.|information technology|computer|network|networking|pc|field|hardware|technical|desktop|systems?) (?:support |service |services |operations )?technician\b|\b(?:it|i\.t\.|information technology|technical|computer|desktop|end[- ]user) support\b|\b(?:network|networking|systems?|sys|windows|server|it|i\.t\.|lan|exchange|active directory|citrix|vmware|messaging|email|e-mail) (?:and (?:network|systems?|security) )?(?:administrator|admin)\b|\bsysadmin\b|\bnetwork (?:engineer|specialist|technician|analyst|manager|coordinator)\b|\b(?:it|i\.t\.|information technology) (?:(?:project|program|programme) )?(?:manager|director|supervisor|coordinator|technician|infrastructure engineer|officer|liaison|assistant|specialist(?![^()\n]{0,12}\([^)\n]{0,30}\b(?:appsw|app|applications?|software|web|dev|developer|drupal|sysanalysis|data)\b))\b|\b(?:director|head|manager|vice president|administrator|supervisor|coordinator) (?:of )?(?:it|i\.t\.|information technology|information systems)\b/i;

/** Whether a job title is IT operations work (and names no software, data or ML family). */
export function isItOperationsTitle(title: string): boolean {
  return IT_OPERATIONS_TITLE.test(title) && backgroundOfTitle(title) === null;
}

export interface RoleForBackground {
  title: string | null;
  months: number;
  /** Years since the role ended (0 for a current role). */
  yearsAgo: number;
  isStudy: boolean;
}

/**
 * A title found outside the dated roles: the headline under the name ("Machine Learning Engineer
 * | …"), a "Designation: …" line, a summary's "Data Scientist with 5 years of experience", a
 * job-board title line. `months` is how much it counts, in months of a current role.
 */
export interface TitleHint {
  title: string;
  months: number;
  yearsAgo: number;
  /** A self-description without time in a role ("Seeking a Data Scientist role"): it counts only
   * when the résumé shows no titled role at all. */
  claim?: boolean;
  /** The family when the title is a field alone (backgroundOfField), which backgroundOfTitle does not read. */
  family?: Background;
}

/**
 * Titles that name no family but are not evidence of other work either: engineering managers,
 * CTOs and founders, contractors and freelancers, interns and apprentices, IT and systems titles,
 * "Engineer" alone, and "titles" that are really an employer or a school the parser took for one.
 * They follow the family the rest of the résumé shows; without one they count as other work.
 */
const NEUTRAL_TITLE =
  /\b(?:universit|institute|college|ltd|inc|llc|gmbh|corp)|\badvis[oe]r:|\bengineer(?:ing)?\b|\btechnical\b|\btechnology\b|\bIT\b|\bsystems?\b|\bcomputer\b|\bcto\b|\bchief technology\b|\bco-?founder\b|\bfounder\b|\bcontractor\b|\bfreelancer?\b|\bself[- ]employed\b|\bintern(?:ship)?\b|\btrainee\b|\bapprentice(?:ship)?\b|\barchitect\b|\bteam (?:lead|leader|member)\b|\b(?:tech|technical|technology|project|module) lead\b|\b(?:associate|senior|sr\.?|staff|principal|technical|lead) consultant\b|\bquality (?:analyst|engineer)\b/i;

/**
 * Engineers of another discipline: an electrical, mechanical or process engineer's years are other
 * work (the labelling rubric's "mechanical or civil engineer"), not a neutral "Engineer" that
 * follows the family of the rest of the résumé. Up to two words may stand between the discipline
 * and "Engineer" ("RF Systems Engineer", "Electrical/Validation Engineer") unless they name
 * software work ("Hardware/Software Engineer", "Electrical & Firmware Engineer" stay neutral).
 */
const OTHER_DISCIPLINE_ENGINEER =
  /\b(?:electrical|electronics?|mechanical|civil|chemical|process|manufacturing|instrumentation|structural|industrial|aerospace|automotive|biomedical|environmental|petroleum|mining|materials|maintenance|facilities|plant|construction|hvac|rf|hardware|packaging)(?:\s*[/&]\s*|\s+)(?:(?!software\b|firmware\b|embedded\b|data\b|ml\b|machine\b|ai\b|cloud\b|devops\b|web\b|applications?\b|test automation\b)[a-z]+(?:\s*[/&]\s*|\s+)){0,2}engineer(?:ing)?\b/i;

/**
 * A title of seniority alone ("VP, Principal", "Lead", "Member of Technical Staff"): it says how
 * senior, not what work, so it is neutral like "Engineer" alone. One run of spaces after each
 * word: "\s*[,&/|–-]?\s*" split the spaces two ways a word, 2^k ways for k words (titles are
 * short, but a pattern should not depend on that).
 */
const SENIORITY_ONLY =
  /^(?:(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|distinguished|vp|svp|evp|avp|vice president|member of (?:the )?technical staff|mts)\s*(?:[,&/|–-]\s*)?)+$/i;

/**
 * The family of a headline that names the role's post with what it works on: roles titled
 * "Consultant" under the headline "Consultant - SAP ABAP" (read "SAP ABAP Consultant") are that
 * job. The role's whole title must end the headline's, word for word.
 */
function familyOfHeadlinePost(title: string, hints: readonly TitleHint[]): Background | null {
  const post = title.trim().toLowerCase().replace(/\s+/g, " ");
  if (post.length < 3) return null;
  for (const hint of hints) {
    if (hint.claim) continue;
    const headline = hint.title.trim().toLowerCase().replace(/\s+/g, " ");
    if (headline === post || !headline.endsWith(` ${post}`)) continue;
    const family = hint.family ?? backgroundOfTitle(hint.title);
    if (family) return family;
  }
  return null;
}

/**
 * Teaching a subject is teaching ("Information Technology Instructor", "Computer Science
 * Teacher"): the rubric's teacher, other work, not a neutral technical title. A lecturer or
 * professor of computing is read as research (RESEARCH_TITLE) before this.
 */
const TEACHING_TITLE = /\b(?:instructor|teacher|trainer|educator|faculty)\b/i;

/** A title that names no family and no other work: it follows the rest of the résumé. */
function isNeutralTitle(title: string): boolean {
  if (backgroundOfTitle(title)) return false;
  return (
    (NEUTRAL_TITLE.test(title) &&
      !OTHER_DISCIPLINE_ENGINEER.test(title) &&
      !IT_OPERATIONS_TITLE.test(title) &&
      !TEACHING_TITLE.test(title)) ||
    SENIORITY_ONLY.test(title.trim())
  );
}

/** A role whose title names no software, data or ML family counts this much towards `other`. */
const OTHER_FACTOR = 0.35;
/** How much a role without a title counts towards `other`, relative to a role of other work. */
const UNTITLED_SHARE = 0.5;
/** How much a title outside the roles counts when dated roles already name a family. */
const HINT_SHARE_WITH_ROLES = 0.5;
/** Months (undiscounted) of family titles from which neutral titles follow the family. */
const FAMILY_ANCHOR_MONTHS = 12;

/**
 * The path a candidate comes from: the title family with the most time in role, recent roles
 * counting more, from the dated roles and from titles wherever else they stand (`hints.titles`).
 * `other` wins only when titles of other work clearly outweigh every software, data or ML title.
 * A PhD with publications and no professional role counts as a researcher.
 */
export interface BackgroundHints {
  phd: boolean;
  /** A completed degree in computing (computer science, IT, software, BCA/MCA). */
  computingDegree?: boolean;
  /** The résumé's professional years; null when unknown. */
  yearsExperience?: number | null;
  publications: boolean;
  titles?: readonly TitleHint[];
  /** The two dimension scores under the default weights: what the work itself shows. */
  evidence?: {
    production: number;
    ml: number;
    /**
     * The area scores of software development (services and APIs; CI/CD, testing and quality) and
     * of data engineering (data pipelines and SQL).
     */
    development?: { servingApis: number; cicdTesting: number; dataPipelines?: number };
  };
}

export function classifyBackground(roles: RoleForBackground[], hints: BackgroundHints): Background {
  const totals = new Map<Background, number>();
  const add = (family: Background, amount: number) => totals.set(family, (totals.get(family) ?? 0) + amount);
  let familyMonths = 0;
  let neutral = 0;
  let technicalNeutral = 0;
  let untitled = 0;
  const workNamesFamily = roles.some((role) => !role.isStudy && role.title && backgroundOfTitle(role.title));
  for (const role of roles) {
    if (!role.title) {
      // A role whose title was not read is work of unknown kind: it weighs against an old family
      // title the way other work does, at half the weight. Study without a title is no work.
      if (role.isStudy) continue;
      untitled += Math.max(1, role.months) * recency(role.yearsAgo);
      continue;
    }
    const family =
      backgroundOfTitle(role.title) ??
      (role.isStudy && hints.phd ? "researcher" : null) ??
      familyOfHeadlinePost(role.title, hints.titles ?? []);
    // Study ("Student Developer") names the path only when no job or internship does: the
    // labelling rubric reads students by their internships first. Research is the exception:
    // doctoral research is study, and the researcher's path.
    if (role.isStudy && family && family !== "researcher" && workNamesFamily) continue;
    const amount = Math.max(1, role.months) * recency(role.yearsAgo);
    if (family) {
      add(family, amount);
      familyMonths += Math.max(1, role.months);
    } else if (isNeutralTitle(role.title)) {
      neutral += amount;
      technicalNeutral += Math.max(1, role.months);
    } else add("other", amount * OTHER_FACTOR); // IT operations too: the rubric's "network administrator, IT help desk"
  }
  // Titles outside the roles mostly repeat the roles' titles: with dated family roles they only
  // support them (half weight), and self-descriptions count only when no role has a title that
  // says what the work was ("System Engineer" at an IT firm does not: the summary's "Software
  // Developer (System Engineer)" does).
  const titledRoles = roles.some((role) => role.title && !isNeutralTitle(role.title));
  const hintShare = familyMonths > 0 ? HINT_SHARE_WITH_ROLES : 1;
  for (const hint of hints.titles ?? []) {
    const family = hint.family ?? backgroundOfTitle(hint.title);
    if (!family || (hint.claim && titledRoles)) continue;
    add(family, hint.months * hintShare * recency(hint.yearsAgo));
    familyMonths += hint.months * hintShare;
  }
  // Neutral titles follow the family the titles show when it is anchored, else the work's.
  // A short family title anchors them too when no title names other work and the work shows the
  // family ("Mobile Developer Intern", then "Apprentice" building a charging-station server).
  const titled = strongest(totals, (family) => family !== "other");
  const follow = titled
    ? familyMonths >= FAMILY_ANCHOR_MONTHS || (!totals.has("other") && workShows(titled, hints.evidence))
      ? titled
      : null
    : technicalNeutral >= FAMILY_ANCHOR_MONTHS
      ? familyOfEvidence(hints)
      : null;
  if (follow) add(follow, neutral);
  else add("other", neutral * OTHER_FACTOR);
  // Roles whose title was not read weigh as other work at half weight, unless the work is
  // software development: then they are that work, of the family the titles name if they do.
  if (developsSoftware(hints.evidence)) add(titled ?? "software_engineer", untitled);
  else add("other", untitled * OTHER_FACTOR * UNTITLED_SHARE);
  const winner = strongest(totals, () => true);
  // A computing graduate without professional time yet (a fresher, whose "roles" are a course or a
  // college event) is read by their field, as the labelling rubric reads students: the degree and
  // the programming the résumé shows name the path ("B.Tech in Computer Science", Java projects).
  if ((winner === null || winner === "other") && computingGraduate(hints)) return "software_engineer";
  if (winner) return winner;
  if (hints.phd && hints.publications) return "researcher";
  // No work was read at all (a résumé of bullets without dated roles): the work it describes
  // names the path when it is software development, as for roles whose title was not read.
  if (developsSoftware(hints.evidence)) return "software_engineer";
  return "other";
}

/** Professional years up to which a graduate is a fresher, read by their field. */
const FRESHER_YEARS = 0.5;

function computingGraduate(hints: BackgroundHints): boolean {
  return (
    hints.computingDegree === true &&
    // Known to be short: unknown years (undated work, common on job-board exports) are no evidence of it.
    hints.yearsExperience != null &&
    hints.yearsExperience <= FRESHER_YEARS &&
    workShows("software_engineer", hints.evidence)
  );
}

/** The dimension score of solid work ("solid": level 3 → 40–80 in the calibration table). */
const SOLID_EVIDENCE = 40;

/**
 * The family the work shows when the titles name none (a "Co-Founder & CTO" and four "Research
 * Intern" posts, "Member of Technical Staff"): solid ML work is an ML engineer's with solid
 * production work beside it, a researcher's with a PhD and publications, else a data scientist's.
 * Production work alone names no family: IT operations and other engineering show it too.
 */
function familyOfEvidence(hints: BackgroundHints): Background | null {
  const evidence = hints.evidence;
  if (!evidence) return null;
  if (evidence.ml < SOLID_EVIDENCE)
    return developsSoftware(evidence) ? "software_engineer" : buildsDataPipelines(evidence) ? "data_engineer" : null;
  if (evidence.production >= SOLID_EVIDENCE) return "ml_engineer";
  return hints.phd && hints.publications ? "researcher" : "data_scientist";
}

/** The dimension score of some work ("some": level 2 → 20–55 in the calibration table). */
const SOME_EVIDENCE = 20;

/** Whether the work shows at least some of what a family does: production for the engineers, ML for the rest. */
function workShows(family: Background, evidence: BackgroundHints["evidence"]): boolean {
  if (evidence === undefined) return false;
  const production = evidence.production >= SOME_EVIDENCE;
  const ml = evidence.ml >= SOME_EVIDENCE;
  if (family === "software_engineer" || family === "data_engineer") return production;
  if (family === "ml_engineer") return production && ml;
  return ml;
}

/** How strong each development area must be for the work to be software development. */
const DEVELOPMENT_EVIDENCE = { cicdTesting: 55, servingApis: 30, production: SOLID_EVIDENCE };

/**
 * Solid production work that is software development, not IT operations: testing, CI/CD and code
 * quality beside services and APIs ("Senior Systems Engineer" at an IT services firm building
 * Java services with JUnit and Jenkins). An administrator's production evidence is networks,
 * servers and monitoring (cloud and infrastructure, reliability), which this does not count.
 */
function developsSoftware(evidence: BackgroundHints["evidence"]): boolean {
  if (evidence === undefined) return false;
  const development = evidence.development;
  return (
    evidence.production >= DEVELOPMENT_EVIDENCE.production &&
    development !== undefined &&
    development.cicdTesting >= DEVELOPMENT_EVIDENCE.cicdTesting &&
    development.servingApis >= DEVELOPMENT_EVIDENCE.servingApis
  );
}

/** How strong data pipelines and SQL must be, beside the production work, for the work to be data engineering. */
const DATA_ENGINEERING_EVIDENCE = { dataPipelines: 70, production: 35 };

/**
 * Production work centred on data pipelines: an "Associate Consultant" or "Technical Lead" building
 * Informatica and Teradata warehouses. A data analyst's SQL reports do not reach it (their
 * production work is thin), nor do an administrator's servers (no pipelines).
 */
function buildsDataPipelines(evidence: NonNullable<BackgroundHints["evidence"]>): boolean {
  const pipelines = evidence.development?.dataPipelines ?? 0;
  return (
    pipelines >= DATA_ENGINEERING_EVIDENCE.dataPipelines && evidence.production >= DATA_ENGINEERING_EVIDENCE.production
  );
}

function strongest(totals: Map<Background, number>, allowed: (family: Background) => boolean): Background | null {
  let best: Background | null = null;
  let bestScore = 0;
  // Ties go to the family listed first in BACKGROUNDS, so the result never depends on map order.
  for (const family of Object.keys(BACKGROUNDS) as Background[]) {
    const score = totals.get(family) ?? 0;
    if (allowed(family) && score > bestScore) {
      best = family;
      bestScore = score;
    }
  }
  return best;
}

// A role that ended three years ago counts half as much as a current one: the labelling rubric
// (and a recruiter) reads the most recent substantial role as the path a candidate is on.
const RECENCY_HALF_YEARS = 3;
const recency = (yearsAgo: number) => 1 / (1 + Math.max(0, yearsAgo) / RECENCY_HALF_YEARS);
