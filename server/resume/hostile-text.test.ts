// Hostile texts (issue 13, defect 8): repetitions that made backtracking patterns and rescanning
// loops quadratic. This test asserts what is read from them, at sizes that took seconds before
// (25 KB of "aaa…@" took 7 s), with a generous timeout rather than a timing assertion; the timing
// is `npm run bench` (bench/hostile-text.bench.ts). It also checks that each linear rewrite
// answers exactly as the pattern it replaced, on the hostile texts (kept small for the old
// pattern's sake), on generated résumés and on random strings.
import { describe, expect, it } from "vitest";
import { HOSTILE_TEXTS } from "../../tests/factories/hostile-texts.ts";
import { makeResumeText, PROFILES } from "../../tests/factories/resume-factory.ts";
import { identityRanges } from "../candidates/mask-identity.ts";
import { screenResume } from "../screening/screen-resume.ts";
import { findSkillMentions } from "../taxonomy/index.ts";
import { containsEmail, EMAIL_PATTERN, emailMatches, findEmail } from "./find-email.ts";
import { hasEmailShape } from "./find-name.ts";
import { containsLink, findLinks } from "./find-links.ts";
import { containsPhoneLike, findPhone } from "./find-phone.ts";

const SIZE = 100_000;
const NOW = new Date("2026-11-22");
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 60_000, ocr: false as const };

/** The patterns the linear tests replaced, kept here as the reference they must agree with. */
const OLD_EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const OLD_PHONE = /\+?\d[\d\s().-]{7,}\d/;
const OLD_URL = /\b(?:https?:\/\/|www\.|[\w-]+\.(?:com|io|dev|me|org|net|ai)\/)\S*/i;
const OLD_EMAIL_SHAPE = /[\w.+-]{1,64}@[\w-]{1,63}\.\w/;

function randomStrings(count: number): string[] {
  const alphabet = "ab1@.-_/ :(+)wxhtps\n,AZ9";
  let state = 7;
  return Array.from({ length: count }, () => {
    let out = "";
    const length = 1 + (state % 40);
    for (let i = 0; i < length; i += 1) {
      state = (state * 1103515245 + 12345) % 2147483648;
      out += alphabet[state % alphabet.length];
    }
    return out;
  });
}

describe("hostile texts", () => {
  it.each(HOSTILE_TEXTS.map((hostile) => [hostile.name, hostile] as const))(
    "%s: read to the end, with the facts it holds",
    async (_name, hostile) => {
      const text = hostile.make(SIZE);
      const screened = await screenResume(new TextEncoder().encode(text), {
        fileName: "hostile.txt",
        now: NOW,
        limits: LIMITS,
      });
      expect(screened.result.ok).toBe(true);
      expect(screened.facts).not.toBeNull();
      // Masking for blind review runs on the same text.
      expect(() => identityRanges(screened.text!, screened.facts!)).not.toThrow();
    },
    // Generous for a linear reading (about 1 s here); the quadratic patterns took minutes at this size.
    30_000,
  );

  it("finds no e-mail, link or phone where the texts hold none", () => {
    const make = (name: string) => HOSTILE_TEXTS.find((hostile) => hostile.name === name)!.make(SIZE);
    expect(findEmail(make("letters-then-at"))).toBeNull();
    expect(findEmail(make("letter-at"))).toBeNull();
    expect(findLinks(make("letter-hyphen"))).toEqual([]);
    expect(findPhone(make("numbers-on-one-line"))).toBeNull(); // "1111111111" is a placeholder
    expect(findPhone(`Page 2 864-472-7092, ${make("numbers-on-one-line")}`)).toBe("864-472-7092");
  }, 60_000);

  it("hedges every mention of a long clause by the lowest hedge before it", () => {
    const text = HOSTILE_TEXTS.find((hostile) => hostile.name === "hedges-in-one-clause")!.make(SIZE);
    const mentions = findSkillMentions(text);
    expect(mentions.length).toBeGreaterThan(2000);
    // "familiar with Python" (0.6) first, then "basic Docker" (0.5) covers the rest of the clause.
    expect(mentions[0]).toMatchObject({ text: "Python", hedge: 0.6 });
    expect(mentions.slice(1).every((mention) => mention.hedge === 0.5)).toBe(true);
  }, 60_000);

  it("accepts a long chain of languages that support each other, and none without support", () => {
    const chain = "Go x ".repeat(SIZE / 5);
    expect(findSkillMentions(chain).filter((mention) => mention.text === "Go")).toEqual([]);
    const supported = findSkillMentions(`${chain}Python`);
    expect(supported.filter((mention) => mention.text === "Go")).toHaveLength(SIZE / 5);
  }, 60_000);

  it("reads every skill of a long chunk without spaces", () => {
    const text = HOSTILE_TEXTS.find((hostile) => hostile.name === "skills-in-one-chunk")!.make(SIZE);
    expect(findSkillMentions(text)).toHaveLength(Math.floor(SIZE / "python/".length));
    expect(findSkillMentions(`https://example.com/${text}`)).toEqual([]);
  }, 60_000);

  it("answers as the patterns it replaced, on hostile, generated and random texts", () => {
    const samples = [
      ...HOSTILE_TEXTS.map((hostile) => hostile.make(2_000)),
      ...PROFILES.flatMap((profile) => makeResumeText(profile).split("\n")),
      ...randomStrings(5_000),
      "jane@example.com",
      "a@b.c",
      "@b.c",
      "a@.c",
      "x-@y-.z",
      "--.com/",
      "a--.io/x",
      "_.ai/",
      "www.x",
      "HTTP://x",
      "+1 (555) 123-4567",
      "1 2 3 4 5 6 7 8 9",
      "12345678",
      "1        9",
      // E-mail matches from each "@": local parts of 64 and 65, dots at either end, two in a row.
      `${"a".repeat(64)}@x.com`,
      `${"a".repeat(65)}@x.com`,
      ".a@x.com a.@x.com a..b@x.com -a@x.com",
      "a@b.com@c.org x@y.io",
      `b@${"c".repeat(63)}.io b@${"c".repeat(64)}.io`,
      `x@${"ab.".repeat(12)}com`,
    ];
    for (const sample of samples) {
      expect([sample, emailMatches(sample)]).toEqual([
        sample,
        [...sample.matchAll(EMAIL_PATTERN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length })),
      ]);
      expect([sample, hasEmailShape(sample)]).toEqual([sample, OLD_EMAIL_SHAPE.test(sample)]);
      expect([sample, containsEmail(sample)]).toEqual([sample, OLD_EMAIL.test(sample)]);
      expect([sample, containsPhoneLike(sample)]).toEqual([sample, OLD_PHONE.test(sample)]);
      expect([sample, containsLink(sample)]).toEqual([sample, OLD_URL.test(sample)]);
    }
  }, 60_000);
});
