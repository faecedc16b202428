// Production-engineering score (x) against ML-depth score (y): the dual requirement at a glance.
// Plain SVG (no charting library: the chart is one scale per axis, a polygon, a line and
// circles, and the keyboard model below is easier to get right by hand than to bend a library to).
// - The requisition's balance region (overall ≥ threshold, no dimension under the gap threshold)
//   and the iso-line overall = threshold for its exponent and production weight.
// - Quadrants split at the gap threshold, labelled with the guide's paths.
// - Points coloured by stage; identity labels follow blind review (the server sends the label).
// - Keyboard: one tab stop (roving tabindex); ← → step by production score, ↑ ↓ by ML depth,
//   Home / End go to the first / last in the table's order; Enter opens the candidate.
// - Picking to compare (when the page passes onPick; helper "dup-compare"): C or shift+click picks
//   or unpicks a point, drawn with a ring; the page shows the picks and the Compare link.
// - Points that would cover each other are spread around their shared spot and the group shows
//   its size; the top candidates by overall score are labelled (the label the server sends, so
//   blind review masks it); the quadrant captions sit in the margins, where no point or label
//   can cover them (app/lib/plot-layout.ts; helper "fit").
// - A visually hidden table lists the same points for screen readers.
import { useNavigate } from "@remix-run/react";
import { memo, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from "react";
import type { PlotPoint } from "@server/candidates/plot-candidates.ts";
import { QUADRANTS, quadrantOf, type BalanceGeometry, type XY } from "@server/ranking/balance-region.ts";
import type { Stage } from "@server/generated/prisma/enums.ts";
import { backgroundLabel, formatScore, formatScoreWithBand, STAGE_LABELS } from "~/lib/format.ts";
import { placeLabels, spiralReach, spreadPoints, topByOverall } from "~/lib/plot-layout.ts";

// The top and bottom margins hold the quadrant captions (two lines each), outside the plot area.
const MARGIN = { top: 44, right: 12, bottom: 84, left: 60 };
const SIZE = 520;
const WIDTH = MARGIN.left + SIZE + MARGIN.right;
const HEIGHT = MARGIN.top + SIZE + MARGIN.bottom;
const TICKS = [0, 20, 40, 60, 80, 100];
const RADIUS = 5.5;
/** How many of the best candidates carry a label. */
const LABELLED = 5;
const LABEL_CHARS = 22;
const FRAME = { x: MARGIN.left, y: MARGIN.top, width: SIZE, height: SIZE };

/** Score → SVG coordinate (unclamped: lines may run past the plot and are clipped). */
const sx = (value: number) => MARGIN.left + (value / 100) * SIZE;
const sy = (value: number) => MARGIN.top + (1 - value / 100) * SIZE;
const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** Shortlisted points are drawn last, so they stay visible where points crowd. */
const DRAW_RANK: Record<Stage, number> = { REJECTED: 0, NEW: 1, SCREENING: 2, SHORTLISTED: 3 };

const QUADRANT_BY_ID = Object.fromEntries(QUADRANTS.map((q) => [q.id, q]));

export function pointDescription(point: PlotPoint): string {
  return `${point.label}: production ${formatScoreWithBand(point.production)}, ML ${formatScoreWithBand(point.ml)}, ${STAGE_LABELS[
    point.stage
  ].toLowerCase()}, overall ${formatScore(point.overall)}`;
}

function pathOf(points: readonly XY[], close: boolean): string {
  if (points.length === 0) return "";
  const d = points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join("");
  return close ? `${d}Z` : d;
}

/** Orders for the arrow keys: by production (then ML), and by ML (then production). */
function navigationOrder(points: readonly PlotPoint[]) {
  const indexes = points.map((_, i) => i);
  const byX = [...indexes].sort(
    (a, b) => points[a]!.production - points[b]!.production || points[a]!.ml - points[b]!.ml || a - b,
  );
  const byY = [...indexes].sort(
    (a, b) => points[a]!.ml - points[b]!.ml || points[a]!.production - points[b]!.production || a - b,
  );
  const positionX = new Int32Array(points.length);
  const positionY = new Int32Array(points.length);
  byX.forEach((point, position) => (positionX[point] = position));
  byY.forEach((point, position) => (positionY[point] = position));
  return { byX, byY, positionX, positionY };
}

function indexOf(target: EventTarget): number | null {
  const value = target instanceof Element ? target.getAttribute("data-index") : null;
  return value === null ? null : Number(value);
}

export interface ScoreScatterProps {
  points: PlotPoint[];
  balance: BalanceGeometry;
  /** The candidate page of a point, keeping the table's view for previous / next. */
  hrefFor: (applicationId: string) => string;
  /** Accessible name of the plot. */
  label: string;
  /** Points picked for comparison, and how to pick or unpick one (app/components/compare-picks.tsx). */
  picked?: ReadonlySet<string>;
  onPick?: (applicationId: string) => void;
}

export function ScoreScatter({ points, balance, hrefFor, label, picked, onPick }: ScoreScatterProps) {
  const navigate = useNavigate();
  const ids = useId();
  const clipId = `${ids}-clip`;
  const hintId = `${ids}-hint`;
  const [active, setActive] = useState(0);
  const [hovered, setHovered] = useState<number | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const refs = useRef<Array<SVGCircleElement | null>>([]);

  const order = useMemo(() => navigationOrder(points), [points]);
  const drawOrder = useMemo(
    () => points.map((_, i) => i).sort((a, b) => DRAW_RANK[points[a]!.stage] - DRAW_RANK[points[b]!.stage] || b - a),
    [points],
  );
  const current = Math.min(active, Math.max(0, points.length - 1));

  // Where each point is drawn (spread where points would overlap) and the labelled best ones.
  const layout = useMemo(() => {
    const { drawn, groups } = spreadPoints(
      points.map((point) => ({
        id: point.id,
        x: sx(clamp(point.production)),
        y: sy(clamp(point.ml)),
        overall: point.overall,
      })),
      RADIUS,
      FRAME,
    );
    const labels = placeLabels(
      topByOverall(points, LABELLED).map((index) => {
        const label = points[index]!.label;
        return {
          index,
          text: label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label,
          x: drawn[index]!.x,
          y: drawn[index]!.y,
        };
      }),
      FRAME,
      { charWidth: 6.2, height: 13, gap: RADIUS + 4 },
    );
    return { drawn, groups, labels };
  }, [points]);

  // The roving tab stop is moved on the elements themselves: re-rendering thousands of circles
  // for each arrow key would make the keyboard lag.
  const tabStop = useRef(0);
  const setTabStop = (index: number) => {
    if (tabStop.current !== index) refs.current[tabStop.current]?.setAttribute("tabindex", "-1");
    refs.current[index]?.setAttribute("tabindex", "0");
    tabStop.current = index;
  };
  const moveTo = (index: number) => {
    setTabStop(index);
    setActive(index);
    refs.current[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (points.length === 0) return;
    const { byX, byY, positionX, positionY } = order;
    const last = points.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case "ArrowRight":
        next = byX[Math.min(last, positionX[current]! + 1)]!;
        break;
      case "ArrowLeft":
        next = byX[Math.max(0, positionX[current]! - 1)]!;
        break;
      case "ArrowUp":
        next = byY[Math.min(last, positionY[current]! + 1)]!;
        break;
      case "ArrowDown":
        next = byY[Math.max(0, positionY[current]! - 1)]!;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Enter":
        event.preventDefault();
        navigate(hrefFor(points[current]!.id));
        return;
      case "c":
      case "C":
        if (!onPick) return;
        event.preventDefault();
        onPick(points[current]!.id);
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = (event: FocusEvent<SVGGElement>) => {
    const index = indexOf(event.target);
    if (index === null) return;
    setTabStop(index);
    setActive(index);
    setHasFocus(true);
  };
  const onBlur = () => setHasFocus(false);
  const onMouseOver = (event: MouseEvent<SVGGElement>) => setHovered(indexOf(event.target));
  const onMouseLeave = () => setHovered(null);
  const onClick = (event: MouseEvent<SVGGElement>) => {
    const index = indexOf(event.target);
    if (index === null) return;
    if (onPick && event.shiftKey) onPick(points[index]!.id);
    else navigate(hrefFor(points[index]!.id));
  };

  // Thousands of circles: built once per data or roving change, not on every hover.
  const circles = useMemo(
    () => {
      // New data (a revalidation) may have fewer points: keep the plot reachable.
      if (tabStop.current >= points.length) tabStop.current = 0;
      return drawOrder.map((i) => {
        const point = points[i]!;
        return (
          <circle
            key={point.id}
            ref={(element) => {
              refs.current[i] = element;
            }}
            data-index={i}
            data-testid="plot-point"
            data-id={point.id}
            className={`scatter__point scatter__point--${point.stage.toLowerCase()}${picked?.has(point.id) ? " is-picked" : ""}`}
            cx={layout.drawn[i]!.x.toFixed(1)}
            cy={layout.drawn[i]!.y.toFixed(1)}
            r={RADIUS}
            role="link"
            tabIndex={i === tabStop.current ? 0 : -1}
            aria-label={pointDescription(point)}
            aria-describedby={hintId}
          />
        );
      });
    },
    // Not `current`: the tab stop moves without a re-render (setTabStop).
    [drawOrder, points, hintId, layout, picked],
  );

  const shown = hovered ?? (hasFocus ? current : null);
  const tip = shown !== null ? points[shown] : undefined;

  const regionPath = pathOf(balance.region, true);
  const isoPath = pathOf(balance.isoLine, false);
  const gap = balance.gapThreshold;

  return (
    <div className="scatter">
      <div className="scatter__canvas">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="scatter__svg"
          role="group"
          aria-label={label}
          data-testid="score-scatter"
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={sx(0)} y={sy(100)} width={SIZE} height={SIZE} />
            </clipPath>
          </defs>
          <g aria-hidden="true">
            <rect className="scatter__frame" x={sx(0)} y={sy(100)} width={SIZE} height={SIZE} />
            {TICKS.map((tick) => (
              <g key={tick}>
                {tick > 0 && tick < 100 && tick !== gap ? (
                  <>
                    <line className="scatter__grid" x1={sx(tick)} x2={sx(tick)} y1={sy(0)} y2={sy(100)} />
                    <line className="scatter__grid" x1={sx(0)} x2={sx(100)} y1={sy(tick)} y2={sy(tick)} />
                  </>
                ) : null}
                <text className="scatter__tick" x={sx(tick)} y={sy(0) + 18} textAnchor="middle">
                  {tick}
                </text>
                <text className="scatter__tick" x={sx(0) - 10} y={sy(tick) + 4} textAnchor="end">
                  {tick}
                </text>
              </g>
            ))}
            {regionPath ? <path className="scatter__region" d={regionPath} data-testid="balance-region" /> : null}
            <g clipPath={`url(#${clipId})`}>
              {isoPath ? <path className="scatter__iso" d={isoPath} data-testid="balance-iso-line" /> : null}
            </g>
            <line className="scatter__gap" x1={sx(gap)} x2={sx(gap)} y1={sy(0)} y2={sy(100)} />
            <line className="scatter__gap" x1={sx(0)} x2={sx(100)} y1={sy(gap)} y2={sy(gap)} />
            <text className="scatter__iso-label" x={sx(balance.threshold + 2)} y={sy(balance.threshold + 4)}>
              overall {balance.threshold}
            </text>
            {QUADRANTS.map((quadrant) => {
              const right = quadrant.corner.endsWith("right");
              const top = quadrant.corner.startsWith("top");
              // In the margin above or below the plot area: points and labels stay inside it.
              const x = right ? sx(100) : sx(0);
              const y = top ? sy(100) - 24 : sy(0) + 40;
              return (
                <text key={quadrant.id} className="scatter__quadrant" x={x} y={y} textAnchor={right ? "end" : "start"}>
                  <tspan x={x} className="scatter__quadrant-title">
                    {quadrant.title}
                  </tspan>
                  <tspan x={x} dy="1.35em" className="scatter__quadrant-path">
                    {quadrant.path}
                  </tspan>
                </text>
              );
            })}
            <text className="scatter__axis-title" x={sx(50)} y={HEIGHT - 6} textAnchor="middle">
              Production engineering →
            </text>
            <text
              className="scatter__axis-title"
              x={0}
              y={0}
              textAnchor="middle"
              transform={`translate(16 ${sy(50)}) rotate(-90)`}
            >
              ML depth →
            </text>
          </g>
          <g
            className="scatter__points"
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={onBlur}
            onMouseOver={onMouseOver}
            onMouseLeave={onMouseLeave}
            onClick={onClick}
          >
            {circles}
          </g>
          <g aria-hidden="true" className="scatter__annotations">
            {layout.groups
              .filter((group) => group.size >= 3)
              .map((group) => {
                const reach = spiralReach(group.size, RADIUS) + RADIUS + 4;
                return (
                  <text
                    key={`${group.x},${group.y}`}
                    className="scatter__group-count"
                    x={Math.min(sx(100) - 4, group.x + reach * 0.75)}
                    y={Math.max(sy(100) + 10, group.y - reach * 0.75)}
                    data-testid="plot-group-count"
                  >
                    {group.size}
                  </text>
                );
              })}
            {layout.labels.map((label) => (
              <text
                key={points[label.index]!.id}
                className="scatter__label"
                x={label.x}
                y={label.y}
                textAnchor={label.anchor}
                data-testid="plot-label"
                data-id={points[label.index]!.id}
              >
                {label.text}
              </text>
            ))}
          </g>
          {tip ? (
            <circle
              aria-hidden="true"
              className="scatter__ring"
              cx={layout.drawn[shown!]!.x}
              cy={layout.drawn[shown!]!.y}
              r={RADIUS + 4}
            />
          ) : null}
        </svg>
        {tip ? <PointTooltip point={tip} at={layout.drawn[shown!]!} /> : null}
        {points.length === 0 ? (
          <p className="scatter__empty" data-testid="plot-empty">
            No scored candidates in this view.
          </p>
        ) : null}
      </div>
      <p id={hintId} className="scatter__hint">
        Tab to the plot, then <kbd>←</kbd> <kbd>→</kbd> step by production score, <kbd>↑</kbd> <kbd>↓</kbd> by ML depth,{" "}
        <kbd>Enter</kbd> opens the candidate.
        {onPick ? (
          <>
            {" "}
            <kbd>C</kbd> or shift+click picks it to compare.
          </>
        ) : null}
      </p>
      <PlotTable points={points} hrefFor={hrefFor} label={label} gapThreshold={gap} />
    </div>
  );
}

/** The same points as a table, for screen readers; memoised so moving the focus does not re-render it. */
const PlotTable = memo(function PlotTable({
  points,
  hrefFor,
  label,
  gapThreshold,
}: {
  points: PlotPoint[];
  hrefFor: (applicationId: string) => string;
  label: string;
  gapThreshold: number;
}) {
  return (
    // Wrapped: a table grows to its content whatever its own size, so it is hidden by its box.
    <div className="visually-hidden">
      <table data-testid="plot-table">
        <caption>{label}: the same candidates as a table, in the table&rsquo;s order</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Production engineering</th>
            <th scope="col">ML depth</th>
            <th scope="col">Overall</th>
            <th scope="col">Stage</th>
            <th scope="col">Quadrant</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.id}>
              <th scope="row">
                {/* Out of the tab order: the plot is the keyboard route; screen readers still follow it. */}
                <a href={hrefFor(point.id)} tabIndex={-1}>
                  {point.label}
                </a>
              </th>
              <td>{formatScoreWithBand(point.production)}</td>
              <td>{formatScoreWithBand(point.ml)}</td>
              <td>{formatScore(point.overall)}</td>
              <td>{STAGE_LABELS[point.stage]}</td>
              <td>{QUADRANT_BY_ID[quadrantOf(point.production, point.ml, gapThreshold)]?.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

function PointTooltip({ point, at }: { point: PlotPoint; at: { x: number; y: number } }) {
  const left = (at.x / WIDTH) * 100;
  const top = (at.y / HEIGHT) * 100;
  const below = point.ml > 80;
  const align = point.production < 18 ? "start" : point.production > 82 ? "end" : "center";
  const quadrant = QUADRANT_BY_ID[quadrantOf(point.production, point.ml)];
  return (
    <div
      className={`scatter__tooltip scatter__tooltip--${below ? "below" : "above"} scatter__tooltip--${align}`}
      style={{ left: `${left}%`, top: `${top}%` }}
      aria-hidden="true"
      data-testid="plot-tooltip"
    >
      <p className="scatter__tooltip-name">{point.label}</p>
      <dl className="scatter__tooltip-scores">
        <div>
          <dt>Production</dt>
          <dd>{formatScoreWithBand(point.production)}</dd>
        </div>
        <div>
          <dt>ML depth</dt>
          <dd>{formatScoreWithBand(point.ml)}</dd>
        </div>
        <div>
          <dt>Overall</dt>
          <dd>{formatScore(point.overall)}</dd>
        </div>
      </dl>
      <p className="scatter__tooltip-meta">
        <span className={`dot dot--stage-${point.stage.toLowerCase()}`} /> {STAGE_LABELS[point.stage]}
        {point.background ? ` · ${backgroundLabel(point.background)}` : ""}
      </p>
      {quadrant ? <p className="scatter__tooltip-quadrant">{quadrant.title}</p> : null}
    </div>
  );
}
