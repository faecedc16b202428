// The labelled real development set (tests/fixtures/real-labelled): real résumés from
// ../shared/corpus, labelled by reading them, and the measures the real-résumé issue sets:
// per-field accuracy, band agreement of the two dimension scores, AUCs and overall-score checks.
// Used by tests/integration/real-labelled.test.ts and scripts/calibrate-dimensions.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { z } from "zod";
import { BackgroundSchema, DegreeLevelSchema, type ScreeningResult } from "../../server/contract/screening-result.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";

export const LABELS_DIR = resolve(import.meta.dirname, "../fixtures/real-labelled");
export const CORPUS_DIR = resolve(import.meta.dirname, "../../../shared/corpus");
export const corpusPresent = existsSync(CORPUS_DIR);

const LevelSchema = z.number().int().min(0).max(4);
const RoleSchema = z.object({
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  kind: z.enum(["job", "internship", "study"]),
});
export const RealLabelSchema = z.object({
  path: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  highestDegree: DegreeLevelSchema.nullable(),
  yearsExperience: z.number().nonnegative().nullable(),
  background: BackgroundSchema,
  roles: z.array(RoleSchema),
  production: LevelSchema,
  ml: LevelSchema,
  notes: z.string().optional(),
});
export type RealLabel = z.infer<typeof RealLabelSchema>;

const LabelFileSchema = z.object({
  now: z.string(),
  labeller: z.string().optional(),
  resumes: z.array(RealLabelSchema),
});

/** Every labels-*.json in the folder; all must share one reference date. */
export function readRealLabels(): { now: Date; labels: RealLabel[] } {
  const files = readdirSync(LABELS_DIR)
    .filter((name) => /^labels-.*\.json$/.test(name))
    .sort();
  let now: string | null = null;
  const labels: RealLabel[] = [];
  for (const file of files) {
    const parsed = LabelFileSchema.parse(JSON.parse(readFileSync(join(LABELS_DIR, file), "utf8")));
    if (now !== null && parsed.now !== now) throw new Error(`${file}: now ${parsed.now} differs from ${now}`);
    now = parsed.now;
    labels.push(...parsed.resumes);
  }
  return { now: new Date(now ?? "2026-11-22"), labels };
}

/** The expert level bands of the issue: where a dimension score of each level must land. */
export const LEVEL_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 15],
  [5, 35],
  [20, 55],
  [40, 80],
  [60, 100],
];
export const inBand = (score: number, level: number) =>
  score >= LEVEL_BANDS[level]![0] && score <= LEVEL_BANDS[level]![1];

export interface Screened {
  label: RealLabel;
  result: ScreeningResult;
}

export async function screenLabelled(labels: RealLabel[], now: Date): Promise<Screened[]> {
  const limits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
  const out: Screened[] = [];
  for (const label of labels) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, label.path)));
    const { result } = await screenResume(bytes, { fileName: basename(label.path), limits, now });
    out.push({ label, result });
  }
  return out;
}

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
const digits = (s: string) => s.replace(/\D/g, "");

export type Field = "name" | "email" | "phone" | "degree" | "years" | "background";
export const FIELDS: readonly Field[] = ["name", "email", "phone", "degree", "years", "background"];

/** Whether one field was read right; null when the label gives nothing to compare. */
export function fieldRight(field: Field, { label, result }: Screened): boolean | null {
  const contact = result.contact;
  switch (field) {
    case "name":
      return label.name === null
        ? (contact?.name ?? null) === null
        : squash(contact?.name ?? "") === squash(label.name);
    case "email":
      return label.email === null
        ? (contact?.email ?? null) === null
        : squash(contact?.email ?? "") === squash(label.email);
    case "phone":
      return label.phone === null
        ? (contact?.phone ?? null) === null
        : digits(contact?.phone ?? "") === digits(label.phone);
    case "degree":
      return result.highestDegree === label.highestDegree;
    case "years":
      if (label.yearsExperience === null) return null;
      return result.yearsExperience !== null && Math.abs(result.yearsExperience - label.yearsExperience) <= 1.5;
    case "background":
      return result.background === label.background;
  }
}

export function fieldValue(field: Field, { label, result }: Screened): [unknown, unknown] {
  switch (field) {
    case "name":
      return [label.name, result.contact?.name ?? null];
    case "email":
      return [label.email, result.contact?.email ?? null];
    case "phone":
      return [label.phone, result.contact?.phone ?? null];
    case "degree":
      return [label.highestDegree, result.highestDegree];
    case "years":
      return [label.yearsExperience, result.yearsExperience];
    case "background":
      return [label.background, result.background];
  }
}

/** Area under the ROC curve: the chance a positive scores above a negative (ties count half). */
export function auc(positives: number[], negatives: number[]): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

export const DATA_SCIENCE = new Set(["data_scientist", "ml_engineer"]);
export const SOFTWARE = new Set(["software_engineer", "ml_engineer", "data_engineer"]);

export interface RealSetReport {
  count: number;
  fields: Record<Field, { right: number; total: number }>;
  falsePhd: string[];
  bands: { production: number; ml: number; total: number };
  /** AUCs by role: data-science roles vs the rest (ML score), software roles vs unrelated (production). */
  mlAuc: number;
  productionAuc: number;
  /** AUCs by the experts' reading: level ≥ 2 ("some" or more) vs below, per dimension. */
  mlLevelAuc: number;
  productionLevelAuc: number;
  dataScienceOverallMedian: number;
  /** Unrelated résumés (no software, data or ML role, and at most "little" of either dimension) above 20. */
  unrelatedAbove20: string[];
  misses: string[];
}

/** No software, data or ML role, and at most "little" of either dimension in the experts' reading. */
export const isUnrelated = (label: RealLabel) => label.background === "other" && label.production <= 1 && label.ml <= 1;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export function reportRealSet(screened: Screened[]): RealSetReport {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as RealSetReport["fields"];
  const misses: string[] = [];
  const falsePhd: string[] = [];
  const bands = { production: 0, ml: 0, total: 0 };
  for (const item of screened) {
    for (const field of FIELDS) {
      const right = fieldRight(field, item);
      if (right === null) continue;
      fields[field].total++;
      if (right) fields[field].right++;
      else {
        const [expected, found] = fieldValue(field, item);
        misses.push(`${item.label.path} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(found)}`);
      }
    }
    if (item.result.highestDegree === "phd" && item.label.highestDegree !== "phd") falsePhd.push(item.label.path);
    const scores = item.result.scores;
    if (!scores) continue;
    bands.total++;
    if (inBand(scores.production, item.label.production)) bands.production++;
    else misses.push(`${item.label.path} production ${scores.production} outside level ${item.label.production}`);
    if (inBand(scores.ml, item.label.ml)) bands.ml++;
    else misses.push(`${item.label.path} ml ${scores.ml} outside level ${item.label.ml}`);
  }
  const scored = screened.filter((item) => item.result.scores);
  const ml = (item: Screened) => item.result.scores!.ml;
  const production = (item: Screened) => item.result.scores!.production;
  const dataScience = scored.filter((item) => DATA_SCIENCE.has(item.label.background));
  return {
    count: screened.length,
    fields,
    falsePhd,
    bands,
    mlAuc: auc(dataScience.map(ml), scored.filter((item) => !DATA_SCIENCE.has(item.label.background)).map(ml)),
    productionAuc: auc(
      scored.filter((item) => SOFTWARE.has(item.label.background)).map(production),
      scored.filter((item) => item.label.background === "other").map(production),
    ),
    mlLevelAuc: auc(
      scored.filter((item) => item.label.ml >= 2).map(ml),
      scored.filter((item) => item.label.ml < 2).map(ml),
    ),
    productionLevelAuc: auc(
      scored.filter((item) => item.label.production >= 2).map(production),
      scored.filter((item) => item.label.production < 2).map(production),
    ),
    dataScienceOverallMedian: median(dataScience.map((item) => item.result.scores!.overall)),
    unrelatedAbove20: scored
      .filter((item) => isUnrelated(item.label) && item.result.scores!.overall > 20)
      .map((item) => `${item.label.path} (${item.result.scores!.overall})`),
    misses,
  };
}
