// Field accuracy over the labelled set: every résumé is rendered to its format, screened like
// an upload, and compared with its labels. A per-field table is printed; the targets are the
// issue's (e-mail and phone 100%, name ≥ 95%, years within ±1 ≥ 90%, degree level ≥ 95%).
import { describe, expect, it } from "vitest";
import type { ExtractionLimits } from "../../server/extraction/extract-text.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";
import { readLabels, renderLabelled, type Label } from "../factories/labelled-set.ts";

const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const { now, resumes } = readLabels();

type Field = "email" | "phone" | "name" | "years" | "degree";
const TARGETS: Record<Field, number> = { email: 1, phone: 1, name: 0.95, years: 0.9, degree: 0.95 };

describe("labelled résumé set", () => {
  it("holds at least 20 varied résumés in every format", () => {
    expect(resumes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(resumes.map((label) => label.render))).toEqual(new Set(["txt", "pdf", "pdf-two-column", "docx"]));
  });

  it("meets the accuracy targets per field", async () => {
    const hits: Record<Field, number> = { email: 0, phone: 0, name: 0, years: 0, degree: 0 };
    const misses: string[] = [];
    for (const label of resumes) {
      const { bytes, fileName } = renderLabelled(label);
      const { result } = await screenResume(bytes, { fileName, limits, now });
      const found: Record<Field, unknown> = {
        email: result.contact?.email,
        phone: result.contact?.phone,
        name: result.contact?.name,
        years: result.yearsExperience,
        degree: result.highestDegree,
      };
      const right: Record<Field, boolean> = {
        email: found.email === label.email,
        phone: found.phone === label.phone,
        name: found.name === label.name,
        years: typeof found.years === "number" && Math.abs(found.years - label.yearsExperience) <= 1,
        degree: found.degree === label.highestDegree,
      };
      for (const field of Object.keys(right) as Field[]) {
        if (right[field]) hits[field]++;
        else
          misses.push(
            `${label.file} ${field}: expected ${JSON.stringify(expected(label, field))}, got ${JSON.stringify(found[field])}`,
          );
      }
    }
    const rows = (Object.keys(hits) as Field[]).map((field) => ({
      field,
      correct: `${hits[field]}/${resumes.length}`,
      accuracy: `${((100 * hits[field]) / resumes.length).toFixed(1)}%`,
      target: `${TARGETS[field] * 100}%`,
    }));
    console.info(`Labelled-set accuracy (${resumes.length} résumés)`);
    console.table(rows);
    if (misses.length > 0) console.info(`Misses:\n  ${misses.join("\n  ")}`);
    for (const field of Object.keys(hits) as Field[]) {
      expect(hits[field] / resumes.length, `${field} accuracy`).toBeGreaterThanOrEqual(TARGETS[field]);
    }
  });
});

function expected(label: Label, field: Field): unknown {
  return {
    email: label.email,
    phone: label.phone,
    name: label.name,
    years: label.yearsExperience,
    degree: label.highestDegree,
  }[field];
}
