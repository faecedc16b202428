// Hedges: phrases with which a candidate says a skill is weak ("familiar with", "basic",
// "not productionised"). A hedge multiplies the weight of the mentions it covers by `factor`
// (1 = no hedge). Values follow how much real use the phrase admits to: wanting to learn (0.2)
// < learning (0.35) < beginner (0.4) < exposure/introductory (0.45) < basic (0.5) < coursework,
// familiarity, "some experience" (0.6). "Not productionised" says the ML work was real but the
// production side is missing, so it hedges production mentions hard and ML mentions lightly.
//
// Scope (see hedge-scope.ts): never beyond the clause (sentence end, line, bullet, ";" or "|").
//   forward:  from the hedge to the end of the clause ("familiar with Docker, Kubernetes");
//   clause:   the whole clause ("Built a churn model in XGBoost, never deployed");
//   either:   postfix when it rates the item before it ("Docker (basic)", "Kubernetes: beginner",
//             "Rust - learning"), otherwise forward ("basic Docker and Kubernetes").
// Several hedges on one mention: the lowest factor wins (they are not multiplied).
import type { Dimension } from "../contract/screening-result.ts";

export type HedgeDirection = "forward" | "clause" | "either";

export interface Hedge {
  id: string;
  /** Regex source, matched case-insensitively on whole words. */
  pattern: string;
  factor: number | Readonly<Record<Dimension, number>>;
  direction: HedgeDirection;
}

export const HEDGES: readonly Hedge[] = [
  {
    id: "wants_to_learn",
    pattern: String.raw`(?:interested in|keen to learn|eager to learn|would (?:like|love) to learn|want(?:s)? to learn|hop(?:e|ing) to learn|plan(?:ning)? to learn)`,
    factor: 0.2,
    direction: "forward",
  },
  {
    id: "learning",
    pattern: String.raw`(?:currently learning|now learning|still learning|(?:am|I'm|I am) learning|self-studying|(?<=(?:^|[\n;•|(:,]|\s[-–—])\s*)learning(?!\s+(?:to rank|rates?|curves?|algorithms?|systems?|models?|paths?|objectives?)\b))`,
    factor: 0.35,
    direction: "either",
  },
  { id: "beginner", pattern: String.raw`(?:beginners?|novice)(?:[- ]level)?`, factor: 0.4, direction: "either" },
  {
    id: "exposure",
    pattern: String.raw`(?:(?:some|limited|brief|basic|minimal) )?(?:exposure to|introduction to|intro to)|introductory`,
    factor: 0.45,
    direction: "either",
  },
  {
    id: "basic",
    pattern: String.raw`(?:basic|elementary|rudimentary)(?: (?:knowledge|understanding|familiarity|experience|skills))?(?: (?:of|with|in))?|basics of`,
    factor: 0.5,
    direction: "either",
  },
  {
    id: "theoretical",
    pattern: String.raw`(?:theoretical|conceptual) (?:knowledge|understanding)(?: of| in)?`,
    factor: 0.5,
    direction: "either",
  },
  {
    id: "familiar",
    pattern: String.raw`(?:familiar(?:ity)?|acquainted|acquaintance)(?: with)?|aware(?:ness)? of`,
    factor: 0.6,
    direction: "either",
  },
  {
    id: "some_experience",
    pattern: String.raw`(?:some|limited|little|minimal|light) (?:experience|knowledge|understanding|hands-on experience)(?: (?:of|with|in))?`,
    factor: 0.6,
    direction: "either",
  },
  {
    id: "coursework",
    pattern: String.raw`(?:relevant )?coursework(?: (?:in|on))?|(?:online |university )?courses? (?:in|on)|took (?:an? )?(?:online )?(?:course|class)(?: (?:in|on))?|MOOCs?|(?:received|attended|completed|underwent|took) (?:an? )?(?:\w+ )?training (?:in|on)|training courses? (?:in|on)`,
    factor: 0.6,
    direction: "either",
  },
  {
    id: "not_productionised",
    pattern: String.raw`(?:not (?:yet )?(?:productioni[sz]ed|deployed|in production|shipped)|never (?:deployed|productioni[sz]ed|shipped|went to production)|prototypes? only|only (?:an? )?prototypes?|proofs? of concept only|PoC only|toy projects?|notebook-only|only in (?:Jupyter )?notebooks)`,
    factor: { production: 0.25, ml: 0.8 },
    direction: "clause",
  },
];

export function hedgeFactor(hedge: Hedge, dimension: Dimension): number {
  return typeof hedge.factor === "number" ? hedge.factor : hedge.factor[dimension];
}
