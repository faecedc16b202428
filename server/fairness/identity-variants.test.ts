import { describe, expect, it } from "vitest";
import { SWAP_NAMES, identityVariants, swapGenderedWords, swapName, swapPronouns } from "./identity-variants.ts";

describe("swapName", () => {
  const to = SWAP_NAMES.find((name) => name.given === "Lakisha")!;

  it("replaces the full name in any case, its words as written, and e-mail local parts", () => {
    const text =
      "PRIYA RAMAN\npriya.raman@example.com · praman@example.org\nPriya led the team. Raman Labs. Priya Raman.";
    expect(swapName(text, "Priya Raman", to)).toBe(
      "LAKISHA WASHINGTON\nlakisha.washington@example.com · pwashington@example.org\n" +
        "Lakisha led the team. Washington Labs. Lakisha Washington.",
    );
  });

  it("leaves a lower-case word that happens to be a name alone", () => {
    expect(swapName("Will Young\nI will help young teams.", "Will Young", to)).toBe(
      "Lakisha Washington\nI will help young teams.",
    );
  });

  it("writes accents in text and plain letters in e-mail addresses", () => {
    const jose = SWAP_NAMES.find((name) => name.given === "José")!;
    expect(swapName("Ann Lee\nann.lee@example.com", "Ann Lee", jose)).toBe("José García\njose.garcia@example.com");
  });
});

describe("swapPronouns", () => {
  it("turns every pronoun to one set, keeping capitals", () => {
    const text = "He built it himself; his team and hers. She said THEY would ask them about their work.";
    expect(swapPronouns(text, "she")).toBe(
      "She built it herself; her team and hers. She said SHE would ask her about her work.",
    );
    expect(swapPronouns(text, "they")).toBe(
      "They built it themselves; their team and theirs. They said THEY would ask them about their work.",
    );
  });

  it("does not touch words that contain a pronoun", () => {
    expect(swapPronouns("Theme, hero, heap, history, shell", "she")).toBe("Theme, hero, heap, history, shell");
  });
});

describe("swapGenderedWords", () => {
  it("swaps the gendered words both ways, keeping capitals", () => {
    const text = "Chairman of Sigma Chi Fraternity; Men's rowing; Mr. Smith's spokesman; fraternities.";
    const feminine = swapGenderedWords(text, "feminine");
    expect(feminine).toBe("Chairwoman of Sigma Chi Sorority; Women's rowing; Ms. Smith's spokeswoman; sororities.");
    expect(swapGenderedWords(feminine, "masculine")).toBe(text);
  });

  it("never reads a Master of Science (MS) as an honorific", () => {
    expect(swapGenderedWords("MS in Computer Science, Ms. Lee", "masculine")).toBe("MS in Computer Science, Mr. Lee");
    expect(swapGenderedWords("Mrs. Lee", "masculine")).toBe("Mr. Lee");
  });
});

describe("identityVariants", () => {
  it("gives a variant per name, pronoun set and direction that changes the text, then the combined ones", () => {
    const text = "Jane Doe\nSUMMARY\nShe led her sorority's data team.\n";
    const variants = identityVariants(text, { name: "Jane Doe" });
    const kinds = variants.map((variant) => variant.cue.kind);
    expect(kinds.filter((kind) => kind === "name")).toHaveLength(SWAP_NAMES.length);
    // "she" changes nothing, so two pronoun variants; "feminine" changes nothing either.
    expect(variants.filter((variant) => variant.cue.kind === "pronouns").map((v) => v.cue.description)).toEqual([
      "pronouns → he/him/his",
      "pronouns → they/them/their",
    ]);
    expect(variants.filter((variant) => variant.cue.kind === "gendered-words")).toHaveLength(1);
    expect(variants.at(-1)!.text).toBe("Greg Baker\nSUMMARY\nHe led his fraternity's data team.\n");
    expect(identityVariants(text, { name: "Jane Doe" })).toEqual(variants);
  });

  it("gives no name variants without a name, and nothing for a text without cues", () => {
    expect(identityVariants("SKILLS\nPython, PyTorch\n", { name: null })).toEqual([]);
  });
});
