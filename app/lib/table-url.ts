// The candidates table keeps its state in the URL so views can be shared and reloaded.
import type { CandidateSort } from "@server/candidates/candidates-query.ts";

export type SortDir = "asc" | "desc";

/** A copy of `search` with `changes` applied; `null` removes a key. */
export function withParams(search: string, changes: Record<string, string | number | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/** Clicking a header sorts by it (text A→Z first, numbers high→low first); clicking again flips it. */
export function nextSort(current: { sort: CandidateSort; dir: SortDir }, key: CandidateSort, firstDir: SortDir) {
  const dir: SortDir = current.sort === key ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  return { sort: key, dir };
}
