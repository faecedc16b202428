// Prisma CLI configuration. The native schema engine cannot be downloaded on these
// machines, so the CLI uses the bundled Wasm engine through the pg driver adapter
// (enough for `prisma generate` and `prisma migrate diff`; see STACK-NOTES.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/mle_screening";
// schema.prisma reads env("DATABASE_URL"); the CLI refuses to read the schema (and then
// tries to download engines) when it is unset, so give it the same default as server/config.ts.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
