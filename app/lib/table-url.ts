// The candidates table keeps its state in the URL so views can be shared, reloaded and walked
// with the back button. These helpers turn clicks (sort headers, filter chips, the filter form)
// into new search strings; the server validates them (server/candidates/candidates-query.ts).
import { DEFAULT_SORT, type CandidateSort, type SortKey } from "@server/candidates/candidates-query.ts";

export type SortDir = "asc" | "desc";
export type { SortKey };

/** Mirrors MAX_SORT_KEYS of the server's query schema. */
export const MAX_SORTS = 3;

/** A copy of `search` with `changes` applied; `null` (or "") removes a key. */
export function withParams(search: string, changes: Record<string, string | number | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}

const flip = (dir: SortDir): SortDir => (dir === "asc" ? "desc" : "asc");

/**
 * The sort after a header click. A plain click sorts by that column alone (flipping it when it is
 * already sorted); a shift+click adds it as the next key, flips it, or on a third click removes it
 * (asc → desc → off, starting from the column's first direction), keeping at most MAX_SORTS keys.
 * The default sort (overall, best first) is shown on its header like any other, so a shift+click
 * on another column adds to it even when the URL names no sort.
 */
export function nextSorts(
  current: readonly SortKey[],
  key: CandidateSort,
  firstDir: SortDir,
  options: { multi?: boolean } = {},
): SortKey[] {
  const existing = current.find((s) => s.key === key);
  if (!options.multi || current.length === 0) {
    return [{ key, dir: existing ? flip(existing.dir) : firstDir }];
  }
  if (!existing) {
    const kept = current.length >= MAX_SORTS ? current.slice(0, MAX_SORTS - 1) : [...current];
    return [...kept, { key, dir: firstDir }];
  }
  if (existing.dir === firstDir || current.length === 1) {
    return current.map((s) => (s.key === key ? { key, dir: flip(s.dir) } : s));
  }
  return current.filter((s) => s.key !== key);
}

/**
 * `sort` and `dir` params for a list of sort keys, in the server's format: the first key's
 * direction in `dir`, later keys as `key:dir`. The default sort leaves both out.
 */
export function sortParams(sorts: readonly SortKey[]): { sort: string | null; dir: string | null } {
  const [first] = sorts;
  if (!first || (sorts.length === 1 && first.key === DEFAULT_SORT.key && first.dir === DEFAULT_SORT.dir)) {
    return { sort: null, dir: null };
  }
  return {
    sort: sorts.map((s, i) => (i === 0 ? s.key : `${s.key}:${s.dir}`)).join(","),
    dir: first.dir,
  };
}

/** The search string after a header click: new sort, back to page 1, filters kept. */
export function sortSearch(
  search: string,
  current: readonly SortKey[],
  key: CandidateSort,
  firstDir: SortDir,
  multi: boolean,
): string {
  return withParams(search, { ...sortParams(nextSorts(current, key, firstDir, { multi })), page: null });
}

/** The values of a comma-separated list param (`stage=NEW,SCREENING`). */
export function listParam(search: string, key: string): string[] {
  const value = new URLSearchParams(search).get(key);
  return value
    ? value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
}

/** Adds or removes one value of a list param, keeping `order` (so URLs stay canonical); page 1. */
export function toggleListParam(search: string, key: string, value: string, order: readonly string[]): string {
  const values = new Set(listParam(search, key));
  if (values.has(value)) values.delete(value);
  else values.add(value);
  const ordered = [...order.filter((v) => values.has(v)), ...[...values].filter((v) => !order.includes(v))];
  return withParams(search, { [key]: ordered.length ? ordered.join(",") : null, page: null });
}

/** Every filter param the table understands (mirrors FILTER_KEYS of the server's query schema). */
export const FILTER_PARAMS = [
  "stage",
  "status",
  "background",
  "overallMin",
  "overallMax",
  "productionMin",
  "productionMax",
  "mlMin",
  "mlMax",
  "mustHaves",
  "yearsMin",
  "q",
  "review",
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** Sets filter values (blank or null removes them), trims text and goes back to page 1. */
export function withFilters(search: string, changes: Partial<Record<FilterParam, string | null>>): string {
  const cleaned = Object.fromEntries(
    Object.entries(changes).map(([key, value]) => [key, value === null || value === undefined ? null : value.trim()]),
  );
  return withParams(search, { ...cleaned, page: null });
}

/** Removes every filter, keeping the sort and the page size. */
export function clearFilters(search: string): string {
  return withParams(search, { ...Object.fromEntries(FILTER_PARAMS.map((key) => [key, null])), page: null });
}

/** How many filters the URL sets (a score range counts once per bound). */
export function activeFilterCount(search: string): number {
  const params = new URLSearchParams(search);
  return FILTER_PARAMS.filter((key) => (params.get(key) ?? "").trim() !== "").length;
}

/** The table's search string for links out of it (candidate pages keep the view for prev/next). */
export function tableSearch(search: string): string {
  return search && search !== "?" ? (search.startsWith("?") ? search : `?${search}`) : "";
}
