/**
 * NestJS endpoints from decorators: `@Controller("users")` (or `{ path: "users" }`) on a class and
 * `@Get(":id")`, `@Post()`, ... on its methods, under the global prefix of
 * `app.setGlobalPrefix("api", { exclude })` and the paths of `RouterModule.register([...])`,
 * matched to controllers through the `controllers` of each `@Module`. URI versioning
 * (`enableVersioning({ type: VersioningType.URI })`) adds the `v1` segment from the controller's
 * `version`, a method's `@Version`, or the default version; header and media-type versioning
 * leave paths as they are.
 *
 * Nest serialises a handler's return value as JSON unless the handler renders a view
 * (`@Render`), so each non-rendering handler is evidence of a JSON API.
 *
 * routing-controllers (on Express or Koa) declares routes the same way: `@JsonController("/users")`
 * or `@Controller()` on a class, `@Get("/:id")`… on its methods, under the `routePrefix` given to
 * `createExpressServer`/`useExpressServer` (or their Koa forms).
 */
import ts from "typescript";
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { JsModule } from "./js-ast.js";
import { nestApps } from "./nest-apps.js";
import { EMPTY_PATH, evalPath, joinPath } from "./route-path.js";
import type { RoutePath } from "./route-path.js";

const NEST_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ["Get", "GET"],
  ["Post", "POST"],
  ["Put", "PUT"],
  ["Patch", "PATCH"],
  ["Delete", "DELETE"],
  ["Head", "HEAD"],
  ["Options", "OPTIONS"],
  ["All", "ANY"],
]);

export interface NestResult {
  readonly endpoints: Endpoint[];
  readonly json: Evidence[];
}

interface ControllerInfo {
  readonly mod: JsModule;
  readonly framework: "nestjs" | "routing-controllers";
  readonly name: string;
  readonly paths: RoutePath[];
  /** `@Controller({ version: "1" })` */
  readonly version: ts.Expression | undefined;
  readonly cls: ts.ClassDeclaration;
}

function decoratorCall(
  decorator: ts.Decorator,
): { name: string; args: readonly ts.Expression[] } | null {
  const expr = decorator.expression;
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression)) {
    return { name: expr.expression.text, args: expr.arguments };
  }
  if (ts.isIdentifier(expr)) return { name: expr.text, args: [] };
  return null;
}

/** Paths of a decorator argument: "x", ["x", "y"], { path: "x" }, or none (""). */
function decoratorPaths(mod: JsModule, arg: ts.Expression | undefined): RoutePath[] {
  if (arg === undefined) return [EMPTY_PATH];
  if (ts.isArrayLiteralExpression(arg)) return arg.elements.map((e) => evalPath(mod, e));
  if (ts.isObjectLiteralExpression(arg)) {
    for (const prop of arg.properties) {
      if (
        ts.isPropertyAssignment(prop) &&
        ts.isIdentifier(prop.name) &&
        prop.name.text === "path"
      ) {
        return decoratorPaths(mod, prop.initializer);
      }
    }
    return [EMPTY_PATH];
  }
  return [evalPath(mod, arg)];
}

function importsNest(mod: JsModule): boolean {
  return mod.importsModule((m) => m.startsWith("@nestjs/"));
}

function importsRoutingControllers(mod: JsModule): boolean {
  return mod.importsModule((m) => m === "routing-controllers");
}

/** routing-controllers' server setup calls, with the index of their options argument. */
const ROUTING_CONTROLLERS_SERVERS: ReadonlyMap<string, number> = new Map([
  ["createExpressServer", 0],
  ["createKoaServer", 0],
  ["useExpressServer", 1],
  ["useKoaServer", 1],
]);

/** `useExpressServer(app, { routePrefix: "/api", controllers: [...] })` */
function routingControllersPrefix(mods: readonly JsModule[]): RoutePath {
  for (const mod of mods) {
    if (!mod.file.text.includes("routePrefix") || !importsRoutingControllers(mod)) continue;
    let found: RoutePath | null = null;
    const visit = (node: ts.Node): void => {
      if (found !== null) return;
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const index = ROUTING_CONTROLLERS_SERVERS.get(node.expression.text);
        const prefix =
          index === undefined ? undefined : objectProperty(node.arguments[index], "routePrefix");
        if (prefix !== undefined) {
          found = evalPath(mod, prefix);
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(mod.ast);
    if (found !== null) return found;
  }
  return EMPTY_PATH;
}

interface GlobalPrefix {
  readonly path: RoutePath;
  /** route paths served without the prefix (`exclude: ["health"]`), without slashes at the ends */
  readonly exclude: ReadonlySet<string>;
}

/** The first call `.name(...)` in the application, with its module. */
function findCall(
  mods: readonly JsModule[],
  name: string,
): { mod: JsModule; call: ts.CallExpression } | null {
  for (const mod of mods) {
    if (!mod.file.text.includes(name)) continue;
    let found: ts.CallExpression | null = null;
    const visit = (node: ts.Node): void => {
      if (found !== null) return;
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === name
      ) {
        found = node;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(mod.ast);
    if (found !== null) return { mod, call: found };
  }
  return null;
}

function objectProperty(obj: ts.Expression | undefined, name: string): ts.Expression | undefined {
  if (obj === undefined || !ts.isObjectLiteralExpression(obj)) return undefined;
  for (const prop of obj.properties) {
    if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === name) {
      return prop.initializer;
    }
  }
  return undefined;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, "");
}

/** `app.setGlobalPrefix("api", { exclude: [...] })` (usually in main.ts). */
function globalPrefix(mods: readonly JsModule[]): GlobalPrefix {
  const found = findCall(mods, "setGlobalPrefix");
  const arg = found?.call.arguments[0];
  if (found === null || arg === undefined) return { path: EMPTY_PATH, exclude: new Set() };
  const exclude = new Set<string>();
  const list = objectProperty(found.call.arguments[1], "exclude");
  if (list !== undefined && ts.isArrayLiteralExpression(list)) {
    for (const item of list.elements) {
      const path = ts.isStringLiteralLike(item) ? item : objectProperty(item, "path");
      if (path !== undefined && ts.isStringLiteralLike(path)) exclude.add(trimSlashes(path.text));
    }
  }
  return { path: evalPath(found.mod, arg), exclude };
}

interface Versioning {
  /** "v" unless enableVersioning({ prefix }) says otherwise */
  readonly prefix: string;
  readonly defaults: readonly string[];
}

/**
 * URI versioning from `app.enableVersioning({ type: VersioningType.URI, defaultVersion })`;
 * `enableVersioning()` without options is URI versioning too (Nest's default).
 */
function uriVersioning(mods: readonly JsModule[]): Versioning | null {
  const found = findCall(mods, "enableVersioning");
  if (found === null) return null;
  const options = found.call.arguments[0];
  const type = objectProperty(options, "type");
  if (options !== undefined && (type === undefined || !found.mod.text(type).endsWith("URI"))) {
    return null;
  }
  const prefixExpr = objectProperty(options, "prefix");
  const prefix =
    prefixExpr !== undefined && ts.isStringLiteralLike(prefixExpr)
      ? prefixExpr.text
      : prefixExpr?.kind === ts.SyntaxKind.FalseKeyword
        ? ""
        : "v";
  return { prefix, defaults: versions(objectProperty(options, "defaultVersion")) ?? [] };
}

/** "1" -> ["1"], ["1", "2"] -> both; VERSION_NEUTRAL or anything else -> [] (no segment). */
function versions(expr: ts.Expression | undefined): string[] | null {
  if (expr === undefined) return null;
  if (ts.isStringLiteralLike(expr)) return [expr.text];
  if (ts.isArrayLiteralExpression(expr)) {
    return expr.elements.filter(ts.isStringLiteralLike).map((e) => e.text);
  }
  return [];
}

/** Module class name -> path prefix, from RouterModule.register([{ path, module, children }]). */
function routerModulePrefixes(mods: readonly JsModule[]): Map<string, RoutePath> {
  const out = new Map<string, RoutePath>();
  const readRoutes = (mod: JsModule, list: ts.Expression, base: RoutePath): void => {
    if (!ts.isArrayLiteralExpression(list)) return;
    for (const item of list.elements) {
      if (!ts.isObjectLiteralExpression(item)) continue;
      let path: RoutePath = EMPTY_PATH;
      let moduleName: string | null = null;
      let children: ts.Expression | null = null;
      for (const prop of item.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
        if (prop.name.text === "path") path = evalPath(mod, prop.initializer);
        if (prop.name.text === "module" && ts.isIdentifier(prop.initializer)) {
          moduleName = prop.initializer.text;
        }
        if (prop.name.text === "children") children = prop.initializer;
      }
      const full = joinPath(base, path);
      if (moduleName !== null) out.set(moduleName, full);
      if (children !== null) readRoutes(mod, children, full);
    }
  };
  for (const mod of mods) {
    if (!mod.file.text.includes("RouterModule")) continue;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.expression.getText(mod.ast) === "RouterModule" &&
        node.expression.name.text === "register" &&
        node.arguments[0] !== undefined
      ) {
        readRoutes(mod, node.arguments[0], EMPTY_PATH);
      }
      ts.forEachChild(node, visit);
    };
    visit(mod.ast);
  }
  return out;
}

/** Controller class name -> the @Module classes that list it. */
function controllerModules(mods: readonly JsModule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const mod of mods) {
    if (!mod.file.text.includes("@Module")) continue;
    for (const statement of mod.ast.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
      for (const decorator of ts.getDecorators(statement) ?? []) {
        const call = decoratorCall(decorator);
        const meta = call?.args[0];
        if (call?.name !== "Module" || meta === undefined || !ts.isObjectLiteralExpression(meta)) {
          continue;
        }
        for (const prop of meta.properties) {
          if (
            ts.isPropertyAssignment(prop) &&
            ts.isIdentifier(prop.name) &&
            prop.name.text === "controllers" &&
            ts.isArrayLiteralExpression(prop.initializer)
          ) {
            for (const el of prop.initializer.elements) {
              if (!ts.isIdentifier(el)) continue;
              const list = out.get(el.text) ?? [];
              list.push(statement.name.text);
              out.set(el.text, list);
            }
          }
        }
      }
    }
  }
  return out;
}

/** The framework whose controller decorators a module uses, if any. */
function controllerFramework(mod: JsModule): ControllerInfo["framework"] | null {
  const text = mod.file.text;
  if (text.includes("@Controller") && importsNest(mod)) return "nestjs";
  if (/@(?:Json)?Controller\b/.test(text) && importsRoutingControllers(mod)) {
    return "routing-controllers";
  }
  return null;
}

function controllers(mods: readonly JsModule[]): ControllerInfo[] {
  const out: ControllerInfo[] = [];
  for (const mod of mods) {
    const framework = controllerFramework(mod);
    if (framework === null) continue;
    const names = framework === "nestjs" ? ["Controller"] : ["Controller", "JsonController"];
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node)) {
        for (const decorator of ts.getDecorators(node) ?? []) {
          const call = decoratorCall(decorator);
          if (call === null || !names.includes(call.name)) continue;
          out.push({
            mod,
            framework,
            name: node.name?.text ?? "",
            paths: decoratorPaths(mod, call.args[0]),
            version: objectProperty(call.args[0], "version"),
            cls: node,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(mod.ast);
  }
  return out;
}

interface AppSettings {
  readonly prefix: GlobalPrefix;
  readonly versioning: Versioning | null;
}

/**
 * Endpoints of the controllers in `mods`. `serviceOf` places a file in its service: a Nest
 * controller takes the global prefix and versioning of the app bootstrapped in its service, and
 * one in a service started only as a microservice serves no HTTP. A controller outside any
 * bootstrapping service (a library package) takes the first settings found in the repository.
 */
export function nestRoutes(
  mods: readonly JsModule[],
  serviceOf: (file: string) => string = () => "",
): NestResult {
  const result: NestResult = { endpoints: [], json: [] };
  const found = controllers(mods);
  if (found.length === 0) return result;
  const fallback: AppSettings = { prefix: globalPrefix(mods), versioning: uriVersioning(mods) };
  const apps = nestApps(mods, serviceOf);
  const settings = new Map<string, AppSettings | null>();
  const settingsOf = (file: string): AppSettings | null => {
    const service = serviceOf(file);
    const app = apps.get(service);
    if (app === undefined) return fallback;
    let known = settings.get(service);
    if (known === undefined) {
      known = app.http
        ? { prefix: globalPrefix(app.mods), versioning: uriVersioning(app.mods) }
        : null;
      settings.set(service, known);
    }
    return known;
  };
  const serverPrefix = found.some((c) => c.framework === "routing-controllers")
    ? routingControllersPrefix(mods)
    : EMPTY_PATH;
  const modulePrefixes = routerModulePrefixes(mods);
  const ownerModules = controllerModules(mods);
  for (const controller of found) {
    const { mod } = controller;
    const app = controller.framework === "nestjs" ? settingsOf(mod.file.path) : fallback;
    if (app === null) continue;
    const { prefix, versioning } = app;
    const owners = ownerModules.get(controller.name) ?? [];
    const routed = owners.map((m) => modulePrefixes.get(m)).find((p) => p !== undefined);
    const controllerVersions = versions(controller.version) ?? versioning?.defaults ?? [];
    for (const member of controller.cls.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorators = (ts.getDecorators(member) ?? []).flatMap((d) => {
        const call = decoratorCall(d);
        return call === null ? [] : [{ ...call, node: d }];
      });
      const renders = decorators.some((d) => d.name === "Render");
      const versionDecorator = decorators.find((d) => d.name === "Version");
      const methodVersions =
        versionDecorator === undefined
          ? controllerVersions
          : (versions(versionDecorator.args[0]) ?? []);
      const versionPaths: RoutePath[] =
        versioning === null || methodVersions.length === 0
          ? [EMPTY_PATH]
          : methodVersions.map((v) => ({ text: `${versioning.prefix}${v}`, resolved: true }));
      for (const decorator of decorators) {
        const method = NEST_METHODS.get(decorator.name);
        if (method === undefined) continue;
        const line = mod.line(decorator.node);
        for (const controllerPath of controller.paths) {
          for (const methodPath of decoratorPaths(mod, decorator.args[0])) {
            const local = joinPath(joinPath(routed ?? EMPTY_PATH, controllerPath), methodPath);
            const excluded = prefix.exclude.has(trimSlashes(local.text));
            const appPrefix =
              controller.framework === "nestjs"
                ? excluded
                  ? EMPTY_PATH
                  : prefix.path
                : serverPrefix;
            for (const version of versionPaths) {
              const path = joinPath(joinPath(appPrefix, version), local);
              result.endpoints.push({
                method,
                path: path.text,
                framework: controller.framework,
                file: mod.file.path,
                line,
                resolved: path.resolved,
              });
            }
          }
        }
        if (!renders) {
          const note =
            controller.framework === "nestjs"
              ? "Nest handler returns JSON"
              : "routing-controllers handler returns JSON";
          result.json.push({ file: mod.file.path, line, note });
        }
      }
    }
  }
  return result;
}
