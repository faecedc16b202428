// Wording that can act as a proxy for age or another protected trait. Each phrase carries why,
// so the hiring manager can reword the posting and keeps the ranking from echoing it. The
// equal-opportunity statement ("regardless of … age, national origin") names traits without
// asking for any, and none of these phrases matches it.
import type { DraftWarning, WarningCode } from "./types.ts";

interface ProxyRule {
  code: WarningCode;
  pattern: RegExp;
  why: string;
}

const AGE =
  "It describes an age group rather than a skill: it can screen out older candidates (age is a protected trait).";

const RULES: readonly ProxyRule[] = [
  {
    code: "proxy_age",
    pattern: /\bdigital[- ]natives?\b/gi,
    why: `"Digital native" means people who grew up with digital technology. ${AGE}`,
  },
  {
    code: "proxy_age",
    pattern:
      /\b(?:recent|new|fresh|current)\s+(?:college\s+|university\s+)?grad(?:uate)?s?\b|\bfreshers?\b|\bclass of 20\d\d\b|\bnewly graduated\b|\bfresh out of (?:college|school|university)\b|\bgraduated (?:with)?in the (?:last|past) \w+ years?\b/gi,
    why: `Asking for a recent or new graduate ties the role to when someone studied. ${AGE} Describe the level of skill instead.`,
  },
  {
    code: "proxy_age",
    pattern:
      /\b(?:young|youthful|younger)\b(?!\s+(?:company|companies|startup|start-up|business|industry|field|team's product))/gi,
    why: `"Young" describes age, not ability. ${AGE}`,
  },
  {
    code: "proxy_age",
    pattern: /\b(?:energetic|high[- ]energy)\b/gi,
    why: "Energy words are commonly read as a preference for younger candidates (age is a protected trait).",
  },
  {
    code: "proxy_age",
    pattern: /\b(?:millennials?|gen[- ]?z|generation z)\b/gi,
    why: `A generation is an age group. ${AGE}`,
  },
  {
    code: "proxy_age",
    pattern:
      /\b(?:up to|no more than|not more than|maximum(?: of)?|max\.?|at most)\s+\d{1,2}\s*(?:years?|yrs?)\b(?:\s+of)?(?:\s+\w+){0,3}\s+experience\b|\boverqualified\b/gi,
    why: "A maximum of experience excludes experienced candidates, who are mostly older (age is a protected trait). State the level of the role instead.",
  },
  {
    code: "proxy_origin_language",
    pattern:
      /\bnative(?:[- ]level)?\s+(?:english|german|french|spanish|speaker|speakers|language|tongue)\b(?:\s+speakers?)?|\b(?:english|german|french|spanish) as (?:a|your|the) first language\b|\bfirst[- ]language (?:english|german|french|spanish)\b|\bnative or bilingual\b|\bmother[- ]tongue\b|\bno accent\b|\bwithout an accent\b/gi,
    why: "Nativeness is about where someone was born and raised (national origin), not how well they communicate. Ask for the level of the language the work needs (for example professional fluency).",
  },
  {
    code: "proxy_school_prestige",
    pattern:
      /\b(?:top(?:[- ]?(?:tier|ranked|\d{1,3}))?|elite|prestigious|ivy league|tier[- ]?(?:1|one)|leading|premier|world[- ]class)\s+(?:universit(?:y|ies)|schools?|colleges?|institutions?)\b|\bivy league\b/gi,
    why: "School prestige is a proxy for socioeconomic background and, through admissions, for race and national origin. The screener never lets schools move a score; judge the skills instead.",
  },
  {
    code: "proxy_culture_fit",
    pattern:
      /\bcultur(?:e|al)[- ]fit\b|\bfits? (?:in|into) (?:with )?(?:our|the) (?:culture|team)\b|\bfit (?:with )?our culture\b/gi,
    why: '"Culture fit" is undefined and tends to favour people like the current team, which reproduces its age, gender and background. Name the behaviours the team needs (for example "gives and takes code review well").',
  },
  {
    code: "proxy_gendered",
    pattern: /\b(?:rock\s?stars?|ninjas?|gurus?|superstars?|guys|salesman|manpower)\b/gi,
    why: "Slang like this reads as addressed to young men and puts off other applicants (gender and age are protected traits). Describe the work and the level instead.",
  },
  {
    code: "proxy_disability",
    pattern: /\b(?:able[- ]bodied|physically fit|perfect (?:health|vision|eyesight))\b/gi,
    why: "A physical condition the work does not need excludes disabled candidates (disability is a protected trait).",
  },
];

export function findProxyPhrases(posting: string): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(posting); match !== null; match = rule.pattern.exec(posting)) {
      const start = match.index;
      const end = start + match[0].length;
      warnings.push({ code: rule.code, text: match[0], start, end, message: rule.why });
    }
  }
  return warnings.sort((a, b) => a.start - b.start || a.end - b.end);
}
