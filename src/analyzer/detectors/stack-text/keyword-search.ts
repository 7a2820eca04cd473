/**
 * Fast substring search for the signal rules, which look for a few hundred keywords in every
 * file of a repository: most of the analyzer's time went into `indexOf` calls that found nothing.
 *
 * V8's `indexOf` jumps to each occurrence of the keyword's first character and compares from
 * there, so a keyword that starts with a frequent character ("org.springframework…", "import")
 * costs many false starts. A needle searches from its rarest character instead and checks the
 * part before it on each hit: the same occurrences, in the same order, with far fewer stops.
 */

/**
 * Printable ASCII characters from most to least frequent in source code and configuration,
 * measured over Java, Kotlin, TypeScript, Python, Ruby, PHP, Go, YAML and JSON files of several
 * public repositories (each repository weighted equally). Characters not listed count as rarest.
 */
const BY_FREQUENCY =
  "etrionascldpu.m()fghy\":,b_=v/{};-xwAk0'SROICT>1*E<BN2PDLqM\\[]@Fj$H4U365G#W9?%8|zV7Y!J&+XZK`Q^~";

function rarity(ch: string): number {
  // Whitespace is more frequent than any printable character: never search from it.
  if (ch === " " || ch === "\t") return -1;
  const rank = BY_FREQUENCY.indexOf(ch);
  return rank === -1 ? BY_FREQUENCY.length : rank;
}

export interface Needle {
  readonly keyword: string;
  /** where the rarest character sits in the keyword */
  readonly pivot: number;
  readonly head: string;
  readonly tail: string;
}

const needles = new Map<string, Needle>();

/** The needle for a keyword, made once per keyword. */
export function needle(keyword: string): Needle {
  let found = needles.get(keyword);
  if (found === undefined) {
    let pivot = 0;
    for (let i = 1; i < keyword.length; i++) {
      if (rarity(keyword.charAt(i)) > rarity(keyword.charAt(pivot))) pivot = i;
    }
    found = { keyword, pivot, head: keyword.slice(0, pivot), tail: keyword.slice(pivot) };
    needles.set(keyword, found);
  }
  return found;
}

/** Same result as `text.indexOf(n.keyword, from)` (for from ≥ 0). */
export function indexOfNeedle(text: string, n: Needle, from = 0): number {
  if (n.pivot === 0) return text.indexOf(n.keyword, from);
  for (
    let at = text.indexOf(n.tail, from + n.pivot);
    at !== -1;
    at = text.indexOf(n.tail, at + 1)
  ) {
    if (text.startsWith(n.head, at - n.pivot)) return at - n.pivot;
  }
  return -1;
}

/** `text.includes(word)`, searched from the word's rarest character. */
export function contains(text: string, word: string): boolean {
  return indexOfNeedle(text, needle(word)) !== -1;
}

/**
 * The parts of a file that hold every line with one of some words, each starting at a line start
 * and ending at a line end: a superset of those lines, in file order.
 */
export interface LineView {
  /** `text.slice(start, end)` of each part (V8 slices share the file's memory) */
  readonly parts: readonly string[];
  readonly starts: readonly number[];
}

/** Lines closer than this are kept in one part with the lines between them. */
const MERGE_GAP = 240;

const lineViews = new WeakMap<object, Map<readonly string[], LineView>>();

/**
 * The view of `text` (owned by `owner`, the cache key) for `words`, an array constant whose
 * identity keys the cache: built once per file and shared by every rule that asks for it.
 */
export function lineView(owner: object, text: string, words: readonly string[]): LineView {
  let views = lineViews.get(owner);
  if (views === undefined) {
    views = new Map();
    lineViews.set(owner, views);
  }
  let view = views.get(words);
  if (view === undefined) {
    view = buildLineView(text, words);
    views.set(words, view);
  }
  return view;
}

function buildLineView(text: string, words: readonly string[]): LineView {
  const lines: number[] = [];
  for (const word of words) {
    const n = needle(word);
    for (let at = indexOfNeedle(text, n); at !== -1;) {
      lines.push(text.lastIndexOf("\n", at) + 1);
      const newline = text.indexOf("\n", at);
      at = newline === -1 ? -1 : indexOfNeedle(text, n, newline);
    }
  }
  if (words.length > 1) lines.sort((a, b) => a - b);
  const parts: string[] = [];
  const starts: number[] = [];
  let start = -1;
  let end = -1;
  for (const lineStart of lines) {
    if (lineStart <= end) continue; // the same line again, from another word
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (start !== -1 && lineStart - end <= MERGE_GAP) {
      end = lineEnd;
      continue;
    }
    if (start !== -1) {
      parts.push(text.slice(start, end));
      starts.push(start);
    }
    start = lineStart;
    end = lineEnd;
  }
  if (start !== -1) {
    parts.push(text.slice(start, end));
    starts.push(start);
  }
  return { parts, starts };
}

/**
 * The offset in `text` of the first match of `re` on a line of the view that holds the keyword,
 * or -1. `re` is run on that whole line, as a line pattern expects. A match `skip` rejects (one
 * in a comment) does not count.
 */
export function firstLineMatch(
  text: string,
  view: LineView,
  n: Needle,
  re: RegExp,
  skip?: (offset: number) => boolean,
): number {
  for (let p = 0; p < view.parts.length; p++) {
    const part = view.parts[p] as string;
    const base = view.starts[p] as number;
    for (let at = indexOfNeedle(part, n); at !== -1;) {
      const lineStart = text.lastIndexOf("\n", base + at) + 1;
      const newline = text.indexOf("\n", base + at);
      const lineEnd = newline === -1 ? text.length : newline;
      re.lastIndex = 0;
      const m = re.exec(text.slice(lineStart, lineEnd));
      if (m && skip?.(lineStart + m.index) !== true) return lineStart + m.index;
      const next = Math.max(lineEnd - base, at + 1);
      at = next >= part.length ? -1 : indexOfNeedle(part, n, next);
    }
  }
  return -1;
}
