// The résumé's stored text with every area's evidence marked (<mark>, coloured by dimension) and
// the selected area's lines highlighted, scrolled into view and steppable with the keyboard.
// Under blind review the server has already replaced identity with labels ("school", "name").
import { useEffect, useMemo, useRef, useState } from "react";
import type { Dimension } from "@server/contract/screening-result.ts";
import { HIDDEN_LABELS, type HiddenKind, type TextSegment } from "@server/candidates/mask-identity.ts";
import { joinedBreaks, showJoined, textOfSegments } from "./join-wrapped-lines.ts";

export interface EvidenceArea {
  id: string;
  name: string;
  dimension: Dimension;
  evidence: Array<{ start: number; end: number }>;
}

type Piece =
  | { kind: "text"; start: number; end: number; text: string; areas: EvidenceArea[] }
  | { kind: "hidden"; start: number; end: number; hidden: HiddenKind };

/** Cuts the visible segments at every evidence boundary and notes which areas cover each piece. */
export function resumePieces(segments: readonly TextSegment[], areas: readonly EvidenceArea[]): Piece[] {
  const cuts = new Set<number>();
  for (const area of areas) for (const span of area.evidence) cuts.add(span.start).add(span.end);
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (const segment of segments) {
    if ("hidden" in segment) {
      pieces.push({ kind: "hidden", start: segment.start, end: segment.end, hidden: segment.hidden });
      continue;
    }
    const bounds = [
      segment.start,
      ...sortedCuts.filter((cut) => cut > segment.start && cut < segment.end),
      segment.end,
    ];
    for (let i = 0; i < bounds.length - 1; i++) {
      const start = bounds[i]!;
      const end = bounds[i + 1]!;
      const covering = areas.filter((area) => area.evidence.some((span) => span.start <= start && span.end >= end));
      pieces.push({
        kind: "text",
        start,
        end,
        text: segment.text.slice(start - segment.start, end - segment.start),
        areas: covering,
      });
    }
  }
  return pieces;
}

export function ResumeText({
  segments,
  areas,
  selectedAreaId,
  onSelectArea,
  blind,
}: {
  segments: readonly TextSegment[];
  areas: readonly EvidenceArea[];
  selectedAreaId: string | null;
  onSelectArea: (areaId: string | null) => void;
  blind: boolean;
}) {
  const withEvidence = useMemo(() => areas.filter((area) => area.evidence.length > 0), [areas]);
  const pieces = useMemo(() => resumePieces(segments, withEvidence), [segments, withEvidence]);
  // Lines wrapped by the PDF's layout read as paragraphs; offsets stay the stored text's.
  const joined = useMemo(() => joinedBreaks(textOfSegments(segments)), [segments]);
  const selected = areas.find((area) => area.id === selectedAreaId) ?? null;
  const spans = useMemo(() => selected?.evidence ?? [], [selected]);
  const [current, setCurrent] = useState(0);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => setCurrent(0), [selectedAreaId]);

  // Bring the current evidence line into view inside the panel; when the recruiter picked it
  // (not on the page's first render) and the panel is off screen, bring the panel into view too.
  const picked = useRef(false);
  useEffect(() => {
    const container = textRef.current;
    const span = spans[current];
    const first = !picked.current;
    picked.current = true;
    if (!container || !span) return;
    const mark =
      container.querySelector<HTMLElement>(`mark[data-start="${span.start}"]`) ??
      container.querySelector<HTMLElement>("mark.is-selected");
    if (!mark) return;
    const top = mark.offsetTop - container.clientHeight / 4;
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const box = container.getBoundingClientRect();
    if (!first && (box.top < 0 || box.bottom > window.innerHeight)) {
      // Scrolls the panel and the page together so the line is in the middle of the screen.
      mark.scrollIntoView({ block: "center" });
      return;
    }
    container.scrollTo({ top: Math.max(0, top), behavior: smooth ? "smooth" : "auto" });
  }, [current, spans]);

  const step = (delta: number) => {
    if (spans.length === 0) return;
    setCurrent((i) => (i + delta + spans.length) % spans.length);
  };
  const currentSpan = spans[current] ?? null;

  return (
    <section className="card card--flush resume-panel" aria-labelledby="resume-heading" data-testid="resume-panel">
      <div className="card__header resume-panel__header">
        <h2 id="resume-heading" className="card__title">
          Résumé text
        </h2>
        <div className="resume-panel__tools">
          {selected ? (
            <>
              <span className="resume-panel__selection" data-testid="evidence-selection">
                <span className={`dim-dot dim-dot--${selected.dimension}`} aria-hidden="true" />
                {selected.name}
                <span className="muted">
                  {" "}
                  · {spans.length === 0 ? "no evidence" : `line ${current + 1} of ${spans.length}`}
                </span>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => step(-1)}
                disabled={spans.length < 2}
                aria-label="Previous evidence line"
                aria-controls="resume-text"
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => step(1)}
                disabled={spans.length < 2}
                aria-label="Next evidence line"
                aria-controls="resume-text"
              >
                ↓
              </button>
              <button type="button" className="button button--small button--ghost" onClick={() => onSelectArea(null)}>
                Show all
              </button>
            </>
          ) : (
            <span className="resume-legend" aria-label="Legend">
              <span className="resume-legend__item">
                <mark className="ev ev--production">Production</mark>
              </span>
              <span className="resume-legend__item">
                <mark className="ev ev--ml">ML depth</mark>
              </span>
              <span className="muted small">evidence · select an area to focus</span>
            </span>
          )}
        </div>
      </div>
      {blind ? (
        <p className="resume-panel__notice" data-testid="blind-notice">
          Blind review: name, contact details, links, schools and places are hidden until the candidate is shortlisted.
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {selected
          ? spans.length === 0
            ? `${selected.name}: no evidence lines in the résumé.`
            : `${selected.name}: ${spans.length} evidence ${spans.length === 1 ? "line" : "lines"} highlighted.`
          : ""}
      </p>
      <div
        id="resume-text"
        ref={textRef}
        className={`resume-text${selected ? " has-selection" : ""}`}
        data-testid="resume-text"
        tabIndex={0}
        role="region"
        aria-label="Résumé text with highlighted evidence"
      >
        {pieces.map((piece) => {
          if (piece.kind === "hidden") {
            return (
              <span key={piece.start} className="redacted" data-testid="redacted" title="Hidden by blind review">
                <span className="visually-hidden">hidden </span>
                {HIDDEN_LABELS[piece.hidden]}
              </span>
            );
          }
          const shown = showJoined(piece.text, piece.start, joined);
          if (piece.areas.length === 0) return <span key={piece.start}>{shown}</span>;
          const isSelected = selected !== null && piece.areas.some((area) => area.id === selected.id);
          const isCurrent =
            isSelected && currentSpan !== null && piece.start >= currentSpan.start && piece.end <= currentSpan.end;
          const dimensions = new Set(piece.areas.map((area) => area.dimension));
          const dimension = dimensions.size > 1 ? "both" : [...dimensions][0]!;
          const names = piece.areas.map((area) => area.name).join(", ");
          return (
            <mark
              key={piece.start}
              className={[
                "ev",
                `ev--${dimension}`,
                isSelected ? "is-selected" : selected ? "is-muted" : "",
                isCurrent ? "is-current" : "",
              ]
                .filter(Boolean)
                .join(" ")}
              data-testid="evidence-mark"
              data-areas={piece.areas.map((area) => area.id).join(" ")}
              data-start={piece.start}
              title={`Evidence for ${names}`}
              onClick={() => {
                // Clicking a line focuses its area (the next one on repeated clicks).
                const index = selected ? piece.areas.findIndex((area) => area.id === selected.id) : -1;
                onSelectArea(piece.areas[(index + 1) % piece.areas.length]!.id);
              }}
            >
              {shown}
            </mark>
          );
        })}
      </div>
    </section>
  );
}
