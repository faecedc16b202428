// The one Prisma client of a process. Queries go through the pg driver adapter because the
// native query engine cannot be downloaded on these machines (STACK-NOTES.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { getConfig } from "../config.ts";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string): Db {
  // A bounded connect: when PostgreSQL's host stops answering (rather than refusing), queries
  // fail after 10 s and are retried, instead of hanging a request or a job forever.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, keepAlive: true }),
  });
}

const globalForPrisma = globalThis as unknown as { __prisma?: Db };

/** The shared client, created on first use (and kept across dev-server rebuilds). */
export function getPrisma(): Db {
  globalForPrisma.__prisma ??= createPrismaClient(getConfig().DATABASE_URL);
  return globalForPrisma.__prisma;
}
