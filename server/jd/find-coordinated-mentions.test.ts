import { describe, expect, it } from "vitest";
import { findSkillMentions } from "../taxonomy/index.ts";
import { findCoordinatedMentions } from "./find-coordinated-mentions.ts";

function coordinated(text: string) {
  return findCoordinatedMentions(text, findSkillMentions(text)).map((mention) => [mention.skillId, mention.text]);
}

describe("skills named through coordination", () => {
  it("joins each earlier conjunct to the shared head noun", () => {
    expect(coordinated("experience with recommendation or ranking systems")).toEqual([
      ["recommender_systems", "recommendation or ranking systems"],
    ]);
    expect(coordinated("unit and integration tests")).toEqual([["unit_testing", "unit and integration tests"]]);
    expect(coordinated("search indexing, retrieval and ranking systems")).toEqual([
      ["search_ranking", "retrieval and ranking systems"],
    ]);
  });

  it("adds nothing when the joined phrase is not an alias as a whole", () => {
    expect(coordinated("Python and Java developers")).toEqual([]);
    expect(coordinated("Docker and Kubernetes clusters")).toEqual([]);
  });

  it("keeps spans exact", () => {
    const text = "You know batch and streaming pipelines well.";
    for (const mention of findCoordinatedMentions(text, findSkillMentions(text))) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
  });
});
