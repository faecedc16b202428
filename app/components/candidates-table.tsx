// The candidates table. Sorting and paging happen on the server: headers are links that change
// ?sort=&dir= in the URL, and TanStack Table only renders the page it is given.
import { Link, useLocation } from "@remix-run/react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type RowData,
} from "@tanstack/react-table";
import type { CandidateSort } from "@server/candidates/candidates-query.ts";
import type { CandidateRow } from "@server/candidates/list-candidates.ts";
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
    cell: (info) => <ScoreCell value={info.getValue()} />,
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

interface CandidatesTableProps {
  rows: CandidateRow[];
  sort: CandidateSort;
  dir: SortDir;
  page: number;
  pageCount: number;
  pageSize: number;
}

export function CandidatesTable({ rows, sort, dir, page, pageCount, pageSize }: CandidatesTableProps) {
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    pageCount,
    state: {
      sorting: [{ id: sort, desc: dir === "desc" }],
      pagination: { pageIndex: page - 1, pageSize },
    },
  });

  return (
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
