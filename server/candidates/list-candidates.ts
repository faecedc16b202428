// One page of a requisition's candidates: filtered, sorted (several columns) and paged by
// PostgreSQL. Scores are ranked with the requisition's CURRENT weights:
// - normally from the stored score columns, so each sort is an index scan;
// - right after a weight change, while the re-rank job rewrites those columns, from the stored
//   area scores through the SQL score formula, so the new ranking shows at once.
// Both through server/ranking/shown-scores.ts: each row shows the scores the query sorted by.
// Gaps, must-have and years flags of the rows on the page come from server/ranking/gaps-and-flags.ts.
import { PROCESSING_STATES, zeroCounts } from "../contract/vocabulary.ts";
import type { Db } from "../db/client.ts";
import { countRereading } from "./count-rereading.ts";
import { AppError } from "../errors/app-error.ts";
import { RETRYABLE_FAILURES } from "./retryable-failures.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ProcessingStatus, Stage } from "../generated/prisma/enums.ts";
import { weightsFromJson } from "../ranking/weights-from-json.ts";
import { compileWeights, type CompiledWeights } from "../ranking/score-formula.ts";
import { gapsAndFlags } from "../ranking/gaps-and-flags.ts";
import { shownScoresSql, storedScoresAreCurrent, type ShownScoresSql } from "../ranking/shown-scores.ts";
import type { RequisitionWeights } from "../ranking/weights-schema.ts";
import { AREA_IDS } from "../taxonomy/areas.ts";
import { anonymousLabel, identityVisible } from "../privacy/blind-review.ts";
import { searchMatches, searchSql, type SearchMatch } from "./candidate-search.ts";
import {
  hasFilters,
  type CandidateFilters,
  type CandidatesQuery,
  type CandidateSort,
  type SortKey,
} from "./candidates-query.ts";

export interface CandidateRow {
  id: string;
  /** The candidate's name; null when unknown or hidden by blind review. */
  name: string | null;
  /** The uploaded file's name; null when hidden by blind review (it often carries the name). */
  fileName: string | null;
  /** True when blind review hides this candidate's identity. */
  identityHidden: boolean;
  /** With a search (`q`): what matched, strongest first ("name", "file", "skill: PyTorch"); else empty. */
  matches: SearchMatch[];
  /** What to call the row: the name, else the file name, else a neutral "Candidate 7F3K2Q". */
  label: string;
  status: ProcessingStatus;
  failureCode: string | null;
  failureMessage: string | null;
  /** Pages found scanned by a first, text-only reading: the file waits for OCR (null: none). */
  scanPages: number | null;
  stage: Stage;
  productionScore: number | null;
  mlScore: number | null;
  overallScore: number | null;
  yearsExperience: number | null;
  highestDegree: string | null;
  background: string | null;
  /** Area ids of the weakest areas the requisition cares about, most important first. */
  gaps: string[];
  /** Must-have skill ids this candidate does not show (empty when none are set or all are met). */
  missingMustHaves: string[];
  /** null when the requisition sets no minimum years (or the résumé is not scored yet). */
  meetsMinYears: boolean | null;
  /** The requisition weights version these scores are ranked with; null until scored. */
  weightsVersion: number | null;
  uploadedAt: string;
  processedAt: string | null;
}

export interface CandidatesPage {
  rows: CandidateRow[];
  /** Rows matching the filters. */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Counts over the whole requisition (not the filters), so the page knows whether work is still running. */
  statusCounts: Record<ProcessingStatus, number>;
  /** Applications in the requisition, whatever the filters. */
  requisitionTotal: number;
  weightsVersion: number;
  /** Résumés read by an older reader or scorer, being read again in the background (capped count). */
  rereading: number;
  /** False while stored scores are being rewritten after a weight change (the ranking is already current). */
  storedScoresCurrent: boolean;
}

/** What the list needs to know about its requisition. */
export interface RankingContext {
  requisitionId: string;
  blindReview: boolean;
  weights: RequisitionWeights;
  compiled: CompiledWeights;
  version: number;
  /** Stored score columns are all ranked with `version`: sort and filter on them directly. */
  fresh: boolean;
}

/**
 * The requisition's ranking context. Pass `row` when the caller already read the requisition
 * (the web app's shell reads it once per request), so it is not read again.
 */
export async function loadRankingContext(
  db: Db,
  requisitionId: string,
  row?: { blindReview: boolean; weights: unknown; weightsVersion: number },
): Promise<RankingContext> {
  const requisition =
    row ??
    (await db.requisition.findUnique({
      where: { id: requisitionId },
      select: { id: true, blindReview: true, weights: true, weightsVersion: true },
    }));
  if (!requisition) throw new AppError("not_found", "This requisition does not exist.");
  // (The freshness probe needs the version, so these two stay in sequence; both are index probes.)
  const weights = weightsFromJson(requisition.weights);
  return {
    requisitionId,
    blindReview: requisition.blindReview,
    weights,
    compiled: compileWeights(weights),
    version: requisition.weightsVersion,
    fresh: await storedScoresAreCurrent(db, requisitionId, requisition.weightsVersion),
  };
}

type Scores = ShownScoresSql;

function scoreSql(context: RankingContext): Scores {
  return shownScoresSql(context, "a");
}

/** Identity is searchable and sortable only where blind review shows it. */
function identityVisibleSql(context: RankingContext): Prisma.Sql {
  return context.blindReview ? Prisma.sql`a.stage = 'SHORTLISTED'` : Prisma.sql`true`;
}

export { skillsMatching } from "./candidate-search.ts";

/** The search's SQL (server/candidates/candidate-search.ts), or null without one. */
const search = (context: RankingContext, q: string | undefined) =>
  q ? searchSql(q, identityVisibleSql(context)) : null;

/** The table's filters, plus what only the server asks: failures a retry can help (bulk retry). */
export type QueryFilters = CandidateFilters & { retryableFailuresOnly?: boolean };

function whereSql(context: RankingContext, filters: QueryFilters, scores: Scores): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`a."requisitionId" = ${context.requisitionId}`];
  if (filters.stage?.length) conditions.push(Prisma.sql`a.stage::text IN (${Prisma.join(filters.stage)})`);
  if (filters.status?.length) conditions.push(Prisma.sql`a.status::text IN (${Prisma.join(filters.status)})`);
  if (filters.background?.length) conditions.push(Prisma.sql`a.background IN (${Prisma.join(filters.background)})`);
  for (const key of ["overall", "production", "ml"] as const) {
    const min = filters[`${key}Min`];
    const max = filters[`${key}Max`];
    if (min !== undefined) conditions.push(Prisma.sql`${scores[key]} >= ${min}`);
    if (max !== undefined) conditions.push(Prisma.sql`${scores[key]} <= ${max}`);
  }
  const mustHave = [...context.compiled.mustHave];
  if (filters.mustHaves === "met") {
    conditions.push(Prisma.sql`a.status = 'DONE'`);
    if (mustHave.length) conditions.push(Prisma.sql`a."skillIds" @> ${mustHave}::text[]`);
  } else if (filters.mustHaves === "missing") {
    conditions.push(
      mustHave.length ? Prisma.sql`a.status = 'DONE' AND NOT (a."skillIds" @> ${mustHave}::text[])` : Prisma.sql`false`,
    );
  }
  if (filters.yearsMin !== undefined) conditions.push(Prisma.sql`a."yearsExperience" >= ${filters.yearsMin}`);
  if (filters.retryableFailuresOnly)
    conditions.push(
      Prisma.sql`(a."failureCode" IS NULL OR a."failureCode" IN (${Prisma.join([...RETRYABLE_FAILURES])}))`,
    );
  // The former flag's links (?review=needed): the NEEDS_REVIEW state, as ?status=NEEDS_REVIEW.
  if (filters.review === "needed") conditions.push(Prisma.sql`a.status = 'NEEDS_REVIEW'`);
  // Names, file names and skills at once (GIN index probes; candidate-search.ts).
  if (filters.q) conditions.push(search(context, filters.q)!.any);
  return Prisma.join(conditions, " AND ");
}

interface SortTerm {
  expr: Prisma.Sql;
  /** "ASC" / "DESC" with NULLS LAST where the column can be NULL. */
  direction: Prisma.Sql;
}

/** The chosen sort as terms, with the unique tie-breaker last (without the search's rank). */
function sortTerms(context: RankingContext, sorts: SortKey[], scores: Scores): SortTerm[] {
  const column = (key: CandidateSort): Prisma.Sql => {
    switch (key) {
      case "name":
        return context.blindReview
          ? Prisma.sql`(CASE WHEN a.stage = 'SHORTLISTED' THEN a."displayName" END)`
          : Prisma.sql`a."displayName"`;
      case "overall":
        return scores.overall;
      case "production":
        return scores.production;
      case "ml":
        return scores.ml;
      case "years":
        return Prisma.sql`a."yearsExperience"`;
      case "status":
        return Prisma.sql`a.status`;
      case "stage":
        return Prisma.sql`a.stage`;
      case "uploaded":
        return Prisma.sql`a."createdAt"`;
    }
  };
  // Unscored rows last either way. Columns that are never NULL get no NULLS clause, so a plain
  // index read backwards serves their descending order.
  const nullable = (key: CandidateSort) => !["uploaded", "status", "stage"].includes(key);
  const terms = sorts.map(({ key, dir }) => ({
    expr: column(key),
    direction: Prisma.raw(`${dir === "asc" ? "ASC" : "DESC"}${nullable(key) ? " NULLS LAST" : ""}`),
  }));
  // A unique tie-breaker keeps pages stable when many rows share a value.
  terms.push({ expr: Prisma.sql`a.id`, direction: Prisma.raw(sorts[0]!.dir === "asc" ? "ASC" : "DESC") });
  return terms;
}

const joinTerms = (terms: SortTerm[]) =>
  Prisma.join(
    terms.map(({ expr, direction }) => Prisma.sql`${expr} ${direction}`),
    ", ",
  );

function orderSql(context: RankingContext, sorts: SortKey[], scores: Scores, q?: string): Prisma.Sql {
  const terms = sortTerms(context, sorts, scores);
  // A search ranks name matches first, then file names, then skills; the chosen sort within each.
  const searched = search(context, q);
  if (searched) terms.unshift({ expr: searched.rank, direction: Prisma.raw("ASC") });
  return joinTerms(terms);
}

function fromSql(scores: Scores): Prisma.Sql {
  return Prisma.sql`"Application" a ${scores.join}`;
}

interface RawRow {
  id: string;
  displayName: string | null;
  originalName: string;
  status: ProcessingStatus;
  failureCode: string | null;
  failureMessage: string | null;
  scanPages: number | null;
  stage: Stage;
  yearsExperience: number | null;
  highestDegree: string | null;
  background: string | null;
  areaScores: number[];
  skillIds: string[];
  /** With a search: whether the name / the file name matched (searchable only where shown). */
  matchedName: boolean;
  matchedFile: boolean;
  /** The shown scores (shown-scores.ts): what the query sorted by. */
  shownProduction: number | null;
  shownMl: number | null;
  shownOverall: number | null;
  createdAt: Date;
  processedAt: Date | null;
}

function toRow(raw: RawRow, context: RankingContext, searchedSkills: readonly string[] | null): CandidateRow {
  const visible = identityVisible(context.blindReview, raw.stage);
  const scored = raw.status === "DONE" && raw.areaScores.length === AREA_IDS.length;
  const flags = scored ? gapsAndFlags(raw, context.compiled) : null;
  const name = visible ? raw.displayName : null;
  const fileName = visible ? raw.originalName : null;
  return {
    id: raw.id,
    name,
    fileName,
    identityHidden: !visible,
    // Hidden rows never match by name or file (the search skips them), so no chip can point at identity.
    matches: searchedSkills ? searchMatches(raw, searchedSkills) : [],
    label: name ?? fileName ?? anonymousLabel(raw.id),
    status: raw.status,
    failureCode: raw.failureCode,
    failureMessage: raw.failureMessage,
    scanPages: raw.scanPages,
    stage: raw.stage,
    productionScore: scored ? raw.shownProduction : null,
    mlScore: scored ? raw.shownMl : null,
    overallScore: scored ? raw.shownOverall : null,
    yearsExperience: raw.yearsExperience,
    highestDegree: raw.highestDegree,
    background: raw.background,
    gaps: flags?.gaps ?? [],
    missingMustHaves: flags?.missingMustHaves ?? [],
    meetsMinYears: flags?.meetsMinYears ?? null,
    weightsVersion: scored ? context.version : null,
    uploadedAt: raw.createdAt.toISOString(),
    processedAt: raw.processedAt?.toISOString() ?? null,
  };
}

const rowColumns = (
  scores: Scores,
  searched: ReturnType<typeof search>,
) => Prisma.sql`${searched?.name ?? Prisma.sql`false`} AS "matchedName", ${searched?.file ?? Prisma.sql`false`} AS "matchedFile",
  a.id, a."displayName", a.status, a."failureCode", a."failureMessage", a."scanPages", a.stage,
  a."yearsExperience", a."highestDegree", a.background, a."areaScores", a."skillIds", a."createdAt", a."processedAt",
  ${scores.production} AS "shownProduction", ${scores.ml} AS "shownMl", ${scores.overall} AS "shownOverall"`;

/**
 * Rows in the table's order, `limit` from `offset`. Used for a page, and by exports and bulk
 * actions to walk the whole filtered view in chunks. With a search, `tierCounts` may pass the
 * searchTierCounts the caller already asked for.
 */
export async function selectCandidateRows(
  db: Db,
  context: RankingContext,
  query: { sorts: CandidatesQuery["sorts"]; filters: QueryFilters },
  window: { offset: number; limit: number },
  tierCounts?: Promise<number[]>,
): Promise<CandidateRow[]> {
  const scores = scoreSql(context);
  const searched = search(context, query.filters.q);
  const raw = searched
    ? await selectSearchRows(db, context, query, scores, searched, window, tierCounts)
    : await db.$queryRaw<RawRow[]>`
    SELECT ${rowColumns(scores, searched)},
      (SELECT "originalName" FROM "ResumeFile" rf WHERE rf.id = a."resumeFileId") AS "originalName"
    FROM ${fromSql(scores)}
    WHERE ${whereSql(context, query.filters, scores)}
    ORDER BY ${orderSql(context, query.sorts, scores, query.filters.q)}
    LIMIT ${window.limit} OFFSET ${window.offset}`;
  return raw.map((row) => toRow(row, context, searched?.skills ?? null));
}

/** A search's rank tiers as conditions: name matches, then file-name matches, then skill matches. */
function searchTiers(searched: NonNullable<ReturnType<typeof search>>): Prisma.Sql[] {
  return [
    searched.name,
    Prisma.sql`${searched.file} AND NOT ${searched.name}`,
    Prisma.sql`${searched.skill} AND NOT ${searched.name} AND NOT ${searched.file}`,
  ];
}

/**
 * How many rows of the filtered view fall in each search tier (name, file, skill). Each count is
 * its own positive condition, so name and file counts are GIN probes and a skill every row has is
 * one cheap test per row: skill-only = skill − skill that is also a name or file match.
 */
export async function searchTierCounts(db: Db, context: RankingContext, filters: CandidateFilters): Promise<number[]> {
  const searched = search(context, filters.q);
  if (!searched) return [];
  const scores = scoreSql(context);
  const where = whereSql(context, { ...filters, q: undefined }, scores);
  const count = (condition: Prisma.Sql) =>
    Prisma.sql`(SELECT count(*) FROM ${fromSql(scores)} WHERE ${where} AND ${condition})`;
  const skillOnly = searched.skills.length
    ? Prisma.sql`${count(searched.skill)} - ${count(Prisma.sql`(${searched.name} OR ${searched.file}) AND ${searched.skill}`)}`
    : Prisma.sql`0`;
  const [row] = await db.$queryRaw<Array<{ counts: Array<bigint | number> }>>`
    SELECT ARRAY[${count(searched.name)}, ${count(Prisma.sql`${searched.file} AND NOT ${searched.name}`)}, ${skillOnly}]::bigint[]
      AS counts`;
  return (row?.counts ?? []).map(Number);
}

/**
 * A tier this small is read whole (GIN probe) and sorted; a larger one is read in the sort's order
 * (the sort's index, where one serves it) and stops after the window.
 */
const SORTED_IN_MEMORY_MAX = 2_000;

/**
 * A page of search results. The result order starts with the match's rank (name, file, skill), an
 * expression no index serves: as one query over "any match", a search matching most of the
 * requisition ("python", "resume") read and sorted every match to return 25 (1.57 s p95 at
 * 100,000 under load). Here the exact size of each tier (searchTierCounts) says which tiers the
 * window falls in and where, and each such tier is read on its own with a plan chosen by its size
 * (not by the planner's estimate, which cannot see that most file matches are also name matches).
 */
async function selectSearchRows(
  db: Db,
  context: RankingContext,
  query: Pick<CandidatesQuery, "sorts" | "filters">,
  scores: Scores,
  searched: NonNullable<ReturnType<typeof search>>,
  window: { offset: number; limit: number },
  tierCounts?: Promise<number[]>,
): Promise<RawRow[]> {
  const counts = await (tierCounts ?? searchTierCounts(db, context, query.filters));
  const terms = sortTerms(context, query.sorts, scores);
  const where = whereSql(context, { ...query.filters, q: undefined }, scores);
  const reads: Array<Promise<RawRow[]>> = [];
  let start = 0;
  searchTiers(searched).forEach((tier, index) => {
    const count = counts[index] ?? 0;
    const from = Math.max(0, window.offset - start);
    const to = Math.min(count, window.offset + window.limit - start);
    start += count;
    if (to <= from) return;
    const condition = Prisma.sql`${where} AND ${tier}`;
    if (count <= SORTED_IN_MEMORY_MAX) {
      const keys = terms.map((_, key) => Prisma.raw(`"sortKey${key}"`));
      reads.push(db.$queryRaw<RawRow[]>`
        WITH tier AS MATERIALIZED (
          SELECT a."resumeFileId", ${rowColumns(scores, searched)},
            ${Prisma.join(
              terms.map(({ expr }, key) => Prisma.sql`${expr} AS ${keys[key]!}`),
              ", ",
            )}
          FROM ${fromSql(scores)} WHERE ${condition})
        SELECT tier.*, (SELECT "originalName" FROM "ResumeFile" rf WHERE rf.id = tier."resumeFileId") AS "originalName"
        FROM tier
        ORDER BY ${Prisma.join(
          terms.map(({ direction }, key) => Prisma.sql`${keys[key]!} ${direction}`),
          ", ",
        )}
        LIMIT ${to - from} OFFSET ${from}`);
    } else {
      reads.push(db.$queryRaw<RawRow[]>`
        SELECT ${rowColumns(scores, searched)},
          (SELECT "originalName" FROM "ResumeFile" rf WHERE rf.id = a."resumeFileId") AS "originalName"
        FROM ${fromSql(scores)}
        WHERE ${condition}
        ORDER BY ${joinTerms(terms)}
        LIMIT ${to - from} OFFSET ${from}`);
    }
  });
  return (await Promise.all(reads)).flat();
}

/**
 * The whole filtered view in the table's order, `chunkSize` rows at a time, through a
 * server-side cursor: each row is read once, where paging by OFFSET would re-read every row
 * before the window for each chunk. Call it with a transaction client (a cursor lives in a
 * transaction); exports use it inside one REPEATABLE READ snapshot (server/exports).
 */
export async function* walkCandidateRows(
  tx: Db,
  context: RankingContext,
  query: Pick<CandidatesQuery, "sorts" | "filters">,
  chunkSize = 1_000,
): AsyncGenerator<CandidateRow[]> {
  const scores = scoreSql(context);
  const searched = search(context, query.filters.q);
  const cursor = Prisma.raw(`candidates_walk_${Math.random().toString(36).slice(2, 10)}`);
  const size = Prisma.raw(String(Math.max(1, Math.floor(chunkSize))));
  await tx.$executeRaw`
    DECLARE ${cursor} NO SCROLL CURSOR FOR
    SELECT ${rowColumns(scores, searched)},
      (SELECT "originalName" FROM "ResumeFile" rf WHERE rf.id = a."resumeFileId") AS "originalName"
    FROM ${fromSql(scores)}
    WHERE ${whereSql(context, query.filters, scores)}
    ORDER BY ${orderSql(context, query.sorts, scores, query.filters.q)}`;
  try {
    for (;;) {
      const raw = await tx.$queryRaw<RawRow[]>`FETCH FORWARD ${size} FROM ${cursor}`;
      if (raw.length > 0) yield raw.map((row) => toRow(row, context, searched?.skills ?? null));
      if (raw.length < chunkSize) return;
    }
  } finally {
    // An aborted walk leaves the transaction usable (and a failed one is rolled back anyway).
    await tx.$executeRaw`CLOSE ${cursor}`.catch(() => {});
  }
}

export async function countCandidates(db: Db, context: RankingContext, filters: QueryFilters): Promise<number> {
  const scores = scoreSql(context);
  const [row] = await db.$queryRaw<Array<{ count: bigint }>>`
    SELECT count(*) AS count FROM ${fromSql(scores)} WHERE ${whereSql(context, filters, scores)}`;
  return Number(row?.count ?? 0);
}

export async function listCandidates(
  db: Db,
  requisitionId: string,
  query: CandidatesQuery,
  context?: RankingContext,
): Promise<CandidatesPage> {
  const ranking = context ?? (await loadRankingContext(db, requisitionId));
  // One grouped count gives both the per-status counts and the requisition's total.
  // Without filters the grouped count is also the total, so the filtered count is skipped. The
  // page asked for is read at the same time; only a page past the end is read again.
  const window = (page: number) => ({ offset: (page - 1) * query.pageSize, limit: query.pageSize });
  // A search counts its tiers once: the rows need them, and their sum is the total.
  const tierCounts = query.filters.q ? searchTierCounts(db, ranking, query.filters) : undefined;
  const [grouped, filteredTotal, requestedRows, rereading] = await Promise.all([
    db.application.groupBy({ by: ["status"], where: { requisitionId }, _count: { _all: true } }),
    tierCounts
      ? tierCounts.then((counts) => counts.reduce((sum, count) => sum + count, 0))
      : hasFilters(query.filters)
        ? countCandidates(db, ranking, query.filters)
        : null,
    selectCandidateRows(db, ranking, query, window(query.page), tierCounts),
    countRereading(db, requisitionId),
  ]);
  const statusCounts = zeroCounts(PROCESSING_STATES);
  for (const row of grouped) statusCounts[row.status] = row._count._all;
  const requisitionTotal = grouped.reduce((sum, row) => sum + row._count._all, 0);
  const total = filteredTotal ?? requisitionTotal;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows =
    page === query.page ? requestedRows : await selectCandidateRows(db, ranking, query, window(page), tierCounts);
  return {
    rows,
    total,
    page,
    pageCount,
    pageSize: query.pageSize,
    statusCounts,
    requisitionTotal,
    weightsVersion: ranking.version,
    storedScoresCurrent: ranking.fresh,
    rereading,
  };
}

export interface Neighbours {
  previousId: string | null;
  nextId: string | null;
  /** 1-based position in the filtered, sorted view; null when the application is not in it. */
  position: number | null;
  total: number;
}

/** The candidates before and after one application in the table's order (for prev/next). */
export async function findNeighbours(
  db: Db,
  requisitionId: string,
  query: Pick<CandidatesQuery, "sorts" | "filters">,
  applicationId: string,
  context?: RankingContext,
): Promise<Neighbours> {
  const ranking = context ?? (await loadRankingContext(db, requisitionId));
  const scores = scoreSql(ranking);
  const [found] = await db.$queryRaw<
    Array<{ previousId: string | null; nextId: string | null; position: bigint; total: bigint }>
  >`
    SELECT * FROM (
      SELECT a.id,
        lag(a.id) OVER w AS "previousId",
        lead(a.id) OVER w AS "nextId",
        row_number() OVER w AS position,
        count(*) OVER () AS total
      FROM ${fromSql(scores)}
      WHERE ${whereSql(ranking, query.filters, scores)}
      WINDOW w AS (ORDER BY ${orderSql(ranking, query.sorts, scores, query.filters.q)})
    ) ordered
    WHERE id = ${applicationId}`;
  if (found) {
    return {
      previousId: found.previousId,
      nextId: found.nextId,
      position: Number(found.position),
      total: Number(found.total),
    };
  }
  return { previousId: null, nextId: null, position: null, total: await countCandidates(db, ranking, query.filters) };
}
