// The one Prisma client of a process. Queries go through the pg driver adapter because the
// native query engine cannot be downloaded on these machines (STACK-NOTES.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { getConfig } from "../config.ts";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

const globalForPrisma = globalThis as unknown as { __prisma?: Db };

/** The shared client, created on first use (and kept across dev-server rebuilds). */
export function getPrisma(): Db {
  globalForPrisma.__prisma ??= createPrismaClient(getConfig().DATABASE_URL);
  return globalForPrisma.__prisma;
}
