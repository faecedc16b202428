// Display helpers shared by server and browser code (only browser-safe server modules here).
import { BACKGROUND_LABELS, DEGREE_LABELS } from "@server/contract/vocabulary.ts";
import type { ProcessingStatus } from "@server/generated/prisma/enums.ts";
import { scoreBand } from "@server/ranking/score-band.ts";

// The lists and their labels are defined once, in server/contract/vocabulary.ts.
export {
  PROCESSING_STATE_LABELS as STATUS_LABELS,
  PROCESSING_STATES as STATUS_ORDER,
  STAGE_LABELS,
  STAGES as STAGE_ORDER,
} from "@server/contract/vocabulary.ts";

export const EMPTY = "—";

/**
 * What a scan says instead of its bare state while it waits for OCR or is read by it (null: not
 * a scan, or finished). A first, text-only reading found its pages without text; it waits at scan
 * priority behind the text résumés (server/queue/parse-queue.ts), so "Queued" alone would look stuck.
 */
export function scanStatusWords(
  status: ProcessingStatus,
  scanPages: number | null | undefined,
): { label: string; sentence: string } | null {
  if (!scanPages) return null;
  const pages = plural(scanPages, "scanned page");
  if (status === "QUEUED")
    return {
      label: "Waiting for OCR",
      sentence: `A scan (${pages}): it is read by OCR after the text résumés in the queue, a few seconds a page.`,
    };
  if (status === "PROCESSING")
    return { label: "Reading scan", sentence: `Reading ${pages} by OCR, a few seconds a page.` };
  return null;
}

export function degreeLabel(value: string | null): string {
  return value ? (DEGREE_LABELS[value as keyof typeof DEGREE_LABELS] ?? value) : EMPTY;
}

export function backgroundLabel(value: string | null): string {
  return value ? (BACKGROUND_LABELS[value as keyof typeof BACKGROUND_LABELS] ?? value.replace(/_/g, " ")) : EMPTY;
}

export function formatScore(value: number | null): string {
  return value === null ? EMPTY : String(Math.round(value));
}

/** A dimension score's band in words (none, little, some, solid, strong); "" when unscored. */
export function bandLabel(value: number | null): string {
  return value === null ? "" : scoreBand(value);
}

/** "62 (solid)": a dimension score with its band, for text (tooltips, tables, accessible names). */
export function formatScoreWithBand(value: number | null): string {
  return value === null ? EMPTY : `${formatScore(value)} (${scoreBand(value)})`;
}

export function formatYears(value: number | null): string {
  if (value === null) return EMPTY;
  return value < 10 ? value.toFixed(1).replace(/\.0$/, "") : String(Math.round(value));
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

// One wording for sizes in the UI and in extraction errors (errors.ts imports only types).
export { formatBytes } from "@server/extraction/errors.ts";

/** A date that renders the same on server and client (UTC), used before hydration. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then a date. */
export function formatRelative(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} day${days === 1 ? "" : "s"} ago`;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
