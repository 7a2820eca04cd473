/**
 * Blanks out comments while keeping every other character (and every newline) in place, so that
 * offsets found in the masked text are offsets in the original and line numbers stay right.
 * String literals are kept: routes live in them, and a `//` inside a URL is not a comment.
 */
export type CommentSyntax = "java" | "kotlin" | "go" | "csharp" | "php" | "ruby";

interface SyntaxRules {
  readonly slashComments: boolean;
  readonly hashComments: boolean;
  /** quote characters that open an ordinary (backslash-escaped) string */
  readonly quotes: string;
  /** quote characters that open a raw string with no escapes (Go's backtick) */
  readonly rawQuotes: string;
  readonly tripleQuotes: boolean;
}

const RULES: Record<CommentSyntax, SyntaxRules> = {
  java: {
    slashComments: true,
    hashComments: false,
    quotes: `"'`,
    rawQuotes: "",
    tripleQuotes: true,
  },
  kotlin: {
    slashComments: true,
    hashComments: false,
    quotes: `"'`,
    rawQuotes: "",
    tripleQuotes: true,
  },
  go: {
    slashComments: true,
    hashComments: false,
    quotes: `"'`,
    rawQuotes: "`",
    tripleQuotes: false,
  },
  csharp: {
    slashComments: true,
    hashComments: false,
    quotes: `"'`,
    rawQuotes: "",
    tripleQuotes: true,
  },
  php: {
    slashComments: true,
    hashComments: true,
    quotes: `"'`,
    rawQuotes: "",
    tripleQuotes: false,
  },
  ruby: {
    slashComments: false,
    hashComments: true,
    quotes: `"'`,
    rawQuotes: "",
    tripleQuotes: false,
  },
};

export function maskComments(text: string, syntax: CommentSyntax): string {
  const rules = RULES[syntax];
  const special = SPECIAL[syntax];
  const out: string[] = [];
  const n = text.length;
  let copied = 0;
  const blank = (from: number, to: number): void => {
    out.push(text.slice(copied, from));
    blankRange(text, from, to, out);
    copied = to;
  };
  special.lastIndex = 0;
  let i = 0;
  // Jump from one character that may open a comment or string to the next; the rest is copied
  // in slices, which keeps this linear and cheap on large files.
  while (i < n) {
    special.lastIndex = i;
    const hit = special.exec(text);
    if (!hit) break;
    i = hit.index;
    const c = text[i] as string;
    const next = text[i + 1];
    if (rules.slashComments && c === "/" && next === "/") {
      const end = lineEnd(text, i);
      blank(i, end);
      i = end;
    } else if (rules.slashComments && c === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close === -1 ? n : close + 2;
      blank(i, end);
      i = end;
    } else if (rules.hashComments && c === "#" && !(syntax === "php" && next === "[")) {
      // PHP 8 attributes start with `#[`; everything else after `#` is a comment to the line end.
      const end = lineEnd(text, i);
      blank(i, end);
      i = end;
    } else if (
      syntax === "ruby" &&
      c === "=" &&
      text.startsWith("=begin", i) &&
      atLineStart(text, i)
    ) {
      const close = text.indexOf("\n=end", i);
      const end = close === -1 ? n : lineEnd(text, close + 1);
      blank(i, end);
      i = end;
    } else if (rules.tripleQuotes && c === '"' && text.startsWith('"""', i)) {
      const close = text.indexOf('"""', i + 3);
      i = close === -1 ? n : close + 3;
    } else if (rules.rawQuotes.includes(c)) {
      const close = text.indexOf(c, i + 1);
      i = close === -1 ? n : close + 1;
    } else if (rules.quotes.includes(c)) {
      i = stringEnd(text, i, syntax === "csharp" && text[i - 1] === "@");
    } else {
      i++;
    }
  }
  out.push(text.slice(copied));
  return out.join("");
}

const SPECIAL: Record<CommentSyntax, RegExp> = {
  java: /["'/]/g,
  kotlin: /["'/]/g,
  csharp: /["'/]/g,
  go: /["'`/]/g,
  php: /["'#/]/g,
  ruby: /["'#=]/g,
};

/**
 * Pushes spaces for text[from, to) with its newlines kept. Runs of spaces come from `repeat`
 * rather than a per-character replace: licence headers and Javadoc make comments a large share
 * of JVM source, and this is the hot path of every stack detector that masks.
 */
function blankRange(text: string, from: number, to: number, out: string[]): void {
  let start = from;
  for (let nl = text.indexOf("\n", start); nl !== -1 && nl < to; nl = text.indexOf("\n", start)) {
    out.push(" ".repeat(nl - start), "\n");
    start = nl + 1;
  }
  out.push(" ".repeat(to - start));
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl === -1 ? text.length : nl;
}

function atLineStart(text: string, i: number): boolean {
  return i === 0 || text[i - 1] === "\n";
}

/** End (exclusive) of the string literal opened at `start`; stops at the line end if unclosed. */
function stringEnd(text: string, start: number, verbatim: boolean): number {
  const quote = text[start];
  for (let k = start + 1; k < text.length; k++) {
    const ch = text[k];
    if (ch === "\\" && !verbatim) {
      k++;
    } else if (ch === quote) {
      if (verbatim && text[k + 1] === quote) k++;
      else return k + 1;
    } else if (ch === "\n" && !verbatim) {
      // An unclosed quote (a Rust-like lifetime, a Ruby `?'` literal) must not swallow the file.
      return k;
    }
  }
  return text.length;
}

/**
 * Whether `offset` lies in a comment of a language with `//` and `/* … *\/` comments, judged from
 * its line alone or an open block comment, without masking the whole file: a usage example in a
 * doc comment (`* import {z} from 'zod'`, or a JSDoc code sample written without the stars) is no
 * import. A block comment counts only when `/*` starts its line, so that a glob string such as
 * `'src/**\/*.ts'` earlier in the file does not hide the code after it.
 */
export function inSlashComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf("\n", offset) + 1;
  const head = text.slice(lineStart, offset).trimStart();
  if (head.startsWith("*") || head.startsWith("//") || head.startsWith("/*")) return true;
  const open = text.lastIndexOf("/*", offset);
  if (open === -1 || text.lastIndexOf("*/", offset) > open) return false;
  return text.slice(text.lastIndexOf("\n", open) + 1, open).trim() === "";
}
