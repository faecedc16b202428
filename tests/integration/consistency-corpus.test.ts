// The consistency check (server/fairness/check-consistency.ts) over the shared public corpus of
// real-world résumés: each readable file (PDF and DOCX read by the screening pipeline) is
// re-scored with its identity cues swapped, and every score must stay identical (issue 16's
// target: 100 %). The corpus sits beside the repo (../shared); a clone without it skips this.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractionLimits } from "../../server/extraction/extract-text.ts";
import {
  checkConsistency,
  summariseConsistency,
  type ConsistencyResult,
} from "../../server/fairness/check-consistency.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const corpus = resolve(repoRoot, "../shared/corpus/public");
const present = existsSync(corpus);
const files = present
  ? readdirSync(corpus)
      .filter((name) => /\.(pdf|docx|txt)$/i.test(name))
      .sort()
  : [];
const limits: ExtractionLimits = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 };
const now = new Date("2026-12-01T00:00:00Z");

if (!present) console.warn(`consistency-corpus: skipped, no corpus at ${corpus}`);

describe.skipIf(!present)("consistency check on the public corpus", () => {
  it("keeps every score identical under every identity cue (100 %)", { timeout: 600_000 }, async () => {
    const results: Array<{ id: string; result: ConsistencyResult }> = [];
    let variants = 0;
    for (const name of files) {
      const { text } = await screenResume(new Uint8Array(readFileSync(join(corpus, name))), {
        fileName: name,
        limits,
        now,
      });
      if (text === null) continue; // unreadable on purpose (encrypted, empty, image-only): nothing to score
      const result = checkConsistency(text, { now });
      variants += result.variants.length;
      results.push({ id: name, result });
    }
    const summary = summariseConsistency(results);
    console.info(
      `consistency-corpus: ${summary.identical} of ${summary.resumes} résumés identical under ${variants} variants ` +
        `(${results.filter(({ result }) => result.name !== null).length} with a name swapped)`,
    );
    expect(summary.resumes).toBeGreaterThan(40);
    expect(summary.moved).toEqual([]);
    expect(summary.shareIdentical).toBe(1);
  });
});
