// What a posting heading introduces. Postings name their sections in many ways ("Requirements",
// "What you'll need", "Who you are", "We'd love to hear from you if you have", "Nice to haves",
// "How you stand out", "It's great, but not required, if you have"); the order of the checks
// matters: "Preferred Qualifications" is preferred before it is a qualification, and "What you
// will need" is a requirement before it is a duty ("you will").
import type { SectionKind } from "./types.ts";

const APOSTROPHE = "['’]";

const PREFERRED = new RegExp(
  [
    String.raw`\bprefer`,
    String.raw`\bnice[- ]to[- ]haves?\b`,
    String.raw`\bbonus`,
    String.raw`\bplus(?:es)?\b`,
    String.raw`\bstand out\b`,
    String.raw`\bnot required\b`,
    String.raw`\bdesir`,
    String.raw`\b(?:good|great)[- ]to[- ]haves?\b`,
    String.raw`\bextra points\b|\bbrownie points\b|\beven better\b|\bideally\b`,
    // "Strong candidates may also have"
    String.raw`\b(?:may|might|could) also\b`,
    String.raw`\bassets?\b`,
    String.raw`\bextra credit\b`,
    String.raw`\bwould be (?:great|nice|a plus)\b`,
    String.raw`\bgreat if\b`,
    String.raw`\badvantage`,
    String.raw`\boptional\b`,
    String.raw`\bpoints? for\b`,
  ].join("|"),
  "i",
);

const REQUIRED = new RegExp(
  [
    String.raw`\brequire`,
    String.raw`\bqualifications?\b`,
    String.raw`\bmust[- ]haves?\b`,
    String.raw`\bwhat you${APOSTROPHE}?(?:ll| will) need\b`,
    String.raw`\byou${APOSTROPHE}?(?:ll| will) need\b`,
    String.raw`\bneed to (?:succeed|bring|have)\b`,
    String.raw`\bwho you are\b`,
    String.raw`\babout you\b`,
    String.raw`\blooking for\b`,
    String.raw`\bif you have\b`,
    String.raw`\byou have\b`,
    String.raw`\bcompetenc`,
    String.raw`\bskills?\b`,
    String.raw`\bessential\b`,
    String.raw`\blove to hear\b`,
    String.raw`\bexpect you\b`,
    String.raw`\bthrive\b`,
    String.raw`\b(?:for you|(?:a )?(?:good|great|strong) fit) if\b`,
    String.raw`\byou(?:['’]ll| will)? bring\b`,
    String.raw`\beducation\b`,
    String.raw`\bwhat you bring\b`,
    String.raw`\byour (?:background|profile|experience)\b`,
    String.raw`\bideal candidate\b`,
    String.raw`\byou should have\b`,
    String.raw`\bexperience\b`,
    String.raw`\bknowledge\b`,
    String.raw`\bcriteria\b`,
  ].join("|"),
  "i",
);

const STACK = /\btechnolog|\btech stack\b|\bour stack\b|\btools we use\b|\bwe use\b/i;

const OTHER =
  /\babout\b|\bbenefit|\bperks?\b|\bcompensation\b|\bsalary\b|\bpay\b|\bcommitment\b|\bpromise\b|\bequal\b|\beeo\b|\bcompany\b|\bteam\b|\bculture\b|\bwhy join\b|\bwho we are\b|\bmission\b|\b(?:what )?we offer\b|\bour offer\b|\bprivacy\b|\bnotice\b|\bawards?\b|\blocation\b|\bhow to apply\b|\bnext steps?\b|\bwhat'?s next\b|\bdiversity\b|\binclusion\b|\badditional information\b/i;

const DUTIES =
  /\bresponsib|\bduties\b|\btasks?\b|\bwhat you['’]?(?:ll| will) (?:do|be doing|work on|achieve)\b|\byou['’]?ll\b|\byou will\b|\bday[- ]to[- ]day\b|\bin this role\b|\bthe role\b|\bachieve\b|\bimpact\b|\bworking on\b|\bproblems?\b|\bmake a difference\b|\bsummary\b|\boverview\b|\bthe job\b|\bthe position\b/i;

/** The kind of a heading, or null when its words say nothing (the section then continues). */
export function classifyHeading(heading: string): SectionKind | null {
  if (PREFERRED.test(heading)) return "preferred";
  if (/\babout (?:the )?(?:role|job|position|opportunity)\b/i.test(heading)) return "duties";
  if (/\bqualifications?\b/i.test(heading) && /\bminimum|\bbasic|\brequired/i.test(heading)) return "required";
  if (REQUIRED.test(heading) && !/\babout (?:us|the (?:team|company|role))\b/i.test(heading)) return "required";
  if (STACK.test(heading)) return "stack";
  if (OTHER.test(heading)) return "other";
  if (DUTIES.test(heading)) return "duties";
  return null;
}
