import { describe, expect, it } from "vitest";
import { makePdf } from "../../tests/factories/pdf-writer.ts";
import { makeResumeLines, ML_ENGINEER } from "../../tests/factories/resume-factory.ts";
import { screenResume } from "../screening/screen-resume.ts";
import type { ExtractionLimits } from "./extract-text.ts";
import { screenResumeIsolated } from "./run-isolated.ts";

const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const now = new Date("2025-01-15");

describe("screenResumeIsolated", () => {
  it("gives the same result as screenResume, facts included", async () => {
    const pdf = makePdf(makeResumeLines(ML_ENGINEER));
    const isolated = await screenResumeIsolated(pdf, { fileName: "priya.pdf", limits, now });
    const direct = await screenResume(pdf, { fileName: "priya.pdf", limits, now });
    expect(JSON.stringify(isolated)).toBe(JSON.stringify(direct));
  });

  it("terminates a parse stuck in synchronous work: timeout, and this process carries on", async () => {
    const started = Date.now();
    const { result } = await screenResumeIsolated(makePdf(["Jane Doe"]), {
      fileName: "stuck.pdf",
      limits: { ...limits, timeoutMs: 200 },
      now,
      testBusyMs: 60_000,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ ok: false, format: "pdf", error: { code: "timeout" } });
  });

  it("reports a parse that exhausts its heap as too_large", async () => {
    const { result } = await screenResumeIsolated(makePdf(["Jane Doe"]), {
      fileName: "bomb.pdf",
      limits,
      now,
      maxHeapMb: 64,
      testAllocateMb: 4_000,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(result.error?.message).toMatch(/memory limit/);
  });
});
