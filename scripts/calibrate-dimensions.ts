// Calibration of the dimension scores on the labelled real set (tests/fixtures/real-labelled):
// screens every labelled résumé once, then tries coverage exponents and gains per dimension and
// prints how many dimension scores land inside the band of their expert level (0 → 0–15,
// 1 → 5–35, 2 → 20–55, 3 → 40–80, 4 → 60–100), best first, next to the values in
// server/ranking/score-formula.ts. A tool for people changing the formula, not part of the product:
//   npx tsx scripts/calibrate-dimensions.ts
import { AREAS } from "../server/taxonomy/areas.ts";
import { COVERAGE_EXPONENT, COVERAGE_GAIN, EVIDENCE_FLOOR } from "../server/ranking/score-formula.ts";
import { corpusPresent, inBand, readRealLabels, screenLabelled } from "../tests/support/real-labelled.ts";

if (!corpusPresent) {
  console.error("calibrate-dimensions: ../shared/corpus is not beside the repository");
  process.exit(2);
}

const { now, labels } = readRealLabels();
const screened = (await screenLabelled(labels, now)).filter((item) => item.result.areas.length > 0);

function coverage(scores: number[], exponent: number, gain: number): number {
  const sum = scores.reduce((total, score) => total + score ** exponent, 0) / scores.length;
  if (sum === 0) return 0;
  return Math.max(EVIDENCE_FLOOR, Math.min(100, gain * sum ** (1 / exponent)));
}

for (const dimension of ["production", "ml"] as const) {
  const rows = screened.map(({ label, result }) => ({
    level: dimension === "production" ? label.production : label.ml,
    scores: AREAS.filter((area) => area.dimension === dimension).map(
      (area) => result.areas.find((scored) => scored.id === area.id)?.score ?? 0,
    ),
  }));
  const hits = (exponent: number, gain: number) =>
    rows.filter((row) => inBand(coverage(row.scores, exponent, gain), row.level)).length;
  const tried: { exponent: number; gain: number; hits: number }[] = [];
  for (const exponent of [1, 1.5, 2, 2.5, 3, 4])
    for (let gain = 0.6; gain <= 2.5; gain += 0.05)
      tried.push({ exponent, gain: Math.round(gain * 100) / 100, hits: hits(exponent, gain) });
  tried.sort((a, b) => b.hits - a.hits || Math.abs(a.exponent - 2) - Math.abs(b.exponent - 2));
  const current = hits(COVERAGE_EXPONENT, COVERAGE_GAIN[dimension]);
  console.info(
    `${dimension}: now exponent ${COVERAGE_EXPONENT}, gain ${COVERAGE_GAIN[dimension]} → ${current}/${rows.length} in band`,
  );
  console.table(tried.slice(0, 8));
}
