// The matcher's tokens: maximal runs of letters, digits and "_" ("JavaScript", "k8s", "p99"),
// and single punctuation characters ("C++" is c + +, "CI/CD" is ci / cd, "Node.js" is
// node . js). Hyphens and dashes are separators like spaces, so "scikit-learn" and "scikit learn"
// are the same alias and "JavaScript" can never contain the token "java". Because tokens are
// whole words, "sparked", "HTML" and "PySpark" are single tokens that only match as themselves.

export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /**
   * What separates the token from the previous one: 0 no line break; 2 a single line break right
   * after a word (a sentence or a list item wrapped by the layout: "natural\nlanguage processing");
   * 1 any other line break (a blank line, or a break after punctuation).
   */
  newlineBefore: Uint8Array;
  /** The lookup key of token `index`: lower-cased, accents dropped ("naïve" → "naive"). */
  key(index: number): string;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
const NON_ASCII_SPACE = /\s/;
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;

/** Characters a line needs before its break can be a wrap inside a sentence or a list item. */
const WRAPPED_LINE_MIN = 30;

function isDash(code: number): boolean {
  return code === 45 || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
}

function isWordCode(code: number, char: string): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  return code < 0xd800 || code > 0xdfff ? NON_ASCII_WORD.test(char) : false;
}

function isSpaceCode(code: number, char: string): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return NON_ASCII_SPACE.test(char);
}

function isNewlineCode(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 12 || code === 11;
}

export function tokenize(input: string): Tokens {
  const length = input.length;
  // One lower-casing for the whole text is much cheaper than one per token; a few characters
  // change length when lower-cased ("İ"), and then offsets would drift, so fall back per token.
  const lowered = input.toLowerCase();
  const sameLength = lowered.length === length;
  let capacity = Math.max(16, length >> 2);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let newlineBefore = new Uint8Array(capacity);
  const ascii = !NON_ASCII.test(input);
  let count = 0;
  let newlines = 0;
  let previousIsWord = false;
  // A break can be a layout's wrap only after a long line: one-item-per-line lists ("Spark\nSQL")
  // have short lines, and their items must stay apart.
  let lineStart = 0;
  let longLineBefore = false;

  const push = (start: number, end: number, isWord: boolean) => {
    if (count === capacity) {
      capacity *= 2;
      const grownStarts = new Int32Array(capacity);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(capacity);
      grownEnds.set(ends);
      ends = grownEnds;
      const grownNewlines = new Uint8Array(capacity);
      grownNewlines.set(newlineBefore);
      newlineBefore = grownNewlines;
    }
    starts[count] = start;
    ends[count] = end;
    newlineBefore[count] = newlines === 0 ? 0 : newlines === 1 && longLineBefore && previousIsWord && isWord ? 2 : 1;
    count += 1;
    newlines = 0;
    previousIsWord = isWord;
  };

  let i = 0;
  while (i < length) {
    const code = input.charCodeAt(i);
    const char = code < 128 ? "" : input[i]!;
    if (isWordCode(code, char)) {
      const start = i;
      i += 1;
      while (i < length) {
        const next = input.charCodeAt(i);
        if (!isWordCode(next, next < 128 ? "" : input[i]!)) break;
        i += 1;
      }
      push(start, i, true);
    } else if (isSpaceCode(code, char)) {
      // "\r\n" is one line break.
      if (isNewlineCode(code) && !(code === 13 && input.charCodeAt(i + 1) === 10)) {
        newlines += 1;
        longLineBefore = i - lineStart >= WRAPPED_LINE_MIN;
        lineStart = i + 1;
      }
      i += 1;
    } else if (isDash(code)) {
      i += 1;
    } else {
      push(i, i + 1, false);
      i += 1;
    }
  }
  // Keys are cut on demand rather than stored: a million retained strings cost more in garbage
  // collection than slicing the few tokens that are looked up twice.
  const key = (index: number): string => {
    const start = starts[index]!;
    const end = ends[index]!;
    const token = sameLength ? lowered.slice(start, end) : input.slice(start, end).toLowerCase();
    // "naïve" matches "naive": accents are dropped from the lookup key, never from the span.
    return ascii || !NON_ASCII.test(token) ? token : token.normalize("NFD").replace(MARKS, "");
  };
  return { count, starts, ends, newlineBefore, key };
}

/** The form two aliases are compared in: lower-cased tokens joined by single spaces. */
export function normalizeAlias(alias: string): string {
  const tokens = tokenize(alias);
  return Array.from({ length: tokens.count }, (_, index) => tokens.key(index)).join(" ");
}
