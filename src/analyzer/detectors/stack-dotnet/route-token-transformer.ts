/**
 * The parameter transformer an ASP.NET Core app applies to its route tokens
 * (`options.Conventions.Add(new RouteTokenTransformerConvention(new SlugifyParameterTransformer()))`):
 * `[controller]` and `[action]` then stand for the transformed names, `MyAccount` becoming
 * `my-account` with the documented slugify transformer (`Regex.Replace(value, "([a-z])([A-Z])",
 * "$1-$2").ToLowerInvariant()`).
 */
import type { SourceFile } from "../../scan-context.js";
import { esc } from "../signals/signal-kit.js";

/** A route token's value as the app's transformer writes it. */
export type TokenTransform = (token: string) => string;

const CONVENTION = /\bRouteTokenTransformerConvention\s*\(\s*new\s+(?:[\w]+\.)*(\w+)\s*\(/;
/** How much of the transformer class is read for its replacement. */
const MAX_CLASS = 2000;

/**
 * The transform of the transformer the files register, when it is one that joins words with a
 * hyphen or an underscore (read from its `"$1-$2"` replacement, else from a slug, kebab or snake
 * name); undefined when none is registered or its effect is not known.
 */
export function routeTokenTransform(files: readonly SourceFile[]): TokenTransform | undefined {
  let name: string | undefined;
  for (const file of files) {
    if (!file.text.includes("RouteTokenTransformerConvention")) continue;
    name = CONVENTION.exec(file.text)?.[1];
    if (name !== undefined) break;
  }
  if (name === undefined) return undefined;
  let body = "";
  const declared = new RegExp(`\\bclass\\s+${esc(name)}\\b`);
  for (const file of files) {
    if (!file.text.includes(name)) continue;
    const at = declared.exec(file.text);
    if (at !== null) {
      body = file.text.slice(at.index, at.index + MAX_CLASS);
      break;
    }
  }
  const separator = body.includes('"$1_$2"')
    ? "_"
    : body.includes('"$1-$2"')
      ? "-"
      : /snake/i.test(name)
        ? "_"
        : /slug|kebab/i.test(name)
          ? "-"
          : undefined;
  if (separator === undefined) return undefined;
  const lower = body === "" || body.includes("ToLower");
  return (token) => {
    const joined = token.replace(/([a-z])([A-Z])/g, `$1${separator}$2`);
    return lower ? joined.toLowerCase() : joined;
  };
}
