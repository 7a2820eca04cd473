/**
 * String constants behind route prefixes: `PREFIX = "/api"` in the module or imported from
 * another, and settings attributes such as `settings.API_V1_STR`, whose value is the default
 * declared once in the application (`API_V1_STR: str = "/api/v1"` in a Settings class), and
 * f-strings made of them (f"{PREFIX}admin/"). A name is resolved by its first assignment at the
 * top of its module: a later one inside an `if` (a deployment override) does not count. A name
 * with no such literal definition stays unresolved.
 */
import type { PyFile, PyProgram } from "./py-modules.js";
import { stringValue } from "./py-source.js";

const MAX_DEPTH = 6;
/** A one-part f-string without escapes: f"..." or f'...'. */
const F_STRING = /^[fF](["'])((?:(?!\1)[^\\])*)\1$/;

export class PyConstants {
  private readonly attributeCache = new Map<string, string | null>();

  constructor(private readonly program: PyProgram) {}

  /** The string value of `expr` as written in `file`, or null when it is not a known constant. */
  value(file: PyFile, expr: string, depth = 0): string | null {
    const literal = stringValue(expr);
    if (literal !== null) return literal;
    if (depth >= MAX_DEPTH) return null;
    const trimmed = expr.trim();
    const fString = F_STRING.exec(trimmed);
    if (fString?.[2] !== undefined) return this.fString(file, fString[2], depth);
    if (/^[A-Za-z_]\w*$/.test(trimmed)) return this.name(file, trimmed, depth);
    const attr = /^[A-Za-z_]\w*\.([A-Za-z_]\w*)$/.exec(trimmed);
    return attr?.[1] === undefined ? null : this.attribute(attr[1]);
  }

  /** f"{PREFIX}admin/": each placeholder must be a known constant (no format specs). */
  private fString(file: PyFile, body: string, depth: number): string | null {
    let unknown = false;
    const out = body.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (whole, inner: string | undefined) => {
      if (inner === undefined) return whole.charAt(0); // {{ and }} stand for { and }
      const value = /^[A-Za-z_][\w.]*$/.test(inner.trim())
        ? this.value(file, inner, depth + 1)
        : null;
      if (value === null) unknown = true;
      return value ?? "";
    });
    return unknown ? null : out;
  }

  private name(file: PyFile, name: string, depth: number): string | null {
    const local = assignment(file, name, "^");
    if (local !== null) return this.value(file, local, depth + 1);
    const imported = this.program.resolveImported(file, name);
    if (imported?.kind !== "name") return null;
    const there = assignment(imported.file, imported.name, "^");
    return there === null ? null : this.value(imported.file, there, depth + 1);
  }

  private attribute(name: string): string | null {
    const cached = this.attributeCache.get(name);
    if (cached !== undefined) return cached;
    const values = new Set<string>();
    for (const source of this.program.sources) {
      if (!source.text.includes(name)) continue;
      const raw = assignment(this.program.file(source), name, "^[ \\t]*");
      const value = raw === null ? null : stringValue(raw);
      if (value !== null) values.add(value);
    }
    const only = values.size === 1 ? ([...values][0] ?? null) : null;
    this.attributeCache.set(name, only);
    return only;
  }
}

/** The right-hand side of `NAME = value` / `NAME: type = value` at the given indentation. */
function assignment(file: PyFile, name: string, indent: string): string | null {
  const re = new RegExp(`${indent}${name}[ \\t]*(?::[^=\\n]+)?=(?!=)[ \\t]*(.+)$`, "m");
  const m = re.exec(file.code);
  if (m === null) return null;
  const start = m.index + m[0].length - (m[1] ?? "").length;
  return file.file.text.slice(start, m.index + m[0].length).trim();
}
