// The editor's live preview: the top of the ranking under the saved weights and under the form's
// weights, and where each of those candidates lands under the other weights. Ranked in PostgreSQL
// from the stored area scores, so the work stays bounded at 100,000 applications: one scan that
// computes both scores per row (the saved ones as every screen shows them, shown-scores.ts; the
// proposed ones with the SQL score formula), two top-N sorts with LIMIT, and counts for the ranks of
// the twenty candidates listed. Only those twenty rows reach Node. Identity follows blind review
// (server/privacy/blind-review.ts), exactly as in the table.
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Stage } from "../generated/prisma/enums.ts";
import { anonymousLabel, identityVisible } from "../privacy/blind-review.ts";
import { AREA_IDS } from "../taxonomy/areas.ts";
import { computedScoresLateral } from "./score-formula-sql.ts";
import { compileWeights } from "./score-formula.ts";
import { shownScoresSql, storedScoresAreCurrent } from "./shown-scores.ts";
import type { RequisitionWeights } from "./weights-schema.ts";

export const PREVIEW_SIZE = 10;

/** After: how far a candidate moved, or "new" to the top. Before: "out" when it leaves the top. */
export type Movement =
  { kind: "up" | "down"; by: number } | { kind: "same" } | { kind: "new" } | { kind: "out"; to: number };

export interface PreviewEntry {
  id: string;
  label: string;
  /**
   * Tells candidates with the same label apart (two "John Smith"s): the file name when it is shown
   * and differs, else the short id ("#7F3K2Q"). null when the label is unique among the listed.
   */
  detail: string | null;
  rank: number;
  overall: number;
  movement: Movement;
}

export interface RankingPreview {
  scored: number;
  before: PreviewEntry[];
  after: PreviewEntry[];
}

interface PreviewRow {
  list: "before" | "after";
  /** Rank in its own list's ordering (1-based). */
  position: bigint;
  id: string;
  /** Overall score in its own list's ordering. */
  overall: number;
  /** Rank under the other weights. */
  otherRank: bigint;
  scored: bigint;
  stage: Stage;
  displayName: string | null;
  originalName: string;
}

/**
 * `saved` are the requisition's current weights (what the table ranks with now), `proposed` the
 * form's. Ranks are 1-based; ties are broken by application id, highest first, as in the table.
 */
export async function previewRanking(
  db: Db,
  requisition: { id: string; blindReview: boolean },
  saved: RequisitionWeights,
  proposed: RequisitionWeights,
): Promise<RankingPreview> {
  const current = await db.requisition.findUnique({
    where: { id: requisition.id },
    select: { weightsVersion: true },
  });
  const fresh = current ? await storedScoresAreCurrent(db, requisition.id, current.weightsVersion) : false;
  const rows = await db.$transaction(async (tx) => {
    // The scored rows (id and two scores) stay in memory for the rank counts instead of a temp file.
    await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
    return tx.$queryRaw<PreviewRow[]>(previewSql(requisition.id, saved, proposed, fresh));
  });

  const label = (row: PreviewRow) =>
    identityVisible(requisition.blindReview, row.stage)
      ? (row.displayName ?? row.originalName ?? anonymousLabel(row.id))
      : anonymousLabel(row.id);
  // Same-named candidates among the listed: each gets its file name (where identity is shown) or
  // its short id, so a hiring manager can tell which one moved.
  const idsByLabel = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = label(row);
    idsByLabel.set(key, (idsByLabel.get(key) ?? new Set()).add(row.id));
  }
  const detail = (row: PreviewRow): string | null => {
    const shown = label(row);
    if ((idsByLabel.get(shown)?.size ?? 0) < 2) return null;
    const visible = identityVisible(requisition.blindReview, row.stage);
    if (visible && row.originalName && row.originalName !== shown) return row.originalName;
    return `#${anonymousLabel(row.id).slice("Candidate ".length)}`;
  };
  const moved = (from: number, to: number): Movement => {
    if (from === to) return { kind: "same" };
    return from > to ? { kind: "up", by: from - to } : { kind: "down", by: to - from };
  };
  const list = (which: "before" | "after") =>
    rows
      .filter((row) => row.list === which)
      .map((row) => ({ row, rank: Number(row.position), other: Number(row.otherRank) }))
      .sort((a, b) => a.rank - b.rank);
  return {
    scored: Number(rows[0]?.scored ?? 0),
    before: list("before").map(({ row, rank, other }) => ({
      id: row.id,
      label: label(row),
      detail: detail(row),
      rank,
      overall: row.overall,
      movement: other > PREVIEW_SIZE ? { kind: "out", to: other } : moved(rank, other),
    })),
    after: list("after").map(({ row, rank, other }) => ({
      id: row.id,
      label: label(row),
      detail: detail(row),
      rank,
      overall: row.overall,
      movement: other > PREVIEW_SIZE ? { kind: "new" } : moved(other, rank),
    })),
  };
}

/**
 * One statement: `s` holds each scored row's id and both overall scores (one scan of the
 * requisition's rows); `tb` and `ta` the top ten under the saved and the proposed weights (top-N
 * sorts with LIMIT); `ranks` counts, in one more pass over `s`, how many rows are ahead of each of
 * those twenty under the other weights (ahead: a higher score, or the same score and a higher id,
 * as the table breaks ties).
 */
export function previewSql(
  requisitionId: string,
  saved: RequisitionWeights,
  proposed: RequisitionWeights,
  fresh: boolean,
): Prisma.Sql {
  const before = shownScoresSql({ compiled: compileWeights(saved), fresh }, "a");
  const after = computedScoresLateral(compileWeights(proposed), "a", "proposed");
  // The k-th of the list also as scalar columns o1…o10 (its score under the other weights) and
  // i1…i10 (its id): compared per row, plain columns are far cheaper than array subscripts.
  const scalars = Array.from(
    { length: PREVIEW_SIZE },
    (_, i) => `others[${i + 1}] AS o${i + 1}, ids[${i + 1}] AS i${i + 1}`,
  );
  const top = (score: "before" | "after", other: "before" | "after") =>
    Prisma.raw(`SELECT ids, scores, ${scalars.join(", ")} FROM (
      SELECT array_agg(id ORDER BY ${score} DESC NULLS LAST, id DESC) AS ids,
        array_agg(${score} ORDER BY ${score} DESC NULLS LAST, id DESC) AS scores,
        array_agg(${other} ORDER BY ${score} DESC NULLS LAST, id DESC) AS others
      FROM (SELECT id, before, after FROM s ORDER BY ${score} DESC NULLS LAST, id DESC LIMIT ${PREVIEW_SIZE}) t
    ) lists`);
  // count(*) FILTER (x ahead of the k-th of `list` under `score`), k = 1…PREVIEW_SIZE, as an array.
  const aheadCounts = (list: "tb" | "ta", score: "before" | "after") =>
    Prisma.raw(
      `ARRAY[${Array.from({ length: PREVIEW_SIZE }, (_, i) => {
        const [o, id] = [`${list}.o${i + 1}`, `${list}.i${i + 1}`];
        return `count(*) FILTER (WHERE x.${score} > ${o} OR (x.${score} = ${o} AND x.id > ${id}))`;
      }).join(", ")}]`,
    );
  const listed = (list: "tb" | "ta", name: "before" | "after", ranks: string) =>
    Prisma.raw(`SELECT '${name}' AS list, u.position, u.id, u.overall, 1 + (r.${ranks})[u.position] AS "otherRank", r.scored
      FROM ${list}, ranks r, unnest(${list}.ids, ${list}.scores) WITH ORDINALITY AS u(id, overall, position)`);
  return Prisma.sql`
    WITH s AS MATERIALIZED (
      SELECT a.id, ${before.overall} AS before, proposed.overall AS after
      FROM "Application" a ${before.join} LEFT JOIN ${after} ON true
      WHERE a."requisitionId" = ${requisitionId} AND a.status = 'DONE'
        AND cardinality(a."areaScores") = ${AREA_IDS.length}
    ),
    tb AS (${top("before", "after")}),
    ta AS (${top("after", "before")}),
    ranks AS (
      SELECT count(*) AS scored, ${aheadCounts("tb", "after")} AS "tbAhead", ${aheadCounts("ta", "before")} AS "taAhead"
      FROM s x, tb, ta
    ),
    listed AS (${listed("tb", "before", `"tbAhead"`)} UNION ALL ${listed("ta", "after", `"taAhead"`)})
    SELECT l.list, l.position, l.id, l.overall, l."otherRank", l.scored, a.stage, a."displayName", rf."originalName"
    FROM listed l
    JOIN "Application" a ON a.id = l.id
    JOIN "ResumeFile" rf ON rf.id = a."resumeFileId"`;
}
