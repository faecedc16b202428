// CSV export of 10,000 scored applications: the function the export route uses
// (startCandidatesExport), streamed to a null sink, on a scratch database filled like the table
// benchmark's. `export_10k_ms` is from the request to the last byte (snapshot, count, audit
// entry, rows in chunks, CSV); also reported: the same as JSON. (The file is never held in
// memory: rows are read through a cursor 1,000 at a time; at 100,000 rows the bench process's heap
// grew no more than at 10,000.)
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseCandidatesQuery } from "../server/candidates/candidates-query.ts";
import { createPrismaClient, type Db } from "../server/db/client.ts";
import { dropDatabase, migrateDatabase } from "../server/db/migrate.ts";
import { startCandidatesExport, type ExportFormat } from "../server/exports/export-candidates.ts";
import { rerankRequisition } from "../server/ranking/rerank-requisition.ts";
import { RequisitionWeightsSchema } from "../server/ranking/weights-schema.ts";
import { fill } from "./table.bench.ts";
import { percentile, round } from "./stats.ts";

const REQUISITION = "req-bench";

/** Counts bytes and lines, keeps nothing. */
function nullSink() {
  const seen = { bytes: 0, lines: 0 };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      seen.bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) seen.lines++;
      callback();
    },
  });
  return { sink, seen };
}

async function exportOnce(db: Db, format: ExportFormat) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const started = await startCandidatesExport(db, {
    requisitionId: REQUISITION,
    // The table's default view: every candidate, best overall first.
    query: parseCandidatesQuery(new URLSearchParams("sort=overall&dir=desc")),
    scope: "view",
    format,
    actor: { id: null, label: "bench" },
  });
  const { sink, seen } = nullSink();
  await pipeline(started.body, sink);
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
    rows: started.header.rowCount,
    ...seen,
  };
}

export async function benchExport(size = 10_000, rounds = 3) {
  const url = `postgresql://postgres@127.0.0.1:5432/mle_bench_export_${process.pid}`;
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  try {
    await fill(url, REQUISITION, size);
    // Real scores, gaps and weights version from the generated area vectors (weights v1).
    await rerankRequisition(db, REQUISITION, RequisitionWeightsSchema.parse({}), 1);
    await exportOnce(db, "csv"); // warm-up: connections, plans, JIT of the row code
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const run = await exportOnce(db, "csv");
      // Header line + one line per application.
      if (run.rows !== size || run.lines !== size + 1)
        throw new Error(`export wrote ${run.lines} lines for ${run.rows} rows`);
      samples.push(run.ms);
      cpuSamples.push(run.cpuMs);
    }
    const json = await exportOnce(db, "json");
    return {
      export_10k_ms: round(percentile(samples, 50)),
      // CPU time of the web side alone (this process): less sensitive to a busy machine than wall time.
      export_10k_cpu_ms: round(percentile(cpuSamples, 50)),
      export_json_10k_ms: round(json.ms),
    };
  } finally {
    await db.$disconnect();
    await dropDatabase(url);
  }
}

// `npx tsx bench/export.bench.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchExport()));
}
