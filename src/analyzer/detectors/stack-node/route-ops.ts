/**
 * Collects, from one file's syntax tree, every call that could register a route or mount a
 * router: `x.get(path, handler)`, `x.route(path).get(handler)`, `x.on(method, path, handler)`,
 * `x.route({ method, url })`, `x.use(prefix, child)`, `x.route(prefix, child)`,
 * `x.register(plugin, { prefix })` and `plugin(x)`. Whether `x` really is a router is decided
 * later, when references are resolved across files: an `axios.get("/api/x", config)` is collected
 * here and dropped there, because axios is no router.
 */
import ts from "typescript";
import type { HttpMethod } from "../../report.js";
import { propertyValue } from "./js-ast.js";
import type { JsModule, JsProgram } from "./js-ast.js";
import { EMPTY_PATH, evalPath, isPathLike } from "./route-path.js";
import type { RoutePath } from "./route-path.js";
import { entryField, loopedEntries, tableRoutes } from "./route-tables.js";
import type { TableRoute } from "./route-tables.js";

const ROUTE_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ["get", "GET"],
  ["post", "POST"],
  ["put", "PUT"],
  ["patch", "PATCH"],
  ["delete", "DELETE"],
  ["del", "DELETE"],
  ["head", "HEAD"],
  ["options", "OPTIONS"],
  ["all", "ANY"],
]);

export interface RouteOp {
  readonly mod: JsModule;
  readonly receiver: ts.Expression;
  readonly methods: readonly HttpMethod[];
  readonly paths: readonly RoutePath[];
  readonly handlers: readonly ts.Expression[];
  readonly line: number;
  /**
   * For a route read from a table of route objects: the entry's module and line, which the
   * endpoint cites, and in which its handlers are read.
   */
  readonly entry?: { readonly mod: JsModule; readonly line: number };
}

export interface MountOp {
  readonly mod: JsModule;
  readonly parent: ts.Expression;
  readonly prefix: RoutePath;
  readonly children: readonly ts.Expression[];
  readonly line: number;
  /** `plugin(app)`: the child must be a function taking the router, not a router itself */
  readonly viaCall: boolean;
  /** Fastify register options, read again for @fastify/autoload */
  readonly options?: ts.Expression;
}

export interface FileOps {
  readonly routes: RouteOp[];
  readonly mounts: MountOp[];
}

function toMethod(text: string): HttpMethod | null {
  const upper = text.toUpperCase();
  if (upper === "ALL" || upper === "*") return "ANY";
  const method = ROUTE_METHODS.get(text.toLowerCase());
  return method ?? null;
}

function methodsOf(expr: ts.Expression): HttpMethod[] {
  const items = ts.isArrayLiteralExpression(expr) ? [...expr.elements] : [expr];
  const out: HttpMethod[] = [];
  for (const item of items) {
    if (!ts.isStringLiteralLike(item)) continue;
    const method = toMethod(item.text);
    if (method !== null) out.push(method);
  }
  return out;
}

function pathsOf(mod: JsModule, expr: ts.Expression): RoutePath[] {
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.map((e) => evalPath(mod, e));
  return [evalPath(mod, expr)];
}

/**
 * A route's first argument: a path, never a handler or an options object. A regular expression
 * (`router.get(/\/login(.*)/, …)`) is a path too, listed as unresolved: it names no one URL.
 */
function isRoutePathArg(expr: ts.Expression | undefined): expr is ts.Expression {
  if (expr === undefined) return false;
  return (
    isPathLike(expr) ||
    ts.isRegularExpressionLiteral(expr) ||
    ts.isIdentifier(expr) ||
    ts.isPropertyAccessExpression(expr) ||
    ts.isArrayLiteralExpression(expr)
  );
}

/** Names that say a value is a path (`config.apiPrefix`, `BASE_URL`), not a middleware. */
const PATH_NAME = /path|prefix|url|base|version|mount/i;

/**
 * A mount prefix: a literal path, a constant that evaluates to one, or (when more arguments
 * follow) a value named like a path whose content is unknown, which makes the mount unresolved
 * rather than wrongly mounted at the root.
 */
function mountPrefix(
  mod: JsModule,
  expr: ts.Expression | undefined,
  more: boolean,
): RoutePath | null {
  if (expr === undefined) return null;
  if (isPathLike(expr)) return evalPath(mod, expr);
  if (ts.isIdentifier(expr)) {
    const value = evalPath(mod, expr);
    if (value.resolved) return value;
  }
  const named =
    ts.isIdentifier(expr) ||
    ts.isPropertyAccessExpression(expr) ||
    ts.isElementAccessExpression(expr) ||
    ts.isCallExpression(expr);
  if (more && named && PATH_NAME.test(mod.text(expr))) return evalPath(mod, expr);
  return null;
}

function handlerProperty(obj: ts.ObjectLiteralExpression): ts.Node[] {
  for (const prop of obj.properties) {
    if (prop.name !== undefined && ts.isIdentifier(prop.name) && prop.name.text === "handler") {
      return [ts.isPropertyAssignment(prop) ? prop.initializer : prop];
    }
  }
  return [];
}

/** Fastify's `{ prefix }` register option; an options value we cannot read leaves it unknown. */
function registerPrefix(mod: JsModule, options: ts.Expression | undefined): RoutePath {
  if (options === undefined) return EMPTY_PATH;
  if (!ts.isObjectLiteralExpression(options)) {
    return { text: "", resolved: false };
  }
  const prefix = propertyValue(options, "prefix");
  return prefix === undefined ? EMPTY_PATH : evalPath(mod, prefix);
}

export function collectOps(mod: JsModule, program: JsProgram): FileOps {
  const ops: FileOps = { routes: [], mounts: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) collectCall(mod, node, ops, program);
    ts.forEachChild(node, visit);
  };
  visit(mod.ast);
  return ops;
}

function collectCall(
  mod: JsModule,
  call: ts.CallExpression,
  ops: FileOps,
  program: JsProgram,
): void {
  const callee = call.expression;
  const args = call.arguments;
  if (ts.isElementAccessExpression(callee)) {
    // routes.forEach((r) => app[r.method](r.path, r.handler))
    const looped = loopedRouteOps(mod, program, callee, args);
    if (looped.length > 0) {
      ops.routes.push(...looped);
      return;
    }
  }
  if (!ts.isPropertyAccessExpression(callee)) {
    // plugin(app): a function that receives the router and registers routes on it.
    const first = args[0];
    if (first !== undefined && (ts.isIdentifier(first) || isThisProperty(first))) {
      ops.mounts.push({
        mod,
        parent: first,
        prefix: EMPTY_PATH,
        children: [callee],
        line: mod.line(call),
        viaCall: true,
      });
    }
    return;
  }
  const name = callee.name.text;
  const receiver = callee.expression;
  const line = mod.line(callee.name);
  const method = ROUTE_METHODS.get(name);
  if (method !== undefined) {
    const chain = routeChainPath(receiver);
    if (chain !== null) {
      // app.route("/x").get(handler).post(handler)
      if (args.length < 1) return;
      ops.routes.push({
        mod,
        receiver: chain.receiver,
        methods: [method],
        paths: pathsOf(mod, chain.path),
        handlers: [...args],
        line,
      });
      return;
    }
    if (args.length < 2 || !isRoutePathArg(args[0])) return;
    const table = tableRoutes(mod, program, null, args[0], args.slice(1));
    if (table !== null) {
      // routes.forEach(({ url, fn }) => app.get(url, fn))
      ops.routes.push(...table.map((route) => tableOp(mod, receiver, [method], route, line)));
      return;
    }
    // app.get("/admin/users", requireAdmin): a guard for the real route registered elsewhere.
    const last = args[args.length - 1];
    if (last !== undefined && isPassThrough(mod, last, program, 0)) return;
    // app.options("*", cors()): CORS preflight set up like a route; it serves nothing of the app.
    if (method === "OPTIONS" && last !== undefined && isCorsCall(mod, last)) return;
    ops.routes.push({
      mod,
      receiver,
      methods: [method],
      paths: pathsOf(mod, args[0]),
      handlers: args.slice(1),
      line,
    });
    return;
  }
  switch (name) {
    case "on": {
      // Hono: app.on("PURGE" | ["GET", "POST"], path, handler)
      const [methods, path] = args;
      if (args.length < 3 || methods === undefined || !isRoutePathArg(path)) return;
      const list = methodsOf(methods);
      if (list.length === 0) return;
      ops.routes.push({
        mod,
        receiver,
        methods: list,
        paths: pathsOf(mod, path),
        handlers: args.slice(2),
        line,
      });
      return;
    }
    case "route": {
      const [first, second] = args;
      if (args.length === 1 && first !== undefined && ts.isObjectLiteralExpression(first)) {
        // Fastify: fastify.route({ method, url, handler })
        const methodExpr = propertyValue(first, "method");
        const urlExpr = propertyValue(first, "url") ?? propertyValue(first, "path");
        if (methodExpr === undefined || urlExpr === undefined) return;
        const methods = methodsOf(methodExpr);
        if (methods.length === 0) return;
        ops.routes.push({
          mod,
          receiver,
          methods,
          paths: pathsOf(mod, urlExpr),
          handlers: handlerProperty(first).filter(ts.isExpression),
          line,
        });
        return;
      }
      const prefix = mountPrefix(mod, first, second !== undefined);
      if (second !== undefined && prefix !== null) {
        // Hono: app.route("/api", subApp)
        ops.mounts.push({
          mod,
          parent: receiver,
          prefix,
          children: [second],
          line,
          viaCall: false,
        });
      }
      return;
    }
    case "use": {
      if (args.length === 0) return;
      const mounted = koaMount(mod, args[0]);
      if (mounted !== null) {
        ops.mounts.push({ mod, parent: receiver, ...mounted, line, viaCall: false });
        return;
      }
      const expanded = loopMounts(mod, program, receiver, args, line);
      if (expanded !== null) {
        ops.mounts.push(...expanded);
        return;
      }
      const prefix = mountPrefix(mod, args[0], args.length > 1);
      const children = prefix === null ? [...args] : args.slice(1);
      ops.mounts.push({
        mod,
        parent: receiver,
        prefix: prefix ?? EMPTY_PATH,
        children,
        line,
        viaCall: false,
      });
      return;
    }
    case "openapi": {
      // @hono/zod-openapi: app.openapi(createRoute({ method, path, ... }), handler)
      const [routeArg, ...handlers] = args;
      const def = routeArg === undefined ? null : createdRoute(mod, routeArg, program, 0);
      if (def === null || handlers.length === 0) return;
      const methodExpr = propertyValue(def.obj, "method");
      const pathExpr = propertyValue(def.obj, "path");
      const methods = methodExpr === undefined ? [] : methodsOf(methodExpr);
      if (methods.length === 0 || pathExpr === undefined) return;
      ops.routes.push({
        mod,
        receiver,
        methods,
        paths: [openApiPath(evalPath(def.mod, pathExpr))],
        handlers,
        line,
      });
      return;
    }
    case "doc":
    case "doc31": {
      // @hono/zod-openapi: app.doc("/doc", { openapi, info }) serves the generated spec.
      const [path, config] = args;
      // A third argument, the generator options (`{ unionPreferredType }`), may follow.
      if (args.length > 3 || !isRoutePathArg(path) || config === undefined) return;
      if (
        !ts.isObjectLiteralExpression(config) &&
        !ts.isArrowFunction(config) &&
        !ts.isIdentifier(config)
      )
        return;
      ops.routes.push({
        mod,
        receiver,
        methods: ["GET"],
        paths: pathsOf(mod, path),
        handlers: [],
        line,
      });
      return;
    }
    case "register": {
      const [child, options] = args;
      if (child === undefined) return;
      if (options === undefined && ts.isIdentifier(child)) {
        // Not Fastify's: `require("./sign-in").register(router)` hands the router to a function
        // that adds routes to it. Whichever reading resolves to routers is kept.
        ops.mounts.push({
          mod,
          parent: child,
          prefix: EMPTY_PATH,
          children: [callee],
          line,
          viaCall: true,
        });
      }
      ops.mounts.push({
        mod,
        parent: receiver,
        prefix: registerPrefix(mod, options),
        children: [child],
        line,
        viaCall: false,
        options,
      });
      return;
    }
    default:
      return;
  }
}

/**
 * `app[r.method](r.path, …)` or `router.route(r.path)[r.method](…)` in a loop over a table of
 * route objects: one route per entry whose method and path can be read (see route-tables.ts).
 */
function loopedRouteOps(
  mod: JsModule,
  program: JsProgram,
  callee: ts.ElementAccessExpression,
  args: readonly ts.Expression[],
): RouteOp[] {
  const target = callee.expression;
  const chained =
    ts.isCallExpression(target) &&
    ts.isPropertyAccessExpression(target.expression) &&
    target.expression.name.text === "route" &&
    target.arguments.length === 1
      ? { receiver: target.expression.expression, path: target.arguments[0], handlers: args }
      : { receiver: target, path: args[0], handlers: args.slice(1) };
  if (chained.path === undefined) return [];
  const table = tableRoutes(
    mod,
    program,
    callee.argumentExpression,
    chained.path,
    chained.handlers,
  );
  const out: RouteOp[] = [];
  for (const route of table ?? []) {
    const method = route.method === null ? null : toMethod(route.method);
    if (method !== null)
      out.push(tableOp(mod, chained.receiver, [method], route, mod.line(callee)));
  }
  return out;
}

function tableOp(
  mod: JsModule,
  receiver: ts.Expression,
  methods: HttpMethod[],
  route: TableRoute,
  line: number,
): RouteOp {
  return {
    mod,
    receiver,
    methods,
    paths: [route.path],
    handlers: route.handlers,
    line,
    entry: { mod: route.mod, line: route.line },
  };
}

/** koa-mount: `app.use(mount("/users", usersApp))` serves the child under the path. */
function koaMount(
  mod: JsModule,
  arg: ts.Expression | undefined,
): { prefix: RoutePath; children: ts.Expression[] } | null {
  if (arg === undefined || !ts.isCallExpression(arg) || !ts.isIdentifier(arg.expression)) {
    return null;
  }
  if (mod.imports.get(arg.expression.text)?.module !== "koa-mount") return null;
  const [path, child] = arg.arguments;
  if (child === undefined)
    return path === undefined ? null : { prefix: EMPTY_PATH, children: [path] };
  return path === undefined ? null : { prefix: evalPath(mod, path), children: [child] };
}

function isThisProperty(expr: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * For Express's `router.route("/x").get(h).put(h)`: the router and the path of the chain that
 * `receiver` belongs to, or null when `receiver` is no such chain.
 */
function routeChainPath(
  receiver: ts.Expression,
): { receiver: ts.Expression; path: ts.Expression } | null {
  let expr = receiver;
  while (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
    const name = expr.expression.name.text;
    const args = expr.arguments;
    if (name === "route" && args.length === 1) {
      const path = args[0];
      if (path === undefined || ts.isObjectLiteralExpression(path)) return null;
      return { receiver: expr.expression.expression, path };
    }
    if (!ROUTE_METHODS.has(name) || args.some((a) => isPathLike(a))) return null;
    expr = expr.expression.expression;
  }
  return null;
}

/**
 * `routes.forEach((r) => router.use(r.path, r.route))` and `for (const r of routes) ...` over a
 * constant array of `{ path, route }` objects, a common way to mount a list of routers: one mount
 * per element, with the element's values. Null when `args` do not follow that pattern.
 */
function loopMounts(
  mod: JsModule,
  program: JsProgram,
  receiver: ts.Expression,
  args: readonly ts.Expression[],
  line: number,
): MountOp[] | null {
  const [first, second] = args;
  if (first === undefined || second === undefined) return null;
  const prefixField = entryField(mod, first);
  const childField = prefixField === null ? null : entryField(mod, second);
  if (prefixField === null || childField?.item !== prefixField.item) return null;
  const entries = loopedEntries(mod, program, prefixField.item);
  if (entries === null) return null;
  const out: MountOp[] = [];
  for (const { mod: entryMod, obj: element } of entries) {
    // A child named in another module's table would be looked up in the wrong module.
    if (entryMod !== mod) continue;
    const prefixExpr = propertyValue(element, prefixField.key);
    const childExpr = propertyValue(element, childField.key);
    if (prefixExpr === undefined || childExpr === undefined) continue;
    out.push({
      mod,
      parent: receiver,
      prefix: evalPath(mod, prefixExpr),
      children: [childExpr],
      line,
      viaCall: false,
    });
  }
  return out;
}

/**
 * The `{ method, path }` object of a `createRoute(...)` call, written inline or bound to a name
 * here or in the module it is imported from.
 */
function createdRoute(
  mod: JsModule,
  expr: ts.Expression,
  program: JsProgram,
  depth: number,
): { mod: JsModule; obj: ts.ObjectLiteralExpression } | null {
  if (depth > 3) return null;
  if (ts.isCallExpression(expr)) {
    const first = expr.arguments[0];
    return mod.text(expr.expression).endsWith("createRoute") &&
      first !== undefined &&
      ts.isObjectLiteralExpression(first)
      ? { mod, obj: first }
      : null;
  }
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) return null;
  const bound = program.boundValue(mod, expr);
  return bound !== null && ts.isExpression(bound.node)
    ? createdRoute(bound.mod, bound.node, program, depth + 1)
    : null;
}

/** OpenAPI writes parameters as `{id}`; Hono serves them as `:id`. */
function openApiPath(path: RoutePath): RoutePath {
  return { ...path, text: path.text.replace(/\{(\w+)\}/g, ":$1") };
}

/** Calls the next handler without an error: `next()` or `await next()`. */
const CALLS_NEXT = /\bnext\s*\(\s*\)/;
/** Answers the request itself. */
const RESPONDS =
  /\.(?:json|jsonp|send|sendFile|sendStatus|text|html|render|redirect|body|end|stream)\s*\(|\b(?:ctx|context)\.(?:response\.)?body\s*=|\breturn\s+(?:c|ctx|context)\s*\./;

/**
 * A route's last handler that only passes the request on: a middleware (it calls `next()` and
 * answers nothing) or Hono's `createMiddleware(...)`. Such a route line guards a path; it is
 * not an endpoint. The handler is followed through local names and imports.
 */
function isPassThrough(
  mod: JsModule,
  expr: ts.Expression,
  program: JsProgram,
  depth: number,
): boolean {
  if (depth > 3) return false;
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return passesOn(mod, expr);
  if (ts.isCallExpression(expr)) {
    return mod.text(expr.expression).endsWith("createMiddleware");
  }
  if (!ts.isIdentifier(expr)) return false;
  const bound = program.boundValue(mod, expr);
  if (bound === null) return false;
  if (ts.isFunctionDeclaration(bound.node)) return passesOn(bound.mod, bound.node);
  return isPassThrough(bound.mod, bound.node, program, depth + 1);
}

/** `cors()` or `cors(options)`, the cors package's middleware. */
function isCorsCall(mod: JsModule, expr: ts.Expression): boolean {
  return ts.isCallExpression(expr) && /(?:^|\.)cors$/.test(mod.text(expr.expression));
}

/** A `(req, res, next)` / `(c, next)` function that calls next() and answers nothing itself. */
function passesOn(mod: JsModule, fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body === undefined ? "" : mod.text(fn.body);
  return fn.parameters.length >= 2 && CALLS_NEXT.test(body) && !RESPONDS.test(body);
}
