/**
 * cloc-style line counts per language: every line is blank, comment or code. A line with any
 * code on it is code (also when it ends in a comment); a line inside or starting a comment with
 * no code is comment; whitespace-only lines are blank wherever they are.
 *
 * Approximations, as in cloc: strings are followed only for the quote characters of each
 * language, on one line, except for the multi-line delimiters listed per language (JS template
 * literals, Go raw strings, triple quotes); a comment marker inside any other kind of string
 * (a regex literal, a C# verbatim string) can be taken for a comment. Single-file components
 * (.vue, .svelte) use the markup and script comment markers for the whole file.
 */
import type { LanguageStat } from "../report.js";
import type { SourceFile } from "../scan-context.js";
import { languageOf, type CommentSyntax } from "./language-table.js";

export interface LineTally {
  code: number;
  comment: number;
  blank: number;
}

export interface LineCounts {
  /** per language, sorted by code lines, most first */
  readonly languages: LanguageStat[];
  /** application code only (role "app", programming languages): for the comment ratio */
  readonly app: { readonly code: number; readonly comment: number };
}

export function countLines(files: readonly SourceFile[]): LineCounts {
  const byName = new Map<string, LineTally & { files: number }>();
  const app = { code: 0, comment: 0 };
  for (const file of files) {
    const language = languageOf(file.name, file.ext);
    if (language === null) continue;
    const tally = countFileLines(file.text, language.syntax);
    const total = byName.get(language.name) ?? { files: 0, code: 0, comment: 0, blank: 0 };
    total.files++;
    total.code += tally.code;
    total.comment += tally.comment;
    total.blank += tally.blank;
    byName.set(language.name, total);
    if (file.role === "app" && language.kind === "programming") {
      app.code += tally.code;
      app.comment += tally.comment;
    }
  }
  const languages = [...byName].map(([name, t]) => ({
    name,
    files: t.files,
    code: t.code,
    comment: t.comment,
    blank: t.blank,
  }));
  languages.sort((a, b) => b.code - a.code || (a.name < b.name ? -1 : 1));
  return { languages, app };
}

type Mode = "code" | "block" | "string" | "doc";

interface Scanner {
  readonly syntax: CommentSyntax;
  /** first characters of every marker and quote: the only places the scan has to stop */
  readonly stops: RegExp;
  /** markers whose presence means the state can change on this line */
  readonly stateful: readonly string[];
}

const scanners = new WeakMap<CommentSyntax, Scanner>();

function scannerFor(syntax: CommentSyntax): Scanner {
  let scanner = scanners.get(syntax);
  if (scanner === undefined) {
    const firsts = new Set(
      [
        ...syntax.line,
        ...syntax.block.map(([open]) => open),
        ...syntax.quotes,
        ...syntax.multiline,
      ].map((m) => m.charAt(0)),
    );
    const cls = [...firsts].map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("");
    scanner = {
      syntax,
      stops: new RegExp(cls === "" ? "(?!)" : `[${cls}]`, "g"),
      stateful: [...syntax.block.map(([open]) => open), ...syntax.multiline],
    };
    scanners.set(syntax, scanner);
  }
  return scanner;
}

/** Counts one file's lines with a language's comment syntax. */
export function countFileLines(text: string, syntax: CommentSyntax): LineTally {
  const scanner = scannerFor(syntax);
  const tally: LineTally = { code: 0, comment: 0, blank: 0 };
  const state: ScanState = {
    mode: "code",
    closer: "",
    nextMarker: new Array<number>(scanner.stateful.length).fill(-2),
  };
  let start = 0;
  const length = text.length;
  while (start < length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = length;
    tally[classifyLine(text, start, end, scanner, state)]++;
    start = end + 1;
  }
  return tally;
}

interface ScanState {
  mode: Mode;
  closer: string;
  /**
   * Per stateful marker, where it next occurs at or after the current line (-1: nowhere, -2: not
   * looked up yet). Each marker is searched for once per file instead of in every line.
   */
  readonly nextMarker: number[];
}

/** Whether text[from, to), one line, holds any of the markers that can change the state. */
function lineHasStateful(
  text: string,
  from: number,
  to: number,
  scanner: Scanner,
  state: ScanState,
): boolean {
  const { stateful } = scanner;
  const { nextMarker } = state;
  let found = false;
  for (let k = 0; k < stateful.length; k++) {
    let at = nextMarker[k] as number;
    if (at === -1) continue;
    if (at < from) {
      at = text.indexOf(stateful[k] as string, from);
      nextMarker[k] = at;
    }
    // Markers hold no newline, so one that starts before the line's end lies within the line.
    if (at !== -1 && at < to) found = true;
  }
  return found;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11 || code === 0xfeff;
}

function classifyLine(
  text: string,
  from: number,
  to: number,
  scanner: Scanner,
  state: ScanState,
): keyof LineTally {
  let first = from;
  while (first < to && isSpace(text.charCodeAt(first))) first++;
  if (first === to) return "blank";
  const { syntax } = scanner;

  if (state.mode === "code") {
    for (const marker of syntax.line) {
      if (text.startsWith(marker, first) && !startsBlock(text, first, syntax)) return "comment";
    }
    // Most lines cannot open a comment or a multi-line string: no need to follow quotes.
    if (!lineHasStateful(text, first, to, scanner, state)) return "code";
    return scanLine(text.slice(first, to), scanner, state);
  }
  return scanLine(text.slice(first, to), scanner, state);
}

function startsBlock(text: string, at: number, syntax: CommentSyntax): boolean {
  return syntax.block.some(([open]) => text.startsWith(open, at));
}

/** Index just past the closing `closer` from `from`, skipping backslash escapes; -1 if none. */
function findCloser(line: string, closer: string, from: number, escapes: boolean): number {
  let i = from;
  for (;;) {
    const j = line.indexOf(closer, i);
    if (j === -1) return -1;
    if (escapes) {
      let backslashes = 0;
      for (let k = j - 1; k >= from && line.charCodeAt(k) === 92; k--) backslashes++;
      if (backslashes % 2 === 1) {
        i = j + 1;
        continue;
      }
    }
    return j + closer.length;
  }
}

function scanLine(line: string, scanner: Scanner, state: ScanState): keyof LineTally {
  const { syntax, stops } = scanner;
  let hasCode = false;
  let hasComment = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    if (state.mode !== "code") {
      const inBlock = state.mode === "block";
      if (state.mode === "string") hasCode = true;
      else hasComment = true;
      const next = findCloser(line, state.closer, i, !inBlock && state.mode !== "doc");
      if (next === -1) return hasCode ? "code" : "comment";
      i = next;
      state.mode = "code";
      continue;
    }
    stops.lastIndex = i;
    const stop = stops.exec(line);
    const at = stop === null ? n : stop.index;
    if (!hasCode) {
      for (let k = i; k < at; k++) {
        if (!isSpace(line.charCodeAt(k))) {
          hasCode = true;
          break;
        }
      }
    }
    if (stop === null) break;
    i = at;
    const block = syntax.block.find(([open]) => line.startsWith(open, i));
    if (block !== undefined) {
      hasComment = true;
      state.mode = "block";
      state.closer = block[1];
      i += block[0].length;
      continue;
    }
    if (syntax.line.some((marker) => line.startsWith(marker, i))) {
      hasComment = true;
      break;
    }
    const multi = syntax.multiline.find((d) => line.startsWith(d, i));
    if (multi !== undefined) {
      state.mode = syntax.docstrings === true && !hasCode ? "doc" : "string";
      state.closer = multi;
      if (state.mode === "string") hasCode = true;
      else hasComment = true;
      i += multi.length;
      continue;
    }
    if (syntax.quotes.includes(line.charAt(i))) {
      hasCode = true;
      const next = findCloser(line, line.charAt(i), i + 1, true);
      i = next === -1 ? n : next;
      continue;
    }
    hasCode = true;
    i++;
  }
  return hasCode ? "code" : hasComment ? "comment" : "blank";
}
