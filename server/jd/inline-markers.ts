// Words inside a sentence that say how strongly it asks: "Python is a must", "Go is a plus",
// "ideally with Kafka", "preferably Git". A preferred marker always wins over the section, so a
// skill the posting calls a plus never becomes a must-have.

/** Markers that make the whole clause a plus ("… is a plus", "… preferred", "bonus: …"). */
export const PREFERRED_MARKER =
  /\b(?:is|are|would be|will be)?\s*(?:an?\s+)?(?:big|huge|strong|definite|added|nice)?\s*plus\b|\bpreferred\b|(?<!(?:performance|annual|signing|sign-on|cash|discretionary|target|referral) )\bbonus\b(?! (?:program|plan|pool|structure|eligib))|\bnice[- ]to[- ]haves?\b|\bdesirable\b|\bdesired\b|\bnot (?:required|necessary|mandatory)\b|\b(?:an?|added) advantage\b|\badvantageous\b|\bbeneficial\b|\b(?:good|great|nice)[- ]to[- ]have\b|\bextra credit\b|\bbrownie points\b|\b(?:is|are|also|very|especially) welcome\b|\b(?:is|are|would be|as) an? (?:strong |definite |real )?assets?\b|\b(?:is|are|would be) helpful\b|\boptional\b|\bwould be (?:great|nice|helpful)\b/i;

/** Markers whose scope starts at the marker and runs to the end of the clause ("preferably Git"). */
export const PREFERRED_FROM_HERE = /\b(?:preferabl[ey]|ideally|optionally|especially nice)\b/i;

/** Markers that make a sentence a requirement wherever it stands. */
export const REQUIRED_MARKER =
  /\bmust\b(?! not)|\b(?:is|are) (?:a )?(?:required|mandatory|essential|a must)\b|\brequired\b|\bmandatory\b|\bessential\b/i;

/**
 * The end of a "from here" marker's scope: a closing bracket, a semicolon or the end of the
 * sentence. Not a comma: "preferably in Python, Java and SQL" prefers the whole list.
 */
export const CLAUSE_END = /[;)\]]|\.(?:\s|$)/g;

/** Words that show a sentence outside a requirements section is still about the candidate. */
export const ABOUT_CANDIDATE =
  /^\W*(?:must|should)\b|\b(?:you|your|candidates?|applicants?|experience|knowledge|proficien\w*|familiar\w*|skills?|degree|years|expertise|well versed)\b/i;
/** A sentence outside the requirements that still asks for something ("Knowledge of Go is a plus"). */
export const ASKS_FOR_SKILL =
  /\b(?:experience|knowledge|familiar\w*|proficien\w*|skills?|expertise|degree|understanding of)\b/i;
/** "Nice to have: Go", "Bonus: Rust": a field line that is a plus. */
export const PREFERRED_FIELD =
  /^\s*(?:nice[- ]to[- ]haves?|bonus(?: points)?|pluses|preferred(?: skills| qualifications)?|good[- ]to[- ]haves?)\s*:\s*\S/i;
