/**
 * Flask and FastAPI endpoints. Both register routes on objects (Flask app or Blueprint, FastAPI
 * app or APIRouter) with decorators or add_url_rule/add_api_route, and mount objects into each
 * other (register_blueprint / include_router, or FastAPI's mount of a whole app) with a prefix. The objects are linked across
 * modules through imports and walked from the apps, so every route gets its full path.
 *
 * Prefix rules differ: Flask's register_blueprint(url_prefix=...) replaces the blueprint's own
 * url_prefix, while FastAPI's include_router(prefix=...) is put in front of the router's own.
 * Flask joins with one "/" ("/api" + "/" is "/api/"); FastAPI concatenates as written.
 *
 * Flask's REST extensions add two kinds of router when the project imports one of them:
 * Flask-RESTX/RESTPlus/RESTful `Api(app_or_blueprint, prefix=)` (or `api.init_app(app)`) and
 * RESTX's `Namespace(name, path=)`, served at "/name" unless `add_namespace(ns, path=)` says
 * otherwise. Their routes are resource classes (`@ns.route("/x")` on a Resource,
 * `api.add_resource(Res, "/x", "/y")`, Flask-Smorest's `@blp.route` on a MethodView) answering
 * the HTTP methods the class defines, with JSON by default.
 *
 * Django Ninja works like FastAPI (`@router.get("/x")` on a `ninja.Router`, `api.add_router(
 * "/prefix", router)`), but its `NinjaAPI` is served inside Django's URLconf (`path("api/",
 * api.urls)`): its routes are handed to the URLconf walk (`ninjaRoutes`) instead of being emitted
 * from the root. Ninja joins a prefix and a path with one "/", as Flask does.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import { PyConstants } from "./py-constants.js";
import { PyDefinitions } from "./py-definitions.js";
import type { Located } from "./py-definitions.js";
import type { PyFile, PyProgram } from "./py-modules.js";
import {
  callArgs,
  classAfter,
  enclosingHeader,
  functionAfter,
  keyword,
  lineOf,
  positional,
  stringList,
  stringValue,
} from "./py-source.js";
import type { PyCall, PyClass } from "./py-source.js";

type PyWebFramework = "flask" | "fastapi" | "ninja";

interface PyPath {
  readonly text: string;
  readonly resolved: boolean;
}

interface PyRoute {
  readonly method: HttpMethod;
  readonly path: PyPath;
  readonly file: PyFile;
  readonly line: number;
  /** code ranges that produce the response: the view function or MethodView class */
  readonly handler: { readonly file: PyFile; readonly start: number; readonly end: number } | null;
  /** FastAPI's response_class=HTMLResponse and the like */
  readonly htmlResponse: boolean;
  /** a REST extension's resource class: it serialises what it returns to JSON */
  readonly resource: boolean;
}

interface PyRouter {
  readonly key: string;
  readonly framework: PyWebFramework;
  readonly kind: "app" | "router";
  readonly ownPrefix: PyPath | null;
  readonly routes: PyRoute[];
  readonly mounts: { readonly prefix: PyPath | null; readonly child: string }[];
  mounted: boolean;
  /**
   * Registered by a helper on the app it is given (`def register_blueprints(app):
   * app.register_blueprint(bp, url_prefix=...)`): served from the root with this prefix.
   */
  registeredOnParameter?: { readonly prefix: PyPath | null };
}

export interface PyRouteResult {
  readonly endpoints: Endpoint[];
  readonly json: Evidence[];
}

const CONSTRUCTORS: Readonly<
  Record<string, { framework: PyWebFramework; kind: "app" | "router" }>
> = {
  Flask: { framework: "flask", kind: "app" },
  Blueprint: { framework: "flask", kind: "router" },
  FastAPI: { framework: "fastapi", kind: "app" },
  APIRouter: { framework: "fastapi", kind: "router" },
  Api: { framework: "flask", kind: "router" },
  Namespace: { framework: "flask", kind: "router" },
  namespace: { framework: "flask", kind: "router" },
  NinjaAPI: { framework: "ninja", kind: "router" },
  Router: { framework: "ninja", kind: "router" },
};

/** Constructors whose name is too common to mean a router unless imported from this package. */
const IMPORTED_FROM: Readonly<Record<string, string>> = { NinjaAPI: "ninja", Router: "ninja" };

/** A Django Ninja route, its path relative to where the URLconf serves the NinjaAPI. */
export interface NinjaRoute {
  readonly method: HttpMethod;
  readonly path: PyPath;
  readonly file: string;
  readonly line: number;
}

/** Constructors that only mean a router in a project using a Flask REST extension. */
const EXTENSION_CONSTRUCTORS = new Set(["Api", "Namespace", "namespace"]);
const FLASK_REST_EXTENSION = /\bflask_(?:restx|restplus|restful|smorest)\b/;

/** `x = Api(app)` or `ns = api.namespace("todos")`: the object it is attached to, if any. */
interface PendingAttachment {
  readonly file: PyFile;
  readonly child: string;
  readonly parentRef: string;
}

const METHOD_DECORATORS: ReadonlyMap<string, HttpMethod> = new Map([
  ["get", "GET"],
  ["post", "POST"],
  ["put", "PUT"],
  ["patch", "PATCH"],
  ["delete", "DELETE"],
  ["head", "HEAD"],
  ["options", "OPTIONS"],
]);

const VIEW_METHODS = ["get", "post", "put", "patch", "delete"] as const;

function toMethods(values: readonly string[]): HttpMethod[] {
  const out: HttpMethod[] = [];
  for (const v of values) {
    const m = METHOD_DECORATORS.get(v.toLowerCase());
    if (m !== undefined && !out.includes(m)) out.push(m);
  }
  return out;
}

function pathOf(value: string | undefined, file?: PyFile, constants?: PyConstants): PyPath {
  if (value === undefined) return { text: "", resolved: true };
  const literal =
    file !== undefined && constants !== undefined
      ? constants.value(file, value)
      : stringValue(value);
  return literal === null
    ? { text: "${" + value + "}", resolved: false }
    : { text: literal, resolved: true };
}

function join(framework: PyWebFramework, prefix: PyPath, path: PyPath): PyPath {
  const resolved = prefix.resolved && path.resolved;
  if (framework === "fastapi") return { text: prefix.text + path.text, resolved };
  if (prefix.text === "") return { text: path.text, resolved };
  if (path.text === "") return { text: prefix.text, resolved };
  return { text: `${prefix.text.replace(/\/+$/, "")}/${path.text.replace(/^\/+/, "")}`, resolved };
}

/** Flask answers JSON through jsonify, a returned dict or list (Flask >= 1.1/2.2), or json.dumps. */
const FLASK_JSON = /\bjsonify\s*\(|\breturn[ \t]+[{[]|\bjson\.dumps\s*\(|application\/json/g;
const HTML_MARKERS = /\brender_template\s*\(|\bTemplateResponse\s*\(|\bHTMLResponse\b/;

export class PyRouterGraph {
  private readonly routers = new Map<string, PyRouter>();
  private readonly defs: PyDefinitions;
  private readonly constants: PyConstants;
  private readonly attachments: PendingAttachment[] = [];
  /** argumentRouters() by function and parameter */
  private readonly parameterRouters = new Map<string, PyRouter[]>();
  /** Api and Namespace are routers only where a Flask REST extension is in use. */
  private readonly restExtension: boolean;

  constructor(private readonly program: PyProgram) {
    this.defs = new PyDefinitions(program);
    this.constants = new PyConstants(program);
    this.restExtension = program.sources.some(
      (s) => s.text.includes("flask_") && FLASK_REST_EXTENSION.test(s.text),
    );
  }

  build(files: readonly PyFile[]): PyRouteResult {
    const constructors = this.constructorsWithSubclasses(files);
    const re = new RegExp(
      `^[ \\t]*([A-Za-z_]\\w*)[ \\t]*(?::[^=\\n]+)?=[ \\t]*((?:[A-Za-z_]\\w*\\.)?)(${[...constructors.keys()].join("|")})[ \\t]*\\(`,
      "gm",
    );
    for (const file of files) this.collectRouters(file, re, constructors);
    if (this.routers.size === 0) return { endpoints: [], json: [] };
    for (const { file, child, parentRef } of this.attachments) {
      const router = this.routers.get(child);
      const parent = this.routerFor(file, parentRef);
      if (router !== undefined) this.attach(router, parent, null);
    }
    for (const file of files) this.collectRoutes(file);
    return this.emit();
  }

  /**
   * The router constructors, with the project's own subclasses of them (`class CTFdFlask(Flask):`
   * builds the app as `app = CTFdFlask(__name__)`), each standing for what it extends.
   */
  private constructorsWithSubclasses(files: readonly PyFile[]): Map<string, string> {
    const out = new Map(Object.keys(CONSTRUCTORS).map((name) => [name, name]));
    const re =
      /^class[ \t]+([A-Za-z_]\w*)[ \t]*\([ \t]*(?:[A-Za-z_]\w*\.)?(Flask|Blueprint|FastAPI|APIRouter)[ \t]*[,)]/gm;
    for (const file of files) {
      for (const m of file.code.matchAll(re)) {
        const [, subclass = "", base = ""] = m;
        if (!out.has(subclass)) out.set(subclass, base);
      }
    }
    return out;
  }

  private collectRouters(
    file: PyFile,
    re: RegExp,
    constructors: ReadonlyMap<string, string>,
  ): void {
    for (const m of file.code.matchAll(re)) {
      const name = constructors.get(m[3] ?? "") ?? "";
      const ctor = CONSTRUCTORS[name];
      if (ctor === undefined) continue;
      if (EXTENSION_CONSTRUCTORS.has(name) && !this.restExtension) continue;
      // `api.namespace(...)` is RESTX's factory; `x.Namespace(...)` is the class through its module.
      const receiver = (m[2] ?? "").slice(0, -1);
      if (name === "namespace" && receiver === "") continue;
      const from = IMPORTED_FROM[name];
      if (from !== undefined && receiver !== from && file.imports().get(name)?.module !== from) {
        continue;
      }
      const call = callArgs(file.file.text, file.code, m.index + m[0].length - 1);
      const key = `${file.file.path}#${this.ownerPrefix(file, m.index)}${m[1] ?? ""}`;
      if (this.routers.has(key)) continue;
      this.routers.set(key, {
        key,
        framework: ctor.framework,
        kind: ctor.kind,
        ownPrefix: this.ownPrefix(file, name, call),
        routes: [],
        mounts: [],
        mounted: false,
      });
      const parentRef =
        name === "namespace"
          ? receiver
          : name === "Api"
            ? (keyword(call, "app") ?? positional(call, 0))?.value
            : undefined;
      if (parentRef !== undefined) this.attachments.push({ file, child: key, parentRef });
    }
  }

  /**
   * A router kept in a class attribute (`class UserDto:` then `api = Namespace("user")`) is
   * named `UserDto.api`: the block header above the assignment's line is a class.
   */
  private ownerPrefix(file: PyFile, lineStart: number): string {
    const header = enclosingHeader(file.code, lineStart);
    const cls = header === null ? null : /^class[ \t]+([A-Za-z_]\w*)/.exec(header.text);
    return cls?.[1] === undefined ? "" : `${cls[1]}.`;
  }

  private ownPrefix(file: PyFile, ctor: string, call: PyCall): PyPath | null {
    if (ctor === "Namespace" || ctor === "namespace") {
      // RESTX serves a namespace at "/<name>" unless it is given a path.
      const path = keyword(call, "path");
      if (path !== undefined) return pathOf(path.value, file, this.constants);
      const name = pathOf((keyword(call, "name") ?? positional(call, 0))?.value, file);
      return { text: `/${name.text}`, resolved: name.resolved };
    }
    const prefixArg = keyword(
      call,
      ctor === "Flask" || ctor === "Blueprint" ? "url_prefix" : "prefix",
    );
    return prefixArg === undefined ? null : pathOf(prefixArg.value, file, this.constants);
  }

  private attach(child: PyRouter, parent: PyRouter | undefined, prefix: PyPath | null): void {
    if (parent === undefined || parent === child) return;
    child.mounted = true;
    parent.mounts.push({ prefix, child: child.key });
  }

  /** The router a receiver expression (`bp`, `api.router`, `items.router`, `UserDto.api`) denotes. */
  private routerFor(file: PyFile, ref: string, depth = 0): PyRouter | undefined {
    if (depth > 4) return undefined;
    const parts = ref.split(".");
    if (parts.length === 1) return this.routerNamed(file, ref, depth);
    if (parts.length !== 2) return undefined;
    const head = parts[0] ?? "";
    const attr = parts[1] ?? "";
    const imported = this.program.resolveImported(file, head);
    if (imported?.kind === "module") return this.routerNamed(imported.file, attr, depth + 1);
    const owner = imported?.kind === "name" ? imported : { file, name: head };
    return this.routers.get(`${owner.file.file.path}#${owner.name}.${attr}`);
  }

  /** A name bound in `file` to a router: defined there, imported, or assigned from another name. */
  private routerNamed(file: PyFile, name: string, depth: number): PyRouter | undefined {
    if (depth > 4) return undefined;
    const own = this.routers.get(`${file.file.path}#${name}`);
    if (own !== undefined) return own;
    const imported = this.program.resolveImported(file, name);
    if (imported?.kind === "name") return this.routerNamed(imported.file, imported.name, depth + 1);
    // `api = UserDto.api`: a module-level alias
    const alias = new RegExp(
      `^${name}[ \\t]*=[ \\t]*([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)[ \\t]*$`,
      "m",
    ).exec(file.code);
    return alias?.[1] === undefined ? undefined : this.routerFor(file, alias[1], depth + 1);
  }

  private collectRoutes(file: PyFile): void {
    this.collectDecoratedRoutes(file);
    this.collectRegistrations(file);
  }

  private collectDecoratedRoutes(file: PyFile): void {
    const { code } = file;
    const decoRe =
      /^[ \t]*@([A-Za-z_][\w.]*)\.(route|api_route|resource|get|post|put|patch|delete|head|options)[ \t]*\(/gm;
    for (const m of code.matchAll(decoRe)) {
      const receiver = m[1] ?? "";
      const own = this.routerFor(file, receiver);
      // `def register_routes(app):` with `@app.route(...)` inside: the routers it is given
      const routers = own !== undefined ? [own] : this.argumentRouters(file, receiver, m.index);
      for (const router of routers) this.addDecoratedRoute(file, router, m);
    }
  }

  private addDecoratedRoute(file: PyFile, router: PyRouter, m: RegExpExecArray): void {
    const { code } = file;
    const call = callArgs(file.file.text, code, m.index + m[0].length - 1);
    const kind = m[2] ?? "";
    const path = pathOf(
      (positional(call, 0) ?? keyword(call, "path") ?? keyword(call, "rule"))?.value,
      file,
      this.constants,
    );
    const line = lineOf(file.file, m.index + m[0].indexOf("@"));
    const cls = router.framework === "flask" ? this.decoratedClass(file, call.end) : null;
    if (cls !== null) {
      // RESTX's route() and RESTful's resource() take several URLs for one resource.
      const urls = call.args.filter((a) => a.name === null);
      const paths =
        urls.length > 1 ? urls.map((u) => pathOf(u.value, file, this.constants)) : [path];
      for (const each of paths) this.addResource(router, cls, each, file, line);
      return;
    }
    if (kind === "resource") return;
    const fn = functionAfter(code, call.end);
    const methods = this.decoratorMethods(kind, call, router.framework);
    const handler = fn === null ? null : { file, start: fn.offset, end: fn.bodyEnd };
    const html = /HTMLResponse|PlainTextResponse/.test(
      keyword(call, "response_class")?.value ?? "",
    );
    addRoutes(router, methods, {
      path,
      file,
      line,
      handler,
      htmlResponse: html,
      resource: false,
    });
  }

  /** register_blueprint, include_router, mount, add_namespace, init_app and explicit rules. */
  private collectRegistrations(file: PyFile): void {
    const { code } = file;
    const text = file.file.text;
    const callRe =
      /(?:^|[^\w.])([A-Za-z_][\w.]*)\.(add_url_rule|add_api_route|add_resource|register_blueprint|include_router|add_router|mount|add_namespace|init_app)[ \t]*\(/gm;
    for (const m of code.matchAll(callRe)) {
      const receiver = m[1] ?? "";
      const parent = this.routerFor(file, receiver);
      const what = m[2] ?? "";
      const call = callArgs(text, code, m.index + m[0].length - 1);
      const line = lineOf(file.file, m.index + m[0].indexOf(receiver));
      if (parent === undefined) {
        if (what === "register_blueprint" || what === "include_router") {
          this.registerOnParameter(file, receiver, m.index, call, what);
        } else if (what === "add_resource") {
          // `def register_post_routes(api): api.add_resource(PostList, "/post")`, called with
          // the app's Api: the resources go on each router the helper is given.
          for (const given of this.argumentRouters(file, receiver, m.index)) {
            this.addResourceRule(file, given, call, line);
          }
        } else if (what === "add_url_rule" || what === "add_api_route") {
          for (const given of this.argumentRouters(file, receiver, m.index)) {
            this.addRule(file, given, call, what, line);
          }
        }
        continue;
      }
      if (what === "init_app") {
        // `api.init_app(app)`: the extension's Api is attached to the app after the fact
        const target = keyword(call, "app") ?? positional(call, 0);
        if (target !== undefined) this.attach(parent, this.routerFor(file, target.value), null);
      } else if (what === "add_resource") {
        this.addResourceRule(file, parent, call, line);
      } else if (what === "add_url_rule" || what === "add_api_route") {
        this.addRule(file, parent, call, what, line);
      } else {
        this.mountChild(file, parent, call, what, m.index);
      }
    }
  }

  private mountChild(
    file: PyFile,
    parent: PyRouter,
    call: PyCall,
    what: string,
    offset: number,
  ): void {
    // mount(path, app) puts a whole FastAPI (Starlette) application under a path.
    const childArg =
      what === "mount"
        ? (keyword(call, "app") ?? positional(call, 1))
        : what === "add_router"
          ? (keyword(call, "router") ?? positional(call, 1))
          : positional(call, 0);
    if (childArg === undefined) return;
    const child = this.routerFor(file, childArg.value);
    const children =
      child !== undefined ? [child] : this.argumentRouters(file, childArg.value, offset);
    const prefixArg =
      what === "mount"
        ? (positional(call, 0) ?? keyword(call, "path"))
        : what === "add_router"
          ? (keyword(call, "prefix") ?? positional(call, 0))
          : what === "add_namespace"
            ? (keyword(call, "path") ?? positional(call, 1))
            : keyword(call, what === "register_blueprint" ? "url_prefix" : "prefix");
    const prefix = prefixArg === undefined ? null : pathOf(prefixArg.value, file, this.constants);
    for (const each of children) this.attach(each, parent, prefix);
  }

  /**
   * An app factory given its router (`def create_application(router): app = FastAPI();
   * app.include_router(router)`): the routers its callers pass (`create_application(router=router)`).
   */
  private argumentRouters(file: PyFile, name: string, offset: number): PyRouter[] {
    const header = enclosingHeader(file.code, offset);
    const fn =
      header === null
        ? undefined
        : /^(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/.exec(header.text)?.[1];
    const params = enclosingParameters(file.code, offset);
    if (fn === undefined || !params.includes(name)) return [];
    // A helper registers many routes on its parameter: its callers are looked up once.
    const key = `${file.file.path}#${fn}#${name}`;
    const known = this.parameterRouters.get(key);
    if (known !== undefined) return known;
    // A method's callers do not pass `self` or `cls`.
    const index = params.indexOf(name) - (params[0] === "self" || params[0] === "cls" ? 1 : 0);
    const callRe = new RegExp(`(^|[^\\w.])${fn}[ \\t]*\\(`, "gm");
    const out: PyRouter[] = [];
    this.parameterRouters.set(key, out);
    for (const source of this.program.sources) {
      if (!source.text.includes(fn)) continue;
      const caller = this.program.file(source);
      for (const m of caller.code.matchAll(callRe)) {
        const lineStart = caller.code.lastIndexOf("\n", m.index) + 1;
        // the factory's own `def create_application(` line
        if (/^[ \t]*(?:async[ \t]+)?def[ \t]/.test(caller.code.slice(lineStart, m.index + 1))) {
          continue;
        }
        const call = callArgs(caller.file.text, caller.code, m.index + m[0].length - 1);
        const arg = keyword(call, name) ?? positional(call, index);
        const router = arg === undefined ? undefined : this.routerFor(caller, arg.value);
        if (router !== undefined && !out.includes(router)) out.push(router);
      }
    }
    return out;
  }

  /** `app.register_blueprint(bp)` where `app` is a parameter of the function around the call. */
  private registerOnParameter(
    file: PyFile,
    receiver: string,
    offset: number,
    call: PyCall,
    what: string,
  ): void {
    if (!enclosingParameters(file.code, offset).includes(receiver)) return;
    const childArg = positional(call, 0);
    const child = childArg === undefined ? undefined : this.routerFor(file, childArg.value);
    if (child === undefined || child.mounted) return;
    const prefixArg = keyword(call, what === "register_blueprint" ? "url_prefix" : "prefix");
    child.registeredOnParameter = {
      prefix: prefixArg === undefined ? null : pathOf(prefixArg.value, file, this.constants),
    };
  }

  /** The class a route decorator sits on, when it decorates a class (a REST resource). */
  private decoratedClass(file: PyFile, from: number): Located<PyClass> | null {
    const offset = classAfter(file.code, from);
    if (offset === -1) return null;
    const def = this.defs.classes(file).find((c) => c.offset === offset);
    return def === undefined ? null : { file, def };
  }

  /** `api.add_resource(TodoList, "/todos", "/todos/", endpoint="todos")` */
  private addResourceRule(file: PyFile, router: PyRouter, call: PyCall, line: number): void {
    const [resource, ...urls] = call.args.filter((a) => a.name === null);
    if (resource === undefined) return;
    const cls = this.defs.findClass(file, resource.value);
    if (cls === null) return;
    for (const url of urls) {
      this.addResource(router, cls, pathOf(url.value, file, this.constants), file, line);
    }
  }

  /** A resource class answers the HTTP methods it (or a base class in the repository) defines. */
  private addResource(
    router: PyRouter,
    cls: Located<PyClass>,
    path: PyPath,
    file: PyFile,
    line: number,
  ): void {
    const defined = this.defs.definedMethods(this.defs.lineage(cls));
    const handler = { file: cls.file, start: cls.def.offset, end: cls.def.bodyEnd };
    const methods = toMethods(VIEW_METHODS.filter((m) => defined.has(m)));
    addRoutes(router, methods, { path, file, line, handler, htmlResponse: false, resource: true });
  }

  private decoratorMethods(kind: string, call: PyCall, framework: PyWebFramework): HttpMethod[] {
    const fixed = METHOD_DECORATORS.get(kind);
    if (fixed !== undefined) return [fixed];
    const listed = keyword(call, "methods");
    const values = listed === undefined ? null : stringList(listed.value);
    if (values !== null && values.length > 0) return toMethods(values);
    // Flask's route() defaults to GET; FastAPI's api_route() without methods answers GET too.
    return framework === "flask" || kind === "api_route" ? ["GET"] : [];
  }

  /** add_url_rule(rule, endpoint, view_func, methods=) / add_api_route(path, endpoint, methods=) */
  private addRule(file: PyFile, router: PyRouter, call: PyCall, what: string, line: number): void {
    const path = pathOf(
      (positional(call, 0) ?? keyword(call, "rule") ?? keyword(call, "path"))?.value,
      file,
      this.constants,
    );
    const viewArg =
      what === "add_url_rule"
        ? (keyword(call, "view_func") ?? positional(call, 2))
        : (keyword(call, "endpoint") ?? positional(call, 1));
    const listed = keyword(call, "methods");
    let methods = listed === undefined ? null : toMethods(stringList(listed.value) ?? []);
    let handler: PyRoute["handler"] = null;
    const view = viewArg?.value ?? "";
    const asView = /^([A-Za-z_][\w.]*)\.as_view\s*\(/.exec(view);
    if (asView?.[1] !== undefined) {
      const cls = this.defs.findClass(file, asView[1]);
      if (cls !== null) {
        handler = { file: cls.file, start: cls.def.offset, end: cls.def.bodyEnd };
        const defined = this.defs.definedMethods(this.defs.lineage(cls));
        methods ??= toMethods(VIEW_METHODS.filter((m) => defined.has(m)));
      }
    } else if (/^[A-Za-z_][\w.]*$/.test(view)) {
      const fn = this.defs.findFunction(file, view);
      if (fn !== null) handler = { file: fn.file, start: fn.def.offset, end: fn.def.bodyEnd };
    }
    methods ??= ["GET"];
    addRoutes(router, methods, { path, file, line, handler, htmlResponse: false, resource: false });
  }

  /**
   * Every route below `root`, with its full path from `base`, through the routers mounted on it
   * (a router mounted twice is walked twice; a cycle is cut).
   */
  private walkRoutes(
    root: PyRouter,
    base: PyPath,
    onRoute: (router: PyRouter, route: PyRoute, path: PyPath) => void,
  ): void {
    const stack = new Set<string>();
    const walk = (router: PyRouter, prefix: PyPath): void => {
      if (stack.has(router.key)) return;
      stack.add(router.key);
      for (const route of router.routes) {
        onRoute(router, route, join(router.framework, prefix, route.path));
      }
      for (const mount of router.mounts) {
        const child = this.routers.get(mount.child);
        if (child === undefined) continue;
        const childPrefix =
          router.framework !== "fastapi"
            ? (mount.prefix ?? child.ownPrefix ?? { text: "", resolved: true })
            : join(
                "fastapi",
                mount.prefix ?? { text: "", resolved: true },
                child.ownPrefix ?? { text: "", resolved: true },
              );
        walk(child, join(router.framework, prefix, childPrefix));
      }
      stack.delete(router.key);
    };
    walk(root, base);
  }

  private emit(): PyRouteResult {
    const result: PyRouteResult = { endpoints: [], json: [] };
    const walk = (root: PyRouter, base: PyPath): void =>
      this.walkRoutes(root, base, (router, route, path) => {
        result.endpoints.push({
          method: route.method,
          path: path.text === "" ? "/" : path.text,
          framework: router.framework,
          file: route.file.file.path,
          line: route.line,
          resolved: path.resolved,
        });
        result.json.push(...this.jsonEvidence(router.framework, route));
      });
    for (const router of this.routers.values()) {
      if (router.mounted || router.framework === "ninja") continue;
      const own = router.ownPrefix ?? { text: "", resolved: true };
      const onParameter = router.registeredOnParameter;
      if (router.kind === "app") walk(router, own);
      else if (onParameter !== undefined) {
        const prefix =
          router.framework === "flask"
            ? (onParameter.prefix ?? own)
            : join("fastapi", onParameter.prefix ?? { text: "", resolved: true }, own);
        walk(router, prefix);
      }
      // A blueprint or router nobody registers: its own prefix is known, the rest is not.
      else walk(router, { text: own.text, resolved: false });
    }
    return result;
  }

  /** The Django Ninja API or router a name in `file` denotes (`api` in `path("api/", api.urls)`). */
  ninjaRouter(file: PyFile, name: string): string | undefined {
    const router = this.routerFor(file, name);
    return router?.framework === "ninja" ? router.key : undefined;
  }

  /** Ninja APIs and routers nothing adds to another: the URLconf serves them, or nothing does. */
  ninjaRoots(): string[] {
    return [...this.routers.values()]
      .filter((r) => r.framework === "ninja" && !r.mounted)
      .map((r) => r.key);
  }

  /** The routes of a Ninja API with their paths below it, and the JSON its handlers answer. */
  ninjaRoutes(key: string): { routes: NinjaRoute[]; json: Evidence[] } {
    const out: { routes: NinjaRoute[]; json: Evidence[] } = { routes: [], json: [] };
    const root = this.routers.get(key);
    if (root === undefined) return out;
    this.walkRoutes(root, { text: "", resolved: true }, (_, route, path) => {
      out.routes.push({ method: route.method, path, file: route.file.file.path, line: route.line });
      out.json.push(...this.jsonEvidence("ninja", route));
    });
    return out;
  }

  private jsonEvidence(framework: PyWebFramework, route: PyRoute): Evidence[] {
    if (route.handler === null) return [];
    const { file, start, end } = route.handler;
    const code = file.code.slice(start, end);
    if (route.htmlResponse || HTML_MARKERS.test(code)) return [];
    if (route.resource) {
      const line = lineOf(file.file, start);
      return [{ file: file.file.path, line, note: "REST resource class returns JSON" }];
    }
    if (framework === "fastapi") {
      return [{ file: file.file.path, line: route.line, note: "FastAPI handler returns JSON" }];
    }
    if (framework === "ninja") {
      return [
        { file: file.file.path, line: route.line, note: "Django Ninja handler returns JSON" },
      ];
    }
    const out: Evidence[] = [];
    for (const m of file.file.text.slice(start, end).matchAll(FLASK_JSON)) {
      out.push({
        file: file.file.path,
        line: lineOf(file.file, start + m.index),
        note: "JSON response",
      });
    }
    return out;
  }
}

/** Parameter names of the function whose body holds `offset` (none at module level). */
function enclosingParameters(code: string, offset: number): string[] {
  const header = enclosingHeader(code, offset);
  const def = header === null ? null : /^(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(/.exec(header.text);
  if (header === null || def === null) return [];
  return callArgs(code, code, header.offset + def[0].length - 1)
    .args.map((a) => /^\*{0,2}([A-Za-z_]\w*)/.exec(a.name ?? a.value)?.[1] ?? "")
    .filter((name) => name !== "");
}

/** The route answering each of `methods` at one place. */
function addRoutes(
  router: PyRouter,
  methods: readonly HttpMethod[],
  route: Omit<PyRoute, "method">,
): void {
  for (const method of methods) router.routes.push({ ...route, method });
}
