// `npm run retention`: erases the applications of requisitions closed longer than RETENTION_DAYS
// (the worker also does this every hour). `--dry-run` only lists what is due.
import { getConfig } from "../config.ts";
import { createPrismaClient } from "../db/client.ts";
import { retentionPreview, runRetention } from "../privacy/retention.ts";

const config = getConfig();
const db = createPrismaClient(config.DATABASE_URL);
const dryRun = process.argv.includes("--dry-run");
try {
  if (dryRun) {
    const preview = await retentionPreview(db, { retentionDays: config.RETENTION_DAYS });
    console.log(
      JSON.stringify({
        dryRun: true,
        retentionDays: config.RETENTION_DAYS,
        dueNow: preview.dueNow,
        requisitions: preview.requisitions,
      }),
    );
  } else {
    let total = 0;
    for (;;) {
      const result = await runRetention(db, { retentionDays: config.RETENTION_DAYS });
      total += result.erased;
      if (!result.more) break;
    }
    console.log(JSON.stringify({ retentionDays: config.RETENTION_DAYS, erased: total }));
  }
} finally {
  await db.$disconnect();
}
