// The one Prisma client of the web process (created in server/, shared across requests).
export { getPrisma } from "@server/services.ts";
