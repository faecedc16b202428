import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { makeTwoColumnPdf } from "../../tests/factories/pdf-writer.ts";
import { extractText } from "./extract-text.ts";
import { NATIVE_PUSH } from "./native-array-push.ts";

// How push treats an array whose length cannot be written: the engine's answer, and core-js's
// (which throws a TypeError where V8 11 does not), tell the two apart without timing anything.
const probe = `(() => {
  try { Object.defineProperty([], "length", { writable: false }).push(); return "returned"; }
  catch (error) { return error.constructor.name; }
})()`;
const engineAnswer = () => vm.runInNewContext(probe) as string;
const ourAnswer = () => (0, eval)(probe) as string;

describe("pdf.js and Array.prototype.push", () => {
  it("leaves the engine's push in place after pdf.js has loaded and read a PDF", async () => {
    const pdf = makeTwoColumnPdf({ header: ["Ada Lovelace"], main: ["Experience"], sidebar: ["Skills"] });
    await extractText(pdf, { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000 });
    expect(Array.prototype.push).toBe(NATIVE_PUSH);
    expect(ourAnswer()).toBe(engineAnswer());
  });
});
