import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../db/client.ts";
import { isDatabaseUnavailableError } from "./database-unavailable.ts";

// Port 1 on loopback: nothing listens there, so every query fails to connect.
const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nothing");
afterAll(() => unreachable.$disconnect());

describe("isDatabaseUnavailableError", () => {
  it("recognises what Prisma throws when PostgreSQL cannot be reached (model, raw, transaction)", async () => {
    const errors = await Promise.all([
      unreachable.application.findMany({ take: 1 }).catch((e: unknown) => e),
      unreachable.$queryRaw`SELECT 1`.catch((e: unknown) => e),
      unreachable.$transaction(async (tx) => tx.application.count()).catch((e: unknown) => e),
    ]);
    for (const error of errors) expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it("recognises socket errors and PostgreSQL's shutdown codes, also as a cause", () => {
    expect(
      isDatabaseUnavailableError(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailableError(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailableError(new Error("query failed", { cause: new Error("Connection terminated unexpectedly") })),
    ).toBe(true);
  });

  it("does not mistake other errors for an outage", () => {
    expect(isDatabaseUnavailableError(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(
      false,
    );
    expect(isDatabaseUnavailableError(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
    expect(isDatabaseUnavailableError("ECONNREFUSED")).toBe(false);
  });
});
