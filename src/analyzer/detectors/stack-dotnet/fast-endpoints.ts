/**
 * FastEndpoints: one class per endpoint, deriving from `Endpoint<TRequest, TResponse>`,
 * `EndpointWithoutRequest` or `Ep.Req<…>…`, whose `Configure()` names the verb and the route:
 * `Get("/products/{id}")`, `Post(CreateRequest.Route)`, or `Verbs(Http.PUT)` with `Routes("/x")`.
 * A route written as `Type.Constant` is read from that type's `const string` in the repository.
 * The app-wide prefix is the `RoutePrefix` given to `UseFastEndpoints(c => …)`.
 * FastEndpoints writes responses as JSON, so every endpoint is evidence of a JSON API.
 */
import type { Endpoint, HttpMethod } from "../../report.js";
import { lineAt } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { joinUrlPath, unresolvedPiece } from "../stack-text/url-path.js";
import type { CsSource } from "./aspnet-minimal-api.js";
import { constStrings, csharpString } from "./const-strings.js";

/** A file that may declare a FastEndpoints endpoint class. */
export const FAST_ENDPOINT_HINT =
  /\bEndpoint(?:WithoutRequest)?\s*<|\bEndpointWithoutRequest\b|\bEp\.(?:Req|NoReq)\b/;

const ENDPOINT_CLASS =
  /\bclass\s+\w+(?:\s*<[^>{]*>)?(?:\s*\([^)]*\))?\s*:\s*(?:FastEndpoints\.)?(?:Endpoint(?:WithoutRequest)?\b|Ep\.(?:Req|NoReq)\b)/g;
const CLASS_DECL = /\bclass\s+\w+/g;
const CONFIGURE = /\boverride\s+void\s+Configure\s*\(\s*\)\s*\{/g;
const VERB_CALL = /(?<![\w.])(Get|Post|Put|Patch|Delete|Verbs|Routes)\s*\(/g;
const TYPE_DECL = /\b(?:class|record|struct|interface)\s+(\w+)/g;
const ROUTE_PREFIX = /\bRoutePrefix\s*=\s*("(?:[^"\\\n]|\\.)*")/;

/** `Type.Name` -> value of every `const string Name = "…"` declared in a type of the repository. */
function stringConstants(sources: readonly CsSource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { masked } of sources) {
    const constants = constStrings(masked);
    if (constants.length === 0) continue;
    const types = [...masked.matchAll(TYPE_DECL)];
    for (const { name, value, index } of constants) {
      const owner = types.filter((t) => t.index < index).pop()?.[1];
      if (owner !== undefined) out.set(`${owner}.${name}`, value);
    }
  }
  return out;
}

function routeValue(
  expr: string,
  constants: ReadonlyMap<string, string>,
): { path: string; resolved: boolean } {
  const literal = csharpString(expr) ?? constants.get(expr.trim());
  return literal === undefined || literal === null
    ? { path: unresolvedPiece(expr), resolved: false }
    : { path: literal, resolved: true };
}

/** The verbs and route expressions a Configure() body declares, and where the first is. */
function configuredRoutes(body: string): { verbs: HttpMethod[]; routes: string[]; at: number } {
  const verbs: HttpMethod[] = [];
  const routes: string[] = [];
  let at = 0;
  VERB_CALL.lastIndex = 0;
  for (let m = VERB_CALL.exec(body); m !== null; m = VERB_CALL.exec(body)) {
    if (verbs.length === 0 && routes.length === 0) at = m.index;
    const open = m.index + m[0].length - 1;
    const close = matchBracket(body, open);
    if (close === -1) continue;
    const args = splitTopLevel(body.slice(open + 1, close));
    const name = m[1] ?? "";
    if (name === "Verbs") {
      for (const arg of args) {
        const verb = httpVerb(arg.replace(/^.*\./, "").replace(/"/g, ""));
        if (verb !== null) verbs.push(verb);
      }
    } else {
      if (name !== "Routes") verbs.push(httpVerb(name) as HttpMethod);
      routes.push(...args);
    }
  }
  return { verbs, routes, at };
}

function appPrefix(sources: readonly CsSource[]): string {
  for (const { masked } of sources) {
    if (!masked.includes("UseFastEndpoints")) continue;
    const literal = stringLiteral(ROUTE_PREFIX.exec(masked)?.[1] ?? "");
    if (literal !== null) return literal;
  }
  return "";
}

export function fastEndpoints(
  endpointFiles: readonly CsSource[],
  allSources: readonly CsSource[],
): Endpoint[] {
  if (endpointFiles.length === 0) return [];
  const constants = stringConstants(allSources);
  const prefix = appPrefix(allSources);
  const out: Endpoint[] = [];
  for (const { file, masked } of endpointFiles) {
    const endpointClasses = new Set([...masked.matchAll(ENDPOINT_CLASS)].map((c) => c.index));
    if (endpointClasses.size === 0) continue;
    const classes = [...masked.matchAll(CLASS_DECL)].map((c) => c.index);
    CONFIGURE.lastIndex = 0;
    for (let m = CONFIGURE.exec(masked); m !== null; m = CONFIGURE.exec(masked)) {
      // Configure() of the class it sits in; an options class beside the endpoint has one too.
      const owner = classes.filter((index) => index < m.index).pop();
      if (owner === undefined || !endpointClasses.has(owner)) continue;
      const open = m.index + m[0].length - 1;
      const close = matchBracket(masked, open);
      if (close === -1) continue;
      const { verbs, routes, at } = configuredRoutes(masked.slice(open, close + 1));
      const line = lineAt(masked, open + at);
      for (const verb of verbs) {
        for (const route of routes) {
          const { path, resolved } = routeValue(route, constants);
          out.push({
            method: verb,
            path: joinUrlPath(prefix, path),
            framework: "aspnetcore",
            file: file.path,
            line,
            resolved,
          });
        }
      }
    }
  }
  return out;
}
