// Evidence: every skill mention, weighted by where it stands and what surrounds it.
//   position  skills list < summary < coursework/certificate < publication/project < role bullet
//   role      recent and long professional roles count more than old or short ones
//   impact    a line with quantified production impact (latency, throughput, users, data
//             volume, % improvement) strengthens production evidence
//   hedges    "familiar with", "basic", "not productionised" lower the weight (taxonomy)
// Documented in docs/scoring.md.
import type { SectionKind } from "../resume/find-sections.ts";
import type { Background, Dimension, Span } from "../contract/screening-result.ts";
import type { AreaId } from "../taxonomy/areas.ts";
import { findSkillMentions, getSkill } from "../taxonomy/index.ts";
import { backgroundOfTitle, isItOperationsTitle } from "./backgrounds.ts";
import type { ScoringInput, ScoringRole } from "./scoring-input.ts";

export type EvidenceSource =
  | "role"
  | "internship"
  | "study"
  | "experience"
  | "project"
  | "publication"
  | "certification"
  | "education"
  | "summary"
  | "skills_list"
  | "other";

export interface Evidence {
  skillId: string;
  area: AreaId;
  dimension: Dimension;
  /** The mention itself. */
  mention: Span;
  /** The résumé line it stands on: what a recruiter is shown. */
  line: Span;
  source: EvidenceSource;
  weight: number;
}

export const SOURCE_WEIGHTS: Record<EvidenceSource, number> = {
  role: 1,
  internship: 0.7,
  study: 0.6,
  experience: 0.8,
  project: 0.5,
  publication: 0.6,
  certification: 0.4,
  education: 0.35,
  summary: 0.35,
  skills_list: 0.25,
  other: 0.3,
};

/** A listed skill that nothing else in the same dimension backs up counts this much less. */
export const UNCORROBORATED_LIST_FACTOR = 0.25;
/**
 * What a listed skill weighs (instead of SOURCE_WEIGHTS.skills_list) in a dimension the candidate
 * has held job titles of for a year or more: between a project (0.5) and a role bullet (1). On
 * the labelled real set it moves production AUC by role from 0.920 to 0.942 and the archetypes'
 * production Spearman from 0.899 to 0.916 (docs/scoring.md, calibration).
 */
export const TITLED_LIST_WEIGHT = 0.6;
/** Skills lists longer than this are diluted proportionally: 60 buzzwords buy no more than 25. */
export const LIST_DILUTION_FROM = 25;
export const IMPACT_FACTOR = 1.3;
/**
 * What a production mention in the bullets of an IT operations role (help desk, IT technician,
 * network or systems administrator) weighs, relative to a software role's bullet: configuring
 * Exchange, Active Directory and Azure virtual machines is infrastructure work beside software
 * engineering, which the labelling rubric reads as "adjacent technical work" (production level 1).
 */
export const IT_OPERATIONS_FACTOR = 0.5;

const QUANTIFIED =
  /(\d[\d,.]{0,40}\s?(%|percent|ms\b|milliseconds|x\b|×|qps|rps|tps|req\/s|requests?\s*(per|\/)\s*(second|sec|s|minute|day)|k\b|m\b|million|billion|bn\b|tb\b|gb\b|pb\b|users|customers|events|records|rows|predictions|transactions|nodes|gpus?|servers))|p(50|90|95|99|999)\b|\b(reduced|cut|improved|increased|decreased|lowered|raised|boosted)\b[^.\n]{0,40}\b(by|from|to)\s+\d/i;

const PUBLICATION_AREAS = new Set<Dimension>(["ml"]);

function sectionAt(input: ScoringInput, offset: number): SectionKind | null {
  for (const section of input.sections) if (offset >= section.start && offset < section.end) return section.kind;
  return null;
}

function roleAt(input: ScoringInput, offset: number): ScoringRole | null {
  for (const role of input.roles) if (offset >= role.start && offset < role.end) return role;
  return null;
}

/**
 * The line of a mention, trimmed of blanks (and blanked identity) so the highlighted span starts
 * at the words. Mentions come in text order: the last line's bounds are kept, so a long line with
 * many mentions is scanned once, not once per mention.
 */
function lineAround(text: string, start: number, end: number, last: LineCache): Span {
  // A mention over a wrapped line ("deep\nlearning") has a two-line span: only a one-line span is
  // shared by the mentions inside it.
  const oneLine = !text.slice(start, end).includes("\n");
  if (!last.line || !oneLine || !last.oneLine || start < last.lineStart || end > last.lineEnd) {
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const newline = text.indexOf("\n", end);
    const lineEnd = newline === -1 ? text.length : newline;
    let first = lineStart;
    while (first < lineEnd && /\s/.test(text[first]!)) first++;
    let final = lineEnd;
    while (final > first && /\s/.test(text[final - 1]!)) final--;
    last.oneLine = oneLine;
    last.lineStart = lineStart;
    last.lineEnd = lineEnd;
    last.first = first;
    last.final = final;
    last.line = { text: "", start: -1, end: -1 };
    last.work = null;
    last.quantified = null;
  }
  const s = Math.min(last.first, start);
  const e = Math.max(last.final, end);
  if (last.line.start !== s || last.line.end !== e) last.line = { text: text.slice(s, e), start: s, end: e };
  return last.line;
}

interface LineCache {
  line: Span | null;
  oneLine: boolean;
  lineStart: number;
  lineEnd: number;
  /** The first and past-the-last non-blank characters of the line. */
  first: number;
  final: number;
  /** WORK_LINE and QUANTIFIED on the line, once asked. */
  work: boolean | null;
  quantified: boolean | null;
}

function emptyLineCache(): LineCache {
  return { line: null, oneLine: false, lineStart: 0, lineEnd: 0, first: 0, final: 0, work: null, quantified: null };
}

function roleFactor(role: ScoringRole): number {
  const recency = Math.max(0.45, 1 - 0.08 * role.yearsAgo);
  const duration = Math.min(1.15, 0.8 + 0.05 * (role.months / 12));
  return recency * duration;
}

function sourceOf(input: ScoringInput, offset: number): { source: EvidenceSource; role: ScoringRole | null } {
  const section = sectionAt(input, offset);
  const role = roleAt(input, offset);
  if (role) {
    const source: EvidenceSource = role.kind === "job" ? "role" : role.kind === "internship" ? "internship" : "study";
    return { source, role };
  }
  switch (section) {
    case "experience":
      return { source: "experience", role: null };
    case "projects":
      return { source: "project", role: null };
    case "publications":
      return { source: "publication", role: null };
    case "certifications":
      return { source: "certification", role: null };
    case "education":
      return { source: "education", role: null };
    case "summary":
      return { source: "summary", role: null };
    case "skills":
      return { source: "skills_list", role: null };
    default:
      return { source: "other", role: null };
  }
}

/**
 * A line that reports work: an action verb in the past tense first ("Developed …", "• Built …",
 * "description - Designed …"), then at least four more words. Under a skills heading or outside any
 * section it is a role's bullet the section reader misplaced (unusual headings, job-board layouts),
 * never a skills list.
 */
const WORK_LINE =
  /^[\s•·*▪■◦●‣⁃>\-–—\u2022\uf0b7\uf0a7\uf076\uf0d8]*(?:description\s*[-–:]\s*)?(?:developed|built|designed|implemented|deployed|created|wrote|led|managed|maintained|migrated|automated|optimi[sz]ed|improved|reduced|integrated|configured|engineered|architected|delivered|launched|shipped|trained|tuned|analy[sz]ed|tested|debugged|refactored|monitored|administered|installed|supported|collaborated|worked|established|set up|scaled|containeri[sz]ed|productioni[sz]ed|orchestrated|performed|coded|programmed|responsible for|involved in|participated in|prepared|generated|constructed|modell?ed|researched|conducted|utili[sz]ed|used|created|wrote|handled|converted|enhanced|resolved|executed|validated|documented|streamlined|spearheaded|owned|drove|authored|mentored)\b(?:\s+\S+){4}/i;
const MISPLACED_WORK_SOURCES = new Set<EvidenceSource>(["skills_list", "other", "summary"]);

/**
 * Where work shows that backs a skills list: roles, projects, study and publications. Not a
 * degree's or a certificate's list of courses ("Courses of Note: … Calculus, Statistics"), which
 * is one more list of what was learnt, not of what was done.
 */
const CORROBORATING_SOURCES = new Set<EvidenceSource>([
  "role",
  "internship",
  "study",
  "experience",
  "project",
  "publication",
]);

const PRODUCTION_FAMILIES = new Set<Background>(["software_engineer", "data_engineer", "ml_engineer"]);
const ML_FAMILIES = new Set<Background>(["ml_engineer", "data_scientist", "researcher"]);
const TITLED_MONTHS = 12;

/** The dimensions whose work the candidate's job titles show, from a year in such roles. */
function titledDimensions(roles: ScoringRole[]): Set<Dimension> {
  const months = { production: 0, ml: 0 };
  for (const role of roles) {
    if (role.kind !== "job" || !role.title) continue;
    const family = backgroundOfTitle(role.title);
    if (family && PRODUCTION_FAMILIES.has(family)) months.production += role.months;
    if (family && ML_FAMILIES.has(family)) months.ml += role.months;
  }
  return new Set((["production", "ml"] as const).filter((dimension) => months[dimension] >= TITLED_MONTHS));
}

export function collectEvidence(input: ScoringInput): Evidence[] {
  const mentions = findSkillMentions(input.text);
  const listCount = mentions.filter((m) => sectionAt(input, m.start) === "skills").length;
  const dilution = listCount > LIST_DILUTION_FROM ? LIST_DILUTION_FROM / listCount : 1;

  const itOperationsRoles = new Set(input.roles.filter((role) => role.title && isItOperationsTitle(role.title)));

  const lines = emptyLineCache();
  const evidence: Evidence[] = mentions.map((mention) => {
    const found = sourceOf(input, mention.start);
    const { role } = found;
    const line = lineAround(input.text, mention.start, mention.end, lines);
    const source: EvidenceSource =
      MISPLACED_WORK_SOURCES.has(found.source) && (lines.work ??= WORK_LINE.test(line.text))
        ? "experience"
        : found.source;
    let weight = SOURCE_WEIGHTS[source] * (getSkill(mention.skillId)?.weight ?? 1) * mention.hedge;
    if (role) weight *= roleFactor(role);
    if (role && mention.dimension === "production" && itOperationsRoles.has(role)) weight *= IT_OPERATIONS_FACTOR;
    if (source === "publication" && !PUBLICATION_AREAS.has(mention.dimension)) weight *= 0.5;
    if (source === "skills_list") weight *= dilution;
    const impactful = source === "role" || source === "experience" || source === "project" || source === "internship";
    if (impactful && mention.dimension === "production" && (lines.quantified ??= QUANTIFIED.test(line.text)))
      weight *= IMPACT_FACTOR;
    return {
      skillId: mention.skillId,
      area: mention.area,
      dimension: mention.dimension,
      mention: { text: mention.text, start: mention.start, end: mention.end },
      line,
      source,
      weight,
    };
  });

  evidence.push(...titleEvidence(input));

  // A skills list proves little on its own: listed skills count fully only in a dimension
  // where roles, projects or publications also show work (CORROBORATING_SOURCES), or where the candidate has held a
  // professional role of that kind for a year or more (a "Software Engineer" whose bullets name no
  // tool has still done the work the list names).
  //
  // The other way round, a professional's skills list is testimony of that work, not a keyword
  // list: under a year or more of such job titles, a listed skill of that dimension weighs
  // TITLED_LIST_WEIGHT instead of the skills list's own weight.
  const titled = titledDimensions(input.roles);
  const corroborated = new Set(titled);
  for (const e of evidence) {
    if (CORROBORATING_SOURCES.has(e.source) && e.weight >= 0.3) corroborated.add(e.dimension);
  }
  for (const e of evidence) {
    if (
      (e.source === "skills_list" || e.source === "summary" || e.source === "other") &&
      !corroborated.has(e.dimension)
    ) {
      e.weight *= UNCORROBORATED_LIST_FACTOR;
    } else if (e.source === "skills_list" && titled.has(e.dimension)) {
      // A long list is less testimony than a short one: its share of the boost shrinks as the
      // list is diluted (60 names keep 25/60 of it).
      e.weight *= 1 + (TITLED_LIST_WEIGHT / SOURCE_WEIGHTS.skills_list - 1) * dilution;
    }
  }
  return evidence;
}

/** The skill id of the evidence a professional software role's title gives (not a taxonomy skill). */
export const SOFTWARE_ROLE_SKILL = "software_engineering_role";
/**
 * A two-year software role's title weighs as much as 0.8 of a role bullet naming a skill: on the
 * labelled real set (tests/integration/real-labelled.test.ts) it moves production AUC by level from 0.942 to
 * 0.953 and band agreement from 85.5% to 86.4%; heavier titles push data engineers past "strong".
 */
export const TITLE_EVIDENCE_WEIGHT = 0.8;

/**
 * Years in a professional software, data-engineering or ML-engineering job show the software
 * engineering fundamentals the guide calls "non-negotiable" ("ML engineering is fundamentally a
 * software engineering discipline", ml-engineer-career-guide.txt) even where the bullets are
 * thin ("Develop and maintain web-based applications."). Each such role's title line is evidence
 * in the fundamentals area, weighted by the role's length and recency like any role bullet.
 */
function titleEvidence(input: ScoringInput): Evidence[] {
  const out: Evidence[] = [];
  const lines = emptyLineCache();
  for (const role of input.roles) {
    if (role.kind !== "job" || !role.title || role.months < 6) continue;
    const family = backgroundOfTitle(role.title);
    if (!family || !PRODUCTION_FAMILIES.has(family)) continue;
    // Searched inside the role only: a search to the end of the text for each role is quadratic.
    const within = input.text.slice(role.start, role.end).indexOf(role.title);
    if (within === -1) continue;
    const at = role.start + within;
    const mention = { text: role.title, start: at, end: at + role.title.length };
    out.push({
      skillId: SOFTWARE_ROLE_SKILL,
      area: "cicd_testing_quality",
      dimension: "production",
      mention,
      line: lineAround(input.text, mention.start, mention.end, lines),
      source: "role",
      weight: TITLE_EVIDENCE_WEIGHT * Math.min(1, role.months / 24) * roleFactor(role),
    });
  }
  return out;
}
