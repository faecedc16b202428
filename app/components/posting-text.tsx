// The job posting's text with the lines each draft suggestion, warning and "not scored"
// requirement came from marked (<mark>). A mark's colour says what it is; the suggestion the
// manager points at (hover or focus in the list) is highlighted, and every suggestion's first line
// has an id the list links to ("show in the posting"), so it works without JavaScript too.
import { useMemo } from "react";

export type MarkTone = "suggestion" | "rejected" | "warning" | "unscored";

export interface PostingMark {
  /** The suggestion, warning or requirement it belongs to (several marks may share one). */
  group: string;
  start: number;
  end: number;
  tone: MarkTone;
  /** What it is, for the mark's title: "Must-have: Kubernetes". */
  label: string;
}

/** Which tone shows when marks overlap: a warning must never be hidden by a suggestion. */
const PRIORITY: Record<MarkTone, number> = { warning: 3, suggestion: 2, rejected: 1, unscored: 0 };

/** The anchor id of a group's first mark. */
export function markAnchor(group: string): string {
  return `posting-${group.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

interface Piece {
  start: number;
  end: number;
  marks: PostingMark[];
}

function cutPieces(length: number, marks: readonly PostingMark[]): Piece[] {
  const cuts = new Set<number>([0, length]);
  for (const mark of marks)
    cuts.add(Math.max(0, Math.min(length, mark.start))).add(Math.max(0, Math.min(length, mark.end)));
  const bounds = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    pieces.push({ start, end, marks: marks.filter((mark) => mark.start <= start && mark.end >= end) });
  }
  return pieces;
}

export function PostingText({
  text,
  marks,
  activeGroup,
}: {
  text: string;
  marks: readonly PostingMark[];
  activeGroup: string | null;
}) {
  const pieces = useMemo(() => cutPieces(text.length, marks), [text, marks]);
  const anchored = new Set<string>();
  return (
    <div
      className={`posting-text${activeGroup ? " has-active" : ""}`}
      data-testid="posting-text"
      tabIndex={0}
      aria-label="The job posting, with the lines each suggestion came from marked"
    >
      {pieces.map((piece) => {
        const content = text.slice(piece.start, piece.end);
        if (piece.marks.length === 0) return <span key={piece.start}>{content}</span>;
        const top = piece.marks.reduce((best, mark) => (PRIORITY[mark.tone] > PRIORITY[best.tone] ? mark : best));
        const active = activeGroup !== null && piece.marks.some((mark) => mark.group === activeGroup);
        const anchors = piece.marks.filter((mark) => !anchored.has(mark.group));
        for (const mark of anchors) anchored.add(mark.group);
        return (
          <mark
            key={piece.start}
            id={anchors[0] ? markAnchor(anchors[0].group) : undefined}
            className={`pm pm--${top.tone}${active ? " is-active" : ""}`}
            title={[...new Set(piece.marks.map((mark) => mark.label))].join(" · ")}
            data-groups={piece.marks.map((mark) => mark.group).join(" ")}
          >
            {/* Further groups starting here still get an anchor to link to. */}
            {anchors.slice(1).map((mark) => (
              <span key={mark.group} id={markAnchor(mark.group)} />
            ))}
            {content}
          </mark>
        );
      })}
    </div>
  );
}
