// The guide's common paths into ML engineering and the gap each typically brings
// (ml-engineer-role-in-practice.txt, "Common Backgrounds" and "Adjacent Roles That Transition
// Most Naturally"). Recognised from job titles, weighted by time in role and recency.
import type { Background } from "../contract/screening-result.ts";

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
    label: "ML engineer",
    typicalGap: "Already works at the intersection; check depth on the weaker side of the dual requirement.",
    citation: `${ROLE}: "The role genuinely requires both ML knowledge and software engineering skill."`,
  },
  software_engineer: {
    id: "software_engineer",
    label: "Software / backend engineer",
    typicalGap:
      "ML knowledge: ML concepts and model evaluation, acquired through coursework, projects and on-the-job learning.",
    citation: `${ROLE}: "Backend engineer to ML engineer is a strong path for engineers who are willing to develop ML knowledge."`,
  },
  data_scientist: {
    id: "data_scientist",
    label: "Data scientist",
    typicalGap: "Production code quality, system design, deployment practices and infrastructure management.",
    citation: `${ROLE}: "The gaps are in production code quality, system design, deployment practices, and infrastructure management."`,
  },
  data_engineer: {
    id: "data_engineer",
    label: "Data engineer",
    typicalGap: "ML concepts, model evaluation, and the specific patterns of ML systems.",
    citation: `${ROLE}: "The gap is in ML concepts, model evaluation, and the specific patterns of ML systems."`,
  },
  researcher: {
    id: "researcher",
    label: "Researcher / PhD",
    typicalGap: "Production engineering practices.",
    citation: `${ROLE}: "Research scientist to ML engineer works for researchers who are more interested in seeing their work used in production... The gap is in production engineering practices."`,
  },
  other: {
    id: "other",
    label: "Other background",
    typicalGap: "Both dimensions need evidence: production engineering and ML depth.",
    citation: `${ROLE}: "Candidates who are strong in only one dimension find the other dimension is a real gap."`,
  },
};

/** Title patterns, most specific first: the first that matches a title decides its family. */
const TITLE_FAMILIES: Array<[RegExp, Background]> = [
  [
    /\b(machine learning|ml|mlops|ai|deep learning|computer vision|nlp)\s*(platform\s*)?(engineer|developer|architect|lead)\b|\bapplied (ml|machine learning) engineer\b/i,
    "ml_engineer",
  ],
  [
    /\bresearch (scientist|engineer)\b|\bresearcher\b|\bpost-?doc|\bpostdoctoral\b|\bprofessor\b|\blecturer\b|\bph\.?\s?d\.? (student|candidate|researcher)\b|\bdoctoral (student|researcher|candidate)\b/i,
    "researcher",
  ],
  [
    /\bdata scientist\b|\bdata science\b|\bstatistician\b|\bquantitative (analyst|researcher)\b|\bapplied scientist\b/i,
    "data_scientist",
  ],
  [/\b(data|analytics|big data|etl|data platform|data infrastructure) engineer\b/i, "data_engineer"],
  [
    /\b(software|backend|back-end|full[- ]?stack|frontend|front-end|platform|site reliability|infrastructure|devops|cloud|systems|web|mobile|java|python|go|staff|senior|principal) (engineer|developer)\b|\bsre\b|\bdeveloper\b|\bprogrammer\b|\bsoftware architect\b|\bsolutions architect\b|\btech(nical)? lead\b|\bengineering manager\b/i,
    "software_engineer",
  ],
];

export function backgroundOfTitle(title: string): Background | null {
  for (const [pattern, background] of TITLE_FAMILIES) if (pattern.test(title)) return background;
  return null;
}

export interface RoleForBackground {
  title: string | null;
  months: number;
  /** Years since the role ended (0 for a current role). */
  yearsAgo: number;
  isStudy: boolean;
}

/**
 * The path a candidate comes from: the title family with the most time in role, recent roles
 * counting more. A PhD with publications and no professional role counts as a researcher.
 */
export function classifyBackground(
  roles: RoleForBackground[],
  hints: { phd: boolean; publications: boolean },
): Background {
  const totals = new Map<Background, number>();
  for (const role of roles) {
    if (!role.title) continue;
    const family = backgroundOfTitle(role.title) ?? (role.isStudy && hints.phd ? "researcher" : null);
    if (!family) {
      totals.set("other", (totals.get("other") ?? 0) + Math.max(1, role.months) * recency(role.yearsAgo) * 0.8);
      continue;
    }
    totals.set(family, (totals.get(family) ?? 0) + Math.max(1, role.months) * recency(role.yearsAgo));
  }
  let best: Background | null = null;
  let bestScore = 0;
  for (const [family, score] of totals) {
    if (score > bestScore) {
      best = family;
      bestScore = score;
    }
  }
  if (best) return best;
  if (hints.phd && hints.publications) return "researcher";
  return "other";
}

// A role that ended five years ago counts half as much as a current one.
const recency = (yearsAgo: number) => 1 / (1 + Math.max(0, yearsAgo) / 5);
