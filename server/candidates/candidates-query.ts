// The candidates table's state in the URL (?sort=overall&dir=desc&page=2), validated at the edge.
import { z } from "zod";

export const CANDIDATE_SORT_KEYS = [
  "name",
  "overall",
  "production",
  "ml",
  "years",
  "status",
  "stage",
  "uploaded",
] as const;
export const CandidateSortSchema = z.enum(CANDIDATE_SORT_KEYS);
export type CandidateSort = z.infer<typeof CandidateSortSchema>;

export const PAGE_SIZES = [25, 50, 100] as const;

export const CandidatesQuerySchema = z.object({
  sort: CandidateSortSchema.default("uploaded"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int("page must be a whole number").min(1, "page starts at 1").max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `pageSize must be one of ${PAGE_SIZES.join(", ")}`)
    .default(50),
});
export type CandidatesQuery = z.infer<typeof CandidatesQuerySchema>;

export class InvalidQueryError extends Error {
  override name = "InvalidQueryError";
}

/** Reads the table state from URL search params; unknown values are a clear error, not a guess. */
export function parseCandidatesQuery(params: URLSearchParams): CandidatesQuery {
  const raw = Object.fromEntries(
    ["sort", "dir", "page", "pageSize"].flatMap((key) => {
      const value = params.get(key);
      return value === null || value === "" ? [] : [[key, value]];
    }),
  );
  const result = CandidatesQuerySchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join(".");
      if (key === "sort") return `sort must be one of: ${CANDIDATE_SORT_KEYS.join(", ")}`;
      if (key === "dir") return "dir must be asc or desc";
      return `${key}: ${issue.message}`;
    });
    throw new InvalidQueryError(problems.join("; "));
  }
  return result.data;
}
