import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text.ts";

describe("normalizeText", () => {
  it.each([
    ["line endings", "a\r\nb\rc\fd", "a\nb\nc\nd"],
    ["spaces and tabs inside lines", "Jane \t  Doe\u00a0\u00a0Smith  ", "Jane Doe Smith"],
    ["soft hyphens, zero-width characters and NULs", "on-\u00adcampus\u200b po\u0000sition", "on-campus position"],
    ["typographic hyphens", "2018\u20112022", "2018-2022"],
    ["ligatures", "\ufb01ne-tuning e\ufb03cient", "fine-tuning efficient"],
    ["decomposed accents (NFC)", "Jose\u0301", "José"],
    ["runs of blank lines", "a\n\n\n\n\nb", "a\n\nb"],
    ["leading and trailing blank space", "\n\n  a  \n\n", "a"],
    ["control characters", "a\u0007b\u001bc", "abc"],
  ])("cleans %s", (_, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it.each([
    ["letter-spaced capitals", "E X P E R I E N C E", "EXPERIENCE"],
    ["letter-spaced words", "W O R K  H I S T O R Y", "WORK HISTORY"],
    ["small caps that lost their size", "W ORK E XPERIENCE", "WORK EXPERIENCE"],
    ["small caps, one word", "E DUCATION", "EDUCATION"],
  ])("joins %s", (_, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it.each([
    ["an en dash", "Mar 2019 \u00e2\u20ac\u201c Present", "Mar 2019 \u2013 Present"],
    ["a bullet", "\u00e2\u20ac\u00a2 Built a pipeline", "\u2022 Built a pipeline"],
    ["a middle dot", "Go \u00c2\u00b7 Rust", "Go \u00b7 Rust"],
    ["accented letters", "Caf\u00c3\u00a9 in S\u00c3\u00a3o Paulo", "Caf\u00e9 in S\u00e3o Paulo"],
    ["a full-width separator that lost a byte", "Acme \u00ef\u00bc\u200b Lyon", "Acme \u2013 Lyon"],
    ["a stray no-break marker", "\u00c2 Ran audits", "Ran audits"],
  ])("repairs UTF-8 read as Windows-1252: %s", (_, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it.each(["Zürich, résumé, niño", "café–bar", "Ângela Souza"])("keeps real accents: %s", (raw) => {
    expect(normalizeText(raw)).toBe(raw);
  });

  it.each(["I am a B S student", "A B C", "Python, Go, C"])("leaves ordinary text alone: %s", (raw) => {
    expect(normalizeText(raw)).toBe(raw);
  });

  it("keeps en and em dashes", () => {
    expect(normalizeText("2019 – 2021 — Berlin")).toBe("2019 – 2021 — Berlin");
  });
});
