// Bump whenever a change to server/taxonomy or server/scoring can change a résumé's skills, area
// scores or background, or a change to the score formula (server/ranking/score-formula.ts) can
// change its stored dimension scores. Stored (inside the screening version) with every analysis,
// so the worker re-reads and re-scores older applications in the background (workers/reconcile.ts).
export const SCORING_VERSION = "30";
