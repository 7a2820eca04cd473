/**
 * String constants that paths are built from: Java `static final String USERS = "/users";`,
 * interface constants, and Kotlin `const val USERS = "/users"`. Values that are themselves
 * concatenations of constants are resolved too (with a depth limit against cycles).
 */
import { splitTopLevel } from "../stack-text/brackets.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { unresolvedPiece } from "../stack-text/url-path.js";

const JAVA_CONSTANT = /\b(?:static\s+final|final\s+static)\s+String\s+(\w+)\s*=\s*([^;]+);/g;
const INTERFACE_CONSTANT = /^[ \t]*(?:public\s+)?String\s+([A-Z_][A-Z0-9_]*)\s*=\s*([^;]+);/gm;
const KOTLIN_CONSTANT = /\bconst\s+val\s+(\w+)\s*(?::\s*String)?\s*=\s*([^\n;]+)/g;
const CLASS_NAME = /\b(?:class|interface|object)\s+([A-Za-z_]\w*)/g;

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
    // An ambiguous simple name (two classes define USERS differently) is not guessed.
    const distinct = new Set(matching.map((c) => c.expr));
    return distinct.size === 1 ? (matching[0] as Constant) : null;
  }
}
