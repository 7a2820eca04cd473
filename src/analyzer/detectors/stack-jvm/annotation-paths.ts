/** Path values of JVM annotations: a literal, a constant, a concatenation, or an array of them. */
import { splitTopLevel } from "../stack-text/brackets.js";
import type { ConstantTable, ResolvedString } from "./jvm-constants.js";

/** `"/a"`, `{"/a", "/b"}` (Java), `["/a", "/b"]` or `arrayOf("/a")` (Kotlin), `Paths.USERS`. */
export function annotationPaths(
  expr: string | undefined,
  constants: ConstantTable,
): ResolvedString[] {
  if (expr === undefined) return [{ value: "", resolved: true }];
  const s = expr.trim();
  const array = /^(?:\{([\s\S]*)\}|\[([\s\S]*)\]|arrayOf\s*\(([\s\S]*)\))$/.exec(s);
  const items = array ? splitTopLevel(array[1] ?? array[2] ?? array[3] ?? "") : [s];
  if (items.length === 0) return [{ value: "", resolved: true }];
  return items.map((item) => constants.evaluate(item));
}
