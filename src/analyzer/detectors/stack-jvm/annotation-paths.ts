/** Path values of JVM annotations: a literal, a constant, a concatenation, or an array of them. */
import { splitTopLevel } from "../stack-text/brackets.js";
import { unresolvedPiece } from "../stack-text/url-path.js";
import type { ConstantTable, ResolvedString } from "./jvm-constants.js";

/** Reads a Spring property (`jwt.route.path`) of the module's default configuration. */
export type PropertyLookup = (key: string) => string | undefined;

/** A Java or Kotlin string literal, which may hold a Spring placeholder: `"${api.path}/users"`. */
const STRING_LITERAL = /^"((?:[^"\\]|\\.)*)"$/;
/** `${key}` or `${key:default}`, written `\${…}` in Kotlin. */
const PLACEHOLDER = /\\?\$\{([^}:]+)(?::([^}]*))?\}/g;

/** `"/a"`, `{"/a", "/b"}` (Java), `["/a", "/b"]` or `arrayOf("/a")` (Kotlin), `Paths.USERS`. */
export function annotationPaths(
  expr: string | undefined,
  constants: ConstantTable,
  property?: PropertyLookup,
): ResolvedString[] {
  if (expr === undefined) return [{ value: "", resolved: true }];
  const s = expr.trim();
  const array = /^(?:\{([\s\S]*)\}|\[([\s\S]*)\]|arrayOf\s*\(([\s\S]*)\))$/.exec(s);
  const items = array ? splitTopLevel(array[1] ?? array[2] ?? array[3] ?? "") : [s];
  if (items.length === 0) return [{ value: "", resolved: true }];
  return items.map((item) => placeholderPath(item, property) ?? constants.evaluate(item));
}

/**
 * A mapping written with a property placeholder, `@PostMapping("${jwt.route.path}")`: the value
 * comes from application.properties/yml when the key is there, else from the placeholder's
 * default; a key with neither stays an unresolved `<${key}>` piece.
 */
function placeholderPath(
  item: string,
  property: PropertyLookup | undefined,
): ResolvedString | null {
  const literal = STRING_LITERAL.exec(item.trim());
  if (!literal || property === undefined || !(literal[1] as string).includes("${")) return null;
  let resolved = true;
  const value = (literal[1] as string).replace(
    PLACEHOLDER,
    (whole, key: string, fallback: string | undefined) => {
      const found = property(key.trim()) ?? fallback;
      if (found !== undefined && !found.includes("${")) return found;
      resolved = false;
      return unresolvedPiece(whole.replace(/^\\/, ""));
    },
  );
  return { value, resolved };
}
