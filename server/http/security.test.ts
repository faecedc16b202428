import { describe, expect, it } from "vitest";
import { crossSiteProblem, trustProxySetting } from "./security.ts";

const base = { host: "screening.example.com", allowedOrigins: [] as string[] };

describe("crossSiteProblem", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        crossSiteProblem({ ...base, method, origin: "https://evil.example", secFetchSite: "cross-site" }),
      ).toBeNull();
    }
  });

  it("allows same-origin changes and changes from scripts that send neither header", () => {
    expect(
      crossSiteProblem({
        ...base,
        method: "POST",
        origin: "https://screening.example.com",
        secFetchSite: "same-origin",
      }),
    ).toBeNull();
    expect(crossSiteProblem({ ...base, method: "POST", origin: undefined, secFetchSite: undefined })).toBeNull();
    expect(crossSiteProblem({ ...base, method: "DELETE", origin: undefined, secFetchSite: "same-origin" })).toBeNull();
    expect(crossSiteProblem({ ...base, method: "POST", origin: undefined, secFetchSite: "none" })).toBeNull();
  });

  it.each([
    ["https://evil.example", undefined],
    ["https://screening.example.com.evil.example", undefined],
    ["null", undefined],
    ["not a url", undefined],
    [undefined, "cross-site"],
    [undefined, "same-site"],
  ])("refuses Origin %s / Sec-Fetch-Site %s", (origin, secFetchSite) => {
    expect(crossSiteProblem({ ...base, method: "POST", origin, secFetchSite })).toMatch(/another site/);
  });

  it("accepts configured extra origins (a proxy that rewrites Host)", () => {
    const allowedOrigins = ["https://jobs.example.com"];
    expect(
      crossSiteProblem({
        host: "10.0.0.5:3000",
        allowedOrigins,
        method: "POST",
        origin: "https://jobs.example.com",
        secFetchSite: undefined,
      }),
    ).toBeNull();
  });
});

describe("trustProxySetting", () => {
  it.each([
    ["false", false],
    ["", false],
    ["0", false],
    ["true", true],
    ["1", 1],
    ["2", 2],
    ["loopback, 10.0.0.0/8", "loopback, 10.0.0.0/8"],
  ] as const)("%j → %j", (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });
});
