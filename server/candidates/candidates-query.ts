// The candidates table's state in the URL, validated at the edge, so a view can be shared and
// reloaded: sorting (several columns), filters, text search and the page.
//
//   ?sort=overall,years:asc&dir=desc          sort by overall (desc), then years (asc); none: best first
//   &stage=NEW,SCREENING&status=DONE          only these stages / processing states
//   &background=software_engineer             only these backgrounds (server/scoring/backgrounds.ts)
//   &overallMin=50&mlMin=40&productionMax=90  score ranges, 0–100, inclusive
//   &mustHaves=met                            every must-have skill shown (or "missing")
//   &yearsMin=3                               at least this many years of experience
//   &status=NEEDS_REVIEW                      only résumés read by OCR that need review (also &review=needed)
//   &q=kubernetes                             skill name or alias, or name / file name
//   &page=2&pageSize=50
import { z } from "zod";
import { BackgroundSchema } from "../contract/screening-result.ts";
import { PROCESSING_STATES, STAGES } from "../contract/vocabulary.ts";
import { AppError } from "../errors/app-error.ts";

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
export type SortDir = "asc" | "desc";
export interface SortKey {
  key: CandidateSort;
  dir: SortDir;
}

export const PAGE_SIZES = [25, 50, 100] as const;
export const MAX_SORT_KEYS = 3;
/**
 * The order a table opens in: best first. Unscored rows (still being read, or failed) have no
 * overall score and sort last (NULLS LAST), so a failed file never tops the ranking.
 */
export const DEFAULT_SORT: SortKey = { key: "overall", dir: "desc" };
export const SCORE_FILTER_KEYS = ["overall", "production", "ml"] as const;

const score = z.coerce
  .number({ invalid_type_error: "must be a number" })
  .min(0, "must be 0–100")
  .max(100, "must be 0–100");
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item));

const FiltersSchema = z.object({
  stage: list(z.enum(STAGES)).optional(),
  status: list(z.enum(PROCESSING_STATES)).optional(),
  background: list(BackgroundSchema).optional(),
  overallMin: score.optional(),
  overallMax: score.optional(),
  productionMin: score.optional(),
  productionMax: score.optional(),
  mlMin: score.optional(),
  mlMax: score.optional(),
  mustHaves: z.enum(["met", "missing"]).optional(),
  /** Only résumés OCR read with low confidence that no one has reviewed yet: the same as status=NEEDS_REVIEW (kept for older links). */
  review: z.enum(["needed"]).optional(),
  yearsMin: z.coerce.number({ invalid_type_error: "must be a number" }).min(0).max(60).optional(),
  q: z.string().trim().max(100, "search is limited to 100 characters").optional(),
});
export type CandidateFilters = z.infer<typeof FiltersSchema>;
export const FILTER_KEYS = Object.keys(FiltersSchema.shape) as Array<keyof CandidateFilters>;

const PagingSchema = z.object({
  dir: z.enum(["asc", "desc"]).default(DEFAULT_SORT.dir),
  page: z.coerce.number().int("page must be a whole number").min(1, "page starts at 1").max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `pageSize must be one of ${PAGE_SIZES.join(", ")}`)
    .default(50),
});

export interface CandidatesQuery {
  /** The primary sort (also the first entry of `sorts`). */
  sort: CandidateSort;
  dir: SortDir;
  /** Every sort key in order of precedence (at most MAX_SORT_KEYS). */
  sorts: SortKey[];
  filters: CandidateFilters;
  page: number;
  pageSize: number;
}

/** An invalid table setting (`invalid_input`); callers add where it came from (a link, an export, a view). */
const invalidQuery = (message: string) => new AppError("invalid_input", message);

function parseSorts(raw: string | null, defaultDir: SortDir): SortKey[] {
  if (raw === null || raw.trim() === "") return [{ key: DEFAULT_SORT.key, dir: defaultDir }];
  const sorts: SortKey[] = [];
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, dir, extra] = part.split(":");
    const parsedKey = CandidateSortSchema.safeParse(key);
    if (!parsedKey.success || extra !== undefined)
      throw invalidQuery(
        `sort must be one of: ${CANDIDATE_SORT_KEYS.join(", ")} (optionally key:asc or key:desc, comma-separated)`,
      );
    if (dir !== undefined && dir !== "asc" && dir !== "desc")
      throw invalidQuery(`sort direction of ${key} must be asc or desc`);
    if (sorts.some((s) => s.key === parsedKey.data)) continue;
    sorts.push({ key: parsedKey.data, dir: (dir as SortDir | undefined) ?? defaultDir });
  }
  if (sorts.length === 0) return [{ key: DEFAULT_SORT.key, dir: defaultDir }];
  if (sorts.length > MAX_SORT_KEYS) throw invalidQuery(`sort by at most ${MAX_SORT_KEYS} columns`);
  return sorts;
}

const present = (params: URLSearchParams, key: string) => {
  const value = params.get(key);
  return value === null || value.trim() === "" ? [] : [[key, value] as const];
};

/** Reads the table state from URL search params; an unknown value is a clear error, not a guess. */
export function parseCandidatesQuery(params: URLSearchParams): CandidatesQuery {
  const paging = PagingSchema.safeParse(
    Object.fromEntries(["dir", "page", "pageSize"].flatMap((key) => present(params, key))),
  );
  const filters = FiltersSchema.safeParse(Object.fromEntries(FILTER_KEYS.flatMap((key) => present(params, key))));
  const problems = [
    ...(paging.success ? [] : paging.error.issues),
    ...(filters.success ? [] : filters.error.issues),
  ].map((issue) => {
    const key = String(issue.path[0] ?? "");
    if (key === "dir") return "dir must be asc or desc";
    if (key === "stage") return `stage must be any of: ${STAGES.join(", ")}`;
    if (key === "status") return `status must be any of: ${PROCESSING_STATES.join(", ")}`;
    if (key === "background") return `background must be any of: ${BackgroundSchema.options.join(", ")}`;
    if (key === "mustHaves") return "mustHaves must be met or missing";
    return `${key}: ${issue.message}`;
  });
  if (problems.length) throw invalidQuery(problems.join("; "));
  const { dir, page, pageSize } = paging.data!;
  const f = filters.data!;
  for (const key of SCORE_FILTER_KEYS) {
    const min = f[`${key}Min`];
    const max = f[`${key}Max`];
    if (min !== undefined && max !== undefined && min > max)
      throw invalidQuery(`${key}Min (${min}) is above ${key}Max (${max})`);
  }
  if (f.q === "") delete f.q;
  const sorts = parseSorts(params.get("sort"), dir);
  return { sort: sorts[0]!.key, dir: sorts[0]!.dir, sorts, filters: f, page, pageSize };
}

/** The URL search params of a query (defaults left out), so links keep the table's view. */
export function candidatesQueryToParams(query: CandidatesQuery): URLSearchParams {
  const params = new URLSearchParams();
  const isDefaultSort = query.sorts.length === 1 && query.sort === DEFAULT_SORT.key && query.dir === DEFAULT_SORT.dir;
  if (!isDefaultSort) {
    params.set("sort", query.sorts.map((s, i) => (i === 0 ? s.key : `${s.key}:${s.dir}`)).join(","));
    params.set("dir", query.dir);
  }
  for (const key of FILTER_KEYS) {
    const value = query.filters[key];
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.pageSize !== 50) params.set("pageSize", String(query.pageSize));
  return params;
}

export function hasFilters(filters: CandidateFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}
