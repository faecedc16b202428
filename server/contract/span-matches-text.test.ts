import { describe, expect, it } from "vitest";
import { spanMatchesText } from "./span-matches-text.ts";

const text = "Summary\nSenior ML Engineer, Lumen Retail Labs (Austin, TX)\nBuilt Kafka pipelines";

describe("spanMatchesText", () => {
  const start = text.indexOf("Senior");
  const end = text.indexOf("\nBuilt");
  it("accepts the line as stored and the line with its employer blanked in place", () => {
    expect(spanMatchesText(text, { text: text.slice(start, end), start, end })).toBe(true);
    const blanked = text.slice(start, end).replace("Lumen Retail Labs", " ".repeat(17));
    expect(spanMatchesText(text, { text: blanked, start, end })).toBe(true);
  });
  it("refuses other text, a shifted span or one outside the text", () => {
    expect(spanMatchesText(text, { text: text.slice(start, end).replace("Senior", "Junior"), start, end })).toBe(false);
    expect(spanMatchesText(text, { text: text.slice(start, end), start: start + 1, end: end + 1 })).toBe(false);
    expect(spanMatchesText(text, { text: "x", start: text.length, end: text.length + 1 })).toBe(false);
    expect(spanMatchesText(text, { text: "", start: 3, end: 3 })).toBe(false);
  });
});
