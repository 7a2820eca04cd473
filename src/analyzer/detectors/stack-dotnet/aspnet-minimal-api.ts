/**
 * ASP.NET Core minimal APIs: `app.MapGet("/x", …)` and friends, `MapMethods`, route groups from
 * `MapGroup("/api")` held in variables or chained, and extension methods
 * (`static void MapTodos(this IEndpointRouteBuilder app)` / `this RouteGroupBuilder group`) whose
 * routes take the prefix of every router they are called on, across files.
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
}

interface Extension {
  readonly param: string;
  readonly node: RouterNode;
  readonly source: CsSource;
  readonly start: number;
  readonly end: number;
}

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
  /(\w+)((?:\s*\.\s*\w+\s*\([^;]*?\))*?)\s*\.\s*(\w+)\s*\(|\b(?:var|[A-Z]\w*(?:<[^>]*>)?)\s+(\w+)\s*=\s*([^;]+);/g;

export function minimalApiRoutes(sources: readonly CsSource[]): {
  routes: MinimalRoute[];
  graph: PrefixGraph;
} {
  const graph = new PrefixGraph();
  const extensions = new Map<string, Extension[]>();
  for (const source of sources) {
    for (const m of source.masked.matchAll(EXTENSION)) {
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
      const fixed = MAP_VERBS[name];
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
      if (methods.length > 0 && args[0] !== undefined) {
        const p = pathValue(args[0]);
        for (const method of methods) {
          routes.push({
            node: receiver,
            method,
            path: p.value,
            resolved: p.resolved,
            file: source.file,
            line: lineAt(text, m.index),
          });
        }
      } else {
        // Not a route: follow the whole statement, so `app.MapGroup("/x").MapTodos()` links up.
        const semicolon = text.indexOf(";", close);
        const stop = semicolon === -1 || semicolon > end ? end : semicolon;
        evalExpr(text.slice(m.index, stop), env);
        re.lastIndex = stop;
        continue;
      }
      re.lastIndex = close + 1;
    }
  };

  for (const list of extensions.values()) {
    for (const ext of list)
      scope(ext.source, ext.start, ext.end, new Map([[ext.param, ext.node]]), []);
  }
  for (const source of sources) {
    const bodies = [...extensions.values()]
      .flat()
      .filter((e) => e.source === source)
      .map((e): [number, number] => [e.start, e.end]);
    scope(source, 0, source.masked.length, new Map(), bodies);
  }
  return { routes, graph };
}

function pathValue(expr: string | undefined): { value: string; resolved: boolean } {
  const literal = expr === undefined ? null : stringLiteral(expr.replace(/^@/, ""));
  return literal === null
    ? { value: unresolvedPiece(expr ?? "?"), resolved: false }
    : { value: literal, resolved: true };
}
