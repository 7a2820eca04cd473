/**
 * Which expressions create a router or an app object, per framework, judged by where the callee
 * was imported from: `Router()` from "express" and `new Router()` from "@koa/router" are different
 * things, and an `app.get("/x", ...)` only counts when `app` is one of these objects.
 */
import ts from "typescript";
import { requiredModule } from "./js-ast.js";
import type { JsModule } from "./js-ast.js";
import type { RoutePath } from "./route-path.js";
import { evalPath } from "./route-path.js";

export type NodeRouteFramework = "express" | "fastify" | "koa" | "hono";

export interface RouterCreation {
  readonly framework: NodeRouteFramework;
  /** app: a root object that serves requests itself; router: must be mounted to get a prefix */
  readonly kind: "app" | "router";
  /** koa-router's { prefix } option */
  readonly prefix: RoutePath | null;
}

const KOA_ROUTER = new Set(["koa-router", "@koa/router"]);
/** Routers built on koa-router (same methods, same `prefix` option), by the name they export. */
const KOA_ROUTER_SUBCLASSES = new Map([
  ["koa-swagger-decorator", "SwaggerRouter"],
  ["koa-joi-router", "default"],
]);
/** Drop-in replacements for express.Router(): called the same way, mounted the same way. */
const EXPRESS_ROUTER_PACKAGES = new Set(["express-promise-router"]);
const HONO_MODULES = new Set(["hono", "hono/tiny", "hono/quick", "@hono/zod-openapi"]);

/** The module a callee was imported from, and the imported name. */
function calleeOrigin(
  mod: JsModule,
  callee: ts.Expression,
): { module: string; imported: string } | null {
  if (ts.isIdentifier(callee)) {
    const binding = mod.imports.get(callee.text);
    return binding === undefined ? null : binding;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const inner = callee.expression;
    const module = ts.isIdentifier(inner)
      ? mod.imports.get(inner.text)?.module
      : (requiredModule(inner) ?? undefined);
    return module === undefined ? null : { module, imported: callee.name.text };
  }
  const module = requiredModule(callee);
  return module === null ? null : { module, imported: "*" };
}

function optionPrefix(mod: JsModule, options: ts.Expression | undefined): RoutePath | null {
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return null;
  for (const prop of options.properties) {
    if (
      ts.isPropertyAssignment(prop) &&
      ts.isIdentifier(prop.name) &&
      prop.name.text === "prefix"
    ) {
      return evalPath(mod, prop.initializer);
    }
  }
  return null;
}

/** What `expr` creates, when it is a call or `new` of a framework's app or router constructor. */
export function routerCreation(mod: JsModule, expr: ts.Expression): RouterCreation | null {
  if (!ts.isCallExpression(expr) && !ts.isNewExpression(expr)) return null;
  const origin = calleeOrigin(mod, expr.expression);
  return origin === null ? null : creationOf(mod, origin, expr.arguments?.[0]);
}

/**
 * What a class is when it extends a framework's app or router class (`class App extends Koa`):
 * `this` in its methods is that app, as `new Koa()` would be.
 */
export function baseClassCreation(
  mod: JsModule,
  cls: ts.ClassLikeDeclaration,
): RouterCreation | null {
  const extended = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const base = extended?.types[0]?.expression;
  const origin = base === undefined ? null : calleeOrigin(mod, base);
  return origin === null ? null : creationOf(mod, origin, undefined);
}

function creationOf(
  mod: JsModule,
  origin: { module: string; imported: string },
  options: ts.Expression | undefined,
): RouterCreation | null {
  const { module, imported } = origin;
  const whole = imported === "default" || imported === "*";
  if (module === "express") {
    if (whole) return { framework: "express", kind: "app", prefix: null };
    if (imported === "Router") return { framework: "express", kind: "router", prefix: null };
    return null;
  }
  if (EXPRESS_ROUTER_PACKAGES.has(module) && whole) {
    return { framework: "express", kind: "router", prefix: null };
  }
  const subclass = KOA_ROUTER_SUBCLASSES.get(module);
  if (
    (KOA_ROUTER.has(module) && (whole || imported === "Router")) ||
    (subclass !== undefined && (imported === subclass || (subclass === "default" && whole)))
  ) {
    return { framework: "koa", kind: "router", prefix: optionPrefix(mod, options) };
  }
  if (module === "koa" && whole) return { framework: "koa", kind: "app", prefix: null };
  if (HONO_MODULES.has(module) && (imported === "Hono" || imported === "OpenAPIHono")) {
    return { framework: "hono", kind: "app", prefix: null };
  }
  if (module === "fastify" && (whole || imported === "fastify" || imported === "Fastify")) {
    return { framework: "fastify", kind: "app", prefix: null };
  }
  return null;
}

/** Framework named by a parameter's type annotation, e.g. `(app: FastifyInstance)`. */
export function annotatedFramework(
  mod: JsModule,
  param: ts.ParameterDeclaration,
): NodeRouteFramework | null {
  // `(app: FastifyInstance) => ...`, or the plugin's own type:
  // `const plugin: FastifyPluginAsync = async (fastify) => ...`
  const fn = param.parent;
  const holder = ts.isVariableDeclaration(fn.parent) ? fn.parent : undefined;
  const type = param.type ?? holder?.type;
  if (type === undefined) return null;
  const text = mod.text(type);
  if (/\bFastify(Instance|Plugin\w*)\b/.test(text)) return "fastify";
  if (/\bHono\b/.test(text)) return "hono";
  if (/\b(Express|Application|IRouter)\b/.test(text)) return "express";
  if (/\bRouter\b/.test(text)) {
    return mod.importsModule((m) => KOA_ROUTER.has(m)) ? "koa" : "express";
  }
  return null;
}

/** The single route framework a file imports, if exactly one is evident. */
export function importedFramework(mod: JsModule): NodeRouteFramework | null {
  if (mod.importsModule((m) => m === "fastify" || /^(@fastify\/|fastify-)/.test(m))) {
    return "fastify";
  }
  if (mod.importsModule((m) => HONO_MODULES.has(m))) return "hono";
  if (mod.importsModule((m) => KOA_ROUTER.has(m) || KOA_ROUTER_SUBCLASSES.has(m) || m === "koa")) {
    return "koa";
  }
  if (mod.importsModule((m) => m === "express" || EXPRESS_ROUTER_PACKAGES.has(m))) return "express";
  return null;
}

/** `fp(plugin)` / `fastifyPlugin(plugin)`: wrappers that return the plugin they are given. */
export function isPluginWrapper(mod: JsModule, callee: ts.Expression): boolean {
  if (!ts.isIdentifier(callee)) return false;
  const module = mod.imports.get(callee.text)?.module;
  return module === "fastify-plugin";
}

/** `@fastify/autoload`: registers every plugin file under a directory, prefixed by its folders. */
export function isAutoload(mod: JsModule, expr: ts.Expression): boolean {
  if (!ts.isIdentifier(expr)) return false;
  const module = mod.imports.get(expr.text)?.module;
  return module === "@fastify/autoload" || module === "fastify-autoload";
}
