// A dimension score in words, shown next to every number (table, candidate page, plot, exports),
// so 42 reads as "some" and a recruiter need not guess what a number means. The bands follow the
// calibration of the dimension scores on the labelled real set (docs/scoring.md): expert level
// 0 → 0–15, 1 → 5–35, 2 → 20–55, 3 → 40–80, 4 → 60–100; the word boundaries sit between the
// middles of those ranges.
export const SCORE_BANDS = [
  { id: "none", label: "none", min: 0 },
  { id: "little", label: "little", min: 15 },
  { id: "some", label: "some", min: 30 },
  { id: "solid", label: "solid", min: 50 },
  { id: "strong", label: "strong", min: 70 },
] as const;

export type ScoreBand = (typeof SCORE_BANDS)[number]["id"];

/** The band of a 0–100 dimension score. */
export function scoreBand(score: number): ScoreBand {
  let band: ScoreBand = "none";
  for (const b of SCORE_BANDS) if (score >= b.min) band = b.id;
  return band;
}
