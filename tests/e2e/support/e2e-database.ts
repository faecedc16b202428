// Direct access to the database of the running e2e server (scripts/e2e-server.sh creates a fresh
// `mle_screening_e2e_*` database per run), for settings the UI does not offer yet.
import pg from "pg";

const BASE_URL = process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432";

/** Runs `sql` in the e2e database that holds requisition `requisitionId`; returns the row count. */
async function inDatabaseOf(requisitionId: string, sql: string, values: unknown[]): Promise<number> {
  const admin = new pg.Client({ connectionString: `${BASE_URL}/postgres` });
  await admin.connect();
  let names: string[];
  try {
    const result = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'mle_screening_e2e_%' ORDER BY datname DESC",
    );
    names = result.rows.map((row) => row.datname);
  } finally {
    await admin.end();
  }
  for (const name of names) {
    const client = new pg.Client({ connectionString: `${BASE_URL}/${name}` });
    try {
      await client.connect();
      const found = await client.query('SELECT 1 FROM "Requisition" WHERE id = $1', [requisitionId]);
      if (found.rowCount === 0) continue;
      const result = await client.query(sql, values);
      return result.rowCount ?? 0;
    } catch {
      continue;
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`No e2e database holds requisition ${requisitionId}`);
}

/** Switches blind review on or off for a requisition (the requisition editor's toggle). */
export async function setBlindReview(requisitionId: string, on: boolean): Promise<void> {
  await inDatabaseOf(requisitionId, 'UPDATE "Requisition" SET "blindReview" = $2 WHERE id = $1', [requisitionId, on]);
}

/** Sets must-have skills and minimum years in a requisition's weights (before résumés are scored). */
export async function setRequirements(
  requisitionId: string,
  mustHave: string[],
  minYears: number | null,
): Promise<void> {
  await inDatabaseOf(
    requisitionId,
    `UPDATE "Requisition" SET weights = weights || jsonb_build_object('mustHave', $2::jsonb, 'minYears', $3::float8)
     WHERE id = $1`,
    [requisitionId, JSON.stringify(mustHave), minYears],
  );
}

/** Marks an application FAILED with `code` (e.g. a worker timeout), as the worker would. */
export async function failApplication(requisitionId: string, applicationId: string, code: string, message: string) {
  await inDatabaseOf(
    requisitionId,
    `UPDATE "Application" SET status = 'FAILED', "failureCode" = $3, "failureMessage" = $4
     WHERE id = $2 AND "requisitionId" = $1`,
    [requisitionId, applicationId, code, message],
  );
}
