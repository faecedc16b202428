// The editor's live preview: the top of the ranking under the saved weights and under the
// form's weights, computed from stored area scores (rankStored is pure and fast, no re-parsing).
import type { Db } from "../db/client.ts";
import { compileWeights } from "./score-formula.ts";
import { rankStored } from "./gaps-and-flags.ts";
import type { RequisitionWeights } from "./weights-schema.ts";

export const PREVIEW_SIZE = 10;

/** After: how far a candidate moved, or "new" to the top. Before: "out" when it leaves the top. */
export type Movement =
  { kind: "up" | "down"; by: number } | { kind: "same" } | { kind: "new" } | { kind: "out"; to: number };

export interface PreviewEntry {
  id: string;
  label: string;
  rank: number;
  overall: number;
  movement: Movement;
}

export interface RankingPreview {
  scored: number;
  before: PreviewEntry[];
  after: PreviewEntry[];
}

interface Stored {
  id: string;
  label: string;
  areaScores: number[];
  skillIds: string[];
  yearsExperience: number | null;
}

/** Rank of every application (1-based), best first; ties keep a stable order by id. */
function rankAll(rows: Stored[], weights: RequisitionWeights) {
  const compiled = compileWeights(weights);
  const scored = rows.map((row) => ({ row, overall: rankStored(row, compiled).overall }));
  scored.sort((a, b) => b.overall - a.overall || (a.row.id < b.row.id ? -1 : 1));
  return scored.map((entry, index) => ({ ...entry, rank: index + 1 }));
}

export async function previewRanking(
  db: Db,
  requisition: { id: string; blindReview: boolean },
  saved: RequisitionWeights,
  proposed: RequisitionWeights,
): Promise<RankingPreview> {
  const applications = await db.application.findMany({
    where: { requisitionId: requisition.id, status: "DONE" },
    select: {
      id: true,
      displayName: true,
      areaScores: true,
      skillIds: true,
      yearsExperience: true,
      resumeFile: { select: { originalName: true } },
    },
  });
  const rows: Stored[] = applications.map((a) => ({
    id: a.id,
    // Blind review: no name, no file name (it often is the name).
    label: requisition.blindReview ? `Candidate #${a.id.slice(-6)}` : (a.displayName ?? a.resumeFile.originalName),
    areaScores: a.areaScores,
    skillIds: a.skillIds,
    yearsExperience: a.yearsExperience,
  }));
  const before = rankAll(rows, saved);
  const after = rankAll(rows, proposed);
  const beforeRank = new Map(before.map((entry) => [entry.row.id, entry.rank]));
  const afterRank = new Map(after.map((entry) => [entry.row.id, entry.rank]));

  const moved = (from: number, to: number): Movement => {
    if (from === to) return { kind: "same" };
    return from > to ? { kind: "up", by: from - to } : { kind: "down", by: to - from };
  };
  const entry = (e: (typeof before)[number], move: Movement): PreviewEntry => ({
    id: e.row.id,
    label: e.row.label,
    rank: e.rank,
    overall: e.overall,
    movement: move,
  });
  return {
    scored: rows.length,
    before: before.slice(0, PREVIEW_SIZE).map((e) => {
      const to = afterRank.get(e.row.id) ?? e.rank;
      return entry(e, to > PREVIEW_SIZE ? { kind: "out", to } : moved(e.rank, to));
    }),
    after: after.slice(0, PREVIEW_SIZE).map((e) => {
      const from = beforeRank.get(e.row.id) ?? Infinity;
      return entry(e, from > PREVIEW_SIZE ? { kind: "new" } : moved(from, e.rank));
    }),
  };
}
