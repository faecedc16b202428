// The real development postings (../shared/jd), labelled by reading them
// (tests/fixtures/jd-labelled), drafted by server/jd. Prints the figures of issue 15 and the
// misses per posting, and fails below the targets. Skips cleanly when ../shared is not
// beside the repository. The held-out set the issue is judged on is not here: the reading is
// general rules (docs/job-descriptions.md), none of them written for one of these postings.
import { beforeAll, describe, expect, it } from "vitest";
import {
  draftLabelled,
  postingsPresent,
  readPostingLabels,
  reportJdSet,
  type DraftedPosting,
  type JdSetReport,
} from "../support/jd-labelled.ts";

// The targets (all met on the development set at the time of writing).
const RECALL_TARGET = 0.9;
const PRECISION_TARGET = 0.85;
const PROMOTION_LIMIT = 0.05;
const LEAN_TARGET = 0.8;
const YEARS_TARGET = 0.9;

if (!postingsPresent) console.warn("jd-labelled: skipped, no ../shared/jd beside the repository");

describe.skipIf(!postingsPresent)("labelled real job postings", () => {
  let drafted: DraftedPosting[] = [];
  let report: JdSetReport;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

  beforeAll(() => {
    drafted = draftLabelled(readPostingLabels());
    report = reportJdSet(drafted);
    console.info(`Labelled job postings: ${report.count}`);
    console.table({
      "required-skill recall": percent(report.recall),
      "required-skill precision": percent(report.precision),
      "preferred promoted to must-have": `${percent(report.promotionRate)} (${report.promotions}/${report.preferredSeen})`,
      "lean right": percent(report.leanAccuracy),
      "minimum years exact": percent(report.yearsExact),
      "proxy phrases flagged": `${report.proxiesFlagged.flagged}/${report.proxiesFlagged.total}`,
      "required degrees flagged": `${report.degreesFlagged.flagged}/${report.degreesFlagged.total}`,
    });
    for (const posting of report.postings) {
      const notes = [
        posting.missedRequired.length > 0 ? `missed ${posting.missedRequired.join(", ")}` : "",
        posting.extraRequired.length > 0 ? `extra ${posting.extraRequired.join(", ")}` : "",
        posting.promoted.length > 0 ? `PROMOTED ${posting.promoted.join(", ")}` : "",
        posting.lean.expected !== posting.lean.got
          ? `lean ${posting.lean.got} (labelled ${posting.lean.expected})`
          : "",
        posting.years.expected !== posting.years.got
          ? `years ${posting.years.got} (labelled ${posting.years.expected})`
          : "",
        posting.proxiesMissed.length > 0 ? `proxy missed: ${posting.proxiesMissed.join(", ")}` : "",
        posting.degreeMissed ? "degree missed" : "",
      ].filter(Boolean);
      if (notes.length > 0) console.info(`${posting.path}: ${notes.join("; ")}`);
    }
  });

  it("finds the required skills the taxonomy knows (recall ≥ 90%, precision ≥ 85%)", () => {
    expect(report.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
    expect(report.precision).toBeGreaterThanOrEqual(PRECISION_TARGET);
  });

  it("promotes preferred skills to must-haves in at most 5% of cases", () => {
    expect(report.promotionRate).toBeLessThanOrEqual(PROMOTION_LIMIT);
  });

  it("gets the production / ML lean right in ≥ 80% and the stated minimum years exact in ≥ 90%", () => {
    expect(report.leanAccuracy).toBeGreaterThanOrEqual(LEAN_TARGET);
    expect(report.yearsExact).toBeGreaterThanOrEqual(YEARS_TARGET);
  });

  it("flags every proxy phrase and every required degree", () => {
    expect(report.proxiesFlagged.flagged).toBe(report.proxiesFlagged.total);
    expect(report.degreesFlagged.flagged).toBe(report.degreesFlagged.total);
  });

  it("ties every suggestion to its exact span and drafts each posting the same way twice", async () => {
    const { draftRequisition } = await import("../../server/jd/draft-requisition.ts");
    for (const { text, draft } of drafted) {
      for (const item of [...draft.evidence, ...draft.unscored, ...draft.warnings]) {
        expect(text.slice(item.start, item.end)).toBe(item.text);
      }
      expect(JSON.stringify(draftRequisition(text))).toBe(JSON.stringify(draft));
    }
  });
});
