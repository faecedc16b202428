// The scorer against an expert-labelled set of archetype résumés (tests/fixtures/archetypes):
// it must rank like a hiring manager who has read the guide.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../extraction/normalize-text.ts";
import { extractResumeFacts } from "../resume/extract-resume-facts.ts";
import { scoreResume, type ScoredResume } from "./score-resume.ts";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/archetypes");
interface Label {
  file: string;
  archetype: string;
  expectedBackground: string;
  production: number;
  ml: number;
  balancedStrong: boolean;
  keywordStuffer: boolean;
}
const labels = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as {
  candidates: Label[];
  twins: Label[];
};
const now = new Date("2026-11-22T00:00:00Z");

function score(file: string): ScoredResume {
  const text = normalizeText(readFileSync(path.join(dir, file), "utf8"));
  return scoreResume(text, extractResumeFacts(text, { now }), { now });
}

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) result[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

const scored = labels.candidates.map((label) => ({ label, result: score(label.file) }));

describe("archetype résumés", () => {
  it("has at least 20 labelled archetypes", () => {
    expect(labels.candidates.length).toBeGreaterThanOrEqual(20);
  });

  it("ranks production engineering like the expert labels (Spearman ≥ 0.9, the real-résumé issue's target)", () => {
    const rho = spearman(
      scored.map((s) => s.label.production),
      scored.map((s) => s.result.scores.production),
    );
    console.info(`Spearman, production engineering: ${rho.toFixed(3)}`);
    expect(rho).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks ML depth like the expert labels (Spearman ≥ 0.9, the real-résumé issue's target)", () => {
    const rho = spearman(
      scored.map((s) => s.label.ml),
      scored.map((s) => s.result.scores.ml),
    );
    console.info(`Spearman, ML depth: ${rho.toFixed(3)}`);
    expect(rho).toBeGreaterThanOrEqual(0.9);
  });

  it("puts only candidates strong in both dimensions in the top five under balanced weights", () => {
    const top = [...scored].sort((a, b) => b.result.scores.overall - a.result.scores.overall).slice(0, 5);
    expect(top.map((s) => s.label.file).filter((_, i) => !top[i]!.label.balancedStrong)).toEqual([]);
  });

  it("keeps the keyword stuffer in the bottom third", () => {
    const order = [...scored].sort((a, b) => b.result.scores.overall - a.result.scores.overall);
    const stuffers = order.map((s, i) => ({ s, i })).filter(({ s }) => s.label.keywordStuffer);
    expect(stuffers.length).toBeGreaterThan(0);
    for (const { i } of stuffers) expect(i).toBeGreaterThanOrEqual(Math.floor((order.length * 2) / 3));
  });

  it("names the background of most archetypes as the expert did", () => {
    const agree = scored.filter((s) => s.result.background === s.label.expectedBackground).length;
    expect(agree / scored.length).toBeGreaterThanOrEqual(0.75);
  });

  it("names a one-sided candidate's gap in the weaker dimension", () => {
    const backend = scored.find((s) => s.label.archetype.includes("backend") && s.label.ml < 10)!;
    expect(backend.result.gaps.length).toBeGreaterThan(0);
    for (const gap of backend.result.gaps)
      expect([
        "ml_frameworks",
        "deep_learning",
        "classical_ml_stats",
        "evaluation_experimentation",
        "training_at_scale",
        "mlops_lifecycle",
        "applied_specialisations",
      ]).toContain(gap);
  });
});

describe("fairness twins", () => {
  it("gives identical scores, areas, skills and gaps whatever the name, contact, location and school", () => {
    const results = labels.twins.map((twin) => score(twin.file));
    const comparable = (r: ScoredResume) => ({
      scores: r.scores,
      areas: r.areas.map((a) => [a.id, a.score]),
      skills: r.skills.map((s) => s.id),
      gaps: r.gaps,
      background: r.background,
    });
    for (const result of results.slice(1)) expect(comparable(result)).toEqual(comparable(results[0]!));
  });
});
