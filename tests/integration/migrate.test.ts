import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropDatabase, migrateDatabase, MigrationError } from "../../server/db/migrate.ts";
import { uniqueName } from "../support/test-database.ts";

const url = `postgresql://postgres@127.0.0.1:5432/${uniqueName("mle_migrate")}`;

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrateDatabase", () => {
  afterAll(() => dropDatabase(url));

  it("creates a missing database, applies every migration and records it as Prisma does", async () => {
    const report = await migrateDatabase(url);
    expect(report.createdDatabase).toBe(true);
    expect(report.applied.length).toBeGreaterThan(0);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name)).toEqual(report.applied);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["User", "Requisition", "Candidate", "Application", "ResumeFile", "ResumeAnalysis"]),
    );
  });

  it("is a no-op on an up-to-date database", async () => {
    const report = await migrateDatabase(url);
    expect(report.createdDatabase).toBe(false);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied.length).toBeGreaterThan(0);
  });

  it("rolls back a failing migration completely and names it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await mkdir(path.join(dir, "20990101000000_broken"));
    await writeFile(
      path.join(dir, "20990101000000_broken", "migration.sql"),
      `CREATE TABLE "HalfWritten" (id int); SELECT * FROM "DoesNotExist";`,
    );
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(MigrationError);
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(/20990101000000_broken/);
    const leftovers = await query(`SELECT 1 FROM pg_tables WHERE tablename = 'HalfWritten'`);
    expect(leftovers).toHaveLength(0);
    const records = await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20990101000000_broken'`);
    expect(records).toHaveLength(0);
  });

  it("runs safely when several processes migrate at once", async () => {
    const fresh = `postgresql://postgres@127.0.0.1:5432/${uniqueName("mle_migrate_race")}`;
    try {
      const reports = await Promise.all([migrateDatabase(fresh), migrateDatabase(fresh), migrateDatabase(fresh)]);
      const applied = reports.flatMap((r) => r.applied);
      expect(new Set(applied).size).toBe(applied.length);
    } finally {
      await dropDatabase(fresh);
    }
  });
});
