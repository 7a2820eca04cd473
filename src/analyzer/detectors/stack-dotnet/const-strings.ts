/** C# `const string Name = "…";` declarations, which routes often name instead of a literal. */
import { stringLiteral } from "../stack-text/string-literal.js";

const CONST_STRING = /\bconst\s+string\s+(\w+)\s*=\s*("(?:[^"\\\n]|\\.)*")\s*;/g;

/**
 * A C# string expression's value when the code states it: a literal (verbatim `@"…"` too) or
 * `string.Empty`, which minimal APIs pass for "the group's own path" (`group.MapGet(string.Empty, …)`).
 */
export function csharpString(expr: string): string | null {
  const trimmed = expr.trim();
  if (/^[Ss]tring\.Empty$/.test(trimmed)) return "";
  return stringLiteral(trimmed.replace(/^@/, ""));
}

export interface ConstString {
  readonly name: string;
  readonly value: string;
  /** offset of the declaration in the text */
  readonly index: number;
}

/** Every `const string` of a C# text whose value is a plain string literal, in text order. */
export function constStrings(text: string): ConstString[] {
  if (!text.includes("const string")) return [];
  const out: ConstString[] = [];
  for (const m of text.matchAll(CONST_STRING)) {
    const value = stringLiteral(m[2] ?? "");
    if (value !== null) out.push({ name: m[1] ?? "", value, index: m.index });
  }
  return out;
}
