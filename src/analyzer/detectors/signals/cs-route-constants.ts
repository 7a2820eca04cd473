/**
 * C# route constants that API tests pass instead of a literal: `CreateContributorRequest.Route`
 * (a `public const string Route = "/Contributors";` of an app class), a constant of the test's own
 * class, a route builder of the constant's class (`GetContributorByIdRequest.BuildRoute(1)`, an
 * expression-bodied static method that fills the constant's parameters in), or a local variable
 * assigned one of these before the call.
 */
import type { SourceFile } from "../../scan-context.js";
import { constStrings } from "../stack-dotnet/const-strings.js";
import { CS_EXTS, esc } from "./signal-kit.js";

const TYPE_DECL = /\b(?:class|record|struct|interface)\s+(\w+)/g;
/** `static string BuildRoute(int id) => Route.Replace("{Id:int}", id.ToString());` */
const ROUTE_BUILDER =
  /\bstatic\s+string\s+(\w+)\s*\([^()]*\)\s*=>\s*(?:(\w+)\s*\.\s*Replace\b|\$"\{(\w+)\})/g;
/** How far back a local variable's assignment is looked for. */
const MAX_LOCAL_LOOKBACK = 3000;

/**
 * `Type.Name` → value for every `const string` of the repository's C# files, and `Type.Method`
 * → the same value for a route builder that fills in one of its type's constants.
 */
export function csRouteConstants(files: readonly SourceFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    if (!CS_EXTS.includes(file.ext)) continue;
    const constants = constStrings(file.text);
    if (constants.length === 0) continue;
    const types = [...file.text.matchAll(TYPE_DECL)];
    const ownerAt = (index: number) => types.filter((t) => t.index < index).pop()?.[1];
    for (const { name, value, index } of constants) {
      const owner = ownerAt(index);
      if (owner !== undefined) out.set(`${owner}.${name}`, value);
    }
    if (!file.text.includes("=>")) continue;
    for (const b of file.text.matchAll(ROUTE_BUILDER)) {
      const owner = ownerAt(b.index);
      const value = out.get(`${owner ?? ""}.${b[2] ?? b[3] ?? ""}`);
      if (owner !== undefined && value !== undefined) out.set(`${owner}.${b[1] ?? ""}`, value);
    }
  }
  return out;
}

/**
 * The path a C# test passes as `expr` at `at` in `file`: `Type.Route`, `Type.BuildRoute(…)`, a
 * constant of the file's own type, or a local variable assigned one of these before the call.
 */
export function csConstantPath(
  file: SourceFile,
  at: number,
  expr: string,
  constants: ReadonlyMap<string, string>,
): string | undefined {
  const direct = lookup(file, at, expr, constants);
  if (direct !== undefined || expr.includes(".")) return direct;
  const from = Math.max(0, at - MAX_LOCAL_LOOKBACK);
  let assigned: string | undefined;
  const local = new RegExp(`\\b${esc(expr)}\\s*=\\s*([A-Za-z_][\\w.]*)`, "g");
  for (const a of file.text.slice(from, at).matchAll(local)) assigned = a[1];
  return assigned === undefined ? undefined : lookup(file, at, assigned, constants);
}

function lookup(
  file: SourceFile,
  at: number,
  expr: string,
  constants: ReadonlyMap<string, string>,
): string | undefined {
  const parts = expr.split(".");
  if (parts.length >= 2) return constants.get(parts.slice(-2).join("."));
  // A bare name: a constant of the type the call is written in.
  const owner = [...file.text.slice(0, at).matchAll(TYPE_DECL)].pop()?.[1];
  return owner === undefined ? undefined : constants.get(`${owner}.${expr}`);
}
