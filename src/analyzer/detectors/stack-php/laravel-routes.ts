/**
 * Laravel routes from routes/*.php: `Route::get/post/…/any/match`, `Route::view`,
 * `Route::redirect`, `Route::resource` and
 * `Route::apiResource` (with ->only/->except and dotted nesting), `Route::singleton` and
 * `Route::apiSingleton`, and groups through
 * `Route::prefix(…)->…->group(function () {…})` or `Route::group(['prefix' => …], …)`, with
 * `require __DIR__.'/x.php'` (or a bare `include 'api/v1/x.php'`, relative to the routes file)
 * followed inside a routes file. routes/api.php gets the api prefix.
 *
 * Route names are collected too (`->name('posts.publish')` under the group's `name('admin.')`
 * or `'as' => …`, a resource's `posts.index` … `posts.destroy`), so that tests calling
 * `route('posts.show', $post)` can be matched against the paths they reach.
 */
import type { Endpoint, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { lineAt } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { singular } from "../stack-text/inflection.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { joinUrlPath, unresolvedPiece } from "../stack-text/url-path.js";

type Action = "index" | "create" | "store" | "show" | "edit" | "update" | "destroy";
/** Reports one route: its method, full path, and whether the path was read. */
type Emit = (method: HttpMethod, path: string, resolved: boolean) => void;
const WEB_ACTIONS: readonly Action[] = [
  "index",
  "create",
  "store",
  "show",
  "edit",
  "update",
  "destroy",
];
const API_ACTIONS: readonly Action[] = ["index", "store", "show", "update", "destroy"];

interface Call {
  readonly name: string;
  readonly args: string;
  readonly argsStart: number;
}

export interface PhpRouteFile {
  readonly file: SourceFile;
  readonly masked: string;
}

export function laravelRoutes(
  target: PhpRouteFile,
  prefix: string,
  resolveRequire: (path: string, fromRoot: boolean) => PhpRouteFile | null,
  routeNames: Map<string, string> = new Map(),
): Endpoint[] {
  const out: Endpoint[] = [];
  walk(
    target,
    0,
    target.masked.length,
    { path: prefix, resolved: true, names: "" },
    resolveRequire,
    0,
    { out, routeNames },
  );
  return out;
}

interface Prefix {
  readonly path: string;
  readonly resolved: boolean;
  /** what route names in this group start with ("admin.") */
  readonly names: string;
}

/** What a walk collects: the endpoints, and each route name's path. */
interface Collected {
  readonly out: Endpoint[];
  readonly routeNames: Map<string, string>;
}

function walk(
  target: PhpRouteFile,
  start: number,
  end: number,
  prefix: Prefix,
  resolveRequire: (path: string, fromRoot: boolean) => PhpRouteFile | null,
  depth: number,
  collected: Collected,
): void {
  const { out, routeNames } = collected;
  const { masked, file } = target;
  const pattern =
    /Route::|\b(?:require|include)(?:_once)?\s*\(?\s*(?:__DIR__\s*\.\s*)?(['"][^'"]+['"])/g;
  pattern.lastIndex = start;
  for (let m = pattern.exec(masked); m !== null && m.index < end; m = pattern.exec(masked)) {
    if (m[1] !== undefined) {
      const rel = stringLiteral(m[1]);
      const included = rel === null || depth > 4 ? null : resolveRequire(rel, false);
      if (included)
        walk(included, 0, included.masked.length, prefix, resolveRequire, depth + 1, collected);
      continue;
    }
    const chain = readChain(masked, m.index + "Route::".length);
    pattern.lastIndex = chain.end;
    const line = lineAt(masked, m.index);
    let groupPrefix = prefix;
    const emit: Emit = (method, path, resolved) => {
      out.push({
        method,
        path,
        framework: "laravel",
        file: file.path,
        line,
        resolved: resolved && groupPrefix.resolved,
      });
    };
    const nameRoute = (name: string, path: string) => {
      if (groupPrefix.resolved && !routeNames.has(name)) routeNames.set(name, path);
    };
    const groupAt = chain.calls.findIndex((c) => c.name === "group");
    // The path of the route this chain declared last, for the `->name()` after it.
    let declared: string | null = null;
    chain.calls.forEach((call, index) => {
      const args = splitTopLevel(call.args);
      if (call.name === "name" || call.name === "as") {
        const name = stringLiteral(args[0] ?? "");
        if (name === null) return;
        // Before ->group() it prefixes the group's names; after a route it names the route.
        if (index < groupAt) groupPrefix = { ...groupPrefix, names: groupPrefix.names + name };
        else if (declared !== null) nameRoute(groupPrefix.names + name, declared);
      } else if (call.name === "prefix") {
        groupPrefix = addPrefix(groupPrefix, args[0]);
      } else if (call.name === "group") {
        const options = args.length > 1 ? args[0] : undefined;
        const arrayPrefix = options ? /['"]prefix['"]\s*=>\s*(['"][^'"]*['"])/.exec(options) : null;
        if (arrayPrefix) groupPrefix = addPrefix(groupPrefix, arrayPrefix[1]);
        const arrayName = options ? /['"]as['"]\s*=>\s*(['"][^'"]*['"])/.exec(options) : null;
        const names = arrayName ? stringLiteral(arrayName[1] ?? "") : null;
        if (names !== null) groupPrefix = { ...groupPrefix, names: groupPrefix.names + names };
        const body = args[args.length - 1] ?? "";
        const brace = body.indexOf("{");
        if (brace !== -1) {
          const open = call.argsStart + call.args.indexOf(body) + brace;
          const close = matchBracket(masked, open);
          if (close !== -1)
            walk(target, open + 1, close, groupPrefix, resolveRequire, depth, collected);
        } else {
          const rel = /__DIR__\s*\.\s*(['"][^'"]+['"])/.exec(body);
          const base = /base_path\s*\(\s*(['"][^'"]+['"])\s*\)/.exec(body);
          const included = rel
            ? resolveRequire(stringLiteral(rel[1] as string) ?? "", false)
            : base
              ? resolveRequire(stringLiteral(base[1] as string) ?? "", true)
              : null;
          if (included && depth < 4)
            walk(
              included,
              0,
              included.masked.length,
              groupPrefix,
              resolveRequire,
              depth + 1,
              collected,
            );
        }
      } else if (call.name === "resource" || call.name === "apiResource") {
        resourceRoutes(
          call.name === "apiResource" ? API_ACTIONS : WEB_ACTIONS,
          args,
          chain.calls,
          groupPrefix,
          emit,
          nameRoute,
        );
      } else if (call.name === "singleton" || call.name === "apiSingleton") {
        singletonRoutes(call.name === "apiSingleton", args, chain.calls, groupPrefix, emit);
      } else if (call.name === "resources" || call.name === "apiResources") {
        const entries = /^\[([\s\S]*)\]$/.exec((args[0] ?? "").trim());
        for (const entry of splitTopLevel(entries?.[1] ?? "")) {
          const [name] = entry.split("=>");
          resourceRoutes(
            call.name === "apiResources" ? API_ACTIONS : WEB_ACTIONS,
            [name ?? ""],
            [],
            groupPrefix,
            emit,
            nameRoute,
          );
        }
      } else if (call.name === "match") {
        const methods = [...(args[0] ?? "").matchAll(/['"](\w+)['"]/g)]
          .map((v) => httpVerb(v[1] as string))
          .filter((v): v is HttpMethod => v !== null);
        const p = pathOf(groupPrefix, args[1]);
        for (const method of methods) emit(method, p.path, p.resolved);
        declared = p.resolved ? p.path : null;
      } else if (call.name === "view") {
        // Route::view('/', 'welcome') serves a view by GET (and HEAD) without a controller.
        const p = pathOf(groupPrefix, args[0]);
        emit("GET", p.path, p.resolved);
        declared = p.resolved ? p.path : null;
      } else if (call.name === "redirect" || call.name === "permanentRedirect") {
        // Laravel registers redirects with any(): every method is answered with the redirect.
        const p = pathOf(groupPrefix, args[0]);
        emit("ANY", p.path, p.resolved);
      } else if (call.name === "any" || httpVerb(call.name) !== null) {
        const p = pathOf(groupPrefix, args[0]);
        emit(call.name === "any" ? "ANY" : (httpVerb(call.name) as HttpMethod), p.path, p.resolved);
        declared = p.resolved ? p.path : null;
      }
    });
  }
}

function addPrefix(prefix: Prefix, expr: string | undefined): Prefix {
  const p = pathOf(prefix, expr);
  return { path: p.path, resolved: prefix.resolved && p.resolved, names: prefix.names };
}

function pathOf(prefix: Prefix, expr: string | undefined): { path: string; resolved: boolean } {
  const literal = expr === undefined ? null : stringLiteral(expr);
  if (literal === null)
    return { path: joinUrlPath(prefix.path, unresolvedPiece(expr ?? "?")), resolved: false };
  return { path: joinUrlPath(prefix.path, literal), resolved: true };
}

/** Whether the route chain's `->only([…])` and `->except([…])` keep an action. */
function keptBy(chain: readonly Call[]): (action: string) => boolean {
  const listed = (method: string): Set<string> | null => {
    const call = chain.find((c) => c.name === method);
    return call
      ? new Set([...call.args.matchAll(/['"](\w+)['"]/g)].map((m) => m[1] as string))
      : null;
  };
  const only = listed("only");
  const except = listed("except");
  return (action) => (only === null || only.has(action)) && except?.has(action) !== true;
}

/** A resource's or singleton's name when it is a literal; otherwise it is emitted unresolved. */
function literalName(args: readonly string[], prefix: Prefix, emit: Emit): string | null {
  const name = args[0] === undefined ? null : stringLiteral(args[0]);
  if (name === null) emit("ANY", joinUrlPath(prefix.path, unresolvedPiece(args[0] ?? "?")), false);
  return name;
}

function resourceRoutes(
  all: readonly Action[],
  args: readonly string[],
  chain: readonly Call[],
  prefix: Prefix,
  emit: Emit,
  nameRoute: (name: string, path: string) => void,
): void {
  const name = literalName(args, prefix, emit);
  if (name === null) return;
  // 'admin/users' is the users resource under admin/ ('/disks' is disks); 'photos.comments'
  // nests: /photos/{photo}/comments/{comment}. ->parameters(['users' => 'member']) renames.
  const trimmed = name.replace(/^\/+|\/+$/g, "");
  const slash = trimmed.lastIndexOf("/");
  const parts = trimmed.slice(slash + 1).split(".");
  const renamed = new Map(
    [
      ...(chain.find((c) => c.name === "parameters")?.args ?? "").matchAll(
        /['"]([\w-]+)['"]\s*=>\s*['"](\w+)['"]/g,
      ),
    ].map((m) => [m[1] as string, m[2] as string]),
  );
  const param = (p: string) => `{${renamed.get(p) ?? parameterName(p)}}`;
  const root = slash === -1 ? prefix.path : joinUrlPath(prefix.path, trimmed.slice(0, slash));
  let base = root;
  parts.slice(0, -1).forEach((p) => (base = joinUrlPath(base, p, param(p))));
  const last = parts[parts.length - 1] as string;
  const collection = joinUrlPath(base, last);
  // ->shallow() on a nested resource: the actions on one item leave the parents out, in path
  // and name (/comments/{comment}, comments.show); the collection's stay nested.
  const shallow = parts.length > 1 && chain.some((c) => c.name === "shallow");
  const member = joinUrlPath(shallow ? joinUrlPath(root, last) : collection, param(last));
  const kept = keptBy(chain);
  for (const action of all) {
    if (!kept(action)) continue;
    emitAction(action, collection, member, emit);
    // posts.index … posts.destroy; photos.comments.show for a nested resource
    const onItem = shallow && MEMBER_ACTIONS.has(action);
    nameRoute(
      `${prefix.names}${onItem ? last : parts.join(".")}.${action}`,
      actionPath(action, collection, member),
    );
  }
}

/** The resource actions on one item, which a shallow nested resource does not nest. */
const MEMBER_ACTIONS: ReadonlySet<Action> = new Set(["show", "edit", "update", "destroy"]);

/** The path of a resource's action. */
function actionPath(action: Action, collection: string, member: string): string {
  switch (action) {
    case "index":
    case "store":
      return collection;
    case "create":
      return joinUrlPath(collection, "create");
    case "edit":
      return joinUrlPath(member, "edit");
    case "show":
    case "update":
    case "destroy":
      return member;
  }
}

/** The routes one resource action answers; a singleton's collection and member are one path. */
function emitAction(action: Action, collection: string, member: string, emit: Emit): void {
  const path = actionPath(action, collection, member);
  for (const method of ACTION_METHODS[action]) emit(method, path, true);
}

/** The methods each resource action answers. */
const ACTION_METHODS: Readonly<Record<Action, readonly HttpMethod[]>> = {
  index: ["GET"],
  create: ["GET"],
  store: ["POST"],
  show: ["GET"],
  edit: ["GET"],
  update: ["PUT", "PATCH"],
  destroy: ["DELETE"],
};

/**
 * `Route::singleton('profile', …)` (Laravel 9.42+): one resource without an id. It answers
 * show and update (and the edit form unless it is an apiSingleton); `->creatable()` adds
 * store and destroy (and the create form), `->destroyable()` adds destroy. `->only`/`->except`
 * apply as for resources; 'photos.thumbnail' nests under /photos/{photo}.
 */
function singletonRoutes(
  api: boolean,
  args: readonly string[],
  chain: readonly Call[],
  prefix: Prefix,
  emit: Emit,
): void {
  const name = literalName(args, prefix, emit);
  if (name === null) return;
  const parts = name.replace(/^\/+|\/+$/g, "").split(".");
  let path = prefix.path;
  parts.slice(0, -1).forEach((p) => (path = joinUrlPath(path, p, `{${parameterName(p)}}`)));
  path = joinUrlPath(path, parts[parts.length - 1] as string);
  const has = (method: string) => chain.some((c) => c.name === method);
  const actions = new Set<Action>(api ? ["show", "update"] : ["show", "edit", "update"]);
  if (has("creatable")) {
    for (const a of api
      ? (["store", "destroy"] as const)
      : (["create", "store", "destroy"] as const))
      actions.add(a);
  }
  if (has("destroyable")) actions.add("destroy");
  const kept = keptBy(chain);
  for (const action of WEB_ACTIONS) {
    if (actions.has(action) && kept(action)) emitAction(action, path, path, emit);
  }
}

/** Laravel's route parameter for a resource: singular, snake_case (blog-posts → blog_post). */
function parameterName(resource: string): string {
  return singular(resource.replace(/-/g, "_"));
}

/** Reads `name(args)->name(args)…` starting right after `Route::`. */
function readChain(masked: string, from: number): { calls: Call[]; end: number } {
  const calls: Call[] = [];
  let i = from;
  const step = /\s*(?:->\s*)?(\w+)\s*\(/y;
  for (;;) {
    step.lastIndex = i;
    const m = step.exec(masked);
    if (!m || (calls.length > 0 && !m[0].includes("->"))) break;
    const open = i + m[0].length - 1;
    const close = matchBracket(masked, open);
    if (close === -1) break;
    calls.push({ name: m[1] as string, args: masked.slice(open + 1, close), argsStart: open + 1 });
    i = close + 1;
  }
  return { calls, end: i };
}
