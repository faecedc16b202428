import { afterAll, describe, expect, it } from "vitest";
import { makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeResumeLines, ML_ENGINEER } from "../../tests/factories/resume-factory.ts";
import { screenResume } from "./screen-resume.ts";
import type { ExtractionLimits } from "../extraction/extract-text.ts";
import { closeIsolatedScreening, screenResumeIsolated } from "./run-isolated.ts";

const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const now = new Date("2025-01-15");

afterAll(closeIsolatedScreening);

describe("screenResumeIsolated (the CLI's --isolate)", () => {
  it("gives the same result as screenResume, facts included", async () => {
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const isolated = await screenResumeIsolated(pdf, { fileName: "priya.pdf", limits, now });
    const direct = await screenResume(pdf, { fileName: "priya.pdf", limits, now });
    expect(JSON.stringify(isolated)).toBe(JSON.stringify(direct));
  });

  it("reuses its thread from file to file", async () => {
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await screenResumeIsolated(pdf, { fileName: `cv-${i}.pdf`, limits, now }));
    expect(results.every((r) => r.result.ok)).toBe(true);
  });
});
