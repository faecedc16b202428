// Requirements the ranking cannot see: a required or preferred line that names no taxonomy skill
// and is not only a years figure or a degree. Listed as "not scored" so the hiring manager knows
// what the ranking ignores (interviews judge soft skills and domain knowledge; a missing tool can
// be added to the taxonomy as data).
import type { PlacedMention } from "./map-skills.ts";
import type { PostingSegment, UnscoredKind, UnscoredRequirement } from "./types.ts";

const KINDS: readonly [UnscoredKind, RegExp][] = [
  [
    "clearance",
    /\bclearance\b|\bcitizen(?:ship)?\b|\bwork authori[sz]ation\b|\bvisa\b|\bbackground check\b|\bsecurity vetting\b|\bTS\/SCI\b/i,
  ],
  [
    "spoken_language",
    /\benglish\b|\bgerman\b|\bfrench\b|\bspanish\b|\bmandarin\b|\bjapanese\b|\bfluen(?:t|cy)\b|\bbilingual\b|\bspoken\b|\bnative\b|\bspeakers?\b/i,
  ],
  [
    "leadership",
    /\blead(?:ing|ership|er)?\b|\bmentor|\bmanag(?:e|ing|ement)\b|\broadmap\b|\bstakeholder|\bsenior leadership\b|\binfluenc/i,
  ],
  [
    "soft_skill",
    /\bcommunicat|\bcollaborat|\bteam(?:work|mate|s)?\b|\binterpersonal\b|\bproblem[- ]solv|\bcurio|\battitude\b|\bmindset\b|\bownership\b|\bself[- ]starter\b|\bmotivated\b|\bempath|\bpassion|\bdetail[- ]oriented\b|\bambigu|\bindependent|\bcreativ|\binitiative\b|\bthrive\b|\bfast[- ]paced\b/i,
  ],
  [
    "domain",
    /\bdomain\b|\bindustry\b|\bbusiness\b|\bmarketplace\b|\bfinanc|\bhealthcare\b|\bmedical\b|\bclinical\b|\bB2[BC]\b|\bSaaS\b|\bcustomers?\b|\bconsult|\bproduct (?:sense|knowledge)\b|\bsubject matter\b/i,
  ],
  [
    "education_or_portfolio",
    /\bcoursework\b|\bprojects?\b|\bblog\b|\bportfolio\b|\bpublications?\b|\bpapers?\b|\bresearch background\b|\bopen[- ]source\b|\bkaggle\b/i,
  ],
];

/** Words that say nothing beyond a years figure or a degree (those have their own fields). */
const FILLER = new Set(
  "years year experience professional industry relevant related field fields work working degree degrees bachelor bachelors master masters phd doctorate computer science engineering mathematics math statistics physics information systems technical area areas discipline quantitative applied equivalent similar other with from have least minimum plus hands completed start date development internship internships non-internship machine learning required preferred graduation accredited university college senior junior software engineer engineers role roles position".split(
    " ",
  ),
);

function saysMoreThanYearsOrDegree(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 4 && !FILLER.has(word));
  return words.length >= 2;
}

export function findUnscoredRequirements(
  segments: readonly PostingSegment[],
  placed: readonly PlacedMention[],
): UnscoredRequirement[] {
  const withSkills = new Set(placed.map((entry) => entry.segment));
  const unscored: UnscoredRequirement[] = [];
  for (const segment of segments) {
    if (segment.strength === "none" || withSkills.has(segment)) continue;
    const words = segment.text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
    if (words.length < 2) continue;
    if (
      /^\s*[\w\s]{0,30}:\s*\S/.test(segment.text) &&
      segment.section !== "required" &&
      segment.section !== "preferred"
    ) {
      continue; // "Salary: Confidential"-style header fields outside the requirements
    }
    if (!saysMoreThanYearsOrDegree(segment.text)) continue;
    if (/:\s*$/.test(segment.text)) continue; // "Example traits that we value:" introduces the list
    const kind = KINDS.find(([, pattern]) => pattern.test(segment.text))?.[0] ?? "unknown_skill";
    unscored.push({
      text: segment.text,
      start: segment.start,
      end: segment.end,
      kind,
      strength: segment.strength,
    });
  }
  return unscored;
}
