/**
 * Spring's functional endpoints (WebMvc.fn and WebFlux.fn), read with regexes and bracket
 * matching rather than a parser:
 * - `RouterFunctions.route(GET("/x"), h::m).andRoute(POST("/x"), …)`, with predicates combined
 *   (`GET("/x").and(accept(JSON))`, `.or(GET("/y"))`: one route per verb predicate);
 * - the builder, `route().GET("/x", h::m).POST("/y", accept(JSON), h::n).build()`, where
 *   `.GET(h::m)` without a path serves the prefix itself;
 * - the Kotlin DSL, `router { GET("/x", h::m); GET("/y") { … } }` and `coRouter { … }`, with
 *   predicate routes such as `(GET("/x") and accept(JSON)).invoke(h::m)`, and routes for any
 *   method, `"/x" { … }` and `path("/x") { … }`;
 * - method predicates, `route(method(HttpMethod.GET).and(path("/x")), h::m)`,
 *   `(method(HttpMethod.PUT) and "/x") { … }` and Kotlin's `method(HttpMethod.GET, h::m)`.
 * Paths may be Kotlin string templates (`"$BASE/users"`), resolved through the constant table.
 * Prefixes come from the scopes that enclose a route: `nest(path("/api"), …)`, `.andNest(…)`, the
 * builder's `.path("/api", b -> …)` and `.nest(path("/v1"), …)`, and Kotlin's
 * `"/api".nest { … }`, `path("/api").nest { … }` and `(accept(JSON) and "/api").nest { … }`; they
 * reach routes another file defines when a scope names them (`nest(path("/api"), users.routes())`,
 * an injected router bean, a DSL extension called in a nest block): see FunctionalMount.
 * A route's line is where its verb is written. Whether its handler renders a view or writes a body
 * is told by functional-handlers.ts, which follows handler references into their classes.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { contains } from "../stack-text/keyword-search.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import type { HandlerIndex } from "./functional-handlers.js";
import { declaredType, statementEnd } from "./functional-handlers.js";
import type { ConstantTable, ResolvedString } from "./jvm-constants.js";
import { isStringExpression } from "./jvm-constants.js";
import type { ServletPrefix } from "./spring-config.js";

/**
 * A verb written as a call: the RequestPredicates factory, a builder method or the Kotlin DSL.
 * Not after `@` (JAX-RS' `@GET`, Micronaut's `@Get` is another case) nor inside a longer name.
 */
const VERB_CALL = /(?<![\w$@])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*\(/g;
/** `method(HttpMethod.GET)`: a method predicate, or Kotlin's `method(HttpMethod.GET, h::m)`. */
const METHOD_CALL = /(?:(?<![\w$@.])|(?<=RequestPredicates\s*\.\s*))method\s*\(/g;
/** Kotlin's `"/x" { … }` and `"/x".invoke(h::m)`: a route for any method. */
const STRING_ROUTE = /(?<![\w$])"(?:[^"\\\n]|\\.)*"[ \t]*(?:\{|\.\s*invoke\s*\()/g;
/** Kotlin's `path("/x") { … }`: a route for any method (with two arguments, a builder scope). */
const PATH_CALL = /(?<![\w$@.])path\s*\(/g;
/** Calls that open a prefix scope: `nest(pred, routes)`, `andNest(…)`, builder `.path("/a", …)`. */
const SCOPE_CALL = /(?<![\w$])(nest|andNest|path)\s*\(/g;
/** Kotlin's `<predicate or path>.nest { … }`. */
const KOTLIN_NEST = /\.\s*nest\s*\{/g;
/** Inside a predicate: the path of `path("/a")` or of a verb predicate `GET("/a")`. */
const PREDICATE_PATH = /(?<![\w$@])(?:path|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*\(/g;
/** A route's handler is looked at up to the end of its line, or this far at most. */
const HANDLER_WINDOW = 300;

/** Cheap test on a file's raw text: the functional web package and one routing entry point. */
export function mayRouteFunctionally(text: string): boolean {
  return (
    (contains(text, "function.server") || contains(text, "servlet.function")) &&
    (contains(text, "RouterFunction") ||
      contains(text, "route(") ||
      contains(text, "router") ||
      contains(text, "coRouter"))
  );
}

export interface FunctionalFileResult {
  readonly endpoints: Endpoint[];
  readonly json: Evidence[];
  /** routes whose handler renders a view (or answers a form with a redirect) */
  readonly pages: number;
}

/**
 * Routes of another file served under a prefix of this one: `nest(path("/api"), users.routes())`,
 * Kotlin's `"/api".nest { add(userRouter()) }` or `"/api".nest { userRoutes() }` (a DSL
 * extension), or a router bean injected by name, `nest(path("/api"), userRouter)`. `type` is the
 * class that declares the method, null for a function or bean found by its name alone.
 */
export interface FunctionalMount {
  readonly type: string | null;
  readonly name: string;
  readonly prefix: ResolvedString;
}

interface Scope {
  /** where the predicate that names the prefix starts and ends (verbs there are no routes) */
  readonly predicateFrom: number;
  readonly predicateTo: number;
  /** the routes the prefix applies to */
  readonly from: number;
  readonly to: number;
  readonly prefix: ResolvedString;
}

/** The functional routes a comment-masked Java or Kotlin file declares. */
export function springFunctionalEndpoints(
  file: SourceFile,
  masked: string,
  constants: ConstantTable,
  servlet: ServletPrefix,
  framework: string,
  handlers: HandlerIndex,
  mounts: readonly FunctionalMount[] = [],
): FunctionalFileResult {
  const endpoints: Endpoint[] = [];
  const json: Evidence[] = [];
  let pages = 0;
  const scopes = [...findScopes(masked, constants).scopes, ...mountedScopes(masked, mounts)];
  const inPredicate = (at: number): boolean =>
    scopes.some((s) => at >= s.predicateFrom && at < s.predicateTo);
  const route = (method: HttpMethod, at: number, path: ResolvedString, handler: string): void => {
    const prefixes = enclosing(scopes, at);
    endpoints.push({
      method,
      path: joinUrlPath(servlet.path, ...prefixes.map((p) => p.value), path.value),
      framework,
      file: file.path,
      line: evidence(file, at).line,
      resolved: servlet.resolved && path.resolved && prefixes.every((p) => p.resolved),
    });
    if (handlers.verdict(masked, handler) === "page") pages++;
    else json.push(evidence(file, at, "functional route"));
  };
  // The calls a pattern finds outside predicates, with where each starts and its arguments.
  const calls = function* (re: RegExp) {
    for (const m of masked.matchAll(re)) {
      const at = m.index;
      if (inPredicate(at)) continue;
      const open = at + m[0].length - 1;
      const close = matchBracket(masked, open);
      if (close === -1) continue;
      yield { m, at, close, args: splitTopLevel(masked.slice(open + 1, close)) };
    }
  };
  for (const { m, at, close, args } of calls(VERB_CALL)) {
    const path = routePath(args, isBuilderCall(masked, at), constants);
    if (path === null) continue;
    route(httpVerb(m[1] as string) as HttpMethod, at, path, handlerOf(args, masked, close));
  }
  if (masked.includes("method")) {
    for (const { at, close, args } of calls(METHOD_CALL)) {
      const verb = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/.exec(args[0] ?? "");
      if (!verb) continue;
      const method = httpVerb(verb[1] as string) as HttpMethod;
      if (args.length > 1) {
        route(method, at, { value: "", resolved: true }, handlerOf(args, masked, close));
        continue;
      }
      const predicate = predicateAround(masked, at);
      route(
        method,
        at,
        predicate ? predicatePath(predicate.text, constants) : { value: "", resolved: true },
        handlerText(masked, predicate?.grouped ? predicate.close : close),
      );
    }
  }
  for (const m of masked.matchAll(STRING_ROUTE)) {
    const at = m.index;
    if (inPredicate(at)) continue;
    const end = at + m[0].lastIndexOf('"');
    route("ANY", at, constants.evaluate(masked.slice(at, end + 1)), handlerText(masked, end));
  }
  for (const { at, close, args } of calls(PATH_CALL)) {
    if (!/^[ \t]*(?:\{|\.\s*invoke\s*\()/.test(masked.slice(close + 1, close + 40))) continue;
    if (args.length !== 1 || !isPathExpression(args[0] as string)) continue;
    route("ANY", at, constants.evaluate(args[0] as string), handlerText(masked, close));
  }
  return { endpoints, json, pages };
}

/**
 * The path a verb call routes: its first argument when that is a path, "" (the prefix itself)
 * for a handler-only builder call (`.GET(h::m)`, `.GET(accept(JSON), h::m)`). A builder call
 * with a single argument takes a handler, unless that is a string (Kotlin's `this.GET("/x") { … }`
 * in a DSL extension); the predicate factory `GET("/x")` a path.
 */
function routePath(
  args: readonly string[],
  builder: boolean,
  constants: ConstantTable,
): ResolvedString | null {
  const first = args[0];
  if (first === undefined) return null;
  if (builder && args.length === 1 && !isStringExpression(first))
    return { value: "", resolved: true };
  if (!isPathExpression(first)) return { value: "", resolved: true };
  return constants.evaluate(first);
}

/** A literal, a constant (`USERS`, `Paths.USERS`) or a concatenation; not a call or a lambda. */
function isPathExpression(expr: string): boolean {
  if (isStringExpression(expr)) return true;
  if (expr.includes("::") || expr.includes("->") || expr.startsWith("{")) return false;
  if (/^[A-Za-z_][\w.]*$/.test(expr)) return true;
  const terms = splitTopLevel(expr, "+");
  return terms.length > 1 && terms.some((t) => /^"/.test(t));
}

/**
 * `.GET(` of the route builder, as opposed to `RequestPredicates.GET(` or a Kotlin DSL call:
 * the verb follows a dot whose receiver is not the predicates class.
 */
function isBuilderCall(masked: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(masked[i] as string)) i--;
  if (masked[i] !== ".") return false;
  return !/RequestPredicates\s*$/.test(masked.slice(Math.max(0, i - 40), i));
}

/**
 * How a route names its handler: a method reference as its last argument (`GET("/x", h::m)`),
 * else what follows the verb call (a trailing lambda, `.invoke(h::m)`, `, h::m)` of `route(…)`).
 */
function handlerOf(args: readonly string[], masked: string, close: number): string {
  const last = args.length > 1 ? (args[args.length - 1] as string) : "";
  return last.includes("::") && !last.includes("{") ? last : handlerText(masked, close);
}

/**
 * The request predicate a `method(…)` predicate is part of: the argument of the call around it
 * (`route(method(GET).and(path("/x")), h)`, through `.and(…)` and `.or(…)`), or a parenthesised
 * Kotlin predicate (`(method(GET) and "/x") { … }`, `grouped`, whose handler follows its close).
 */
function predicateAround(
  masked: string,
  at: number,
): { text: string; close: number; grouped: boolean } | null {
  let inner = at;
  for (let level = 0; level < 4; level++) {
    const open = enclosingOpen(masked, inner);
    if (open === -1 || masked[open] !== "(") return null;
    const close = matchBracket(masked, open);
    if (close === -1) return null;
    const callee = /([A-Za-z_]\w*)[ \t]*$/.exec(masked.slice(Math.max(0, open - 40), open))?.[1];
    if (callee === "and" || callee === "or") {
      inner = open;
      continue;
    }
    let from = open + 1;
    for (const part of splitTopLevel(masked.slice(open + 1, close))) {
      const start = masked.indexOf(part, from);
      if (start <= inner && inner < start + part.length)
        return { text: part, close, grouped: callee === undefined };
      from = start + part.length;
    }
    return null;
  }
  return null;
}

/** The innermost bracket opened before `at` and not closed by then (looked for 2,000 back). */
function enclosingOpen(masked: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i > at - 2000; i--) {
    const c = masked[i];
    if (c === ")" || c === "]" || c === "}") depth++;
    else if (c === "(" || c === "[" || c === "{") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The text that follows a verb call: a trailing lambda, or the rest of its line. */
function handlerText(masked: string, close: number): string {
  let i = close + 1;
  while (i < masked.length && (masked[i] === " " || masked[i] === "\t")) i++;
  if (masked[i] === "{") {
    const end = matchBracket(masked, i);
    if (end !== -1) return masked.slice(i, Math.min(end, i + 4 * HANDLER_WINDOW));
  }
  const newline = masked.indexOf("\n", close);
  const end = newline === -1 ? masked.length : newline;
  return masked.slice(close, Math.min(end, close + HANDLER_WINDOW));
}

/** The routes of other files that this comment-masked router file serves under a prefix. */
export function functionalMounts(masked: string, constants: ConstantTable): FunctionalMount[] {
  return findScopes(masked, constants).mounts;
}

/** Scopes for the definitions of this file that other files mount (the first mount of each). */
function mountedScopes(masked: string, mounts: readonly FunctionalMount[]): Scope[] {
  const out: Scope[] = [];
  const followed = new Set<number>();
  for (const mount of mounts) {
    if (mount.type !== null && !new RegExp(`\\b(?:class|object)\\s+${mount.type}\\b`).test(masked))
      continue;
    if (!masked.includes(mount.name)) continue;
    const body = definitionOf(masked, `${mount.name}()`) ?? definitionOf(masked, mount.name);
    if (!body || followed.has(body.from)) continue;
    followed.add(body.from);
    out.push({ predicateFrom: body.from, predicateTo: body.from, ...body, prefix: mount.prefix });
  }
  return out;
}

function findScopes(
  masked: string,
  constants: ConstantTable,
): { scopes: Scope[]; mounts: FunctionalMount[] } {
  const scopes: Scope[] = [];
  /** arguments that may name routes built elsewhere in the file, with where they are written */
  const references: { readonly at: number; readonly arg: string }[] = [];
  for (const m of masked.matchAll(SCOPE_CALL)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(masked, open);
    if (close === -1) continue;
    const args = splitTopLevel(masked.slice(open + 1, close));
    const first = args[0];
    // `path("/a")` alone is a predicate; with routes after it, the builder's prefix scope.
    if (first === undefined || args.length < 2) continue;
    if (m[1] === "path" && !isPathExpression(first)) continue;
    const predicateTo = masked.indexOf(first, open + 1) + first.length;
    const prefix = m[1] === "path" ? constants.evaluate(first) : predicatePath(first, constants);
    scopes.push({ predicateFrom: open + 1, predicateTo, from: predicateTo, to: close, prefix });
    for (const arg of args.slice(1)) references.push({ at: masked.indexOf(arg, predicateTo), arg });
  }
  for (const m of masked.matchAll(KOTLIN_NEST)) {
    const brace = m.index + m[0].length - 1;
    const close = matchBracket(masked, brace);
    const start = receiverStart(masked, m.index);
    if (close === -1 || start === -1) continue;
    const receiver = masked.slice(start, m.index);
    scopes.push({
      predicateFrom: start,
      predicateTo: brace,
      from: brace,
      to: close,
      prefix: predicatePath(receiver, constants),
    });
    // `userRoutes()` alone on a line of the block: a DSL extension adding its routes here.
    const block = masked.slice(brace + 1, close);
    for (const call of block.matchAll(DSL_STATEMENT)) {
      const arg = (call[1] as string).trim();
      const name = /([A-Za-z_]\w*)\s*\(/.exec(arg)?.[1] ?? "";
      if (!DSL_FUNCTIONS.has(name)) references.push({ at: brace + 1 + call.index, arg });
    }
  }
  for (const m of masked.matchAll(ADD_CALL)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(masked, open);
    if (close !== -1) references.push({ at: m.index, arg: masked.slice(open + 1, close).trim() });
  }
  const followed = followReferences(masked, scopes, references);
  return { scopes: [...scopes, ...followed.scopes], mounts: followed.mounts };
}

/**
 * `nest(path("/posts"), postRoutes)`, `.path("/api", b -> b.add(userRoutes(h)))`: routes built
 * in a variable or method of the same file are served under the prefixes around the reference.
 * A definition is followed from its first reference only. A reference to routes the file does
 * not define (`users.routes()`, an injected `userRouter`) under a prefix is a mount.
 */
function followReferences(
  masked: string,
  scopes: readonly Scope[],
  references: readonly { readonly at: number; readonly arg: string }[],
): { scopes: Scope[]; mounts: FunctionalMount[] } {
  const out: Scope[] = [];
  const mounts: FunctionalMount[] = [];
  const followed = new Set<number>();
  // Each name is looked up once: a file may `add(…)` many things to lists as well.
  const definitions = new Map<string, { from: number; to: number } | null>();
  for (const { at, arg } of references) {
    let body = definitions.get(arg);
    if (body === undefined) {
      body = definitionOf(masked, arg);
      definitions.set(arg, body);
    }
    const chain = enclosing(scopes, at);
    if (body === null) {
      const mount = mountOf(masked, arg, chain);
      if (mount !== null) mounts.push(mount);
      continue;
    }
    if (followed.has(body.from) || (at >= body.from && at < body.to)) continue;
    followed.add(body.from);
    out.push({
      predicateFrom: body.from,
      predicateTo: body.from,
      ...body,
      prefix: {
        value: joinUrlPath(...chain.map((p) => p.value)),
        resolved: chain.every((p) => p.resolved),
      },
    });
  }
  return { scopes: out, mounts };
}

/**
 * A reference to routes of another file: `users.routes()` or `users::routes` (the class of
 * `users` as declared here), `UserRoutes.routes()`, or a bare `userRouter` / `userRoutes()`.
 */
function mountOf(
  masked: string,
  arg: string,
  chain: readonly ResolvedString[],
): FunctionalMount | null {
  if (chain.every((p) => p.value === "")) return null;
  const ref = EXTERNAL_REFERENCE.exec(arg);
  if (!ref || ref[1] === "this") return null;
  const receiver = ref[1];
  const type =
    receiver === undefined
      ? null
      : (declaredType(masked, receiver) ?? (/^[A-Z]/.test(receiver) ? receiver : undefined));
  if (type === undefined) return null;
  return {
    type,
    name: ref[2] as string,
    prefix: {
      value: joinUrlPath(...chain.map((p) => p.value)),
      resolved: chain.every((p) => p.resolved),
    },
  };
}

/** The prefixes of the scopes around an offset, outermost first. */
function enclosing(scopes: readonly Scope[], at: number): ResolvedString[] {
  return scopes
    .filter((s) => at >= s.from && at < s.to)
    .sort((a, b) => a.from - b.from)
    .map((s) => s.prefix);
}

/** A bare name (`postRoutes`), a call (`postRoutes(handler)`) or a method reference (`this::postRoutes`). */
const ROUTES_REFERENCE = /^(?:this\s*(?:\.|::)\s*)?([A-Za-z_]\w*)\s*(\([^()]*\))?$/;
/** `users.routes()`, `users::routes`, `UserRoutes.routes()`, `userRouter`. */
const EXTERNAL_REFERENCE = /^(?:([A-Za-z_]\w*)\s*(?:\.|::)\s*)?([A-Za-z_]\w*)\s*(?:\([^()]*\))?$/;
/** A line of a Kotlin DSL block that is a call and nothing else: `userRoutes(handler)`. */
const DSL_STATEMENT =
  /^[ \t]*((?:[A-Za-z_]\w*[ \t]*\.[ \t]*)?[a-z_]\w*[ \t]*\([^()\n]*\))[ \t]*$/gm;
/** The router DSL's own functions, which add no routes of another file. */
const DSL_FUNCTIONS = new Set([
  "add",
  "accept",
  "contentType",
  "resources",
  "filter",
  "before",
  "after",
  "onError",
  "path",
  "nest",
  "headers",
  "param",
  "queryParam",
  "method",
]);
/** The builder's and the Kotlin DSL's `add(otherRoutes)`. */
const ADD_CALL = /(?<![\w$])add\s*\(/g;

/**
 * Where the routes an argument names are built in the same file: the value of a variable
 * (`RouterFunction<ServerResponse> postRoutes = route(…)…;`, `val postRoutes = router { … }`) or
 * the body of a method (`fun postRoutes(h: PostHandler) = coRouter { … }`).
 */
function definitionOf(masked: string, arg: string): { from: number; to: number } | null {
  const ref = ROUTES_REFERENCE.exec(arg);
  if (!ref) return null;
  const name = ref[1] as string;
  const declaration =
    arg.includes("(") || arg.includes("::")
      ? new RegExp(`\\b${name}\\s*\\([^()]*\\)\\s*(?::[^={;]*)?([={])`, "g")
      : new RegExp(`\\b${name}\\s*(?::[^=;\\n]*)?(=)(?!=)`, "g");
  for (const d of masked.matchAll(declaration)) {
    const at = d.index + d[0].length - 1;
    if (d[1] === "{") {
      const close = matchBracket(masked, at);
      if (close !== -1) return { from: at, to: close };
    } else {
      return { from: at + 1, to: statementEnd(masked, at + 1) };
    }
  }
  return null;
}

/**
 * The path a request predicate requires: a string literal (Kotlin's `"/api".nest`, `accept(JSON)
 * and "/api"`), or the argument of `path(…)` or of a verb predicate; "" when it names none.
 */
function predicatePath(expr: string, constants: ConstantTable): ResolvedString {
  let s = expr.trim();
  while (s.startsWith("(") && matchBracket(s, 0) === s.length - 1) s = s.slice(1, -1).trim();
  for (const term of splitTopLevel(s, " and ")) {
    if (isStringExpression(term)) return constants.evaluate(term);
  }
  for (const m of s.matchAll(PREDICATE_PATH)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(s, open);
    const first = close === -1 ? undefined : splitTopLevel(s.slice(open + 1, close))[0];
    if (first !== undefined && isPathExpression(first)) return constants.evaluate(first);
  }
  return { value: "", resolved: true };
}

/**
 * Where the receiver of `.nest {` starts: a string literal, or a call or parenthesised predicate
 * (`path("/a")`, `(accept(JSON) and "/a")`) with the name before its bracket; -1 if neither.
 */
function receiverStart(masked: string, dot: number): number {
  let i = dot - 1;
  while (i >= 0 && /\s/.test(masked[i] as string)) i--;
  if (masked[i] === '"') {
    const open = masked.lastIndexOf('"', i - 1);
    return open === -1 || masked.lastIndexOf("\n", i) > open ? -1 : open;
  }
  if (masked[i] !== ")") return -1;
  let depth = 0;
  for (; i >= 0; i--) {
    const c = masked[i];
    if (c === ")") depth++;
    else if (c === "(" && --depth === 0) break;
  }
  if (i < 0) return -1;
  while (i > 0 && /[\w.]/.test(masked[i - 1] as string)) i--;
  return i;
}
