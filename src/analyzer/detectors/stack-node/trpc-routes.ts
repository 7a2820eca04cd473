/**
 * tRPC procedures as HTTP endpoints. A tRPC server answers JSON over HTTP: each query procedure
 * is `GET <mount>/<path.to.procedure>`, each mutation `POST <mount>/<path.to.procedure>`;
 * subscriptions are no request/response and are left out.
 *
 * Only packages that depend on `@trpc/server` are read, and only files that mention "trpc".
 * - Mount points are the adapters: Next.js `createNextApiHandler` (the API route's folder),
 *   `fetchRequestHandler({ endpoint, router })`, Express `app.use("/trpc",
 *   createExpressMiddleware({ router }))`, Fastify `register(fastifyTRPCPlugin, { prefix,
 *   trpcOptions: { router } })` and the standalone `createHTTPServer`/`createHTTPHandler` (root).
 *   The root router is the adapter's `router` option, followed across files.
 * - Routers: `createTRPCRouter({…})`, `router({…})`, `t.router({…})` with nested routers by
 *   property (also plain nested objects, v11), `mergeRouters(a, b)`, and v9's
 *   `router().query("name", …).mutation("name", …).merge("prefix.", other)` chain.
 * - Procedures: any chain ending in `.query(…)` (GET) or `.mutation(…)` (POST).
 * A root router no adapter serves is still listed, with the mount unknown (`<mount>/post.all`,
 * unresolved). Client calls (`@trpc/client`, `@trpc/react-query`) are never read: only routers
 * reached from an adapter or defined by a router call are.
 */
import ts from "typescript";
import { nearestDir, parentDir } from "../../repo-path.js";
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import { evidence } from "../../scan-context.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { PackageManifest } from "../manifests/package-json.js";
import { JsProgram } from "./js-ast.js";
import type { JsModule } from "./js-ast.js";
import { urlPath } from "./next-routes.js";
import { evalPath, joinPath } from "./route-path.js";
import type { RoutePath } from "./route-path.js";

const FRAMEWORK = "trpc";
const UNKNOWN_MOUNT: RoutePath = { text: "<mount>", resolved: false };
const MAX_DEPTH = 12;

const ADAPTERS = [
  "createNextApiHandler",
  "fetchRequestHandler",
  "createExpressMiddleware",
  "fastifyTRPCPlugin",
  "createHTTPServer",
  "createHTTPHandler",
] as const;
const PROCEDURE_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ["query", "GET"],
  ["mutation", "POST"],
]);

export interface TrpcRoutes {
  readonly endpoints: Endpoint[];
  /** where a served (or unmounted) router answers with JSON */
  readonly json: Evidence[];
  /** files that serve a router through an adapter (a Next.js `api/trpc/[trpc]` route) */
  readonly adapterFiles: ReadonlySet<string>;
}

interface Procedure {
  readonly path: string;
  readonly method: HttpMethod;
  readonly file: string;
  readonly line: number;
}

export function trpcRoutes(
  ctx: ScanContext,
  manifests: readonly PackageManifest[],
  candidates: readonly SourceFile[],
): TrpcRoutes {
  const reader = new TrpcReader(new JsProgram(ctx), manifests);
  return reader.read(candidates);
}

class TrpcReader {
  /** router expressions reached from another router or an adapter */
  private readonly reached = new Set<ts.Node>();
  /** router expressions reached from another router */
  private readonly children = new Set<ts.Node>();

  constructor(
    private readonly program: JsProgram,
    private readonly manifests: readonly PackageManifest[],
  ) {}

  read(candidates: readonly SourceFile[]): TrpcRoutes {
    const endpoints: Endpoint[] = [];
    const json: Evidence[] = [];
    const adapterFiles = new Set<string>();
    const modules = candidates.map((f) => this.program.module(f));
    const emit = (procs: readonly Procedure[], mount: RoutePath) => {
      for (const p of procs) {
        const full = joinPath(mount, { text: p.path, resolved: true });
        endpoints.push({
          method: p.method,
          path: full.text,
          framework: FRAMEWORK,
          file: p.file,
          line: p.line,
          resolved: full.resolved,
        });
      }
    };
    for (const mod of modules) {
      if (!ADAPTERS.some((name) => mod.file.text.includes(name))) continue;
      for (const mount of this.mounts(mod)) {
        const procs = this.routerProcedures(mount.mod, mount.router, "", 0);
        if (procs.length === 0) continue;
        adapterFiles.add(mod.file.path);
        emit(procs, mount.path);
        json.push(evidence(mount.mod.file, mount.at.getStart(mount.mod.ast), "tRPC JSON"));
      }
    }
    // Routers no adapter serves: the roots among router calls not reached from another router.
    const unserved: { mod: JsModule; node: ts.CallExpression }[] = [];
    for (const mod of modules) {
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && isRouterCall(node)) {
          unserved.push({ mod, node: outermostCall(node) });
          return;
        }
        ts.forEachChild(node, visit);
      };
      visit(mod.ast);
    }
    const fresh = unserved.filter((r) => !this.reached.has(r.node));
    const results = fresh.map((r) => ({
      ...r,
      procs: this.routerProcedures(r.mod, r.node, "", 0),
    }));
    for (const r of results) {
      if (this.isNested(r.node) || r.procs.length === 0) continue;
      emit(r.procs, UNKNOWN_MOUNT);
      json.push(evidence(r.mod.file, r.node.getStart(r.mod.ast), "tRPC JSON"));
    }
    return { endpoints, json, adapterFiles };
  }

  /** True when a router call sits inside another router call (v9 `.merge`, a nested literal). */
  private isNested(node: ts.Node): boolean {
    if (this.children.has(node)) return true;
    for (let p = node.parent; p !== undefined; p = p.parent) {
      if (ts.isCallExpression(p) && isRouterCall(p)) return true;
    }
    return false;
  }

  private mark(node: ts.Node, depth: number): void {
    this.reached.add(node);
    if (depth > 0) this.children.add(node);
  }

  /** The adapters of a file: where each mounts which router. */
  private mounts(
    mod: JsModule,
  ): { mod: JsModule; router: ts.Expression; path: RoutePath; at: ts.Node }[] {
    const out: { mod: JsModule; router: ts.Expression; path: RoutePath; at: ts.Node }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node.expression);
        const options = node.arguments[0];
        if (name === "register" && node.arguments.length >= 2) {
          const plugin = node.arguments[0];
          const opts = node.arguments[1];
          if (
            plugin !== undefined &&
            calleeName(plugin) === "fastifyTRPCPlugin" &&
            opts !== undefined &&
            ts.isObjectLiteralExpression(opts)
          ) {
            const trpcOptions = property(opts, "trpcOptions");
            const router =
              trpcOptions !== undefined && ts.isObjectLiteralExpression(trpcOptions)
                ? property(trpcOptions, "router")
                : undefined;
            const prefix = property(opts, "prefix");
            if (router !== undefined) {
              const path =
                prefix === undefined ? { text: "", resolved: true } : evalPath(mod, prefix);
              out.push({ mod, router, path, at: node });
            }
          }
        } else if (
          name !== null &&
          (ADAPTERS as readonly string[]).includes(name) &&
          options !== undefined &&
          ts.isObjectLiteralExpression(options)
        ) {
          const router = property(options, "router");
          if (router !== undefined)
            out.push({ mod, router, path: this.mountOf(mod, node, name, options), at: node });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(mod.ast);
    return out;
  }

  private mountOf(
    mod: JsModule,
    call: ts.CallExpression,
    adapter: string,
    options: ts.ObjectLiteralExpression,
  ): RoutePath {
    switch (adapter) {
      case "createHTTPServer":
      case "createHTTPHandler": {
        const base = property(options, "basePath");
        return base === undefined ? { text: "", resolved: true } : evalPath(mod, base);
      }
      case "fetchRequestHandler": {
        const endpoint = property(options, "endpoint");
        if (endpoint !== undefined) return evalPath(mod, endpoint);
        return this.nextMount(mod.file) ?? UNKNOWN_MOUNT;
      }
      case "createNextApiHandler":
        return this.nextMount(mod.file) ?? UNKNOWN_MOUNT;
      default: {
        // Express: app.use("/trpc", createExpressMiddleware({ router }))
        const parent = call.parent;
        if (
          ts.isCallExpression(parent) &&
          calleeName(parent.expression) === "use" &&
          parent.arguments.length >= 2 &&
          parent.arguments[0] !== call &&
          parent.arguments[0] !== undefined
        ) {
          return evalPath(mod, parent.arguments[0]);
        }
        return UNKNOWN_MOUNT;
      }
    }
  }

  /** `pages/api/trpc/[trpc].ts` or `app/api/trpc/[trpc]/route.ts`: the folders before `[trpc]`. */
  private nextMount(file: SourceFile): RoutePath | null {
    const dirs = new Set(this.manifests.map((m) => parentDir(m.file.path)));
    const pkgDir = nearestDir(parentDir(file.path), dirs) ?? "";
    const relative = pkgDir === "" ? file.path : file.path.slice(pkgDir.length + 1);
    const m =
      /^(?:src\/)?(?:pages|app)\/(.+?)\/\[{1,2}(?:\.\.\.)?[^\]/]+\]{1,2}(?:\/route)?\.[cm]?[jt]sx?$/.exec(
        relative,
      );
    if (m?.[1] === undefined) return null;
    const path = urlPath(m[1].split("/"));
    return path === null ? null : { text: path, resolved: true };
  }

  /** The procedures of a router expression, each with its dotted path under `prefix`. */
  private routerProcedures(
    mod: JsModule,
    expr: ts.Expression,
    prefix: string,
    depth: number,
  ): Procedure[] {
    if (depth > MAX_DEPTH) return [];
    const node = unwrap(expr);
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const bound = this.valueOf(mod, node);
      return bound === null ? [] : this.routerProcedures(bound.mod, bound.node, prefix, depth + 1);
    }
    if (ts.isObjectLiteralExpression(node)) return this.recordProcedures(mod, node, prefix, depth);
    if (!ts.isCallExpression(node)) return [];
    // A procedure defined apart: `export const create = authProcedure.mutation(…)`, `{ create }`.
    const verb = procedureVerb(node);
    if (verb === "none") return [];
    if (verb !== null) return prefix === "" ? [] : [this.procedure(mod, node, prefix, verb)];
    const name = calleeName(node.expression);
    if (name === "mergeRouters") {
      this.mark(node, depth);
      return node.arguments.flatMap((a) => this.routerProcedures(mod, a, prefix, depth + 1));
    }
    if (isRouterCall(node)) {
      this.mark(node, depth);
      const record = node.arguments[0];
      if (record !== undefined && ts.isObjectLiteralExpression(record)) {
        return this.recordProcedures(mod, record, prefix, depth);
      }
      return [];
    }
    return this.chainProcedures(mod, node, prefix, depth);
  }

  /** v9: `router().query("a", …).mutation("b", …).merge("x.", other)`. */
  private chainProcedures(
    mod: JsModule,
    call: ts.CallExpression,
    prefix: string,
    depth: number,
  ): Procedure[] {
    const out: Procedure[] = [];
    let node: ts.Expression = call;
    for (let i = 0; i < 200 && ts.isCallExpression(node); i++) {
      const callee: ts.Expression = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || isRouterCall(node)) {
        this.mark(node, depth);
        return isRouterCall(node) ? out : [];
      }
      const method = callee.name.text;
      const first = node.arguments[0];
      const verb = PROCEDURE_METHODS.get(method);
      if (verb !== undefined && first !== undefined && ts.isStringLiteralLike(first)) {
        out.push(this.procedure(mod, first, prefix + first.text, verb));
      } else if (method === "merge") {
        const [a, b] = node.arguments;
        if (a !== undefined && b !== undefined && ts.isStringLiteralLike(a)) {
          out.push(...this.routerProcedures(mod, b, prefix + a.text, depth + 1));
        } else if (a !== undefined) {
          out.push(...this.routerProcedures(mod, a, prefix, depth + 1));
        }
      }
      this.mark(node, depth);
      node = callee.expression;
    }
    return [];
  }

  private recordProcedures(
    mod: JsModule,
    record: ts.ObjectLiteralExpression,
    prefix: string,
    depth: number,
  ): Procedure[] {
    const out: Procedure[] = [];
    for (const prop of record.properties) {
      if (ts.isSpreadAssignment(prop)) {
        out.push(...this.routerProcedures(mod, prop.expression, prefix, depth + 1));
        continue;
      }
      const key = prop.name === undefined ? null : propertyName(prop.name);
      if (key === null) continue;
      const path = prefix === "" ? key : `${prefix}.${key}`;
      let value: ts.Expression | undefined;
      if (ts.isPropertyAssignment(prop)) value = prop.initializer;
      else if (ts.isShorthandPropertyAssignment(prop)) value = prop.name;
      if (value === undefined) continue;
      const verb = procedureVerb(value);
      if (verb === "none") continue;
      if (verb !== null) out.push(this.procedure(mod, prop.name, path, verb));
      else out.push(...this.routerProcedures(mod, value, path, depth + 1));
    }
    return out;
  }

  private procedure(mod: JsModule, at: ts.Node, path: string, method: HttpMethod): Procedure {
    return { path, method, file: mod.file.path, line: mod.line(at) };
  }

  /** What a name (or `ns.name` of a namespace import) is bound to, across workspace packages too. */
  private valueOf(mod: JsModule, node: ts.Identifier | ts.PropertyAccessExpression) {
    const local = this.program.boundValue(mod, node);
    if (local !== null)
      return ts.isExpression(local.node) ? { mod: local.mod, node: local.node } : null;
    if (ts.isPropertyAccessExpression(node)) return null;
    const binding = mod.imports.get(node.text);
    if (binding === undefined || mod.declarationOf(node.text, node) !== undefined) return null;
    const target = this.resolve(binding.module, mod.file);
    const found =
      target === undefined
        ? null
        : this.program.exportOf(target, binding.imported, (specifier, from) =>
            this.resolve(specifier, from),
          );
    return found === null ? null : declValue(found.mod, found.decl);
  }

  /** An import specifier, also a workspace package's name (`@acme/api` → its entry file). */
  private resolve(specifier: string, from: SourceFile): JsModule | undefined {
    const own = this.program.resolve(specifier, from);
    if (own !== undefined) return own;
    const manifest = this.manifests.find(
      (m) => m.name !== null && (specifier === m.name || specifier.startsWith(`${m.name}/`)),
    );
    if (manifest === undefined || manifest.name === null) return undefined;
    const sub = specifier.slice(manifest.name.length);
    for (const entry of entryFiles(manifest.file.text, sub === "" ? "." : `.${sub}`)) {
      const found = this.program.resolve(entry, manifest.file);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/** Where a package's entry may sit: `exports` targets, `main`, then src/index and index. */
function entryFiles(manifestText: string, subpath: string): string[] {
  const out: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === "string") out.push(v.startsWith(".") ? v : `./${v}`);
    else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) collect(x);
  };
  try {
    const pkg = JSON.parse(manifestText) as Record<string, unknown>;
    const exp = pkg["exports"];
    if (typeof exp === "object" && exp !== null && !Array.isArray(exp)) {
      collect((exp as Record<string, unknown>)[subpath]);
    } else if (subpath === ".") collect(exp);
    if (subpath === ".") collect(pkg["main"]);
  } catch {
    // an invalid package.json declares nothing
  }
  const sub = subpath === "." ? "" : subpath.slice(1);
  out.push(`./src${sub}/index`, `.${sub}/index`, `./src${sub}`);
  return out.filter((p) => !p.endsWith(".d.ts")).map((p) => p.replace(/^\.\/dist\//, "./src/"));
}

function declValue(mod: JsModule, decl: ts.Node): { mod: JsModule; node: ts.Expression } | null {
  const value = ts.isVariableDeclaration(decl) ? decl.initializer : decl;
  return value !== undefined && ts.isExpression(value) ? { mod, node: value } : null;
}

/** The last call of a method chain that starts with `call` (`call.a().b()` → the `.b()` call). */
function outermostCall(call: ts.CallExpression): ts.CallExpression {
  let node = call;
  while (
    ts.isPropertyAccessExpression(node.parent) &&
    ts.isCallExpression(node.parent.parent) &&
    node.parent.parent.expression === node.parent
  ) {
    node = node.parent.parent;
  }
  return node;
}

function unwrap(expr: ts.Expression): ts.Expression {
  let node = expr;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}

/** GET/POST for a `….query(…)`/`….mutation(…)` chain, "none" for a subscription, null otherwise. */
function procedureVerb(expr: ts.Expression): HttpMethod | "none" | null {
  const node = unwrap(expr);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  const name = node.expression.name.text;
  if (name === "subscription") return "none";
  const verb = PROCEDURE_METHODS.get(name);
  // v9's chain `router().query("name", …)` names its procedure in a string: a router, not one.
  if (verb === undefined) return null;
  const first = node.arguments[0];
  return first !== undefined && ts.isStringLiteralLike(first) ? null : verb;
}

/**
 * `createTRPCRouter({…})`, `router({…})`, `t.router({…})`, an alias such as `trpcRouter({…})`,
 * v9's `trpc.router()`: a call of a name ending in "router" with a record or nothing.
 */
function isRouterCall(call: ts.CallExpression): boolean {
  const name = calleeName(call.expression);
  if (name === null || !/router$/i.test(name)) return false;
  const first = call.arguments[0];
  return first === undefined || ts.isObjectLiteralExpression(first);
}

function calleeName(expr: ts.Expression): string | null {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return null;
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const prop of obj.properties) {
    if (prop.name === undefined || propertyName(prop.name) !== name) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  return null;
}
