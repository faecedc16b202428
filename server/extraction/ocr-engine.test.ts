import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { OCR_THREAD, ocrWorkerOptions } from "./ocr-engine.ts";

describe("ocrWorkerOptions", () => {
  it("loads the English model from node_modules, never from the network, and writes no cache", () => {
    const options = ocrWorkerOptions();
    // tesseract.js fetches only when langPath is a URL (or missing: then it uses a CDN).
    expect(path.isAbsolute(options.langPath)).toBe(true);
    expect(options.langPath).not.toMatch(/^[a-z]+:\/\//i);
    expect(options.langPath).toContain(`${path.sep}node_modules${path.sep}@tesseract.js-data${path.sep}eng`);
    const model = path.join(options.langPath, "eng.traineddata.gz");
    expect(existsSync(model)).toBe(true);
    expect(statSync(model).size).toBeGreaterThan(1_000_000);
    expect(options).toMatchObject({ gzip: true, cacheMethod: "none" });
  });
});

describe("the OCR thread", () => {
  it("runs our thread script, in which every network connection is refused", async () => {
    expect(ocrWorkerOptions().workerPath).toBe(OCR_THREAD);
    expect(existsSync(OCR_THREAD)).toBe(true);
    // The same preamble the OCR thread runs first, then the attempts tesseract.js could make.
    const offline = path.join(path.dirname(OCR_THREAD), "ocr-thread-offline.cjs");
    const attempts = new Worker(
      `
      const { parentPort } = require("node:worker_threads");
      require(${JSON.stringify(offline)});
      const outcomes = [];
      try { require("node:net").connect(9, "127.0.0.1"); outcomes.push("net connected"); } catch (e) { outcomes.push(e.message); }
      try { require("node:https").get("https://cdn.jsdelivr.net/"); outcomes.push("https requested"); } catch (e) { outcomes.push(e.message); }
      fetch("https://cdn.jsdelivr.net/").then(() => outcomes.push("fetched"), (e) => outcomes.push(e.message))
        .then(() => parentPort.postMessage(outcomes));
      `,
      { eval: true },
    );
    const outcomes = await new Promise<string[]>((resolve, reject) => {
      attempts.once("message", resolve);
      attempts.once("error", reject);
    });
    await attempts.terminate();
    expect(outcomes).toHaveLength(3);
    for (const outcome of outcomes) expect(outcome).toMatch(/OCR thread: network access refused/);
  });
});
