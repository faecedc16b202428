// One fresh, migrated PostgreSQL database per test file, dropped afterwards.
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Db } from "../../server/db/client.ts";
import { dropDatabase, migrateDatabase } from "../../server/db/migrate.ts";
import { trackTestName } from "./queue-keys.ts";

const BASE_URL = process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432";

/** A name no other test uses (a database, a queue prefix); remembered so its Redis keys are removed after the file. */
export function uniqueName(prefix: string): string {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  trackTestName(name);
  return name;
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = `${BASE_URL}/${uniqueName("mle_test")}`;
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(url);
    },
  };
}

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
