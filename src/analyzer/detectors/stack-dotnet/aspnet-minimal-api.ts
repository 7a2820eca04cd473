/**
 * ASP.NET Core minimal APIs: `app.MapGet("/x", …)` and friends, `MapMethods`, route groups from
 * `MapGroup("/api")` held in variables or chained, and extension methods
 * (`static void MapTodos(this IEndpointRouteBuilder app)` / `this RouteGroupBuilder group`) whose
 * routes take the prefix of every router they are called on, across files.
 *
 * Two conventions of real apps are followed too: route modules that a library or the app's own
 * start-up code discovers by reflection and calls (Carter's `AddRoutes(IEndpointRouteBuilder app)`,
 * MinimalApi.Endpoint's `AddRoute`, a template's `static void Map(RouteGroupBuilder group)`), and
 * the app's own MapGet/MapPost… wrappers whose parameters come in another order
 * (`MapGet(this IEndpointRouteBuilder b, Delegate handler, string pattern = "")`).
 */
import type { HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { lineAt } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import type { RouterNode } from "../stack-text/prefix-graph.js";
import { PrefixGraph } from "../stack-text/prefix-graph.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { unresolvedPiece } from "../stack-text/url-path.js";
import { constStrings, csharpString } from "./const-strings.js";

export interface CsSource {
  readonly file: SourceFile;
  readonly masked: string;
}

export interface MinimalRoute {
  readonly node: RouterNode;
  readonly method: HttpMethod;
  readonly path: string;
  readonly resolved: boolean;
  readonly file: SourceFile;
  readonly line: number;
  /** set on the routes a library adds (`MapIdentityApi`) */
  readonly library?: string;
}

interface Extension {
  readonly param: string;
  readonly node: RouterNode;
  readonly source: CsSource;
  readonly start: number;
  readonly end: number;
}

/**
 * A method whose only parameter is a router and that nobody calls by name: discovery code calls
 * it. A WebApplication or IEndpointRouteBuilder is the app itself; a RouteGroupBuilder is a group
 * whose prefix the discovery code makes up (often from the class name), so it stays unresolved.
 */
const MODULE_METHOD =
  /\b(\w+)\s*\(\s*(IEndpointRouteBuilder|RouteGroupBuilder|WebApplication)\s+(\w+)\s*\)\s*\{/g;
/** The app's own MapGet/MapPost… extension methods, wrappers over the framework's. */
const VERB_WRAPPER =
  /\bstatic\s+[\w<>?,\s]+?\s+(MapGet|MapPost|MapPut|MapPatch|MapDelete)\s*\(\s*this\b/g;
const EXTENSION =
  /\bstatic\s+[\w<>?,\s]+?\s+(\w+)\s*\(\s*this\s+(?:IEndpointRouteBuilder|RouteGroupBuilder|WebApplication|IApplicationBuilder)\s+(\w+)[^)]*\)\s*\{/g;
const ROOT = /^(?:\w+\.Build\(\s*\)|WebApplication\.Create\([^)]*\))$/;
const MAP_VERBS: Record<string, HttpMethod> = {
  MapGet: "GET",
  MapPost: "POST",
  MapPut: "PUT",
  MapPatch: "PATCH",
  MapDelete: "DELETE",
};
/** `x.Name(` calls, and `var x = …;` / `Type x = …;` assignments */
const STATEMENT =
  /(\w+)((?:\s*\.\s*\w+\s*\([^;]*?\))*?)\s*\.\s*(\w+)\s*(?:<[\w.<>, ]*>)?\s*\(|\b(?:var|[A-Z]\w*(?:<[^>]*>)?)\s+(\w+)\s*=\s*([^;]+);/g;
/** The endpoints `MapIdentityApi<TUser>()` adds (ASP.NET Core Identity, .NET 8+). */
const IDENTITY_API: readonly (readonly [HttpMethod, string])[] = [
  ["POST", "/register"],
  ["POST", "/login"],
  ["POST", "/refresh"],
  ["GET", "/confirmEmail"],
  ["POST", "/resendConfirmationEmail"],
  ["POST", "/forgotPassword"],
  ["POST", "/resetPassword"],
  ["POST", "/manage/2fa"],
  ["GET", "/manage/info"],
  ["POST", "/manage/info"],
];

/** Where a wrapper takes the route pattern: its index among the call's arguments, and default. */
interface Wrapper {
  readonly patternArg: number;
  readonly fallback: string | null;
}

interface Body {
  readonly source: CsSource;
  readonly start: number;
  readonly end: number;
}

export function minimalApiRoutes(sources: readonly CsSource[]): {
  routes: MinimalRoute[];
  graph: PrefixGraph;
} {
  const graph = new PrefixGraph();
  const wrappers = new Map<string, Wrapper>();
  // Code not scanned at the top level of its file: extension and module bodies get their own
  // scope, wrapper bodies none (their routes belong to the callers).
  const nested: Body[] = [];
  for (const source of sources) {
    for (const m of source.masked.matchAll(VERB_WRAPPER)) {
      const open = m.index + m[0].lastIndexOf("(");
      const wrapper = readWrapper(source.masked, open);
      if (!wrapper) continue;
      wrappers.set(m[1] as string, wrapper.wrapper);
      nested.push({ source, start: wrapper.bodyStart, end: wrapper.bodyEnd });
    }
  }
  const extensions = new Map<string, Extension[]>();
  const modules: Extension[] = [];
  for (const source of sources) {
    for (const m of source.masked.matchAll(MODULE_METHOD)) {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(source.masked, open);
      if (close === -1 || MAP_VERBS[m[1] as string] !== undefined) continue;
      let node: RouterNode;
      if (m[2] === "RouteGroupBuilder") {
        node = graph.node("bound", "aspnetcore");
        const owner = enclosingClass(source.masked, m.index) ?? (m[1] as string);
        graph.link(graph.node("constructed", "aspnetcore"), node, unresolvedPiece(owner), false);
      } else {
        node = graph.node("constructed", "aspnetcore");
      }
      modules.push({ param: m[3] as string, node, source, start: open + 1, end: close });
    }
    for (const m of source.masked.matchAll(EXTENSION)) {
      if (wrappers.has(m[1] as string)) continue;
      const open = m.index + m[0].length - 1;
      const close = matchBracket(source.masked, open);
      if (close === -1) continue;
      const list = extensions.get(m[1] as string) ?? [];
      list.push({
        param: m[2] as string,
        node: graph.node("bound", "aspnetcore"),
        source,
        start: open + 1,
        end: close,
      });
      extensions.set(m[1] as string, list);
    }
  }
  const routes: MinimalRoute[] = [];

  const evalExpr = (raw: string, env: Map<string, RouterNode>): RouterNode | null => {
    const expr = raw.trim();
    if (ROOT.test(expr)) return graph.node("constructed", "aspnetcore");
    const ident = /^(\w+)/.exec(expr);
    let node = ident ? (env.get(ident[1] as string) ?? null) : null;
    if (!node) return null;
    // Follow a chain: .MapGroup("/x") adds a prefix, .MapTodos() passes the group on, the rest
    // (.WithTags, .RequireAuthorization …) returns the same builder.
    const chain = /\.\s*(\w+)\s*\(/g;
    chain.lastIndex = (ident?.[0] ?? "").length;
    for (let c = chain.exec(expr); c !== null; c = chain.exec(expr)) {
      const open = c.index + c[0].length - 1;
      const close = matchBracket(expr, open);
      const args = splitTopLevel(close === -1 ? "" : expr.slice(open + 1, close));
      if (c[1] === "MapGroup") {
        const child = graph.node("bound");
        const p = pathValue(args[0]);
        graph.link(node, child, p.value, p.resolved);
        node = child;
      } else {
        for (const ext of extensions.get(c[1] as string) ?? []) graph.link(node, ext.node);
      }
      if (close !== -1) chain.lastIndex = close + 1;
    }
    return node;
  };

  const scope = (
    source: CsSource,
    start: number,
    end: number,
    env: Map<string, RouterNode>,
    skip: readonly [number, number][],
  ): void => {
    const text = source.masked;
    const re = new RegExp(STATEMENT.source, "g");
    const identityRoutes = (node: RouterNode, line: number) => {
      for (const [method, path] of IDENTITY_API) {
        routes.push({
          node,
          method,
          path,
          resolved: true,
          file: source.file,
          line,
          library: "aspnetcore-identity",
        });
      }
    };
    re.lastIndex = start;
    for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
      if (skip.some(([a, b]) => m !== null && m.index >= a && m.index < b)) continue;
      if (m[4] !== undefined) {
        const node = evalExpr(m[5] as string, env);
        if (node) env.set(m[4], node);
        continue;
      }
      const receiver = evalExpr(`${m[1] as string}${m[2] ?? ""}`, env);
      const name = m[3] as string;
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (!receiver || close === -1) continue;
      const args = splitTopLevel(text.slice(open + 1, close));
      const line = lineAt(text, m.index);
      if (name === "MapIdentityApi") {
        identityRoutes(receiver, line);
        re.lastIndex = close + 1;
        continue;
      }
      // MapHealthChecks("/health") answers GET (and HEAD) with the health report.
      const fixed = name === "MapHealthChecks" ? "GET" : MAP_VERBS[name];
      const methods: HttpMethod[] =
        fixed !== undefined
          ? [fixed]
          : name === "MapMethods"
            ? [...(args[1] ?? "").matchAll(/"(\w+)"|HttpMethods\.(\w+)/g)]
                .map((v) => httpVerb((v[1] ?? v[2]) as string))
                .filter((v): v is HttpMethod => v !== null)
            : name === "Map"
              ? ["ANY"]
              : [];
      const wrapper = fixed !== undefined ? wrappers.get(name) : undefined;
      // A wrapper call with the pattern where the framework's own method has the handler.
      const pattern =
        wrapper && (args[0] === undefined || csharpString(args[0]) === null)
          ? (args[wrapper.patternArg] ??
            (wrapper.fallback === null ? undefined : `"${wrapper.fallback}"`))
          : args[0];
      if (methods.length > 0 && pattern !== undefined) {
        const p = pathValue(pattern, text);
        for (const method of methods) {
          routes.push({
            node: receiver,
            method,
            path: p.value,
            resolved: p.resolved,
            file: source.file,
            line,
          });
        }
      } else {
        // Not a route: follow the whole statement, so `app.MapGroup("/x").MapTodos()` links up.
        const semicolon = text.indexOf(";", close);
        const stop = semicolon === -1 || semicolon > end ? end : semicolon;
        const statement = text.slice(m.index, stop);
        const identity = /^([\s\S]*)\.\s*MapIdentityApi\s*(?:<[\w.<>, ]*>)?\s*\(\s*\)\s*$/.exec(
          statement,
        );
        const group = identity?.[1] === undefined ? null : evalExpr(identity[1], env);
        if (group) identityRoutes(group, line);
        else evalExpr(statement, env);
        re.lastIndex = stop;
        continue;
      }
      re.lastIndex = close + 1;
    }
  };

  const scoped = [...extensions.values()].flat().concat(modules);
  for (const ext of scoped) {
    const inner = nested
      .filter((b) => b.source === ext.source && b.start > ext.start && b.end <= ext.end)
      .map((b): [number, number] => [b.start, b.end]);
    scope(ext.source, ext.start, ext.end, new Map([[ext.param, ext.node]]), inner);
  }
  for (const source of sources) {
    const bodies = [...scoped, ...nested]
      .filter((e) => e.source === source)
      .map((e): [number, number] => [e.start, e.end]);
    scope(source, 0, source.masked.length, new Map(), bodies);
  }
  return { routes, graph };
}

/**
 * Reads a wrapper's parameter list (opening bracket at `open`): which call argument is the
 * `string pattern` (the `this` parameter is not an argument) and its default, and the body's span.
 */
function readWrapper(
  text: string,
  open: number,
): { wrapper: Wrapper; bodyStart: number; bodyEnd: number } | null {
  const close = matchBracket(text, open);
  if (close === -1) return null;
  const params = splitTopLevel(text.slice(open + 1, close)).slice(1);
  const index = params.findIndex((p) => /(?:^|[\s\]])string\??\s+\w+\s*(?:=|$)/.test(p.trim()));
  if (index === -1) return null;
  const fallback = /=\s*("[^"]*")\s*$/.exec(params[index] as string);
  const brace = /^\s*\{/.exec(text.slice(close + 1));
  let bodyStart = close + 1;
  let bodyEnd = text.indexOf(";", close);
  if (brace) {
    bodyStart = close + 1 + brace[0].length;
    bodyEnd = matchBracket(text, bodyStart - 1);
  }
  if (bodyEnd === -1) return null;
  return {
    wrapper: {
      patternArg: index,
      fallback: fallback ? (stringLiteral(fallback[1] as string) ?? "") : null,
    },
    bodyStart,
    bodyEnd,
  };
}

/** The name of the class declared closest before `offset`. */
function enclosingClass(text: string, offset: number): string | null {
  let name: string | null = null;
  for (const m of text.slice(0, offset).matchAll(/\b(?:class|record|struct)\s+(\w+)/g))
    name = m[1] as string;
  return name;
}

/**
 * A pattern's value: a string literal or `string.Empty`, or a name for a `const string` of the
 * same file (the Aspire template's `app.MapHealthChecks(HealthEndpointPath)`).
 */
function pathValue(expr: string | undefined, fileText = ""): { value: string; resolved: boolean } {
  const literal = expr === undefined ? null : (csharpString(expr) ?? fileConstant(expr, fileText));
  return literal === null
    ? { value: unresolvedPiece(expr ?? "?"), resolved: false }
    : { value: literal, resolved: true };
}

function fileConstant(expr: string, fileText: string): string | null {
  const name = expr.trim();
  return constStrings(fileText).find((c) => c.name === name)?.value ?? null;
}
