// Whether a line of a posting is a heading, from its shape: short, no full stop, and a colon,
// Title Case, CAPITALS or a list right below. Its words are judged by classify-heading.ts.
import { classifyHeading } from "./classify-heading.ts";
import { skillMentions } from "./map-skills.ts";
import type { PostingLine } from "./split-posting-lines.ts";
import type { SectionKind } from "./types.ts";

export function isHeadingLine(line: PostingLine, next: PostingLine | undefined): boolean {
  if (line.bullet) return false;
  // Markdown marks ("## Requirements", "**Nice to have:**") are not words.
  const bare = line.text.replace(/^[#*_\s]+|[*_\s]+$/g, "");
  const text = bare.replace(/[:?]\s*$/, "").trim();
  if (text.length === 0 || text.length > 90) return false;
  const words = text.split(/\s+/);
  if (words.length > 12) return false;
  // A short line that names a skill ("Experience With Python") is content, unless it ends in a colon.
  if (!/:$/.test(bare) && skillMentions(bare).length > 0) return false;
  if (/[.!;]$/.test(bare)) return false;
  // "Experience needed: 4 to 9 years" is a field with its value, not a heading.
  if (/:\s*\S/.test(bare)) return false;
  if (/[:?]$/.test(bare)) return true;
  if (text === text.toUpperCase() && /[A-Z]/.test(text)) return true;
  const long = words.filter((word) => /^[\p{L}'’]{4,}/u.test(word));
  if (long.length > 0 && long.every((word) => /^\p{Lu}/u.test(word))) return true;
  return next?.bullet === true;
}

/** "Our perks & benefits": a short line about the company starts a section of its own. */
export function shortOtherHeading(line: PostingLine): SectionKind | null | undefined {
  if (line.bullet || /[.!;,]$/.test(line.text) || line.text.split(/\s+/).length > 5) return undefined;
  return classifyHeading(line.text) === "other" ? "other" : undefined;
}
