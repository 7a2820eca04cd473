/**
 * The value of a JVM test's path held in a variable: `String url = "/api/users/" + id;` or
 * `val uri = "/customers/$id"` before `mockMvc.perform(get(url))` / `mockMvc.get(uri)`. Used by
 * constantPath (test-call-paths.ts), which evaluates the expression with the string constants.
 */
import { skipString, splitTopLevel } from "../stack-text/brackets.js";
import { esc } from "./signal-kit.js";

/** How far back a declaration is looked for: a test method, not a whole class. */
const MAX_SCOPE = 4000;
/** The most variables followed through (`String url = base + "/x"` with `String base = …`). */
const MAX_HOPS = 3;

/**
 * `expr` with its first `+` term replaced, while that is a variable, by the expression the
 * variable was given; `expr` unchanged when the first term is no such variable.
 */
export function withLocalValues(text: string, at: number, expr: string, kotlin: boolean): string {
  let current = expr;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const terms = splitTopLevel(current, "+");
    // A Kotlin template that starts with a variable (`"$base/1"`) is that variable + the rest.
    const template = kotlin ? /^"\$(?:([a-z_]\w*)|\{([a-z_]\w*)\})/.exec(terms[0] ?? "") : null;
    const first = template === null ? terms[0] : (template[1] ?? template[2]);
    if (first === undefined || !/^[a-z_]\w*$/.test(first)) break;
    const value = assignedOnce(text, at, first, kotlin);
    if (value === undefined) break;
    const rest = template === null ? [] : [`"${(terms[0] ?? "").slice(template[0].length)}`];
    current = [value, ...rest, ...terms.slice(1)].join(" + ");
  }
  return current;
}

/**
 * The expression the variable `name` is given at its declaration before `at`, when the
 * declaration's block holds `at` and nothing between assigns it again or declares a parameter or
 * another variable of that name. A local (`String url = …`, `var url = …`, `val uri = …`) or an
 * immutable field (`private final String url = …`, `private val uri = …`); a mutable field may be
 * set again in a set-up method and is left out.
 */
function assignedOnce(text: string, at: number, name: string, kotlin: boolean): string | undefined {
  const from = Math.max(0, at - MAX_SCOPE);
  const scope = text.slice(from, at);
  const n = esc(name);
  const declared = kotlin
    ? new RegExp(
        `^[ \\t]*(?:(?:(?:private|protected|internal)[ \\t]+)?val|var)[ \\t]+${n}[ \\t]*(?::[ \\t]*String[ \\t]*)?=[ \\t]*([^\\n;]{1,300})`,
        "gm",
      )
    : new RegExp(
        `^[ \\t]*(?:(?:(?:private|protected|public)[ \\t]+)?final[ \\t]+(?:String|var)|String|var)[ \\t]+${n}[ \\t]*=[ \\t]*([^;]{1,300});`,
        "gm",
      );
  let last: RegExpExecArray | undefined;
  for (const m of scope.matchAll(declared)) last = m;
  if (last === undefined) return undefined;
  const after = last.index + last[0].length;
  const between = scope.slice(after);
  // Set again (`url = …`, `url += …`), or a parameter or variable of that name in between.
  const again = new RegExp(
    `\\b${n}[ \\t]*\\+?=(?!=)|\\bString[ \\t]+${n}\\b|\\b${n}[ \\t]*:[ \\t]*String\\b`,
  );
  if (again.test(between) || !staysInBlock(between)) return undefined;
  return (last[1] ?? "").trim();
}

/** Whether `text` never closes the block it starts in (strings stepped over). */
function staysInBlock(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipString(text, i);
    else if (c === "{") depth++;
    else if (c === "}" && --depth < 0) return false;
  }
  return true;
}
