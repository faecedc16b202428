// The candidates-table loader (listCandidates) at 10,000 and 100,000 applications in one
// requisition, over every sort key in both directions, on a scratch database.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { CANDIDATE_SORT_KEYS, parseCandidatesQuery } from "../server/candidates/candidates-query.ts";
import { listCandidates } from "../server/candidates/list-candidates.ts";
import { rerankRequisition, rerankSavedVersion } from "../server/ranking/rerank-requisition.ts";
import { createPrismaClient, type Db } from "../server/db/client.ts";
import { updateRequisitionWeights } from "../server/ranking/save-requisition-weights.ts";
import { compileWeights } from "../server/ranking/score-formula.ts";
import { rankStored } from "../server/ranking/gaps-and-flags.ts";
import { RequisitionWeightsSchema } from "../server/ranking/weights-schema.ts";
import { dropDatabase, migrateDatabase } from "../server/db/migrate.ts";
import { previewRanking } from "../server/ranking/preview-ranking.ts";
import { percentile, round } from "./stats.ts";

export async function fill(url: string, requisitionId: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Requisition" (id, title, "updatedAt") VALUES ($1, 'bench', now())`, [
      requisitionId,
    ]);
    // Set-based generation: 100,000 rows in a few seconds. Names and file names have real words
    // for the search (a quarter carry one of 40 common surnames, "Dent" and "Park" among them; the
    // rest a generated one). Files go first, in their own statement: the trigger that keeps the
    // search words reads the file name (migration 20261206073000_search).
    const first = `(ARRAY['Ana','Harvey','Byungjin','Wei','Priya','Olu','Maria','John','Fatima','Kenji','Sofia','Ahmed',
      'Lena','Diego','Mei','Tunde','Elena','Raj','Chloe','Ivan'])[1 + (g / 7) % 20]`;
    const last = `(CASE WHEN g % 4 = 0 THEN (ARRAY['Dent','Park','Chen','Lima','Okafor','Nilsson','Smith','Garcia','Kim',
      'Patel','Nguyen','Müller','Rossi','Silva','Khan','Ali','Ivanova','Tanaka','Sato','Lopez','Brown','Wilson','Taylor',
      'Moore','Martin','Lee','Walker','Hall','Young','King','Wright','Scott','Green','Baker','Adams','Nelson','Hill',
      'Campbell','Mitchell','Roberts'])[1 + (g / 4) % 40] ELSE initcap(substr(md5(g::text), 1, 7)) END)`;
    await client.query(
      `INSERT INTO "ResumeFile" (id, "originalName", "detectedType", "sizeBytes", sha256, bytes)
       SELECT 'f' || g, CASE WHEN g % 2 = 0 THEN lower(${first} || '_' || ${last}) || '_cv.pdf' ELSE 'resume-' || g || '.pdf' END,
              'PDF', 4, md5(g::text) || md5(g::text), '\\x25504446'::bytea
       FROM generate_series(1, $1::int) g`,
      [count],
    );
    await client.query(
      `INSERT INTO "Candidate" (id, name) SELECT 'c' || g, ${first} || ' ' || ${last} FROM generate_series(1, $1::int) g`,
      [count],
    );
    await client.query(
      `WITH n AS (SELECT g FROM generate_series(1, $2::int) g)
       INSERT INTO "Application" (id, "requisitionId", "candidateId", "resumeFileId", "displayName", status, stage,
                                  "productionScore", "mlScore", "overallScore", "yearsExperience", "createdAt", "updatedAt",
                                  "areaScores", "skillIds")
       SELECT 'a' || g, $1, 'c' || g, 'f' || g, ${first} || ' ' || ${last},
              (CASE WHEN g % 50 = 0 THEN 'FAILED' ELSE 'DONE' END)::"ProcessingStatus",
              (ARRAY['NEW','SCREENING','SHORTLISTED','REJECTED'])[1 + g % 4]::"Stage",
              CASE WHEN g % 50 = 0 THEN NULL ELSE (g * 37) % 101 END,
              CASE WHEN g % 50 = 0 THEN NULL ELSE (g * 53) % 101 END,
              CASE WHEN g % 50 = 0 THEN NULL ELSE (g * 71) % 101 END,
              CASE WHEN g % 50 = 0 THEN NULL ELSE (g % 25) END,
              now() - (g || ' seconds')::interval, now(),
              ARRAY(SELECT ((g * 31 + k * 17) % 101)::float8 FROM generate_series(1, 14) k),
              CASE WHEN g % 3 = 0 THEN ARRAY['pytorch','kubernetes','python'] ELSE ARRAY['python','sql'] END
       FROM n`,
      [requisitionId, count],
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

/**
 * A weight change on a requisition of 100,000. `rerank_100k_ms`: from pressing Save to the first
 * page of the table ranked with the new weights (the save, then the loader, which ranks from the
 * stored area scores while the score columns are rewritten). Also reported: the same ranking
 * computed in Node, and the background rewrite of the stored score columns.
 */
async function benchRerank(db: Db, requisitionId: string) {
  const weights = RequisitionWeightsSchema.parse({
    productionWeight: 0.6,
    balanceStrictness: 0.8,
    mustHave: ["pytorch"],
    minYears: 3,
  });
  const rows = await db.application.findMany({
    where: { requisitionId, status: "DONE" },
    select: { areaScores: true, skillIds: true, yearsExperience: true },
  });
  const compiled = compileWeights(weights);
  const computeStart = performance.now();
  let checksum = 0;
  for (const row of rows) checksum += rankStored(row, compiled).overall;
  const computeMs = performance.now() - computeStart;

  // Stands in for the worker: the re-rank job runs as soon as it is enqueued.
  const asJob = {
    enqueue: async (job: { requisitionId: string; weightsVersion: number }) =>
      void rerankSavedVersion(db, job.requisitionId, job.weightsVersion).catch(() => {}),
  };
  const start = performance.now();
  const saved = await updateRequisitionWeights(db, requisitionId, weights, { rerank: asJob });
  const page = await listCandidates(
    db,
    requisitionId,
    parseCandidatesQuery(new URLSearchParams("sort=overall&dir=desc")),
  );
  const totalMs = performance.now() - start;
  if (
    !Number.isFinite(checksum) ||
    page.weightsVersion !== saved.version ||
    page.rows[0]?.weightsVersion !== saved.version
  ) {
    throw new Error("re-rank benchmark is wrong");
  }
  // Let the background rewrite started by the save finish, then time a full rewrite on its own.
  while (
    !(await listCandidates(db, requisitionId, parseCandidatesQuery(new URLSearchParams("pageSize=25"))))
      .storedScoresCurrent
  ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const next = await updateRequisitionWeights(
    db,
    requisitionId,
    { ...weights, productionWeight: 0.4 },
    { rerank: { enqueue: async () => {} } },
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  const writeStart = performance.now();
  await rerankRequisition(db, requisitionId, next.weights, next.version);
  const writeMs = performance.now() - writeStart;
  return {
    rerank_compute_100k_ms: round(computeMs),
    rerank_100k_ms: round(totalMs),
    rerank_store_100k_ms: round(writeMs),
  };
}

/**
 * The weights editor's live preview on a requisition of 100,000 (ranked in PostgreSQL: both
 * rankings, the two top tens and their ranks under the other weights), as a hiring manager drags
 * sliders: each sample proposes different weights. With and without blind review.
 */
export async function benchPreview(db: Db, requisitionId: string, samples = 20) {
  const saved = RequisitionWeightsSchema.parse({});
  const times: number[] = [];
  for (let i = -2; i < samples; i++) {
    const proposed = RequisitionWeightsSchema.parse({
      productionWeight: 0.2 + ((i + 2) % 7) * 0.1,
      balanceStrictness: 0.1 + ((i + 2) % 5) * 0.2,
      areaWeights: { deep_learning: ((i + 2) % 3) * 0.5, cloud_iac: 1 - ((i + 2) % 4) * 0.25 },
    });
    const start = performance.now();
    const preview = await previewRanking(db, { id: requisitionId, blindReview: i % 2 === 0 }, saved, proposed);
    if (i >= 0) times.push(performance.now() - start); // two warm-up rounds
    if (preview.before.length !== 10 || preview.after.length !== 10 || preview.scored < 90_000) {
      throw new Error("preview benchmark is wrong");
    }
  }
  return { preview_100k_p50_ms: round(percentile(times, 50)), preview_100k_p95_ms: round(percentile(times, 95)) };
}

/**
 * The search box at 100,000 (names, file names and skills at once, ranked name > file > skill;
 * server/candidates/candidate-search.ts): a surname, a full name, a first-name prefix, a single
 * letter (the broadest name search), a file-name word half the files carry, a skill a third of
 * the rows have, one all of them have, and a word nothing matches; first page and page 7.
 */
export async function benchSearch(db: Db, requisitionId: string, rounds = 3) {
  const terms = ["Dent", "Park", "harvey dent", "har", "a", "resume", "pytorch", "python", "zzzq"];
  const queries = terms.flatMap((q) =>
    [1, 7].map((page) =>
      parseCandidatesQuery(new URLSearchParams({ q, sort: "overall", dir: "desc", page: String(page) })),
    ),
  );
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const start = performance.now();
      const page = await listCandidates(db, requisitionId, query);
      if (r > 0) samples.push(performance.now() - start); // first round warms caches
      if (query.filters.q === "Dent" && !page.rows.every((row) => row.matches[0]?.kind === "name")) {
        throw new Error("search benchmark is wrong: Dent must match names first");
      }
    }
  }
  return { search_p50_ms_100k: round(percentile(samples, 50)), search_p95_ms_100k: round(percentile(samples, 95)) };
}

/**
 * Only the search at 100,000 (`npm run bench -- --only=search`): the same database as the table
 * part builds (filled, ranked with the default weights, vacuumed), without the other timings.
 * `BENCH_KEEP_DB=1` keeps the database and prints its URL, to EXPLAIN a query on it.
 */
export async function benchSearchOnly(size = 100_000) {
  const url = `postgresql://postgres@127.0.0.1:5432/mle_bench_search_${process.pid}`;
  const keep = process.env.BENCH_KEEP_DB === "1";
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  try {
    await fill(url, "req-bench", size);
    await rerankRequisition(db, "req-bench", RequisitionWeightsSchema.parse({}), 1);
    await db.$executeRawUnsafe('VACUUM ANALYZE "Application"');
    return await benchSearch(db, "req-bench");
  } finally {
    await db.$disconnect();
    if (keep) console.error(`kept ${url}`);
    else await dropDatabase(url);
  }
}

/** URL states a recruiter uses: every sort both ways, plus common filters and a search. */
function tableQueries() {
  const sorts = CANDIDATE_SORT_KEYS.flatMap((sort) =>
    (["asc", "desc"] as const).map((dir) => `sort=${sort}&dir=${dir}`),
  );
  const filtered = [
    "sort=overall&dir=desc&stage=NEW,SCREENING",
    "sort=overall&dir=desc&mlMin=50&productionMin=50",
    "sort=overall,years:desc&dir=desc&status=DONE",
    "sort=ml&dir=desc&q=kubernetes",
    "sort=overall&dir=desc&mustHaves=met",
  ];
  return [...sorts, ...filtered].flatMap((params) =>
    [1, 7].map((page) => parseCandidatesQuery(new URLSearchParams(`${params}&page=${page}`))),
  );
}

export async function benchTable(sizes = [10_000, 100_000], rounds = 3) {
  const out: Record<string, number> = {};
  for (const size of sizes) {
    const url = `postgresql://postgres@127.0.0.1:5432/mle_bench_${size}_${process.pid}`;
    await migrateDatabase(url);
    const db = createPrismaClient(url);
    try {
      await fill(url, "req-bench", size);
      // The generated score columns are placeholders: rank them properly (weights v1, defaults).
      await rerankRequisition(db, "req-bench", RequisitionWeightsSchema.parse({}), 1);
      // The steady state the loader meets in use: autovacuum has caught up after the bulk writes.
      await db.$executeRawUnsafe('VACUUM ANALYZE "Application"');
      const samples: number[] = [];
      for (let r = 0; r < rounds; r++) {
        for (const query of tableQueries()) {
          const start = performance.now();
          await listCandidates(db, "req-bench", query);
          if (r > 0) samples.push(performance.now() - start); // first round warms caches
        }
      }
      const label = size >= 1000 ? `${size / 1000}k` : String(size);
      out[`table_p50_ms_${label}`] = round(percentile(samples, 50));
      out[`table_p95_ms_${label}`] = round(percentile(samples, 95));
      if (size === 100_000) {
        Object.assign(out, await benchSearch(db, "req-bench"));
        Object.assign(out, await benchPreview(db, "req-bench"));
        Object.assign(out, await benchRerank(db, "req-bench"));
      }
    } finally {
      await db.$disconnect();
      await dropDatabase(url);
    }
  }
  return out;
}
