/**
 * String constants that paths are built from: Java `static final String USERS = "/users";`,
 * interface constants, and Kotlin `const val USERS = "/users"`. Values that are themselves
 * concatenations of constants, or Kotlin string templates (`"$API/users"`, `"${Paths.API}/x"`),
 * are resolved too (with a depth limit against cycles).
 */
import type { SourceFile } from "../../scan-context.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import { contains } from "../stack-text/keyword-search.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { unresolvedPiece } from "../stack-text/url-path.js";

const JAVA_CONSTANT = /\b(?:static\s+final|final\s+static)\s+String\s+(\w+)\s*=\s*([^;]+);/g;
const INTERFACE_CONSTANT = /^[ \t]*(?:public\s+)?String\s+([A-Z_][A-Z0-9_]*)\s*=\s*([^;]+);/gm;
const KOTLIN_CONSTANT = /\bconst\s+val\s+(\w+)\s*(?::\s*String)?\s*=\s*([^\n;]+)/g;
const CLASS_NAME = /\b(?:class|interface|object)\s+([A-Za-z_]\w*)/g;
/** A Kotlin string with templates in it: one double-quoted string, not a raw `"""` one. */
const KOTLIN_TEMPLATE = /^"(?:[^"\\\n]|\\.)*\$(?:[^"\\\n]|\\.)*"$/;

const holdsConstants = new WeakMap<SourceFile, boolean>();
/** The Java and Kotlin naming convention for constants: upper case words joined by "_". */
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const CONSTANT_HINT =
  /\bstatic\s+final\s+String\b|\bfinal\s+static\s+String\b|\bconst\s+val\b|\binterface\b/;
/**
 * Whether a Java or Kotlin text may declare string constants; the substrings first, which
 * CONSTANT_HINT cannot match without and most files fail.
 */
export function mayHoldConstants(file: SourceFile): boolean {
  // Kept per file: the JVM detector and the reader of test paths both ask.
  let holds = holdsConstants.get(file);
  if (holds === undefined) {
    const { text } = file;
    holds =
      ((contains(text, "String") && contains(text, "static") && contains(text, "final")) ||
        contains(text, "const") ||
        contains(text, "interface")) &&
      CONSTANT_HINT.test(text);
    holdsConstants.set(file, holds);
  }
  return holds;
}

/** Whether an expression is one string: a literal or a Kotlin template (`"$BASE/users"`). */
export function isStringExpression(expr: string): boolean {
  const s = expr.trim();
  return stringLiteral(s) !== null || (KOTLIN_TEMPLATE.test(s) && !s.startsWith('"""'));
}

interface Constant {
  readonly owner: string;
  readonly expr: string;
}

export interface ResolvedString {
  readonly value: string;
  readonly resolved: boolean;
}

export class ConstantTable {
  private readonly byName = new Map<string, Constant[]>();
  /** files added but not read yet: most repositories never look a constant up */
  private pending: (() => string)[] = [];

  /**
   * `fallback` gives the table that answers for the names this one does not declare (another
   * file's constants), asked for only then: building it reads every file that may hold one.
   */
  constructor(private readonly fallback?: () => ConstantTable) {}

  /**
   * Adds a file whose comment-masked text `masked()` gives, read only when a constant is first
   * looked up. A lookup sees exactly the files added before it, as if each were read at once.
   */
  addLazy(masked: () => string): void {
    this.pending.push(masked);
  }

  /** Adds the constants of one comment-masked Java or Kotlin file. */
  addFile(masked: string): void {
    if (!masked.includes("String") && !masked.includes("const val")) return;
    const owners = [...masked.matchAll(CLASS_NAME)].map((m) => ({
      at: m.index,
      name: m[1] as string,
    }));
    const ownerAt = (offset: number): string => {
      let name = "";
      for (const o of owners) {
        if (o.at > offset) break;
        name = o.name;
      }
      return name;
    };
    const patterns = masked.includes("interface")
      ? [JAVA_CONSTANT, KOTLIN_CONSTANT, INTERFACE_CONSTANT]
      : [JAVA_CONSTANT, KOTLIN_CONSTANT];
    for (const pattern of patterns) {
      for (const m of masked.matchAll(pattern)) {
        const name = m[1] as string;
        const list = this.byName.get(name) ?? [];
        list.push({ owner: ownerAt(m.index), expr: (m[2] as string).trim() });
        this.byName.set(name, list);
      }
    }
  }

  /**
   * Evaluates a string expression made of literals, constants and `+`. Unknown pieces are kept
   * as `<expr>` placeholders and make the result unresolved.
   */
  evaluate(expr: string, depth = 0): ResolvedString {
    const terms = splitTopLevel(expr.trim(), "+");
    let value = "";
    let resolved = terms.length > 0;
    for (const term of terms) {
      const literal = stringLiteral(term);
      if (literal !== null) {
        value += literal;
        continue;
      }
      const template = depth < 8 && isStringExpression(term) ? this.template(term, depth) : null;
      if (template !== null) {
        value += template.value;
        resolved &&= template.resolved;
        continue;
      }
      const constant = depth < 8 ? this.lookup(term) : null;
      const inner = constant === null ? null : this.evaluate(constant.expr, depth + 1);
      if (inner) {
        value += inner.value;
        resolved &&= inner.resolved;
      } else {
        value += unresolvedPiece(term);
        resolved = false;
      }
    }
    return { value, resolved };
  }

  /**
   * A Kotlin string template: `$NAME` and `${expression}` pieces are evaluated like terms, the
   * rest is text. A piece that does not resolve (a loop variable) is kept as `<name>`.
   */
  private template(term: string, depth: number): ResolvedString {
    const body = term.trim().slice(1, -1);
    let value = "";
    let resolved = true;
    for (let i = 0; i < body.length; i++) {
      const c = body[i] as string;
      if (c === "\\") {
        value += body[i + 1] ?? "";
        i++;
        continue;
      }
      if (c !== "$") {
        value += c;
        continue;
      }
      let expr: string;
      if (body[i + 1] === "{") {
        const close = body.indexOf("}", i + 2);
        if (close === -1) return { value: value + body.slice(i), resolved: false };
        expr = body.slice(i + 2, close);
        i = close;
      } else {
        const name = /^[A-Za-z_]\w*/.exec(body.slice(i + 1));
        if (!name) {
          value += c;
          continue;
        }
        expr = name[0];
        i += name[0].length;
      }
      const piece = this.evaluate(expr, depth + 1);
      value += piece.value;
      resolved &&= piece.resolved;
    }
    return { value, resolved };
  }

  private lookup(term: string): Constant | null {
    const ref = /^(?:[\w.]*?(\w+)\.)?([A-Za-z_]\w*)$/.exec(term.trim());
    if (!ref) return null;
    if (this.pending.length > 0) {
      const pending = this.pending;
      this.pending = [];
      for (const masked of pending) this.addFile(masked());
    }
    const candidates = this.byName.get(ref[2] as string) ?? [];
    const owner = ref[1];
    const matching = owner === undefined ? candidates : candidates.filter((c) => c.owner === owner);
    if (matching.length === 0) {
      // Another file's constant is named as constants are (USERS, API_BASE): a local variable
      // or parameter (`url`, `path`) is none, and must not make every file be read.
      return this.fallback && CONSTANT_NAME.test(ref[2] as string)
        ? this.fallback().lookup(term)
        : null;
    }
    // An ambiguous simple name (two classes define USERS differently) is not guessed.
    const distinct = new Set(matching.map((c) => c.expr));
    return distinct.size === 1 ? (matching[0] as Constant) : null;
  }
}
