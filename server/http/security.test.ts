import { describe, expect, it } from "vitest";
import { crossSiteProblem, trustProxySetting } from "./security.ts";

const base = { host: "screening.example.com", protocol: "https", allowedOrigins: [] as string[] };

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

  it("compares scheme, host and port, not the host alone", () => {
    const site = { host: "screening.example.com", protocol: "http", allowedOrigins: [] as string[] };
    const post = (origin: string, extra: Partial<typeof site> = {}) =>
      crossSiteProblem({ ...site, ...extra, method: "POST", origin, secFetchSite: undefined });
    // The same host over another scheme is another origin.
    expect(post("https://screening.example.com")).toMatch(/another site \(https:\/\/screening\.example\.com\)/);
    expect(post("http://screening.example.com")).toBeNull();
    expect(post("HTTP://Screening.Example.COM")).toBeNull();
    // A default port written out is the same origin; another port is not.
    expect(post("http://screening.example.com:80")).toBeNull();
    expect(post("http://screening.example.com:8080")).toMatch(/another site/);
    expect(post("http://screening.example.com:3000", { host: "screening.example.com:3000" })).toBeNull();
    expect(post("http://screening.example.com", { host: "screening.example.com:3000" })).toMatch(/another site/);
    expect(post("https://screening.example.com:3000", { host: "screening.example.com:3000" })).toMatch(/another site/);
    // Served over HTTPS (directly, or behind a proxy that TRUST_PROXY lets say so).
    expect(post("https://screening.example.com", { protocol: "https" })).toBeNull();
    expect(post("http://screening.example.com", { protocol: "https" })).toMatch(/another site/);
    // Only http(s) origins count.
    expect(post("ftp://screening.example.com")).toMatch(/another site/);
  });

  it("matches configured extra origins by scheme, host and port too", () => {
    const site = { host: "10.0.0.5:3000", protocol: "http", allowedOrigins: ["https://jobs.example.com"] };
    const post = (origin: string) => crossSiteProblem({ ...site, method: "POST", origin, secFetchSite: undefined });
    expect(post("https://jobs.example.com:443")).toBeNull();
    expect(post("http://jobs.example.com")).toMatch(/another site/);
    expect(post("https://jobs.example.com:8443")).toMatch(/another site/);
  });

  it("accepts configured extra origins (a proxy that rewrites Host)", () => {
    const allowedOrigins = ["https://jobs.example.com"];
    expect(
      crossSiteProblem({
        host: "10.0.0.5:3000",
        protocol: "http",
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
