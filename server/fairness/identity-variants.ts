// Variants of a résumé's text with identity cues swapped, for the consistency check (issue 16,
// item 4): the candidate's name replaced by names across genders and ethnicities from a fixed
// list, pronouns turned to he, she or they, and gendered words (fraternity/sorority,
// chairman/chairwoman, Mr./Ms., …) turned one way or the other. Nothing else changes, so a
// scorer that ignores identity gives every variant the original's scores. Pure and
// deterministic: the same text and name give the same variants in the same order.

export type CueKind = "name" | "pronouns" | "gendered-words" | "combined";

export interface IdentityCue {
  kind: CueKind;
  /** What was swapped, for the report: "name → Lakisha Washington", "pronouns → she/her". */
  description: string;
}

export interface ResumeVariant {
  cue: IdentityCue;
  text: string;
}

export interface SwapName {
  given: string;
  family: string;
  /** As such names are commonly perceived; the point is variety, not a claim about anyone. */
  gender: "female" | "male" | "neutral";
  origin: string;
}

/**
 * Names of the kind used in résumé audit studies (Bertrand & Mullainathan 2004 and later
 * work): each pair differs in perceived gender, the list in perceived ethnicity. Accents and a
 * hyphen are there on purpose: they must not move a score either.
 */
export const SWAP_NAMES: readonly SwapName[] = [
  { given: "Emily", family: "Walsh", gender: "female", origin: "White" },
  { given: "Greg", family: "Baker", gender: "male", origin: "White" },
  { given: "Lakisha", family: "Washington", gender: "female", origin: "Black" },
  { given: "Jamal", family: "Jones", gender: "male", origin: "Black" },
  { given: "María", family: "Hernández", gender: "female", origin: "Hispanic or Latino" },
  { given: "José", family: "García", gender: "male", origin: "Hispanic or Latino" },
  { given: "Mei", family: "Chen", gender: "female", origin: "East Asian" },
  { given: "Wei", family: "Zhang", gender: "male", origin: "East Asian" },
  { given: "Priya", family: "Patel", gender: "female", origin: "South Asian" },
  { given: "Arjun", family: "Sharma", gender: "male", origin: "South Asian" },
  { given: "Fatima", family: "Al-Sayed", gender: "female", origin: "Middle Eastern or North African" },
  { given: "Mohammed", family: "Haddad", gender: "male", origin: "Middle Eastern or North African" },
  { given: "Aiyana", family: "Begay", gender: "female", origin: "Native American" },
  { given: "Dakota", family: "Yazzie", gender: "male", origin: "Native American" },
  { given: "Taylor", family: "Kim", gender: "neutral", origin: "East Asian" },
];

type PronounSet = "he" | "she" | "they";
type PronounRole = "subject" | "object" | "possessive" | "independent" | "reflexive";

const PRONOUNS: Record<PronounSet, Record<PronounRole, string>> = {
  he: { subject: "he", object: "him", possessive: "his", independent: "his", reflexive: "himself" },
  she: { subject: "she", object: "her", possessive: "her", independent: "hers", reflexive: "herself" },
  they: { subject: "they", object: "them", possessive: "their", independent: "theirs", reflexive: "themselves" },
};

/** Each pronoun word and the role it is read as ("her" and "his" are ambiguous; one reading is enough here). */
const PRONOUN_ROLES: Record<string, PronounRole> = {
  he: "subject",
  she: "subject",
  they: "subject",
  him: "object",
  them: "object",
  her: "possessive",
  his: "possessive",
  their: "possessive",
  hers: "independent",
  theirs: "independent",
  himself: "reflexive",
  herself: "reflexive",
  themselves: "reflexive",
};

/** Masculine ↔ feminine word pairs. Longer forms first, so "chairmen" is not read as "chairman". */
const GENDERED_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["fraternities", "sororities"],
  ["fraternity", "sorority"],
  ["chairmen", "chairwomen"],
  ["chairman", "chairwoman"],
  ["spokesman", "spokeswoman"],
  ["businessman", "businesswoman"],
  ["salesman", "saleswoman"],
  ["sportsman", "sportswoman"],
  ["brotherhood", "sisterhood"],
  ["brothers", "sisters"],
  ["brother", "sister"],
  ["men's", "women's"],
  ["men", "women"],
  ["male", "female"],
  ["boys", "girls"],
  ["boy", "girl"],
];

/** Honorifics, matched with their case: "MS" in capitals is a Master of Science, not a title. */
const HONORIFICS: ReadonlyArray<readonly [string, string]> = [
  ["Mr.", "Ms."],
  ["Mr", "Ms"],
];

/** "he" → "she" keeping "He" and "HE" as they were written. */
function withCaseOf(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) {
    return replacement.toUpperCase();
  }
  if (
    original[0] !== undefined &&
    original[0] === original[0].toUpperCase() &&
    original[0] !== original[0].toLowerCase()
  ) {
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Word boundaries that know letters with accents (\b does not). */
const word = (alternatives: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.map(escape).join("|")})(?![\\p{L}\\p{M}\\p{N}])`, "giu");

export function swapPronouns(text: string, to: PronounSet): string {
  return text.replace(word(Object.keys(PRONOUN_ROLES)), (match) =>
    withCaseOf(match, PRONOUNS[to][PRONOUN_ROLES[match.toLowerCase()]!]),
  );
}

export function swapGenderedWords(text: string, to: "feminine" | "masculine"): string {
  const map = new Map(GENDERED_PAIRS.map(([m, f]) => (to === "feminine" ? [m, f] : [f, m])));
  const swapped = text.replace(word([...map.keys()]), (match) => withCaseOf(match, map.get(match.toLowerCase())!));
  const titles = new Map(HONORIFICS.map(([m, f]) => (to === "feminine" ? [m, f] : [f, m])));
  // "Mr." before "Mr", so the "." stays with its word; "Mrs." reads as "Ms." when made masculine first.
  const honorific = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:Mrs\\.?|${[...titles.keys()].map(escape).join("|")})(?![\\p{L}\\p{M}\\p{N}])`,
    "gu",
  );
  return swapped.replace(honorific, (match) => {
    if (match.startsWith("Mrs")) return to === "feminine" ? match : match.replace("Mrs", "Mr");
    return titles.get(match) ?? match;
  });
}

/**
 * Every occurrence of the name (any case), then of its first and last words written as in the
 * name or in capitals (a lower-case "will" or "young" in the text is a word, not the name).
 * Inside e-mail addresses the lower-case forms are swapped too ("priya.raman@").
 */
export function swapName(text: string, name: string, to: SwapName): string {
  const words = name.trim().split(/\s+/);
  const given = words[0];
  const family = words.length > 1 ? words[words.length - 1] : undefined;
  const full = `${to.given} ${to.family}`;
  let result = text.replace(word([name.trim().replace(/\s+/g, " ")]), (match) => withCaseOf(match, full));
  const exactCase = (part: string, replacement: string) => {
    if (part.length < 2) return;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{M}\\p{N}])(?:${escape(part)}|${escape(part.toUpperCase())})(?![\\p{L}\\p{M}\\p{N}])`,
      "gu",
    );
    result = result.replace(pattern, (match) => withCaseOf(match, replacement));
  };
  if (given) exactCase(given, to.given);
  if (family) exactCase(family, to.family);
  // E-mail local parts: "priya.raman", "praman", "raman.priya" keep their shape with the new name.
  result = result.replace(/[\w.+-]+(?=@[\w-]+(?:\.[\w-]+)+)/g, (local) => {
    let swapped = local;
    const ascii = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[^\w-]/g, "")
        .toLowerCase();
    if (given && given.length >= 2)
      swapped = swapped.replace(new RegExp(escape(given.toLowerCase()), "g"), ascii(to.given));
    if (family && family.length >= 2)
      swapped = swapped.replace(new RegExp(escape(family.toLowerCase()), "g"), ascii(to.family));
    return swapped;
  });
  return result;
}

export interface IdentityVariantOptions {
  /** The candidate's name as read from the résumé (extractResumeFacts); no name variants without it. */
  name: string | null;
}

/** The variants that change the text, in a fixed order: names, pronouns, gendered words, combined. */
export function identityVariants(text: string, options: IdentityVariantOptions): ResumeVariant[] {
  const variants: ResumeVariant[] = [];
  const add = (kind: CueKind, description: string, swapped: string) => {
    if (swapped !== text) variants.push({ cue: { kind, description }, text: swapped });
  };
  const name = options.name?.trim() || null;
  if (name) {
    for (const to of SWAP_NAMES) {
      add("name", `name → ${to.given} ${to.family} (${to.gender}, ${to.origin})`, swapName(text, name, to));
    }
  }
  for (const to of ["he", "she", "they"] as const) {
    const set = PRONOUNS[to];
    add("pronouns", `pronouns → ${set.subject}/${set.object}/${set.possessive}`, swapPronouns(text, to));
  }
  add(
    "gendered-words",
    "gendered words → feminine (sorority, chairwoman, Ms., …)",
    swapGenderedWords(text, "feminine"),
  );
  add(
    "gendered-words",
    "gendered words → masculine (fraternity, chairman, Mr., …)",
    swapGenderedWords(text, "masculine"),
  );
  const combined = (to: SwapName, pronouns: PronounSet, words: "feminine" | "masculine") => {
    const swapped = swapGenderedWords(swapPronouns(name ? swapName(text, name, to) : text, pronouns), words);
    add("combined", `all cues → ${name ? `${to.given} ${to.family}, ` : ""}${pronouns}, ${words} words`, swapped);
  };
  combined(SWAP_NAMES[2]!, "she", "feminine");
  combined(SWAP_NAMES[1]!, "he", "masculine");
  return variants;
}
