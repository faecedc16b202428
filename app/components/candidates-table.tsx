// The candidates table. Sorting, filtering and paging happen on the server: headers are links
// that change ?sort= in the URL (shift+click adds a secondary key), and TanStack Table renders the
// page it is given, with column visibility and row selection. Selected rows (or every candidate
// matching the view) go to the bulk route; failed rows can be retried. Rows are keyboard
// navigable: ↑/↓ or j/k move, Enter opens, x or Space selects.
// Fit: every column has a priority; the table shows those that fit a 1280 px laptop and the rest
// are one click away in the column menu. Under 720 px the same rows render as cards (app.css,
// helper "fit"): each cell carries its column's name in data-label, the headers become sort links.
import { Link, useFetcher, useLocation, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type RowData,
  type RowSelectionState,
  type VisibilityState,
} from "@tanstack/react-table";
import type { CandidateSort } from "@server/candidates/candidates-query.ts";
import { isRetryableFailure } from "@server/candidates/retryable-failures.ts";
import type { Stage } from "@server/generated/prisma/enums.ts";
import type { LabelledCandidateRow as CandidateRow } from "~/lib/candidates.server.ts";
import { backgroundLabel, bandLabel, degreeLabel, EMPTY, formatScore, formatYears } from "~/lib/format.ts";
import { sortSearch, tableSearch, type SortDir, type SortKey } from "~/lib/table-url.ts";
import type { BulkActionData } from "~/routes/requisitions.$id.candidates.bulk.tsx";
import { BulkActionBar } from "./bulk-action-bar.tsx";
import { ColumnMenu, useColumnVisibility, type ColumnOption } from "./column-menu.tsx";
import { DuplicateChip } from "./duplicate-chip.tsx";
import { MatchChips } from "./match-chips.tsx";
import { RelativeTime } from "./relative-time.tsx";
import { StageBadge } from "./stage-badge.tsx";
import { StatusBadge } from "./status-badge.tsx";

declare module "@tanstack/react-table" {
  // TanStack's declaration merging must repeat its type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server's sort key for this column; columns without one are not sortable. */
    sortKey?: CandidateSort;
    /** Direction of the first click: A→Z for text, high→low for numbers and dates. */
    firstDir?: SortDir;
    numeric?: boolean;
    className?: string;
    /** The words for the column in sort hints and the caption. */
    label?: string;
    /**
     * 1: always shown; 2: shown by default; 3: in the column menu only (hidden by default so the
     * table fits a 1280 px window without sideways scrolling).
     */
    priority?: 1 | 2 | 3;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- as above
  interface TableMeta<TData extends RowData> {
    /** The requisition's current weights version: rows ranked with another one are flagged. */
    weightsVersion: number;
    requirements: Requirements;
    /** The candidate page of a row, carrying the table's view (prev/next follow its order). */
    candidateHref: (id: string) => string;
    canRetry: boolean;
    retryAction: string;
    onResult: (data: BulkActionData) => void;
    /** The row holding the keyboard tab stop: only its gap chips are in the tab order. */
    activeRowId: string | null;
  }
}

/** What the requisition asks for, so flags only appear for what is actually required. */
export interface Requirements {
  mustHaveCount: number;
  minYears: number | null;
}

const column = createColumnHelper<CandidateRow>();

/** Missing values show a muted dash, never an empty cell or a made-up zero. */
function Maybe({ text }: { text: string }) {
  return text === EMPTY ? <span className="muted">{EMPTY}</span> : <>{text}</>;
}

/** Score bands, as on the candidate page: strong ≥ 70, moderate ≥ 40 (the gap threshold), weak below. */
function band(score: number): "strong" | "moderate" | "weak" {
  if (score >= 70) return "strong";
  if (score >= 40) return "moderate";
  return "weak";
}

/** A score with its bar; dimension scores carry their band in words (none … strong) in its place. */
function ScoreCell({ value, withBand = false }: { value: number | null; withBand?: boolean }) {
  if (value === null) return <span className="muted">{EMPTY}</span>;
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <span className={`score score--${band(value)}`}>
      <span className="score__value">{formatScore(value)}</span>
      {withBand ? (
        <span className="score__band">{bandLabel(value)}</span>
      ) : (
        <span className="score__bar" aria-hidden="true">
          <span className="score__fill" style={{ width: `${clamped}%` }} />
        </span>
      )}
    </span>
  );
}

function RetryButton({
  id,
  label,
  action,
  onResult,
}: {
  id: string;
  label: string;
  action: string;
  onResult: (data: BulkActionData) => void;
}) {
  const fetcher = useFetcher<BulkActionData>();
  const handled = useRef<BulkActionData | null>(null);
  useEffect(() => {
    // The answer is shown as soon as it arrives; the table refreshes when revalidation is done.
    if (fetcher.state !== "submitting" && fetcher.data && fetcher.data !== handled.current) {
      handled.current = fetcher.data;
      onResult(fetcher.data);
    }
  }, [fetcher.state, fetcher.data, onResult]);
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={action} className="retry-form">
      <input type="hidden" name="intent" value="retry" />
      <input type="hidden" name="scope" value="selected" />
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="button button--small retry-button"
        disabled={busy}
        aria-label={`Retry reading ${label}`}
        data-testid="retry-row"
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : <span aria-hidden="true">↻</span>}
        Retry
      </button>
    </fetcher.Form>
  );
}

// Columns hold values of different types; TanStack types such a list with `any` (its docs do the same).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const columns: ColumnDef<CandidateRow, any>[] = [
  column.display({
    id: "select",
    meta: { className: "col-select", priority: 1 },
    header: ({ table }) => (
      <input
        type="checkbox"
        className="row-check"
        aria-label="Select all candidates on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(input) => {
          if (input) input.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
        disabled={table.getRowModel().rows.length === 0}
        data-testid="select-page"
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="row-check"
        aria-label={`Select ${row.original.label}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
        tabIndex={-1}
        data-testid="select-row"
      />
    ),
  }),
  column.accessor("label", {
    id: "name",
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc", className: "col-name", label: "name", priority: 1 },
    cell: ({ row: { original }, table }) => {
      const href = table.options.meta!.candidateHref(original.id);
      return (
        <div className="name-cell">
          <Link
            to={href}
            className={`name-cell__name${original.name ? "" : " is-fallback"}`}
            data-testid="candidate-name"
            tabIndex={-1}
          >
            {original.label}
          </Link>
          {original.identityHidden ? (
            <span
              className="name-cell__hidden"
              data-testid="identity-hidden"
              title="Blind review: the name, contact details and file stay hidden until the candidate is shortlisted"
            >
              <span aria-hidden="true">◌</span> identity hidden
            </span>
          ) : original.name && original.fileName && original.fileName !== original.name ? (
            <span className="name-cell__file">{original.fileName}</span>
          ) : null}
          <DuplicateChip applicationId={original.id} href={href} />
          <MatchChips matches={original.matches} />
        </div>
      );
    },
  }),
  column.accessor("stage", {
    header: "Stage",
    meta: { sortKey: "stage", firstDir: "asc", className: "col-stage", label: "stage", priority: 2 },
    cell: (info) => <StageBadge stage={info.getValue()} />,
  }),
  column.accessor("overallScore", {
    id: "overall",
    header: "Overall",
    meta: {
      sortKey: "overall",
      firstDir: "desc",
      numeric: true,
      className: "col-score col-score--overall",
      label: "overall score",
      priority: 1,
    },
    cell: ({ getValue, row: { original }, table }) => {
      const current = table.options.meta?.weightsVersion;
      const stale = original.weightsVersion !== null && current !== undefined && original.weightsVersion !== current;
      return (
        <span className="overall-cell">
          {stale ? (
            <span
              className="version-flag"
              title={`Ranked with weights v${original.weightsVersion}; the current weights are v${current}`}
              data-testid="stale-version"
            >
              v{original.weightsVersion}
            </span>
          ) : null}
          {original.status === "NEEDS_REVIEW" ? (
            // Read by OCR with low confidence: left out of the ranking, not scored as a weak résumé.
            <span
              className="muted small"
              title="Read by OCR with low confidence: not ranked until someone checks the text"
              data-testid="not-ranked"
            >
              not ranked
            </span>
          ) : (
            <ScoreCell value={getValue()} />
          )}
        </span>
      );
    },
  }),
  column.accessor("productionScore", {
    id: "production",
    header: "Production",
    meta: {
      sortKey: "production",
      firstDir: "desc",
      numeric: true,
      className: "col-score",
      label: "production score",
      priority: 2,
    },
    cell: (info) => <ScoreCell value={info.getValue()} withBand />,
  }),
  column.accessor("mlScore", {
    id: "ml",
    header: "ML",
    meta: { sortKey: "ml", firstDir: "desc", numeric: true, className: "col-score", label: "ML score", priority: 2 },
    cell: (info) => <ScoreCell value={info.getValue()} withBand />,
  }),
  column.accessor("gapAreas", {
    id: "gaps",
    header: "Gaps",
    meta: { className: "col-gaps", priority: 2 },
    cell: ({ getValue, row: { original }, table }) => {
      const gaps = getValue() as CandidateRow["gapAreas"];
      if (original.status !== "DONE") return <span className="muted">{EMPTY}</span>;
      if (gaps.length === 0) return <span className="muted small">None</span>;
      // Two gaps keep the row on one line; the rest are named in the "+N" chip. Each chip shows
      // the area's short name; its full wording is the chip's tooltip on hover and on focus and its
      // accessible description.
      const shown = gaps.slice(0, 2);
      const more = gaps.slice(2);
      const tabIndex = table.options.meta?.activeRowId === original.id ? 0 : -1;
      const chip = (key: string, label: string, full: string, className = "gap") => {
        const id = `gap-${original.id}-${key}`;
        return (
          <li key={key} className={className}>
            <span className="gap__label" title={full} tabIndex={tabIndex} aria-describedby={id} data-testid="gap-chip">
              {label}
            </span>
            <span id={id} className="gap__full" role="tooltip">
              {full}
            </span>
          </li>
        );
      };
      return (
        <ul className="gap-list" data-testid="gaps">
          {shown.map((gap) => chip(gap.id, gap.name, gap.title))}
          {more.length > 0
            ? chip("more", `+${more.length}`, more.map((gap) => gap.title).join("; "), "gap gap--more")
            : null}
        </ul>
      );
    },
  }),
  column.display({
    id: "flags",
    header: "Requirements",
    meta: { className: "col-flags", priority: 2 },
    cell: ({ row: { original }, table }) => {
      const requirements = table.options.meta?.requirements;
      if (original.status !== "DONE" || !requirements) return <span className="muted">{EMPTY}</span>;
      const flags = [];
      if (requirements.mustHaveCount > 0) {
        flags.push(
          original.missingMustHaveNames.length === 0 ? (
            <span key="must" className="flag flag--ok">
              ✓ must-haves
            </span>
          ) : (
            // A count keeps the column narrow; the names are in the tooltip and read out.
            <span
              key="must"
              className="flag flag--miss"
              title={`Missing must-haves: ${original.missingMustHaveNames.join(", ")}`}
              data-testid="missing-must-haves"
            >
              missing {original.missingMustHaveNames.length} of {requirements.mustHaveCount}
              <span className="visually-hidden">: {original.missingMustHaveNames.join(", ")}</span>
            </span>
          ),
        );
      }
      if (requirements.minYears !== null && original.meetsMinYears !== null) {
        flags.push(
          original.meetsMinYears ? (
            <span key="years" className="flag flag--ok">
              ✓ {formatYears(requirements.minYears)}+ yrs
            </span>
          ) : (
            <span key="years" className="flag flag--miss">
              under {formatYears(requirements.minYears)} yrs
            </span>
          ),
        );
      }
      if (flags.length === 0) return <span className="muted">{EMPTY}</span>;
      return (
        <div className="flags" data-testid="flags">
          {flags}
        </div>
      );
    },
  }),
  column.accessor("yearsExperience", {
    id: "years",
    header: "Years",
    meta: {
      sortKey: "years",
      firstDir: "desc",
      numeric: true,
      className: "col-years",
      label: "years of experience",
      priority: 3,
    },
    cell: (info) => <Maybe text={formatYears(info.getValue())} />,
  }),
  column.accessor("highestDegree", {
    id: "degree",
    header: "Degree",
    meta: { priority: 3 },
    cell: (info) => <Maybe text={degreeLabel(info.getValue())} />,
  }),
  column.accessor("background", {
    id: "background",
    header: "Background",
    meta: { className: "col-background", priority: 3 },
    cell: (info) => <Maybe text={backgroundLabel(info.getValue())} />,
  }),
  column.accessor("status", {
    header: "Processing",
    meta: { sortKey: "status", firstDir: "asc", className: "col-status", label: "processing state", priority: 2 },
    cell: ({ row: { original }, table }) => {
      if (original.status !== "FAILED") return <StatusBadge status={original.status} scanPages={original.scanPages} />;
      // Compact for a dense table: badge and Retry on one line, code and reason clamped below
      // (the whole reason is in the tooltip and on the candidate page).
      const reason = [original.failureCode, original.failureMessage].filter(Boolean).join(": ");
      return (
        <div className="status-cell status-cell--failed" data-testid="failure-reason">
          <div className="status-cell__top">
            <StatusBadge status={original.status} />
            {/* Retry only where it can help; a file that fails for good needs a new version (candidate page). */}
            {table.options.meta?.canRetry && isRetryableFailure(original.failureCode) ? (
              <RetryButton
                id={original.id}
                label={original.label}
                action={table.options.meta.retryAction}
                onResult={table.options.meta.onResult}
              />
            ) : table.options.meta?.canRetry ? (
              <Link
                to={table.options.meta.candidateHref(original.id)}
                className="button button--small"
                aria-label={`New version of ${original.label}`}
                data-testid="new-version-row"
              >
                New version
              </Link>
            ) : null}
          </div>
          {reason ? (
            <p className="status-cell__reason" title={reason}>
              {original.failureCode ? <code className="visually-hidden">{original.failureCode}: </code> : null}
              {original.failureMessage ?? original.failureCode}
            </p>
          ) : null}
        </div>
      );
    },
  }),
  column.accessor("uploadedAt", {
    id: "uploaded",
    header: "Uploaded",
    meta: { sortKey: "uploaded", firstDir: "desc", className: "col-uploaded", label: "upload time", priority: 3 },
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  }),
];

/**
 * Columns a recruiter can show or hide (all but priority 1, which are the row's identity and its
 * rank); the sorted columns are always shown. Priority 3 columns start hidden: years, background,
 * degree and upload time are the least useful for triage, and with them the table is wider than
 * a 1280 px laptop (1,421 px of table in a 1,230 px card, measured before this change).
 */
const OPTIONAL_COLUMNS: readonly ColumnOption[] = columns.flatMap((c) => {
  // An accessor column without an explicit id is named by its key, as TanStack does.
  const id = c.id ?? ("accessorKey" in c ? String(c.accessorKey) : undefined);
  return id && c.meta?.priority !== 1 && typeof c.header === "string"
    ? [{ id, label: c.header, more: c.meta?.priority === 3 }]
    : [];
});

const DEFAULT_VISIBILITY: VisibilityState = Object.fromEntries(
  OPTIONAL_COLUMNS.filter((option) => option.more).map((option) => [option.id, false]),
);

export interface CandidatesTableProps {
  requisitionId: string;
  rows: CandidateRow[];
  sorts: SortKey[];
  /** Candidates matching the view (all pages). */
  total: number;
  weightsVersion: number;
  requirements: Requirements;
  blindReview: boolean;
  can: { stage: boolean; upload: boolean };
  /** Failed résumés in the filtered view, for "Retry all failed". */
  failedInView: number;
  maxBulk: number;
  /** A navigation of this page is loading (new filters, sort or page). */
  loading: boolean;
  /**
   * The answer of a bulk action or retry, for the page's toast (the page owns it: the table may
   * unmount when a change empties the view).
   */
  onBulkResult: (data: BulkActionData) => void;
}

const sortWords = (sorts: readonly SortKey[]) =>
  sorts
    .map((s) => {
      const label = columns.find((c) => c.id === s.key)?.meta?.label ?? s.key;
      return `${label} ${s.dir === "asc" ? "ascending" : "descending"}`;
    })
    .join(", then ");

export function CandidatesTable({
  requisitionId,
  rows,
  sorts,
  total,
  weightsVersion,
  requirements,
  blindReview,
  can,
  failedInView,
  maxBulk,
  loading,
  onBulkResult,
}: CandidatesTableProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const search = tableSearch(location.search);
  const bulkAction = `/requisitions/${requisitionId}/candidates/bulk`;

  const { visibility, update: setVisibility, reset: resetVisibility } = useColumnVisibility(DEFAULT_VISIBILITY);
  const sortedIds = useMemo(() => new Set<string>(sorts.map((s) => s.key)), [sorts]);
  // Without must-haves or minimum years the requirements column would be a column of dashes.
  const hasRequirements = requirements.mustHaveCount > 0 || requirements.minYears !== null;
  const columnOptions = hasRequirements ? OPTIONAL_COLUMNS : OPTIONAL_COLUMNS.filter((option) => option.id !== "flags");
  // The columns the table is sorted by stay visible, so the order is never invisible.
  const columnVisibility = {
    ...visibility,
    ...(hasRequirements ? {} : { flags: false }),
    ...Object.fromEntries([...sortedIds].map((id) => [id, true])),
  };

  // Selection: ids on this page, or "all matching" (resolved again on the server).
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const clearSelection = useCallback(() => {
    setRowSelection({});
    setAllMatching(false);
  }, []);
  // A new view (filters, sort, page) starts with nothing selected.
  useEffect(clearSelection, [location.search, clearSelection]);
  const rowIds = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id] && rowIds.has(id));
  const failedSelected = rows.filter((row) => rowSelection[row.id] && row.status === "FAILED").length;

  const onResult = useCallback(
    (data: BulkActionData) => {
      onBulkResult(data);
      if (data.ok) clearSelection();
    },
    [clearSelection, onBulkResult],
  );

  const bulk = useFetcher<BulkActionData>({ key: `candidates-bulk-${requisitionId}` });
  const handled = useRef<BulkActionData | null>(null);
  useEffect(() => {
    if (bulk.state !== "submitting" && bulk.data && bulk.data !== handled.current) {
      handled.current = bulk.data;
      onResult(bulk.data);
    }
  }, [bulk.state, bulk.data, onResult]);
  const submitBulk = (fields: { intent: "stage" | "retry"; toStage?: Stage; retryAllInView?: boolean }) => {
    const form = new FormData();
    form.set("intent", fields.intent);
    if (fields.toStage) form.set("toStage", fields.toStage);
    const matching = allMatching || fields.retryAllInView;
    form.set("scope", matching ? "matching" : "selected");
    form.set("view", location.search);
    if (!matching) for (const id of selectedIds) form.append("id", id);
    bulk.submit(form, { method: "post", action: bulkAction });
  };

  // Keyboard: one row is in the tab order (roving tabindex); arrows / j k move between rows.
  const [activeIndex, setActiveIndex] = useState(0);
  const meta = {
    activeRowId: rows[Math.min(activeIndex, rows.length - 1)]?.id ?? null,
    weightsVersion,
    requirements,
    candidateHref: (id: string) => `/requisitions/${requisitionId}/candidates/${id}${search}`,
    canRetry: can.upload,
    retryAction: bulkAction,
    onResult,
  };

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableRowSelection: true,
    enableMultiSort: true,
    meta,
    state: {
      columnVisibility,
      rowSelection,
      sorting: sorts.map((s) => ({ id: s.key, desc: s.dir === "desc" })),
    },
    onRowSelectionChange: (updater) => {
      setAllMatching(false);
      setRowSelection((current) => (typeof updater === "function" ? updater(current) : updater));
    },
  });

  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => setActiveIndex((index) => Math.min(index, Math.max(0, rows.length - 1))), [rows.length]);
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(target);
    body.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row-index]")[target]?.focus();
  };
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    // Keys typed into the row's own controls (checkbox, link, retry) are theirs.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === "ArrowDown" || key === "j") focusRow(index + 1);
    else if (key === "ArrowUp" || key === "k") focusRow(index - 1);
    else if (key === "Home") focusRow(0);
    else if (key === "End") focusRow(rows.length - 1);
    else if (key === "Enter" || key === "o") navigate(meta.candidateHref(id));
    else if (key === "x" || key === " ") table.getRow(id).toggleSelected();
    else return;
    event.preventDefault();
  };

  const selecting = selectedIds.length > 0 || allMatching;
  // A new view is loading, or the rows are being refreshed after a bulk change.
  const busy = loading || bulk.state === "loading";
  const visibleRows = table.getRowModel().rows;

  return (
    <>
      <div className="table-toolbar">
        <p className="table-toolbar__note" data-testid="weights-note">
          Scores ranked with <strong>weights v{weightsVersion}</strong>
          {rows.some((row) => row.weightsVersion !== null && row.weightsVersion !== weightsVersion) ? (
            <span className="text-warning">
              {" "}
              · {rows.filter((row) => row.weightsVersion !== null && row.weightsVersion !== weightsVersion).length} on
              this page ranked with an older version (flagged)
            </span>
          ) : null}
          {blindReview ? (
            <span className="blind-note" data-testid="blind-note">
              <span aria-hidden="true">◌</span> Blind review: identities hidden until shortlisted
            </span>
          ) : null}
        </p>
        <div className="table-toolbar__actions">
          {sorts.length > 1 ? (
            <span className="table-toolbar__hint" data-testid="sort-summary">
              Sorted by {sortWords(sorts)}
            </span>
          ) : (
            <span className="table-toolbar__hint">Shift+click a header to add a sort</span>
          )}
          {can.upload && failedInView > 0 ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => submitBulk({ intent: "retry", retryAllInView: true })}
              disabled={bulk.state !== "idle"}
              data-testid="retry-all-failed"
            >
              <span aria-hidden="true">↻</span> Retry all failed ({failedInView})
            </button>
          ) : null}
          <ColumnMenu
            options={columnOptions}
            visibility={visibility}
            locked={sortedIds}
            onChange={setVisibility}
            onReset={resetVisibility}
          />
        </div>
      </div>

      {selecting ? (
        <BulkActionBar
          selection={{ ids: selectedIds, allMatching }}
          pageRowCount={rows.length}
          total={total}
          maxBulk={maxBulk}
          canStage={can.stage}
          canRetry={can.upload}
          failedSelected={failedSelected}
          blindReview={blindReview}
          busy={bulk.state !== "idle"}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={clearSelection}
          onMove={(stage) => submitBulk({ intent: "stage", toStage: stage })}
          onRetry={() => submitBulk({ intent: "retry" })}
        />
      ) : null}

      <div className={`table-scroll${busy ? " is-loading" : ""}`} aria-busy={busy || undefined}>
        <table
          className="data-table candidates-table"
          data-testid="candidates-table"
          aria-describedby="candidates-keys"
        >
          <caption className="visually-hidden">Candidates, sorted by {sortWords(sorts)}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} sorts={sorts} search={location.search} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody ref={body}>
            {visibleRows.map((row, index) => (
              <tr
                key={row.id}
                data-testid="candidate-row"
                data-status={row.original.status}
                data-stage={row.original.stage}
                data-row-index={index}
                className={row.getIsSelected() || allMatching ? "is-selected" : undefined}
                tabIndex={index === activeIndex ? 0 : -1}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) setActiveIndex(index);
                }}
                onKeyDown={(event) => onRowKeyDown(event, index, row.id)}
                onClick={(event: MouseEvent<HTMLTableRowElement>) => {
                  // A click on the row's blank space selects it as the keyboard target.
                  if ((event.target as HTMLElement).closest("a, button, input, label")) return;
                  setActiveIndex(index);
                }}
              >
                {row.getVisibleCells().map((cell) => {
                  const cellMeta = cell.column.columnDef.meta;
                  return (
                    <td
                      key={cell.id}
                      className={cellClass(cellMeta?.numeric, cellMeta?.className)}
                      data-label={headerLabel(cell.column.columnDef.header)}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="candidates-keys" className="table-keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd> or <kbd>j</kbd>
        <kbd>k</kbd> move between rows · <kbd>Enter</kbd> opens · <kbd>x</kbd> selects · <kbd>/</kbd> searches
      </p>
    </>
  );
}

/** A column's header as words, for the phone layout's cell labels (app.css: .candidates-table td::before). */
function headerLabel(header: unknown): string | undefined {
  return typeof header === "string" ? header : undefined;
}

function cellClass(numeric?: boolean, extra?: string) {
  return [numeric ? "num" : null, extra].filter(Boolean).join(" ") || undefined;
}

function HeaderCell({
  header,
  sorts,
  search,
}: {
  header: Header<CandidateRow, unknown>;
  sorts: readonly SortKey[];
  search: string;
}) {
  const navigate = useNavigate();
  const meta = header.column.columnDef.meta;
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const className = cellClass(meta?.numeric, meta?.className);
  if (!meta?.sortKey) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const sortKey = meta.sortKey;
  const firstDir = meta.firstDir ?? "asc";
  const position = sorts.findIndex((s) => s.key === sortKey);
  const current = position >= 0 ? sorts[position]! : null;
  const single = sortSearch(search, sorts, sortKey, firstDir, false);
  const words = meta.label ?? sortKey;
  const nextDir = current
    ? current.dir === "asc"
      ? "descending"
      : "ascending"
    : firstDir === "asc"
      ? "ascending"
      : "descending";
  const title = `Sort by ${words}, ${nextDir}. Shift+click adds it as another sort key.`;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={current ? (current.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link
        className={`sort-link${current ? " is-sorted" : ""}`}
        to={single}
        preventScrollReset
        title={title}
        data-testid={`sort-${sortKey}`}
        onClick={(event) => {
          if (!event.shiftKey) return;
          // Shift+click (or Shift+Enter) adds a secondary sort instead of opening a new window.
          event.preventDefault();
          navigate(sortSearch(search, sorts, sortKey, firstDir, true), { preventScrollReset: true });
        }}
      >
        {label}
        <span className={`sort-link__arrow${current ? "" : " sort-link__arrow--idle"}`} aria-hidden="true">
          {current?.dir === "asc" ? "▲" : current?.dir === "desc" ? "▼" : "↕"}
        </span>
        {current && sorts.length > 1 ? (
          <span className="sort-link__rank" data-testid={`sort-rank-${sortKey}`}>
            <span className="visually-hidden">, sort key </span>
            {position + 1}
          </span>
        ) : null}
      </Link>
    </th>
  );
}
