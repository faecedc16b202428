// The score plot's server side: the table's filtered view as points. Domain code lives in
// server/candidates/plot-candidates.ts and server/ranking/balance-region.ts.
export { plotCandidates, PLOT_LIMIT, type CandidatePlot, type PlotPoint } from "@server/candidates/plot-candidates.ts";
