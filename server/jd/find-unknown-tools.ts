// Tools a requirement lists beside known skills that the taxonomy does not know: "DeepSpeed,
// MS-AMP, Colossal-AI, Megatron" finds DeepSpeed and Megatron, and lists MS-AMP and Colossal-AI
// as not scored, so the manager sees what the ranking ignores and can add them as data. Only
// items of a list that also holds a known skill, and only words shaped like product names (inner
// capitals, capitals only, digits), so Title Case English words never count.
import type { PlacedMention } from "./map-skills.ts";
import type { PostingSegment, UnscoredRequirement } from "./types.ts";

const SEPARATOR =
  /\s*(?:[,;()/]|\be\.g\.,?|\bi\.e\.,?|\bsuch as\b|\blike\b|\bincluding\b|\betc\.?|\band\b|\bor\b|&)\s*/gi;
const NAME = /^(?:[A-Z][\w.+#-]*|[\w.+#-]*\d[\w.+#-]*)(?:\s+[A-Z0-9][\w.+#-]*){0,2}$/;
/**
 * A word shaped like a product name, not like an English word in Title Case: inner capitals
 * (PowerBI, DeepSpeed), capitals only (QNX, MS-AMP), digits (GPT4) or code punctuation (C#, .NET).
 */
const TOOL_SHAPE = /[a-z][A-Z]|^[A-Z][A-Z0-9-]+$|\d|[#+]|\.[A-Za-z]/;
/** Capitalised words that start a requirement rather than name a tool. */
const NOT_A_TOOL =
  /^(?:experience|strong|knowledge|ability|familiarity|proficiency|expertise|understanding|bachelor|master|phd|degree|years?|excellent|good|solid|deep|hands|demonstrated|proven|working|advanced|basic|you|we|our|the|a|an|in|with|of|to|for|on|at|is|are|be|any|other|similar|related|equivalent|modern|one|more|both|plus|preferred|required|must|nice|ideally|etc|ex|eg|ie|AI|ML|IT)$/i;

export function findUnknownTools(
  segments: readonly PostingSegment[],
  placed: readonly PlacedMention[],
): UnscoredRequirement[] {
  const bySegment = new Map<PostingSegment, PlacedMention[]>();
  for (const entry of placed) {
    const list = bySegment.get(entry.segment);
    if (list === undefined) bySegment.set(entry.segment, [entry]);
    else list.push(entry);
  }
  const tools: UnscoredRequirement[] = [];
  for (const [segment, mentions] of bySegment) {
    if (segment.strength === "none") continue;
    // Characters of the segment some mention covers, as prefix sums: an item's overlap is one
    // subtraction, whatever the number of mentions.
    const covered = new Uint32Array(segment.text.length + 1);
    const mark = new Uint8Array(segment.text.length);
    for (const { mention } of mentions) {
      for (
        let i = Math.max(0, mention.start - segment.start);
        i < Math.min(mark.length, mention.end - segment.start);
        i += 1
      ) {
        mark[i] = 1;
      }
    }
    for (let i = 0; i < mark.length; i += 1) covered[i + 1] = covered[i]! + mark[i]!;
    let from = 0;
    const pieces: { start: number; end: number }[] = [];
    SEPARATOR.lastIndex = 0;
    for (let match = SEPARATOR.exec(segment.text); match !== null; match = SEPARATOR.exec(segment.text)) {
      if (match[0].length === 0) {
        SEPARATOR.lastIndex += 1;
        continue;
      }
      pieces.push({ start: from, end: match.index });
      from = match.index + match[0].length;
    }
    pieces.push({ start: from, end: segment.text.length });
    for (const piece of pieces) {
      const raw = segment.text.slice(piece.start, piece.end);
      const text = raw.trim().replace(/[.:!]+$/, "");
      if (text.length < 2 || !NAME.test(text) || NOT_A_TOOL.test(text.split(/\s+/)[0]!)) continue;
      if (!text.split(/\s+/).some((word) => TOOL_SHAPE.test(word) && !NOT_A_TOOL.test(word))) continue;
      const start = segment.start + piece.start + raw.indexOf(text);
      const end = start + text.length;
      if (covered[end - segment.start]! - covered[start - segment.start]! > 0) continue;
      tools.push({ text, start, end, kind: "unknown_skill", strength: segment.strength });
    }
  }
  return tools.sort((a, b) => a.start - b.start);
}
