import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ocrWorkerOptions } from "./ocr-engine.ts";

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
