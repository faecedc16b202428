import { describe, expect, it } from "vitest";
import { anonymousLabel, identityVisible } from "./blind-review.ts";

describe("blind review", () => {
  it("hides identity on blind requisitions until the candidate is shortlisted", () => {
    expect(identityVisible(false, "NEW")).toBe(true);
    expect(identityVisible(true, "NEW")).toBe(false);
    expect(identityVisible(true, "SCREENING")).toBe(false);
    expect(identityVisible(true, "REJECTED")).toBe(false);
    expect(identityVisible(true, "SHORTLISTED")).toBe(true);
  });

  it("labels hidden candidates stably and without identity", () => {
    expect(anonymousLabel("clx9a8b7c6d5e4f3g2h1")).toBe("Candidate F3G2H1");
    expect(anonymousLabel("clx9a8b7c6d5e4f3g2h1")).toBe(anonymousLabel("clx9a8b7c6d5e4f3g2h1"));
  });
});
