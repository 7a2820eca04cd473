/**
 * Links the collected route and mount calls into a graph of routers across files and walks it
 * from the roots, so each route gets its full path: `app.use("/api", api)` in app.ts,
 * `api.use("/articles", articles)` in routes/index.ts and `articles.get("/:slug")` in
 * routes/articles.ts give GET /api/articles/:slug.
 *
 * A router is an object created by a framework constructor (express(), Router(), new Hono(),
 * new Router() of koa-router, fastify()), or a function parameter that routes are registered on
 * (Fastify plugins, `module.exports = (app) => { app.get(...) }`). A parameter counts on its own
 * only when its type names a server framework, or it has no type and its file imports one;
 * otherwise only once some router mounts it, which keeps `(http) => http.get("/x", config)` client
 * helpers and `(repo: TodoRepository) => repo.delete(userId, id)` use cases out.
 */
import ts from "typescript";
import type { Endpoint, HttpMethod } from "../../report.js";
import type { JsModule, JsProgram } from "./js-ast.js";
import { requiredModule } from "./js-ast.js";
import { JS_EXTENSIONS } from "./js-files.js";
import { joinRepoPath } from "../../repo-path.js";
import { collectOps } from "./route-ops.js";
import type { MountOp, RouteOp } from "./route-ops.js";
import { EMPTY_PATH, evalPath, joinPath } from "./route-path.js";
import type { RoutePath } from "./route-path.js";
import {
  annotatedFramework,
  baseClassCreation,
  importedFramework,
  isAutoload,
  isPluginWrapper,
  routerCreation,
} from "./router-frameworks.js";
import type { NodeRouteFramework, RouterCreation } from "./router-frameworks.js";

interface RouteRecord {
  readonly method: HttpMethod;
  readonly path: RoutePath;
  readonly op: RouteOp;
}

interface MountRecord {
  readonly prefix: RoutePath;
  readonly child: RouterNode;
}

interface RouterNode {
  readonly mod: JsModule;
  readonly framework: NodeRouteFramework | null;
  readonly kind: "app" | "router" | "param";
  /** a parameter router that counts only when mounted (see the module comment) */
  readonly needsMount: boolean;
  readonly ownPrefix: RoutePath;
  readonly routes: RouteRecord[];
  readonly mounts: MountRecord[];
  mounted: boolean;
  /** the `express()` / `new Router()` expression that made it, for routers made by a call */
  readonly origin?: ts.Node;
}

interface RouterRef {
  readonly node: RouterNode;
  /** Hono's basePath("/x") applied on the way to this reference */
  readonly prefix: RoutePath;
}

/** One endpoint with the handler expressions that produce its response. */
export interface NodeRoute {
  readonly endpoint: Endpoint;
  readonly op: RouteOp;
}

const CHAIN_METHODS = new Set([
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "del",
  "head",
  "options",
  "all",
  "on",
  "use",
  "routes",
  "middleware",
  // Fastify: register, after, addHook and decorate return the instance they were called on
  "register",
  "after",
  "addHook",
  "decorate",
  // @hono/zod-openapi: openapi(route, handler) and doc(path, config) return the app too
  "openapi",
  "doc",
  "doc31",
]);

export class RouterGraph {
  private readonly nodes = new Map<ts.Node, RouterNode>();
  private readonly resolving = new Set<ts.Node>();

  constructor(private readonly program: JsProgram) {}

  /** Builds the graph from the given files and returns every endpoint it reaches. */
  routes(mods: readonly JsModule[]): NodeRoute[] {
    const routeOps: RouteOp[] = [];
    const mountOps: MountOp[] = [];
    for (const mod of mods) {
      const ops = collectOps(mod, this.program);
      routeOps.push(...ops.routes);
      mountOps.push(...ops.mounts);
      for (const op of ops.routes) this.noteParameterRouter(op.mod, op.receiver);
      for (const op of ops.mounts) this.noteParameterRouter(op.mod, op.parent);
    }
    for (const op of routeOps) {
      const ref = this.resolve(op.mod, op.receiver);
      if (ref === null) continue;
      for (const path of op.paths) {
        for (const method of op.methods) {
          ref.node.routes.push({ method, path: joinPath(ref.prefix, path), op });
        }
      }
    }
    for (const op of mountOps) {
      const parent = this.resolve(op.mod, op.parent);
      if (parent === null) continue;
      const autoload = op.children[0];
      if (op.options !== undefined && autoload !== undefined && isAutoload(op.mod, autoload)) {
        this.mountAutoloaded(op.mod, parent, op.options);
        continue;
      }
      for (const childExpr of op.children) {
        const child = this.resolve(op.mod, childExpr);
        if (child === null || child.node === parent.node) continue;
        if (op.viaCall && child.node.kind !== "param") continue;
        child.node.mounted = true;
        // A child's own basePath is already part of its routes' paths.
        const prefix = joinPath(parent.prefix, op.prefix);
        parent.node.mounts.push({ prefix, child: child.node });
      }
    }
    return this.emit();
  }

  /**
   * The names of functions whose first parameter has routes but was never seen mounted
   * (`export function registerRoutes(app) { app.route("/api", users) }`). Their caller may
   * live in a file the cheap text test passed over (`registerRoutes(app)` mentions no
   * framework), which is then worth reading too.
   */
  unmountedPluginNames(): Set<string> {
    const names = new Set<string>();
    for (const [decl, node] of this.nodes) {
      if (node.kind !== "param" || node.mounted || !ts.isParameter(decl)) continue;
      if (node.routes.length === 0 && node.mounts.length === 0) continue;
      const fn = decl.parent;
      if (fn.parameters[0] !== decl) continue;
      const holder = ts.isFunctionDeclaration(fn) ? fn : fn.parent;
      const name =
        ts.isFunctionDeclaration(holder) || ts.isVariableDeclaration(holder) ? holder.name : null;
      if (name !== null && name !== undefined && ts.isIdentifier(name)) names.add(name.text);
    }
    return names;
  }

  /**
   * `fastify.register(autoload, { dir: join(__dirname, "routes"), options: { prefix } })`: each
   * plugin file under the directory is mounted at its folder path (`routes/api/tasks/index.ts` at
   * /api/tasks; a `_id` folder is the parameter `:id`), after the options' prefix.
   */
  private mountAutoloaded(mod: JsModule, parent: RouterRef, options: ts.Expression): void {
    if (!ts.isObjectLiteralExpression(options)) return;
    let dir: string | null = null;
    let prefix: RoutePath = EMPTY_PATH;
    for (const prop of options.properties) {
      if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
      if (prop.name.text === "dir") dir = lastStringLiteral(prop.initializer);
      if (prop.name.text === "options" && ts.isObjectLiteralExpression(prop.initializer)) {
        for (const inner of prop.initializer.properties) {
          if (
            ts.isPropertyAssignment(inner) &&
            ts.isIdentifier(inner.name) &&
            inner.name.text === "prefix"
          ) {
            prefix = evalPath(mod, inner.initializer);
          }
        }
      }
    }
    if (dir === null) return;
    const from = mod.file.path.includes("/")
      ? mod.file.path.slice(0, mod.file.path.lastIndexOf("/"))
      : "";
    const base = joinRepoPath(from, dir);
    if (base === null) return;
    for (const file of this.program.ctx.files) {
      if (file.role !== "app" || !file.path.startsWith(`${base}/`)) continue;
      if (!JS_EXTENSIONS.has(file.ext) || file.name.endsWith(".d.ts")) continue;
      if (/^autohooks\./.test(file.name)) continue;
      const child = this.resolveExport(this.program.module(file), "default");
      if (child === null || child.node === parent.node) continue;
      const folders = file.path
        .slice(base.length + 1)
        .split("/")
        .slice(0, -1)
        .map((segment) => (segment.startsWith("_") ? `:${segment.slice(1)}` : segment));
      child.node.mounted = true;
      const path = joinPath(prefix, { text: folders.join("/"), resolved: true });
      parent.node.mounts.push({ prefix: joinPath(parent.prefix, path), child: child.node });
    }
  }

  /** A parameter that routes are registered on becomes a router of its own. */
  private noteParameterRouter(mod: JsModule, receiver: ts.Expression): void {
    let expr = receiver;
    while (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
      expr = expr.expression.expression;
    }
    if (!ts.isIdentifier(expr)) return;
    const decl = mod.declarationOf(expr.text, expr);
    if (decl === undefined || !ts.isParameter(decl) || this.nodes.has(decl)) return;
    // A parameter typed as something else (`deleteTodo: DeleteTodo`, a use case whose
    // `.delete(userId, todoId)` looks like a route) does not count on its own, even in a file
    // that imports the framework for its Request and Response types.
    const typed =
      decl.type !== undefined &&
      decl.type.kind !== ts.SyntaxKind.AnyKeyword &&
      decl.type.kind !== ts.SyntaxKind.UnknownKeyword;
    const framework = annotatedFramework(mod, decl) ?? (typed ? null : importedFramework(mod));
    this.nodes.set(decl, {
      mod,
      framework,
      kind: "param",
      needsMount: framework === null,
      ownPrefix: EMPTY_PATH,
      routes: [],
      mounts: [],
      mounted: false,
    });
  }

  private creationNode(mod: JsModule, expr: ts.Expression): RouterNode | null {
    const existing = this.nodes.get(expr);
    if (existing !== undefined) return existing;
    const created = routerCreation(mod, expr);
    if (created === null) return null;
    const node = { ...newRouterNode(mod, created), origin: expr };
    this.nodes.set(expr, node);
    return node;
  }

  /** What router (if any) an expression denotes, following names across files. */
  resolve(mod: JsModule, expr: ts.Expression): RouterRef | null {
    if (this.resolving.has(expr)) return null;
    this.resolving.add(expr);
    try {
      return this.resolveExpr(mod, expr);
    } finally {
      this.resolving.delete(expr);
    }
  }

  private resolveExpr(mod: JsModule, expr: ts.Expression): RouterRef | null {
    if (
      ts.isParenthesizedExpression(expr) ||
      ts.isAsExpression(expr) ||
      ts.isAwaitExpression(expr) ||
      ts.isNonNullExpression(expr) ||
      ts.isSatisfiesExpression(expr)
    ) {
      return this.resolve(mod, expr.expression);
    }
    if (ts.isIdentifier(expr)) return this.resolveName(mod, expr);
    if (expr.kind === ts.SyntaxKind.ThisKeyword) return this.resolveThis(mod, expr);
    // const app = module.exports = new Koa()
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      return this.resolve(mod, expr.right);
    }
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) {
      return this.resolveFunction(mod, expr);
    }
    if (ts.isPropertyAccessExpression(expr)) return this.resolveProperty(mod, expr);
    if (ts.isNewExpression(expr)) {
      const node = this.creationNode(mod, expr);
      return node === null ? null : { node, prefix: EMPTY_PATH };
    }
    if (ts.isCallExpression(expr)) return this.resolveCall(mod, expr);
    return null;
  }

  private resolveCall(mod: JsModule, call: ts.CallExpression): RouterRef | null {
    const created = this.creationNode(mod, call);
    if (created !== null) return { node: created, prefix: EMPTY_PATH };
    const module = requiredModule(call);
    if (module !== null) return this.resolveImport(mod, module, "default");
    if (call.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = call.arguments[0];
      return spec !== undefined && ts.isStringLiteralLike(spec)
        ? this.resolveImport(mod, spec.text, "default")
        : null;
    }
    const callee = call.expression;
    if (isPluginWrapper(mod, callee)) {
      const plugin = call.arguments[0];
      return plugin === undefined ? null : this.resolve(mod, plugin);
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (name === "basePath") {
        const base = this.resolve(mod, callee.expression);
        const arg = call.arguments[0];
        if (base === null || arg === undefined) return null;
        return { node: base.node, prefix: joinPath(base.prefix, evalPath(mod, arg)) };
      }
      // Chained registration returns the same router (Hono, Express's use, koa's routes()).
      if (CHAIN_METHODS.has(name)) return this.resolve(mod, callee.expression);
      return null;
    }
    // A factory: createUsersRouter() returns the router it builds.
    const target = this.resolve(mod, callee);
    if (target !== null && target.node.kind !== "param") return this.factoryProduct(call, target);
    const fn = this.functionOf(mod, callee);
    const made = fn === null ? null : this.returnedRouter(fn.mod, fn.fn);
    return made === null ? null : this.factoryProduct(call, made);
  }

  /**
   * Each call of a factory makes a router of its own: the routes the factory adds are in every
   * one (its router is mounted into each, at no prefix), the routes a caller adds only in its own.
   * Without this, `const app = makeApp(); const users = makeApp(); app.route("/users", users)`
   * would mount a router into itself.
   */
  private factoryProduct(call: ts.CallExpression, made: RouterRef): RouterRef {
    // A router made at the top of a module is one shared object, whoever returns it.
    if (made.node.origin === undefined || !insideFunction(made.node.origin)) return made;
    const node: RouterNode = {
      mod: made.node.mod,
      framework: made.node.framework,
      kind: made.node.kind,
      needsMount: made.node.needsMount,
      ownPrefix: EMPTY_PATH,
      routes: [],
      mounts: [{ prefix: made.prefix, child: made.node }],
      mounted: false,
    };
    made.node.mounted = true;
    this.nodes.set(call, node);
    return { node, prefix: EMPTY_PATH };
  }

  private functionOf(
    mod: JsModule,
    expr: ts.Expression,
  ): { mod: JsModule; fn: ts.FunctionLikeDeclaration } | null {
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) return { mod, fn: expr };
    if (!ts.isIdentifier(expr)) return null;
    const decl = mod.declarationOf(expr.text, expr);
    if (decl !== undefined && ts.isFunctionDeclaration(decl)) return { mod, fn: decl };
    if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined) {
      return this.functionOf(mod, decl.initializer);
    }
    return null;
  }

  private resolveName(mod: JsModule, id: ts.Identifier): RouterRef | null {
    const decl = mod.declarationOf(id.text, id);
    if (decl !== undefined && !ts.isBindingElement(decl)) {
      const param = this.nodes.get(decl);
      if (param !== undefined) return { node: param, prefix: EMPTY_PATH };
      if (ts.isVariableDeclaration(decl)) {
        return decl.initializer === undefined ? null : this.resolve(mod, decl.initializer);
      }
      if (ts.isFunctionDeclaration(decl)) return this.resolveFunction(mod, decl);
      return null;
    }
    const binding = mod.imports.get(id.text);
    if (binding === undefined) return null;
    return this.resolveImport(mod, binding.module, binding.imported);
  }

  private resolveProperty(mod: JsModule, expr: ts.PropertyAccessExpression): RouterRef | null {
    const inner = expr.expression;
    if (inner.kind === ts.SyntaxKind.ThisKeyword) return this.resolveThisProperty(mod, expr);
    // ns.router with `import * as ns` or `const ns = require("./x")`
    if (ts.isIdentifier(inner)) {
      const binding = mod.imports.get(inner.text);
      const local = mod.declarationOf(inner.text, inner);
      if (binding !== undefined && (local === undefined || ts.isVariableDeclaration(local))) {
        if (binding.imported === "*" || binding.imported === "default") {
          return this.resolveImport(mod, binding.module, expr.name.text);
        }
      }
      return null;
    }
    const module = requiredModule(inner);
    return module === null ? null : this.resolveImport(mod, module, expr.name.text);
  }

  /** `this` in a class that extends an app or router (`class App extends Koa`): one per class. */
  private resolveThis(mod: JsModule, expr: ts.Expression): RouterRef | null {
    let cls: ts.Node | undefined = expr.parent;
    while (cls !== undefined && !ts.isClassLike(cls)) cls = cls.parent;
    if (cls === undefined) return null;
    const existing = this.nodes.get(cls);
    if (existing !== undefined) return { node: existing, prefix: EMPTY_PATH };
    const created = baseClassCreation(mod, cls);
    if (created === null) return null;
    const node = newRouterNode(mod, created);
    this.nodes.set(cls, node);
    return { node, prefix: EMPTY_PATH };
  }

  /** `this.app` in a class: the value some `this.app = ...` assignment in the file gives it. */
  private resolveThisProperty(mod: JsModule, expr: ts.PropertyAccessExpression): RouterRef | null {
    const name = expr.name.text;
    let found: RouterRef | null = null;
    const visit = (node: ts.Node): void => {
      if (found !== null) return;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        node.left.name.text === name
      ) {
        found = this.resolve(mod, node.right);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(mod.ast);
    return found;
  }

  private resolveImport(mod: JsModule, specifier: string, name: string): RouterRef | null {
    const target = this.program.resolve(specifier, mod.file);
    return target === undefined ? null : this.resolveExport(target, name);
  }

  private resolveExport(target: JsModule, name: string): RouterRef | null {
    const exports = target.exports();
    // A whole CommonJS module (`require("./x")`) is its module.exports.
    const bound = exports.get(name === "*" ? "default" : name);
    if (bound === undefined) return null;
    if (ts.isVariableDeclaration(bound)) {
      return bound.initializer === undefined ? null : this.resolve(target, bound.initializer);
    }
    if (ts.isFunctionDeclaration(bound)) return this.resolveFunction(target, bound);
    if (ts.isExpression(bound)) return this.resolve(target, bound);
    return null;
  }

  /** A function is a router by its first parameter (a plugin) or by what it returns (a factory). */
  private resolveFunction(mod: JsModule, fn: ts.FunctionLikeDeclaration): RouterRef | null {
    const first = fn.parameters[0];
    const param = first === undefined ? undefined : this.nodes.get(first);
    if (param !== undefined) return { node: param, prefix: EMPTY_PATH };
    return this.returnedRouter(mod, fn);
  }

  private returnedRouter(mod: JsModule, fn: ts.FunctionLikeDeclaration): RouterRef | null {
    const body = fn.body;
    if (body === undefined) return null;
    if (!ts.isBlock(body)) return this.resolve(mod, body);
    let found: RouterRef | null = null;
    const visit = (node: ts.Node): void => {
      if (found !== null || ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression !== undefined) {
        found = this.resolve(mod, node.expression);
        return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    return found;
  }

  private emit(): NodeRoute[] {
    const out: NodeRoute[] = [];
    const walk = (
      node: RouterNode,
      base: RoutePath,
      inherited: NodeRouteFramework | null,
      stack: Set<RouterNode>,
    ): void => {
      if (stack.has(node)) return;
      stack.add(node);
      const framework = node.framework ?? inherited;
      const here = joinPath(base, node.ownPrefix);
      if (framework !== null) {
        for (const route of node.routes) {
          const path = joinPath(here, route.path);
          out.push({
            op: route.op,
            endpoint: {
              method: route.method,
              path: path.text,
              framework,
              file: (route.op.entry?.mod ?? route.op.mod).file.path,
              line: route.op.entry?.line ?? route.op.line,
              resolved: path.resolved,
            },
          });
        }
      }
      for (const mount of node.mounts) {
        walk(mount.child, joinPath(here, mount.prefix), framework, stack);
      }
      stack.delete(node);
    };
    const cliRoots = this.fastifyCliRoots();
    for (const node of new Set(this.nodes.values())) {
      if (node.mounted || node.needsMount) continue;
      // A router nobody mounts has a prefix we cannot know.
      const root = node.kind === "app" || cliRoots.has(node);
      walk(node, root ? EMPTY_PATH : { text: "", resolved: false }, null, new Set());
    }
    return out;
  }

  /**
   * With fastify-cli (`fastify start app.js`), the app is a plugin: the function a module exports
   * receives the root instance. Such plugin parameters serve at "/" when the project declares
   * fastify-cli; without it, an exported plugin may be registered anywhere.
   */
  private fastifyCliRoots(): Set<RouterNode> {
    const roots = new Set<RouterNode>();
    const usesCli = this.program.ctx.files.some(
      (f) => f.name === "package.json" && f.text.includes('"fastify-cli"'),
    );
    if (!usesCli) return roots;
    for (const [decl, node] of this.nodes) {
      if (node.kind !== "param" || node.framework !== "fastify" || !ts.isParameter(decl)) continue;
      const exported = node.mod.exports().get("default");
      let fn: ts.Node | undefined = exported;
      if (exported !== undefined && ts.isIdentifier(exported)) {
        const local = node.mod.declarationOf(exported.text, exported);
        fn = local !== undefined && ts.isVariableDeclaration(local) ? local.initializer : local;
      }
      if (fn === decl.parent && decl.parent.parameters[0] === decl) roots.add(node);
    }
    return roots;
  }
}

function lastStringLiteral(expr: ts.Expression): string | null {
  let found: string | null = null;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) found = node.text;
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return found;
}

function insideFunction(node: ts.Node): boolean {
  for (let at = node.parent; at !== undefined; at = at.parent) {
    if (ts.isFunctionLike(at)) return true;
  }
  return false;
}

/** A router or app as created, before any route or mount is seen. */
function newRouterNode(mod: JsModule, created: RouterCreation): RouterNode {
  return {
    mod,
    framework: created.framework,
    kind: created.kind,
    needsMount: false,
    ownPrefix: created.prefix ?? EMPTY_PATH,
    routes: [],
    mounts: [],
    mounted: false,
  };
}
