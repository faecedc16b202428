// Hostile résumé texts: repetitions built to make a backtracking pattern or a rescanning loop
// take quadratic time (issue 13, defect 8: 25 KB of "aaa…@" took 7 s). Each is a unit repeated to
// a given size, so the same list serves the unit test (tens of KB, results asserted) and
// `npm run bench` (1 MB, time measured). Deterministic: no randomness.

export interface HostileText {
  name: string;
  /** What the text is built to defeat. */
  target: string;
  make: (size: number) => string;
}

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** A fixed pseudo-random mix of the characters the patterns care about (a linear congruential walk). */
function mixed(size: number): string {
  const alphabet = "a.-@/ 1(\n:A,|)+_";
  let state = 12345;
  let out = "";
  for (let i = 0; i < size; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

export const HOSTILE_TEXTS: readonly HostileText[] = [
  { name: "letters-then-at", target: "e-mail patterns", make: (size) => `${repeat("a", size - 1)}@` },
  { name: "letter-at", target: "e-mail patterns", make: (size) => repeat("a@", size) },
  { name: "letter-hyphen", target: "e-mail and link patterns", make: (size) => repeat("a-", size) },
  { name: "letter-dot", target: "link and domain patterns", make: (size) => repeat("a.", size) },
  { name: "at-then-labels", target: "e-mail domain labels", make: (size) => `x@${repeat("ab-c.", size - 2)}` },
  { name: "www-repeated", target: "link patterns", make: (size) => repeat("www.", size) },
  { name: "http-then-letters", target: "link patterns", make: (size) => `http://${repeat("a", size - 7)}` },
  { name: "domains-with-slashes", target: "bare links", make: (size) => repeat("ab.com/", size) },
  { name: "digit-hyphen", target: "phone patterns", make: (size) => repeat("1-", size) },
  { name: "digit-dot", target: "phone and date patterns", make: (size) => repeat("1.", size) },
  { name: "digits", target: "phone and ID patterns", make: (size) => repeat("1", size) },
  { name: "numbers-on-one-line", target: "phone page-number check", make: (size) => repeat("1111111111, ", size) },
  { name: "underscores", target: "word-character runs", make: (size) => repeat("_", size) },
  { name: "dots", target: "punctuation trimming", make: (size) => repeat(".", size) },
  { name: "capitals", target: "name and heading patterns", make: (size) => repeat("A", size) },
  { name: "capital-words", target: "name patterns", make: (size) => repeat("Aaaa ", size) },
  { name: "capital-word-lines", target: "name and heading patterns", make: (size) => repeat("Aaaa Bbbb\n", size) },
  { name: "year-ranges", target: "date-range patterns", make: (size) => repeat("2019 - ", size) },
  { name: "month-years", target: "date-range patterns", make: (size) => repeat("Jan 2019 – ", size) },
  { name: "headings", target: "section patterns", make: (size) => repeat("EXPERIENCE\n", size) },
  { name: "skills-in-one-chunk", target: "skill mentions inside URLs", make: (size) => repeat("python/", size) },
  { name: "skill-then-dots", target: "URL chunk trimming", make: (size) => `python${repeat(".", size - 7)}x` },
  {
    name: "link-then-punctuation",
    target: "link trailing-punctuation trimming",
    make: (size) => `http://a${repeat(".", size - 9)}x`,
  },
  { name: "path-of-slashes", target: "link path trimming", make: (size) => `ab.com/${repeat("/", size - 8)}x` },
  {
    name: "hedges-in-one-clause",
    target: "hedge scopes",
    make: (size) => repeat("familiar with Python and basic Docker ", size),
  },
  { name: "pending-languages", target: "context-rule support chains", make: (size) => repeat("Go x ", size) },
  {
    name: "colons-then-letter",
    target: "end-anchored trims (/[:\\s]+$/)",
    make: (size) => `${repeat(":", size - 1)}x`,
  },
  {
    name: "degree-lines",
    target: "education: the line above each degree",
    make: (size) => repeat("B.Sc. Physics\n", size),
  },
  {
    name: "roles-at-one-employer",
    target: "masking: one employer searched once",
    make: (size) => repeat("Data Engineer, Acme Corp, 2019 - 2020\n", size),
  },
  {
    name: "weak-headings-dated",
    target: "sections: dates after each weak heading",
    make: (size) => `EXPERIENCE\n${repeat("Skills: a\n", size - 22)}2019 - 2020`,
  },
  {
    name: "capital-dots",
    target: "organisation names (a capitalised word of dots)",
    make: (size) => repeat("A.", size),
  },
  {
    name: "capital-apostrophes",
    target: "organisation names (a capitalised word of apostrophes)",
    make: (size) => repeat("A'", size),
  },
  {
    name: "spaces-after-a-date",
    target: "page-footer names (spaces around an optional dash)",
    make: (size) => `WORK EXPERIENCE\n• Jan 2019 - Feb 2020${repeat(" ", size - 38)}x`,
  },
  {
    name: "page-headers-with-ats",
    target: "page-header names broken into the text (the e-mail beside the page number)",
    make: (size) => repeat(`total variables Cole S.\nGrundstedt - Page 2 ${"cole.grundstedt".repeat(8)}@@@ `, size),
  },
  { name: "mixed-punctuation", target: "everything", make: mixed },
];
