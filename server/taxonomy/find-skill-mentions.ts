// Finds every mention of a taxonomy skill in a text, with its exact span and a hedge factor.
// Matching is on tokens (tokenize.ts) through a trie of all aliases built once, so the cost is
// one Map lookup per token whatever the size of the taxonomy. At each token the longest alias
// wins ("Spark SQL" over "Spark", "Apache Kafka" over "Kafka"); if the longest one fails its
// context rule, the next shorter one is tried. Matches never overlap: the scan resumes after
// the match. Deterministic: no randomness, no dependence on time or locale.
import type { Dimension } from "../contract/screening-result.ts";
import { AREAS, type AreaId } from "./areas.ts";
import { CONTEXT_RULES, NEARBY_CHARS, type ContextRule, type ContextRuleId } from "./context-rules.ts";
import { applyHedges } from "./hedge-scope.ts";
import { SKILLS, type Skill } from "./skills.ts";
import { normalizeAlias, tokenize, type Tokens } from "./tokenize.ts";

export interface SkillMention {
  skillId: string;
  area: AreaId;
  dimension: Dimension;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the searched text. */
  text: string;
  /** Multiplier from hedges in the same clause ("familiar with"): 1 = none, lower = weaker. */
  hedge: number;
}

interface Terminal {
  skill: Skill;
  dimension: Dimension;
  /** The context rule when it guards this alias, else null. */
  rule: ContextRule | null;
  isLanguage: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminal: Terminal | null;
}

interface Candidate {
  terminal: Terminal;
  start: number;
  end: number;
  line: number;
  accepted: boolean;
  /** Position in the candidate list. */
  index: number;
}

const CONTEXT_CHARS = 40;
/** How far before a capitalised mention "at", "@" or "joined" is looked for (EMPLOYER_BEFORE). */
const EMPLOYER_CHARS = 32;
// judgeLocally reads the narrower contexts off the NEARBY_CHARS-wide one.
if (CONTEXT_CHARS > NEARBY_CHARS || EMPLOYER_CHARS > NEARBY_CHARS)
  throw new Error("NEARBY_CHARS must be the widest context");
const URL_LIKE = /:\/\/|www\.|@|\.(?:com|org|io|net|dev|ai|me|co|edu|gov)\b/i;
const LIST_GAP = /^\s*(?:[,/|;·•&+]|and|or)?\s*$/i;

/**
 * LIST_GAP.test(text.slice(from, to)), without the slice where the answer is plain: a gap holding
 * an ASCII letter or digit that is not one of "a", "n", "d", "o", "r" never matches.
 */
function isListGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i) | 0x20; // ASCII letters folded to lower case
    const letterOrDigit = (code >= 0x61 && code <= 0x7a) || (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39);
    if (letterOrDigit && code !== 0x61 && code !== 0x6e && code !== 0x64 && code !== 0x6f && code !== 0x72)
      return false;
  }
  return LIST_GAP.test(text.slice(from, to));
}

function newNode(): TrieNode {
  return { next: new Map(), terminal: null };
}

export type FindSkillMentions = (text: string) => SkillMention[];

/** Builds a matcher for a skill list; throws when two skills claim the same alias. */
export function compileSkillMatcher(skills: readonly Skill[]): FindSkillMentions {
  const dimensionOf = new Map(AREAS.map((area) => [area.id, area.dimension]));
  const root = newNode();
  for (const skill of skills) {
    // A skill may carry several rules, each guarding its own match strings ("LLM" the law degree,
    // "ChatGPT" the coding assistant); an alias takes the first rule that guards it.
    const rules: ContextRule[] = (
      Array.isArray(skill.context) ? skill.context : skill.context === undefined ? [] : [skill.context]
    ).map((context: ContextRuleId | ContextRule) => (typeof context === "string" ? CONTEXT_RULES[context] : context));
    const ruleFor = (alias: string): ContextRule | null =>
      rules.find((rule) => rule.guards === undefined || rule.guards.some((guard) => normalizeAlias(guard) === alias)) ??
      null;
    const dimension = dimensionOf.get(skill.area);
    if (dimension === undefined) throw new Error(`skill ${skill.id}: unknown area ${skill.area}`);
    for (const alias of [skill.name, ...skill.aliases]) {
      const tokens = normalizeAlias(alias).split(" ");
      if (tokens.length === 0) throw new Error(`skill ${skill.id}: alias "${alias}" has no tokens`);
      let node = root;
      for (const token of tokens) {
        let child = node.next.get(token);
        if (child === undefined) {
          child = newNode();
          node.next.set(token, child);
        }
        node = child;
      }
      if (node.terminal !== null) {
        if (node.terminal.skill.id === skill.id) continue; // a spelling variant of the same alias
        throw new Error(`alias "${alias}" of ${skill.id} already belongs to ${node.terminal.skill.id}`);
      }
      node.terminal = { skill, dimension, rule: ruleFor(tokens.join(" ")), isLanguage: skill.kind === "language" };
    }
  }
  return (text) => findMentions(root, text);
}

function findMentions(root: TrieNode, text: string): SkillMention[] {
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  const lineStarts = new LineIndex(text);
  const chunks: ChunkCache = { last: null };
  let i = 0;
  while (i < tokens.count) {
    const found = longestMatchAt(root, tokens, i);
    let matched = false;
    // Longest first; a rejected alias lets a shorter one match ("Spark" in "Spark interest"
    // fails, but nothing shorter exists, so no match).
    for (let k = found.length - 1; k >= 0; k -= 1) {
      const { terminal, last } = found[k]!;
      const start = tokens.starts[i]!;
      const end = tokens.ends[last]!;
      const verdict = judgeLocally(text, terminal, start, end, chunks);
      if (verdict === "reject") continue;
      candidates.push({
        terminal,
        start,
        end,
        line: lineStarts.lineOf(start),
        accepted: verdict === "accept",
        index: candidates.length,
      });
      i = last + 1;
      matched = true;
      break;
    }
    if (!matched) i += 1;
  }
  resolvePending(text, candidates);

  const mentions: SkillMention[] = [];
  for (const candidate of candidates) {
    if (!candidate.accepted) continue;
    const { skill, dimension } = candidate.terminal;
    mentions.push({
      skillId: skill.id,
      area: skill.area,
      dimension,
      start: candidate.start,
      end: candidate.end,
      text: text.slice(candidate.start, candidate.end),
      hedge: 1,
    });
  }
  applyHedges(text, mentions);
  return mentions;
}

/** Every alias that starts at token `first`, shortest first (empty array shared when none). */
function longestMatchAt(root: TrieNode, tokens: Tokens, first: number): { terminal: Terminal; last: number }[] {
  let found: { terminal: Terminal; last: number }[] | null = null;
  let node = root;
  for (let j = first; j < tokens.count; j += 1) {
    // An alias may run on over a line the layout wrapped after a word, never over other breaks.
    if (j > first && tokens.newlineBefore[j] === 1) break;
    const token = tokens.key(j);
    const child = node.next.get(token) ?? versionless(node, token);
    // A plural of the alias's last word ("GPUs", "unit tests").
    if (token.length > 2 && token.charCodeAt(token.length - 1) === 115 /* s */ && !child?.terminal) {
      const singular = node.next.get(token.slice(0, -1));
      if (singular?.terminal) (found ??= []).push({ terminal: singular.terminal, last: j });
    }
    if (child === undefined) break;
    if (child.terminal !== null) (found ??= []).push({ terminal: child.terminal, last: j });
    node = child;
  }
  return found ?? NONE;
}

const NONE: { terminal: Terminal; last: number }[] = [];

/** "python3", "tensorflow2", "junit5", "oracle11g", "sql2016": a name with a version glued on. */
const GLUED_VERSION = /^([a-z]{2,}?)v?\d{1,4}[a-z]?$/;

/** The child for a token's name without its glued version, when the token itself has none. */
function versionless(node: TrieNode, token: string): TrieNode | undefined {
  const length = token.length;
  if (length < 3 || length > 24 || !(isDigit(token, length - 1) || isDigit(token, length - 2))) return undefined;
  const bare = GLUED_VERSION.exec(token)?.[1];
  return bare === undefined ? undefined : node.next.get(bare);
}

function isDigit(token: string, index: number): boolean {
  const code = token.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** Same-line text around a mention, at most `size` characters. */
function before(text: string, start: number, size: number): string {
  const from = Math.max(0, start - size);
  const slice = text.slice(from, start);
  const newline = slice.lastIndexOf("\n");
  return newline === -1 ? slice : slice.slice(newline + 1);
}

/**
 * For a mention that starts its line, the end of the line above when the layout wrapped a sentence
 * there (it ends in no full stop, colon or semicolon), joined by a space: "tracked utilization /
 * statistics to increase revenue" is read as the one phrase it is. Else "".
 */
function wrappedLeft(text: string, start: number, left: string): string {
  if (left.trim() !== "" || start === 0) return "";
  const lineStart = start - left.length;
  if (lineStart < 1 || text[lineStart - 1] !== "\n") return "";
  const above = before(text, lineStart - 1, CONTEXT_CHARS);
  return above.trim() === "" || /[.:;!?]\s*$/.test(above) ? "" : `${above.trimEnd()} `;
}

function after(text: string, end: number, size: number): string {
  const slice = text.slice(end, end + size);
  const newline = slice.indexOf("\n");
  return newline === -1 ? slice : slice.slice(0, newline);
}

/**
 * Is the mention part of a URL or an e-mail address (the whitespace-free chunk around it looks like
 * one)? The chunk is found once and kept for the next mention inside it: a long chunk holding
 * many mentions ("python/python/…") would otherwise be rescanned for each, quadratic in its length.
 */
function insideUrlOrEmail(text: string, start: number, end: number, surface: string, chunks: ChunkCache): boolean {
  let chunk = chunks.last;
  // A chunk found from a mention without spaces has none inside: any later mention within it
  // would find the same one. A mention with spaces ("machine learning") finds its own.
  if (chunk === null || !chunk.solid || start < chunk.from || end > chunk.to) {
    let from = start;
    while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from -= 1;
    let to = end;
    while (to < text.length && !isSpace(text.charCodeAt(to))) to += 1;
    chunk = { from, to, solid: !/\s/.test(surface), urlLike: null };
    chunks.last = chunk;
  }
  if (chunk.from === start && chunk.to === end) return false;
  if (trimmedChunkIs(text, chunk.from, chunk.to, surface)) return false;
  chunk.urlLike ??= URL_LIKE.test(text.slice(chunk.from, chunk.to));
  return chunk.urlLike;
}

interface ChunkCache {
  last: { from: number; to: number; solid: boolean; urlLike: boolean | null } | null;
}

const TRIM_LEADING = new Set([..."(\"'[{<«“‘"]);
const TRIM_TRAILING = new Set([...")\"'\\]}>»”’.,;:!?"]);

/**
 * Is text[from, to) without its leading brackets and quotes and trailing closers and punctuation
 * exactly `surface`? What chunk.replace(/^[("'[{<«“‘]+|[)"'\]}>»”’.,;:!?]+$/g, "") === surface
 * said, by moving two ends inward: that replace restarts at every character of a long run of
 * punctuation before failing at "$", quadratic in the run.
 */
function trimmedChunkIs(text: string, from: number, to: number, surface: string): boolean {
  let left = from;
  while (left < to && TRIM_LEADING.has(text[left]!)) left += 1;
  let right = to;
  while (right > left && TRIM_TRAILING.has(text[right - 1]!)) right -= 1;
  return right - left === surface.length && text.startsWith(surface, left);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

type Verdict = "accept" | "pending" | "reject";

/**
 * A capitalised skill word followed by a company word names an employer ("Spark Networks", "HPC
 * Ltd", "Docker Inc."): employers are identity, not evidence (scoring blanks the ones it finds).
 */
const EMPLOYER_AFTER =
  /^[ \t]+(?:Networks|Ltd|Limited|Inc|LLC|LLP|PLC|Pvt|GmbH|Corp|Corporation|Technologies|Infotech|Labs|Consulting|Holdings|Group|AG)\b/;

/**
 * A capitalised skill word right after "at", "@" or "joined" names an employer: "Data Engineer at
 * Databricks", "worked at Oracle", "joined Docker". "Good at Python" and its kin are skills.
 */
const EMPLOYER_BEFORE =
  /(?:(?<!\b(?:good|expert|proficient|skilled|experienced|adept|excel|excels|excelled|better|great|strong|best|fluent|hands-on|efficient|effective|paper|papers|published|presented|accepted|poster|posters|talk|talks|spotlight|oral|speaker)\s)\bat|@|\bjoined)\s+$/i;

function judgeLocally(text: string, terminal: Terminal, start: number, end: number, chunks: ChunkCache): Verdict {
  const surface = text.slice(start, end);
  if (insideUrlOrEmail(text, start, end, surface, chunks)) return "reject";
  // The same-line text before the mention, read once as wide as the widest test needs; the
  // narrower tests read its end (before(text, start, n) is before(text, start, NEARBY_CHARS)
  // .slice(-n) for n ≤ NEARBY_CHARS: both stop at the same line break).
  let wideLeft: string | null = null;
  if (isUpper(surface.charCodeAt(0))) {
    if (EMPLOYER_AFTER.test(text.slice(end, end + 16))) return "reject";
    wideLeft = before(text, start, NEARBY_CHARS);
    if (EMPLOYER_BEFORE.test(wideLeft.slice(-EMPLOYER_CHARS))) return "reject";
  }
  const rule = terminal.rule;
  if (rule === null) return "accept";
  const form = /\s/.test(surface) ? surface.replace(/\s+/g, " ") : surface;
  if (rule.forms !== undefined && !rule.forms.includes(form)) return "reject";
  wideLeft ??= before(text, start, NEARBY_CHARS);
  const wideRight = after(text, end, NEARBY_CHARS);
  const left = wideLeft.slice(-CONTEXT_CHARS);
  const right = wideRight.slice(0, CONTEXT_CHARS);
  if (rule.rejectBefore?.test(left) || rule.rejectAfter?.test(right)) return "reject";
  if (rule.rejectBefore !== undefined) {
    const wrapped = wrappedLeft(text, start, wideLeft);
    if (wrapped !== "" && rule.rejectBefore.test(wrapped)) return "reject";
  }
  if (rule.requireAfter !== undefined && !rule.requireAfter.test(wideRight)) return "reject";
  const nearby =
    rule.rejectNearby !== undefined || rule.requireNearby?.words !== undefined ? `${wideLeft} \u0000 ${wideRight}` : "";
  if (rule.rejectNearby?.test(nearby)) return "reject";
  if (rule.acceptBefore?.test(left) || rule.acceptAfter?.test(right)) return "accept";
  const required = rule.requireNearby;
  if (required === undefined) return "accept";
  if (required.exemptForms?.includes(form)) return "accept";
  if (required.words?.test(nearby)) return "accept";
  return "pending";
}

function supports(candidate: Candidate, other: Candidate, kind: "language" | "ml" | "any"): boolean {
  if (other === candidate || other.line !== candidate.line) return false;
  if (kind === "language" && !other.terminal.isLanguage) return false;
  if (kind === "ml" && other.terminal.dimension !== "ml") return false;
  const gap = other.start >= candidate.end ? other.start - candidate.end : candidate.start - other.end;
  return gap <= NEARBY_CHARS;
}

/**
 * Pending mentions ("Go" with nothing else yet) are accepted when an accepted mention of the
 * right kind stands near them; repeated until nothing changes, so "Go" accepted beside "Python"
 * can in turn support "Julia". Two pending languages side by side in a list ("Go, Julia") also
 * support each other.
 */
function resolvePending(text: string, candidates: Candidate[]): void {
  const pending = candidates.filter((candidate) => !candidate.accepted);
  if (pending.length === 0) return;
  const neighbours = (candidate: Candidate): Candidate[] => {
    const index = candidate.index;
    const result: Candidate[] = [];
    for (let k = index - 1; k >= 0 && candidate.start - candidates[k]!.end <= NEARBY_CHARS; k -= 1)
      result.push(candidates[k]!);
    for (let k = index + 1; k < candidates.length && candidates[k]!.start - candidate.end <= NEARBY_CHARS; k += 1)
      result.push(candidates[k]!);
    return result;
  };
  /** neighbours(candidate).find(test), without building the list (a megabyte of "Go x " has 200,000). */
  const firstNeighbour = (candidate: Candidate, test: (other: Candidate) => boolean): Candidate | undefined => {
    const index = candidate.index;
    for (let k = index - 1; k >= 0 && candidate.start - candidates[k]!.end <= NEARBY_CHARS; k -= 1)
      if (test(candidates[k]!)) return candidates[k];
    for (let k = index + 1; k < candidates.length && candidates[k]!.start - candidate.end <= NEARBY_CHARS; k += 1)
      if (test(candidates[k]!)) return candidates[k];
    return undefined;
  };
  // Support spreads from accepted mentions to their pending neighbours until nothing changes
  // (a worklist: a chain of pending mentions accepted one pass per link took quadratic time);
  // then pending languages side by side pair up, and support spreads again from those.
  const supportSpreads = (queue: Candidate[]) => {
    while (queue.length > 0) {
      const candidate = queue.pop()!;
      if (candidate.accepted) continue;
      const kind = candidate.terminal.rule?.requireNearby?.skills;
      if (kind === undefined) continue;
      if (firstNeighbour(candidate, (other) => other.accepted && supports(candidate, other, kind)) !== undefined) {
        candidate.accepted = true;
        for (const other of neighbours(candidate)) if (!other.accepted) queue.push(other);
      }
    }
  };
  // Only a pending mention beside an accepted one can be accepted first; the rest are looked at
  // again when a neighbour is accepted (support only grows, so where the spread starts does not
  // change where it ends). A text of pending mentions alone ("Go x Go x …") costs nothing here.
  const seeds: Candidate[] = [];
  for (const candidate of candidates) {
    if (!candidate.accepted) continue;
    for (const other of neighbours(candidate)) if (!other.accepted) seeds.push(other);
  }
  supportSpreads(seeds);
  /**
   * The pending language beside `candidate` with only a list separator between them ("Go, Julia",
   * "Go and Julia"), the one before it first. Only the candidates right before and after can be:
   * any other has a mention between them, and a mention always holds a letter or digit that no
   * list gap allows.
   */
  const listMateOf = (candidate: Candidate): Candidate | undefined => {
    for (const k of [candidate.index - 1, candidate.index + 1]) {
      const other = candidates[k];
      if (other === undefined || other.accepted || !other.terminal.isLanguage || other.line !== candidate.line)
        continue;
      const [from, to] = other.start >= candidate.end ? [candidate.end, other.start] : [other.end, candidate.start];
      if (to - from <= NEARBY_CHARS && isListGap(text, from, to)) return other;
    }
    return undefined;
  };
  for (;;) {
    const paired: Candidate[] = [];
    for (const candidate of pending) {
      if (candidate.accepted || !candidate.terminal.isLanguage) continue;
      const listMate = listMateOf(candidate);
      if (listMate !== undefined) {
        candidate.accepted = true;
        listMate.accepted = true;
        paired.push(candidate, listMate);
      }
    }
    if (paired.length === 0) return;
    supportSpreads(paired.flatMap((candidate) => neighbours(candidate).filter((other) => !other.accepted)));
  }
}

/** Line numbers of offsets asked for in increasing order (the scan only moves forward). */
class LineIndex {
  private line = 0;
  private nextBreak: number;
  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf("\n");
  }
  lineOf(offset: number): number {
    while (this.nextBreak !== -1 && this.nextBreak < offset) {
      this.line += 1;
      this.nextBreak = this.text.indexOf("\n", this.nextBreak + 1);
    }
    return this.line;
  }
}

let defaultMatcher: FindSkillMentions | null = null;

/** Mentions of the taxonomy's skills in `text`, in order of position. */
export function findSkillMentions(text: string): SkillMention[] {
  defaultMatcher ??= compileSkillMatcher(SKILLS);
  return defaultMatcher(text);
}
