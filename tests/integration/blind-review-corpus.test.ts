// Blind review on real résumés (issue 13, defect 6): every résumé of ../shared/corpus (the public
// PDFs, DOCX and texts, and a fixed sample of the LiveCareer texts) is read and masked as the
// candidate page masks it, and no word of the person's name, e-mail, phone, links, schools,
// employers or "Town, Region" places may remain in what is shown. Names and employers come from
// the labelled set (tests/fixtures/real-labelled) where a résumé is labelled, else from what the
// parser read. Skipped when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { identityRanges, maskedSegments } from "../../server/candidates/mask-identity.ts";
import { screenResume } from "../../server/screening/screen-resume.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus");
const LABELS = path.resolve(import.meta.dirname, "../fixtures/real-labelled");
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 30, timeoutMs: 20_000, ocr: false as const };
/** Every n-th LiveCareer text (sorted by path): about 110 of 1,096, to keep the run near half a minute. */
const LIVECAREER_EVERY = 10;

/** Words that name no one on their own: parts of organisation names, places' generic words. */
const GENERIC = new Set(
  (
    "the and for of at in on de la le du des del da di van von der den university universities college school " +
    "institute institution academy polytechnic lab labs laboratory center centre department faculty research " +
    "national international state city community technology technologies science sciences engineering applied " +
    "arts business management inc ltd llc plc corp corporation company group holdings limited gmbh pvt private " +
    "public solutions services systems software data digital global consulting partners new north south east " +
    "west central united government office foundation present current remote intern internship project " +
    "hospital medical bank engineer phd associate high technological"
  ).split(" "),
);

interface Labelled {
  path: string;
  name: string | null;
  roles?: Array<{ organisation?: string | null }>;
}

function labels(): Map<string, Labelled> {
  const byPath = new Map<string, Labelled>();
  for (const file of readdirSync(LABELS).filter((name) => name.endsWith(".json"))) {
    const { resumes } = JSON.parse(readFileSync(path.join(LABELS, file), "utf8")) as { resumes: Labelled[] };
    for (const resume of resumes) byPath.set(resume.path, resume);
  }
  return byPath;
}

function corpusFiles(): string[] {
  const publicDir = path.join(CORPUS, "public");
  const publicFiles = readdirSync(publicDir)
    .filter((name) => !name.startsWith("MANIFEST"))
    .map((name) => `public/${name}`);
  const livecareer = readdirSync(path.join(CORPUS, "livecareer"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(CORPUS, "livecareer", dir.name)).map((name) => `livecareer/${dir.name}/${name}`),
    )
    .sort()
    .filter((_, index) => index % LIVECAREER_EVERY === 0);
  return [...publicFiles.sort(), ...livecareer];
}

const words = (value: string | null | undefined) =>
  [...(value ?? "").matchAll(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu)].map((match) => match[0]);
const distinctive = (value: string | null | undefined, min = 3) =>
  words(value).filter((word) => word.length >= min && !GENERIC.has(word.toLowerCase()));

function shownHas(shown: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, "iu").test(shown);
}

describe.skipIf(!existsSync(CORPUS))("blind review on the real corpus", () => {
  it("shows no word of the name, contact, links, schools, employers or places of any résumé", async () => {
    const labelled = labels();
    const leaks: string[] = [];
    let read = 0;
    for (const file of corpusFiles()) {
      const screened = await screenResume(readFileSync(path.join(CORPUS, file)), {
        fileName: path.basename(file),
        now: new Date("2026-11-22"),
        limits: LIMITS,
      });
      if (screened.text === null || screened.facts === null) continue; // unreadable on purpose (26–31, 77)
      read += 1;
      const { text, facts } = screened;
      const shown = maskedSegments(text, identityRanges(text, facts))
        .map((segment) => ("text" in segment ? segment.text : " "))
        .join("");
      const label = labelled.get(file);
      const terms: Array<[string, string]> = [];
      const name = label ? label.name : (facts.contact.name?.value ?? null);
      for (const word of distinctive(name, 2)) terms.push(["name", word]);
      for (const fact of [facts.contact.email, facts.contact.phone, ...facts.contact.links]) {
        if (fact) terms.push(["contact", fact.span.text]);
      }
      for (const entry of facts.education)
        for (const word of distinctive(entry.institution?.text)) terms.push(["school", word]);
      for (const role of facts.experience)
        for (const word of distinctive(role.organisation?.text)) terms.push(["employer", word]);
      for (const match of text.matchAll(
        /(?<![\p{L}])\p{Lu}[\p{L}.'-]{1,30}(?: \p{Lu}[\p{L}.'-]{1,30})?, ?[A-Z]{2}(?![\p{L}])/gu,
      ))
        terms.push(["place", match[0]]);
      for (const [kind, term] of terms) {
        const found = /^[\p{L}\p{M}'’-]+$/u.test(term)
          ? shownHas(shown, term)
          : shown.toLowerCase().includes(term.toLowerCase());
        if (found) leaks.push(`${file}: ${kind} "${term}"`);
      }
    }
    expect(read).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  }, 180_000);
});
