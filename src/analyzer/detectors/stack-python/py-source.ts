/**
 * Just enough Python reading for route extraction, without a Python parser: a "code view" of the
 * text where comments and string contents are blanked (same length, so offsets still match the
 * real text), call arguments split at top-level commas, string literal values, decorated
 * functions and class bodies found by indentation.
 */
import { lineInFile } from "../../scan-context.js";
import { matchBracket } from "../stack-text/brackets.js";
import type { SourceFile } from "../../scan-context.js";

/** Comments and string contents replaced by spaces; quotes and newlines kept. */
export function codeView(text: string): string {
  const out = text.split("");
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === "#") {
      while (i < n && text[i] !== "\n") out[i++] = " ";
      continue;
    }
    if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      i += quote.length;
      while (i < n && !text.startsWith(quote, i)) {
        if (text[i] === "\\") {
          out[i] = " ";
          i++;
        } else if (!triple && text[i] === "\n") break;
        if (i < n && text[i] !== "\n") out[i] = " ";
        i++;
      }
      i += quote.length;
      continue;
    }
    i++;
  }
  return out.join("");
}

export interface PyArg {
  /** keyword name, or null for a positional argument */
  readonly name: string | null;
  /** the argument's source text, trimmed */
  readonly value: string;
  /** offset of the value in the file */
  readonly offset: number;
}

export interface PyCall {
  readonly args: readonly PyArg[];
  /** offset just after the closing parenthesis */
  readonly end: number;
}

/** Splits the arguments of the call whose "(" is at `open` (an offset in both texts). */
export function callArgs(text: string, code: string, open: number): PyCall {
  const args: PyArg[] = [];
  let depth = 0;
  let start = open + 1;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const codeRaw = code.slice(start, end);
    if (raw.trim() === "") return;
    const kw = /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(codeRaw);
    const valueStart = start + (kw ? kw[0].length : 0);
    const valueRaw = text.slice(valueStart, end);
    const lead = valueRaw.length - valueRaw.trimStart().length;
    args.push({ name: kw?.[1] ?? null, value: valueRaw.trim(), offset: valueStart + lead });
  };
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) {
        push(i);
        return { args, end: i + 1 };
      }
    } else if (ch === "," && depth === 1) {
      push(i);
      start = i + 1;
    }
  }
  push(code.length);
  return { args, end: code.length };
}

export function keyword(call: PyCall, name: string): PyArg | undefined {
  return call.args.find((a) => a.name === name);
}

export function positional(call: PyCall, index: number): PyArg | undefined {
  return call.args.filter((a) => a.name === null)[index];
}

const STRING_PART = /^\s*([rRbBuU]{0,2})('''|"""|'|")/;

/**
 * The value of a plain string literal (or adjacent literals), or null for anything else:
 * f-strings, names, calls. Raw strings keep their backslashes.
 */
export function stringValue(value: string): string | null {
  let rest = value.trim();
  let out = "";
  if (rest === "") return null;
  while (rest !== "") {
    const m = STRING_PART.exec(rest);
    if (m === null) return null;
    const prefix = (m[1] ?? "").toLowerCase();
    const quote = m[2] ?? "";
    if (prefix.includes("f")) return null;
    const bodyStart = m[0].length;
    const close = rest.indexOf(quote, bodyStart);
    if (close === -1) return null;
    const body = rest.slice(bodyStart, close);
    out += prefix.includes("r") ? body : body.replace(/\\(.)/g, "$1");
    rest = rest.slice(close + quote.length).trim();
  }
  return out;
}

/** String values of a list/tuple literal like ['GET', 'POST'], or null when not one. */
export function stringList(value: string): string[] | null {
  const m = /^\s*[[(]([\s\S]*)[\])]\s*$/.exec(value);
  if (m === null) return stringValue(value) === null ? null : [stringValue(value) ?? ""];
  const out: string[] = [];
  for (const part of (m[1] ?? "").split(",")) {
    if (part.trim() === "") continue;
    const s = stringValue(part);
    if (s === null) return null;
    out.push(s);
  }
  return out;
}

export interface PyBlock {
  readonly name: string;
  /** offset of the `def`/`class` keyword */
  readonly offset: number;
  readonly indent: number;
  /** offset range of the body (the lines indented deeper than the header) */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

function indentOf(code: string, lineStart: number): number {
  let i = lineStart;
  while (code[i] === " " || code[i] === "\t") i++;
  return i - lineStart;
}

/** The end offset of the indented block whose header line starts at `headerLineStart`. */
function blockEnd(code: string, headerOffset: number, indent: number): number {
  // The header may span lines (parenthesised parameters): the body starts after the ":" that
  // ends it at depth 0.
  let i = headerOffset;
  let depth = 0;
  for (; i < code.length; i++) {
    const ch = code[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === ":" && depth === 0) break;
  }
  let lineStart = code.indexOf("\n", i);
  if (lineStart === -1) return code.length;
  lineStart++;
  let end = lineStart;
  while (lineStart < code.length) {
    const next = code.indexOf("\n", lineStart);
    const lineEnd = next === -1 ? code.length : next;
    const line = code.slice(lineStart, lineEnd);
    if (line.trim() !== "") {
      if (indentOf(code, lineStart) <= indent) break;
      end = lineEnd;
    }
    if (next === -1) break;
    lineStart = next + 1;
  }
  return end;
}

export function blockAt(code: string, offset: number, name: string): PyBlock {
  const lineStart = code.lastIndexOf("\n", offset - 1) + 1;
  const indent = indentOf(code, lineStart);
  const bodyEnd = blockEnd(code, offset, indent);
  const colon = code.indexOf(":", offset);
  return { name, offset, indent, bodyStart: colon + 1, bodyEnd };
}

/**
 * Offset of the first statement after the decorators that follow `from`: a decorator's
 * arguments may span lines (`@api.doc(\n    responses={...},\n)`). Code view only.
 */
function afterDecorators(code: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < code.length && /\s/.test(code[i] ?? "")) i++;
    if (code[i] !== "@") return i;
    while (i < code.length && code[i] !== "\n" && code[i] !== "(") i++;
    if (code[i] !== "(") continue;
    const close = matchBracket(code, i);
    // An unclosed decorator call (a syntax error) leaves no statement after it.
    if (close === -1) return code.length;
    i = close + 1;
  }
}

/** The function defined right after the decorator that ends at `from`. */
export function functionAfter(code: string, from: number): PyBlock | null {
  const at = afterDecorators(code, from);
  const m = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/.exec(code.slice(at, at + 200));
  if (m === null) return null;
  const offset = at + m[0].indexOf("def");
  return blockAt(code, offset, m[1] ?? "");
}

/**
 * Offset of the `class` keyword of the class decorated by the decorator that ends at `from`
 * (Flask-RESTX's `@ns.route` and Flask-Smorest's `@blp.route` decorate resource classes), or -1.
 */
export function classAfter(code: string, from: number): number {
  const at = afterDecorators(code, from);
  return /^class[ \t]+[A-Za-z_]/.test(code.slice(at, at + 100)) ? at : -1;
}

/**
 * The header line (`class X:`, `def f(app):`) of the block that holds the line at `offset`: the
 * nearest line above it with less indentation. Null at module level. Code view only. A header
 * split over lines (`def f(\n    app: Flask,\n) -> None:`) is read from the line that opens it.
 */
export function enclosingHeader(
  code: string,
  offset: number,
): { readonly text: string; readonly offset: number } | null {
  const lineStart = code.lastIndexOf("\n", offset - 1) + 1;
  const indent = indentOf(code, lineStart);
  let end = lineStart - 1;
  while (end > 0 && indent > 0) {
    const start = code.lastIndexOf("\n", end - 1) + 1;
    const line = code.slice(start, end);
    const body = line.trimStart();
    if (body !== "" && line.length - body.length < indent) {
      const at = start + line.length - body.length;
      if (!body.startsWith(")")) return { text: body, offset: at };
      const open = openingParen(code, at);
      if (open === -1) return { text: body, offset: at };
      const from = code.lastIndexOf("\n", open) + 1;
      const head = code.slice(from, open).trimStart();
      return { text: code.slice(open - head.length, end), offset: open - head.length };
    }
    end = start - 1;
  }
  return null;
}

/** The "(" that the ")" at `close` closes, or -1. Code view: strings and comments are blanked. */
function openingParen(code: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = code[i];
    if (c === ")") depth++;
    else if (c === "(" && --depth === 0) return i;
  }
  return -1;
}

export interface PyClass extends PyBlock {
  /** base class names without their module (`viewsets.ModelViewSet` -> ModelViewSet) */
  readonly bases: readonly string[];
  /** methods defined directly in the class body, name -> offset of `def` */
  readonly methods: ReadonlyMap<string, number>;
}

const CLASS_RE = /^([ \t]*)class[ \t]+([A-Za-z_]\w*)[ \t]*(?:\(([^)]*)\))?[ \t]*:/gm;

export function classesOf(code: string): PyClass[] {
  const out: PyClass[] = [];
  for (const m of code.matchAll(CLASS_RE)) {
    const offset = m.index + (m[1] ?? "").length;
    const block = blockAt(code, offset, m[2] ?? "");
    const bases = (m[3] ?? "")
      .split(",")
      .map((b) => b.trim())
      .filter((b) => b !== "" && !b.includes("="))
      .map((b) => b.slice(b.lastIndexOf(".") + 1));
    const methods = new Map<string, number>();
    const body = code.slice(block.bodyStart, block.bodyEnd);
    const defRe = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm;
    let memberIndent = -1;
    for (const d of body.matchAll(defRe)) {
      const indent = (d[1] ?? "").length;
      if (memberIndent === -1) memberIndent = indent;
      if (indent === memberIndent) {
        methods.set(d[2] ?? "", block.bodyStart + d.index + d[0].indexOf("def"));
      }
    }
    out.push({ ...block, bases, methods });
  }
  return out;
}

/** The text of a class-level assignment such as `lookup_field = "slug"`, or null. */
export function classAttribute(
  text: string,
  code: string,
  cls: PyClass,
  name: string,
): string | null {
  const re = new RegExp(`^[ \\t]+${name}[ \\t]*=[ \\t]*(.+)$`, "m");
  const m = re.exec(code.slice(cls.bodyStart, cls.bodyEnd));
  if (m === null) return null;
  const start = cls.bodyStart + m.index + m[0].indexOf("=") + 1;
  const end = cls.bodyStart + m.index + m[0].length;
  return text.slice(start, end).trim();
}

export function lineOf(file: SourceFile, offset: number): number {
  return lineInFile(file, offset);
}
