/**
 * What the handler of a functional route answers: a rendered view or a body. A route names its
 * handler inline (`GET("/") { ok().render("index") }`) or by reference (`GET("/", h::index)`,
 * `::index`, `this::index`); a reference is followed to the method of the handler's class,
 * wherever in the repository that class is declared, and so are calls the handler makes to
 * methods of such classes (`{ pages.view(it, "home") }`), a couple of levels deep.
 */
import { matchBracket, skipString } from "../stack-text/brackets.js";
import { scanDeclarations } from "./java-declarations.js";

/** Handlers that render a template rather than write a body. */
export const RENDERS = /\.\s*render(?:AndAwait)?\s*\(|\bRendering\b/;
/** A body written as an HTML page (`contentType(TEXT_HTML).bodyValue(html)`). */
const HTML = /\bTEXT_HTML\b|["']text\/html/;
/** Handlers that write a body (`bodyValue`, `body(…)`, Kotlin's `json()`, `bodyValueAndAwait`). */
const WRITES_BODY =
  /\.\s*(?:body|bodyValue|bodyAndAwait|bodyValueAndAwait|bodyValueWithType(?:AndAwait)?|json|bodyToServerSentEvents)\s*[<(]|\bBodyInserters\b/;
/** A form post answered with a redirect, as a server-rendered site does. */
const REDIRECTS = /(?<![\w$])(?:seeOther|temporaryRedirect|permanentRedirect)\s*\(/;
/** `h::list`, `this::list`, `::list` (Kotlin's own function); not `Type::class`. */
const METHOD_REFERENCE = /(?:\b([A-Za-z_]\w*)\s*)?::\s*([A-Za-z_]\w*)/;
/**
 * Calls a handler makes: `other.view(…)`, a function of its own class or file, `view(…)`, or an
 * extension called on a chain, `ok().htmlView(…)` (receiver group empty, `chained` set).
 */
const CALL = /(?<![\w$])(?:([A-Za-z_]\w*)\s*\.\s*)?([a-z_]\w*)\s*(?:<[^<>()]{0,100}>\s*)?\(/g;
const KEYWORDS = new Set([
  "if",
  "for",
  "while",
  "when",
  "switch",
  "catch",
  "return",
  "synchronized",
  "super",
  "this",
  "it",
  "let",
  "also",
  "apply",
  "run",
  "map",
  "flatMap",
  "ok",
  "status",
  "build",
  "buildAndAwait",
  "contentType",
  "pathVariable",
]);
const MAX_DEPTH = 2;
const MAX_CALLS = 12;
/** Overloads of one name looked at, at most. */
const MAX_OVERLOADS = 4;

export type HandlerVerdict = "page" | "json" | null;

interface HandlerSource {
  readonly text: string;
  readonly masked: () => string;
}

interface Body {
  readonly masked: string;
  readonly text: string;
}

/** The Java and Kotlin files that may declare handler classes, read only when asked. */
export class HandlerIndex {
  private readonly sources: HandlerSource[] = [];
  private readonly classes = new Map<string, { masked: string; from: number; to: number } | null>();
  private readonly extensions = new Map<string, Body[]>();

  /** Adds a file by its raw text and a getter of its comment-masked text. */
  add(text: string, masked: () => string): void {
    this.sources.push({ text, masked });
  }

  /**
   * The verdict for a route's handler: `text` is what the route gives after its path (a
   * method reference or a lambda) and `masked` the router file; null when it cannot be told.
   */
  verdict(masked: string, text: string): HandlerVerdict {
    const reference = METHOD_REFERENCE.exec(text);
    if (reference && reference[2] !== "class" && !text.trimStart().startsWith("{"))
      return this.judgeAll(this.method(masked, reference[1], reference[2] as string), 0);
    return this.judge(masked, text, 0);
  }

  private judgeAll(bodies: readonly Body[], depth: number): HandlerVerdict {
    for (const body of bodies) {
      const verdict = this.judge(body.masked, body.text, depth);
      if (verdict !== null) return verdict;
    }
    return null;
  }

  private judge(masked: string, text: string, depth: number): HandlerVerdict {
    if (RENDERS.test(text) || HTML.test(text)) return "page";
    if (WRITES_BODY.test(text)) return "json";
    if (REDIRECTS.test(text)) return "page";
    if (depth >= MAX_DEPTH) return null;
    let calls = 0;
    // What a handler returns is what it answers: calls right after `return` are looked at first.
    const returned = (m: RegExpMatchArray): number =>
      /\breturn\s*$/.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index)) ? 0 : 1;
    const ordered = [...text.matchAll(CALL)].sort((a, b) => returned(a) - returned(b));
    for (const m of ordered) {
      const name = m[2] as string;
      if (KEYWORDS.has(name)) continue;
      if (++calls > MAX_CALLS) break;
      const chained =
        m[1] === undefined && /\.\s*$/.test(text.slice(Math.max(0, m.index - 20), m.index));
      const bodies = chained ? this.extension(name) : this.method(masked, m[1], name);
      const verdict = this.judgeAll(bodies, depth + 1);
      if (verdict !== null) return verdict;
    }
    return null;
  }

  /**
   * The bodies of the methods a receiver names, as seen from a file: the receiver's declared
   * type is looked up in that file, a type name stands for itself, and no receiver (or `this`)
   * means the file's own functions.
   */
  private method(masked: string, receiver: string | undefined, name: string): Body[] {
    if (receiver === undefined || receiver === "this")
      return methodBodies(masked, name, 0, masked.length).map((text) => ({ masked, text }));
    const type = declaredType(masked, receiver) ?? (/^[A-Z]/.test(receiver) ? receiver : null);
    const cls = type === null ? null : this.classNamed(type);
    if (cls === null) return [];
    return methodBodies(cls.masked, name, cls.from, cls.to).map((text) => ({
      masked: cls.masked,
      text,
    }));
  }

  /** Kotlin extension functions of that name anywhere (`fun ServerResponse.BodyBuilder.html(…)`). */
  private extension(name: string): Body[] {
    const known = this.extensions.get(name);
    if (known !== undefined) return known;
    const found: Body[] = [];
    const header = new RegExp(
      `\\bfun\\s+(?:<[^<>{}]{0,200}>\\s*)?[\\w.]+(?:<[^<>{}]{0,200}>)?\\.${name}\\s*\\(`,
    );
    for (const source of this.sources) {
      if (!source.text.includes(`.${name}`) || !header.test(source.text)) continue;
      const masked = source.masked();
      for (const text of methodBodies(masked, name, 0, masked.length)) found.push({ masked, text });
    }
    this.extensions.set(name, found);
    return found;
  }

  private classNamed(name: string): { masked: string; from: number; to: number } | null {
    const known = this.classes.get(name);
    if (known !== undefined) return known;
    let found: { masked: string; from: number; to: number } | null = null;
    const header = new RegExp(`\\b(?:class|object)\\s+${name}\\b`);
    for (const source of this.sources) {
      if (!source.text.includes(name) || !header.test(source.text)) continue;
      const masked = source.masked();
      const decl = scanDeclarations(masked).classes.find(
        (c) => c.name === name && c.kind !== "interface",
      );
      if (decl && decl.end > decl.start) {
        found = { masked, from: decl.start, to: decl.end };
        break;
      }
    }
    this.classes.set(name, found);
    return found;
  }
}

/**
 * The type a name is declared with in a file: Kotlin `h: PostHandler` (a parameter or property)
 * or `val h = PostHandler(…)`, Java `PostHandler h` (a field, parameter or local).
 */
export function declaredType(masked: string, name: string): string | null {
  const kotlin = new RegExp(
    `\\b${name}\\s*(?::\\s*(?:[a-z]\\w*\\.)*([A-Z]\\w*)|=\\s*([A-Z]\\w*)\\s*\\()`,
  ).exec(masked);
  if (kotlin) return (kotlin[1] ?? kotlin[2]) as string;
  const java = new RegExp(`\\b([A-Z]\\w*)(?:\\s*<[^<>()]{0,200}>)?\\s+${name}\\s*[,)=;]`).exec(
    masked,
  );
  return java ? (java[1] as string) : null;
}

/**
 * The bodies of the functions `name` declared between `from` and `to` (overloads too): Kotlin's
 * `fun name(…) { … }`, `fun Receiver.name(…) = …`, Java's `Type name(…) { … }`.
 */
function methodBodies(masked: string, name: string, from: number, to: number): string[] {
  const declaration = new RegExp(
    `(?:\\bfun\\s+(?:<[^<>{}]{0,200}>\\s*)?(?:[\\w.]+(?:<[^<>{}]{0,200}>)?\\.)?|[\\w>\\]]\\s+)${name}\\s*\\(`,
    "g",
  );
  const out: string[] = [];
  declaration.lastIndex = from;
  for (let m = declaration.exec(masked); m !== null && m.index < to; m = declaration.exec(masked)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(masked, open);
    if (close === -1) continue;
    const body = bodyAfter(masked, close);
    if (body !== null) out.push(body);
    if (out.length >= MAX_OVERLOADS) break;
  }
  return out;
}

/** The body after a parameter list's `)`: a block, or Kotlin's `= expression`; null for none. */
function bodyAfter(masked: string, close: number): string | null {
  for (let i = close + 1; i < masked.length && i < close + 400; i++) {
    const c = masked[i];
    if (c === "{") {
      const end = matchBracket(masked, i);
      return end === -1 ? null : masked.slice(i, end + 1);
    }
    if (c === "=" && masked[i + 1] !== "=") return masked.slice(i + 1, statementEnd(masked, i + 1));
    // a call (`list(req)`), an abstract method or a Java interface method: no body here
    if (c === ";" || c === "}" || c === ")" || c === ".") return null;
  }
  return null;
}

/**
 * The end of the expression that starts at `from`: a `;`, a bracket it did not open, or (Kotlin)
 * a line break that no `.` continues on the next line and no operator on this one.
 */
export function statementEnd(masked: string, from: number): number {
  let last = "";
  for (let i = from; i < masked.length; i++) {
    const c = masked[i] as string;
    if (c === '"' || c === "'") {
      i = skipString(masked, i);
      last = c;
    } else if (c === "(" || c === "[" || c === "{") {
      const close = matchBracket(masked, i);
      if (close === -1) return masked.length;
      i = close;
      last = ")";
    } else if (c === ";" || c === ")" || c === "]" || c === "}") {
      return i;
    } else if (c === "\n") {
      if (
        last !== "" &&
        !/[=.,+\-|&>:]/.test(last) &&
        !/^\s*(?:\.|\?[.:])/.test(masked.slice(i, i + 200))
      )
        return i;
    } else if (!/\s/.test(c)) {
      last = c;
    }
  }
  return masked.length;
}
