// `npm run db:migrate`: create the database if needed and apply pending migrations.
import { getConfig } from "../server/config.ts";
import { migrateDatabase, redact } from "../server/db/migrate.ts";

const config = getConfig();
try {
  const report = await migrateDatabase(config.DATABASE_URL, { log: (line) => console.log(line) });
  console.log(
    `Database ${redact(config.DATABASE_URL)} is up to date ` +
      `(${report.applied.length} applied, ${report.alreadyApplied.length} already applied).`,
  );
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
