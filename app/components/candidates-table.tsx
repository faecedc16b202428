// The candidates table. Sorting and paging happen on the server: headers are links that change
// ?sort=&dir= in the URL, and TanStack Table only renders the page it is given.
import { Link, useLocation } from "@remix-run/react";
import { useState } from "react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type RowData,
  type VisibilityState,
} from "@tanstack/react-table";
import type { CandidateSort } from "@server/candidates/candidates-query.ts";
import type { LabelledCandidateRow as CandidateRow } from "~/lib/candidates.server.ts";
import { backgroundLabel, degreeLabel, EMPTY, formatScore, formatYears } from "~/lib/format.ts";
import { nextSort, withParams, type SortDir } from "~/lib/table-url.ts";
import { RelativeTime } from "./relative-time.tsx";
import { StageBadge } from "./stage-badge.tsx";
import { FailureReason, StatusBadge } from "./status-badge.tsx";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server's sort key for this column; columns without one are not sortable. */
    sortKey?: CandidateSort;
    /** Direction of the first click: A→Z for text, high→low for numbers and dates. */
    firstDir?: SortDir;
    numeric?: boolean;
    className?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    /** The requisition's current weights version: rows ranked with another one are flagged. */
    weightsVersion: number;
    requirements: Requirements;
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

function ScoreCell({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">{EMPTY}</span>;
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <span className="score">
      <span className="score__value">{formatScore(value)}</span>
      <span className="score__bar" aria-hidden="true">
        <span className="score__fill" style={{ width: `${clamped}%` }} />
      </span>
    </span>
  );
}

const columns: ColumnDef<CandidateRow, any>[] = [
  column.accessor((row) => row.name ?? row.fileName, {
    id: "name",
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc", className: "col-name" },
    cell: ({ row: { original } }) =>
      original.name ? (
        <div className="name-cell">
          <span className="name-cell__name" data-testid="candidate-name">
            {original.name}
          </span>
          <span className="name-cell__file">{original.fileName}</span>
        </div>
      ) : (
        <div className="name-cell">
          <span className="name-cell__name muted" data-testid="candidate-name">
            {original.fileName}
          </span>
        </div>
      ),
  }),
  column.accessor("status", {
    header: "Status",
    meta: { sortKey: "status", firstDir: "asc", className: "col-status" },
    cell: ({ row: { original } }) => (
      <div className="status-cell">
        {original.status === "FAILED" ? (
          <FailureReason code={original.failureCode} message={original.failureMessage}>
            <StatusBadge status={original.status} />
          </FailureReason>
        ) : (
          <StatusBadge status={original.status} />
        )}
      </div>
    ),
  }),
  column.accessor("stage", {
    header: "Stage",
    meta: { sortKey: "stage", firstDir: "asc" },
    cell: (info) => <StageBadge stage={info.getValue()} />,
  }),
  column.accessor("overallScore", {
    id: "overall",
    header: "Overall",
    meta: { sortKey: "overall", firstDir: "desc", numeric: true },
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
          <ScoreCell value={getValue()} />
        </span>
      );
    },
  }),
  column.accessor("productionScore", {
    id: "production",
    header: "Production",
    meta: { sortKey: "production", firstDir: "desc", numeric: true },
    cell: (info) => <ScoreCell value={info.getValue()} />,
  }),
  column.accessor("mlScore", {
    id: "ml",
    header: "ML",
    meta: { sortKey: "ml", firstDir: "desc", numeric: true },
    cell: (info) => <ScoreCell value={info.getValue()} />,
  }),
  column.accessor("gapAreas", {
    id: "gaps",
    header: "Gaps",
    meta: { className: "col-gaps" },
    cell: ({ getValue, row: { original } }) => {
      const gaps = getValue() as CandidateRow["gapAreas"];
      if (original.status !== "DONE") return <span className="muted">{EMPTY}</span>;
      if (gaps.length === 0) return <span className="muted small">None</span>;
      return (
        <ul className="gap-list" data-testid="gaps">
          {gaps.map((gap) => (
            <li key={gap.id} className="gap" title={gap.title}>
              {gap.name}
            </li>
          ))}
        </ul>
      );
    },
  }),
  column.display({
    id: "flags",
    header: "Requirements",
    meta: { className: "col-flags" },
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
            <span key="must" className="flag flag--miss" title={`Missing must-haves: ${original.missingMustHaveNames.join(", ")}`}>
              missing: {original.missingMustHaveNames.join(", ")}
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
    meta: { sortKey: "years", firstDir: "desc", numeric: true },
    cell: (info) => <Maybe text={formatYears(info.getValue())} />,
  }),
  column.accessor("highestDegree", {
    id: "degree",
    header: "Degree",
    cell: (info) => <Maybe text={degreeLabel(info.getValue())} />,
  }),
  column.accessor("background", {
    id: "background",
    header: "Background",
    cell: (info) => <Maybe text={backgroundLabel(info.getValue())} />,
  }),
  column.accessor("uploadedAt", {
    id: "uploaded",
    header: "Uploaded",
    meta: { sortKey: "uploaded", firstDir: "desc", className: "col-uploaded" },
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  }),
];

/** Columns a recruiter can show or hide; the sorted column is always shown. */
const OPTIONAL_COLUMNS = [
  { id: "gaps", label: "Gaps" },
  { id: "flags", label: "Requirements" },
  { id: "years", label: "Years" },
  { id: "degree", label: "Degree" },
  { id: "background", label: "Background" },
  { id: "uploaded", label: "Uploaded" },
] as const;

// Degree and upload time are the least useful for triage and the table must fit a laptop.
const DEFAULT_HIDDEN: VisibilityState = { degree: false, uploaded: false };

interface CandidatesTableProps {
  rows: CandidateRow[];
  weightsVersion: number;
  requirements: Requirements;
  sort: CandidateSort;
  dir: SortDir;
  page: number;
  pageCount: number;
  pageSize: number;
}

export function CandidatesTable({
  rows,
  weightsVersion,
  requirements,
  sort,
  dir,
  page,
  pageCount,
  pageSize,
}: CandidatesTableProps) {
  const [hidden, setHidden] = useState<VisibilityState>(DEFAULT_HIDDEN);
  // The column the table is sorted by stays visible, so the sort is never invisible.
  const columnVisibility = { ...hidden, [sort]: true };
  const stale = rows.filter((row) => row.weightsVersion !== null && row.weightsVersion !== weightsVersion).length;
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    pageCount,
    meta: { weightsVersion, requirements },
    state: {
      columnVisibility,
      sorting: [{ id: sort, desc: dir === "desc" }],
      pagination: { pageIndex: page - 1, pageSize },
    },
  });

  return (
    <>
      <div className="table-toolbar">
        <p className="table-toolbar__note" data-testid="weights-note">
          Scores ranked with <strong>weights v{weightsVersion}</strong>
          {stale > 0 ? (
            <span className="text-warning"> · {stale} on this page ranked with an older version (flagged)</span>
          ) : null}
        </p>
        <details className="column-menu">
          <summary className="button button--small button--ghost">Columns</summary>
          <div className="column-menu__panel" role="group" aria-label="Visible columns">
            {OPTIONAL_COLUMNS.map((option) => (
              <label key={option.id} className="column-menu__option">
                <input
                  type="checkbox"
                  checked={columnVisibility[option.id] !== false}
                  disabled={option.id === sort}
                  onChange={(event) => {
                    const visible = event.currentTarget.checked;
                    setHidden((current) => ({ ...current, [option.id]: visible }));
                  }}
                />
                {option.label}
              </label>
            ))}
          </div>
        </details>
      </div>
      <div className="table-scroll">
      <table className="data-table" data-testid="candidates-table">
        <caption className="visually-hidden">
          Candidates, sorted by {sort} {dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} current={{ sort, dir }} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="candidate-row" data-status={row.original.status}>
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <td key={cell.id} className={cellClass(meta?.numeric, meta?.className)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}

function cellClass(numeric?: boolean, extra?: string) {
  return [numeric ? "num" : null, extra].filter(Boolean).join(" ") || undefined;
}

function HeaderCell({
  header,
  current,
}: {
  header: Header<CandidateRow, unknown>;
  current: { sort: CandidateSort; dir: SortDir };
}) {
  const location = useLocation();
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
  const sorted = header.column.getIsSorted();
  const target = nextSort(current, meta.sortKey, meta.firstDir ?? "asc");
  const title = `Sort by ${String(header.column.columnDef.header).toLowerCase()}, ${
    target.dir === "asc" ? "ascending" : "descending"
  }`;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
    >
      <Link
        className={`sort-link${sorted ? " is-sorted" : ""}`}
        to={withParams(location.search, { sort: target.sort, dir: target.dir, page: null })}
        preventScrollReset
        title={title}
        data-testid={`sort-${meta.sortKey}`}
      >
        {label}
        <span className="sort-link__arrow" aria-hidden="true">
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </th>
  );
}
