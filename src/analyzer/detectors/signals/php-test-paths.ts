/**
 * PHP test paths built from the test class's own members: a property (`private string $baseUri =
 * self::BASE_API_URI.'/users';` then `$this->getJson("$this->baseUri/$user->id")`) or a class
 * constant (`self::BASE_API_URI.'/countries'`, the constant often declared on the base TestCase).
 * Pieces that are not members (`$user->id`) stay in the path as written, which tested-endpoints
 * reads as placeholders.
 */
import type { SourceFile } from "../../scan-context.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import { esc, PHP_EXTS } from "./signal-kit.js";

/** How deep members defined through other members are followed. */
const MAX_DEPTH = 4;
/** `{$this->name}` or `$this->name` inside a double-quoted string. */
const INTERPOLATED_MEMBER = /\{\$this->(\w+)\}|\$this->(\w+)/g;

/** The class constants (`const NAME = …;`) of the repository's PHP test files, by name. */
export function phpTestConstants(files: readonly SourceFile[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const file of files) {
    if (file.role !== "test" || !PHP_EXTS.includes(file.ext) || !file.text.includes("const "))
      continue;
    for (const c of file.text.matchAll(/\bconst\s+(\w+)\s*=\s*([^;\n]+);/g)) {
      const name = c[1] ?? "";
      const expr = (c[2] ?? "").trim();
      // The same name with two values is not guessed.
      out.set(name, out.has(name) && out.get(name) !== expr ? null : expr);
    }
  }
  return out;
}

/**
 * The path of a PHP expression `expr` written in `file` (a call's first argument), when it uses
 * a member of the test class; undefined when it uses none or does not start with a known one.
 */
export function phpMemberPath(
  file: SourceFile,
  expr: string,
  constants: () => ReadonlyMap<string, string | null>,
): string | undefined {
  if (!expr.includes("$this->") && !/\b(?:self|static)::/.test(expr)) return undefined;
  const value = evaluate(file, expr, constants, 0);
  return value.startsWith("/") || /^[a-z]/i.test(value) ? value : undefined;
}

function evaluate(
  file: SourceFile,
  expr: string,
  constants: () => ReadonlyMap<string, string | null>,
  depth: number,
): string {
  let out = "";
  for (const term of splitTopLevel(expr.trim(), ".")) {
    const single = /^'([^'\\]*)'$/.exec(term);
    const double = /^"([^"\\]*)"$/.exec(term);
    const property = /^\$this->(\w+)$/.exec(term);
    const constant = /^(?:self|static)::(\w+)$/.exec(term);
    if (single !== null) out += single[1] ?? "";
    else if (double !== null) {
      out += (double[1] ?? "").replace(
        INTERPOLATED_MEMBER,
        (whole, braced?: string, bare?: string) =>
          member(file, `$${braced ?? bare ?? ""}`, constants, depth) ?? whole,
      );
    } else if (property !== null || constant !== null) {
      out +=
        member(
          file,
          property !== null ? `$${property[1] ?? ""}` : (constant?.[1] ?? ""),
          constants,
          depth,
        ) ?? "${}";
    } else out += "${}";
  }
  return out;
}

/** The value of the property `$name` or the constant `NAME` the file's class declares. */
function member(
  file: SourceFile,
  name: string,
  constants: () => ReadonlyMap<string, string | null>,
  depth: number,
): string | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const declared = name.startsWith("$")
    ? (new RegExp(
        `\\b(?:private|protected|public)(?:\\s+static)?(?:\\s+\\??[\\w\\\\]+)?\\s+\\$${esc(name.slice(1))}\\s*=\\s*([^;\\n]+);`,
      ).exec(file.text)?.[1] ?? assignedOnce(file, name.slice(1)))
    : (new RegExp(`\\bconst\\s+${esc(name)}\\s*=\\s*([^;\\n]+);`).exec(file.text)?.[1] ??
      constants().get(name) ??
      undefined);
  return declared === undefined ? undefined : evaluate(file, declared, constants, depth + 1);
}

/**
 * The value a property declared without one is given in the class (`$this->route = 'user';` in
 * setUp), when every assignment gives the same one.
 */
function assignedOnce(file: SourceFile, property: string): string | undefined {
  const values = new Set(
    [
      ...file.text.matchAll(
        new RegExp(`\\$this->${esc(property)}\\s*=(?![=>])\\s*([^;\\n]+);`, "g"),
      ),
    ].map((m) => (m[1] ?? "").trim()),
  );
  return values.size === 1 ? [...values][0] : undefined;
}
