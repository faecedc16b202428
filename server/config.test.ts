import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("works with nothing set, pointing at the local PostgreSQL and Redis", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/mle_screening");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.PORT).toBe(3000);
    expect(config.MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
  });

  it("treats empty variables as unset and coerces numbers", () => {
    const config = parseConfig({ PORT: "", WORKER_CONCURRENCY: "4" });
    expect(config.PORT).toBe(3000);
    expect(config.WORKER_CONCURRENCY).toBe(4);
  });

  it("names every invalid variable", () => {
    expect(() => parseConfig({ DATABASE_URL: "mysql://x", PORT: "http" })).toThrow(ConfigError);
    try {
      parseConfig({ DATABASE_URL: "mysql://x", PORT: "http" });
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
      expect((error as Error).message).toMatch(/PORT/);
    }
  });
});
