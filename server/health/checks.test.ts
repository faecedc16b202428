import { describe, expect, it } from "vitest";
import { readiness, runCheck } from "./checks.ts";

const up = async () => {};
const down = async () => {
  throw new Error("Invalid `prisma.$queryRaw()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5432");
};

describe("readiness", () => {
  it("is ready when every dependency answers", async () => {
    const result = await readiness({ postgres: { check: up, required: true }, redis: { check: up, required: false } });
    expect(result.status).toBe("ready");
    expect(result.checks.postgres).toMatchObject({ ok: true, required: true });
  });

  it("is degraded when only an optional dependency is down, unavailable when a required one is", async () => {
    expect(
      (await readiness({ postgres: { check: up, required: true }, redis: { check: down, required: false } })).status,
    ).toBe("degraded");
    const result = await readiness({
      postgres: { check: down, required: true },
      redis: { check: up, required: false },
    });
    expect(result.status).toBe("unavailable");
    // One readable line, not Prisma's multi-line invocation excerpt.
    expect(result.checks.postgres).toMatchObject({ ok: false, error: "Can't reach database server at 127.0.0.1:5432" });
  });

  it("counts a check that never answers as down", async () => {
    const result = await runCheck(() => new Promise<void>(() => {}), 50);
    expect(result).toMatchObject({ ok: false, error: "no answer within 50 ms" });
  });
});
