/**
 * Flask and FastAPI endpoints. Both register routes on objects (Flask app or Blueprint, FastAPI
 * app or APIRouter) with decorators or add_url_rule/add_api_route, and mount objects into each
 * other (register_blueprint / include_router, or FastAPI's mount of a whole app) with a prefix. The objects are linked across
 * modules through imports and walked from the apps, so every route gets its full path.
 *
 * Prefix rules differ: Flask's register_blueprint(url_prefix=...) replaces the blueprint's own
 * url_prefix, while FastAPI's include_router(prefix=...) is put in front of the router's own.
 * Flask joins with one "/" ("/api" + "/" is "/api/"); FastAPI concatenates as written.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import { PyConstants } from "./py-constants.js";
import { PyDefinitions } from "./py-definitions.js";
import type { PyFile, PyProgram } from "./py-modules.js";
import {
  callArgs,
  functionAfter,
  keyword,
  lineOf,
  positional,
  stringList,
  stringValue,
} from "./py-source.js";
import type { PyCall } from "./py-source.js";

type PyWebFramework = "flask" | "fastapi";

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
}

interface PyRouter {
  readonly key: string;
  readonly framework: PyWebFramework;
  readonly kind: "app" | "router";
  readonly ownPrefix: PyPath | null;
  readonly routes: PyRoute[];
  readonly mounts: { readonly prefix: PyPath | null; readonly child: string }[];
  mounted: boolean;
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
};

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

  constructor(private readonly program: PyProgram) {
    this.defs = new PyDefinitions(program);
    this.constants = new PyConstants(program);
  }

  build(files: readonly PyFile[]): PyRouteResult {
    for (const file of files) this.collectRouters(file);
    if (this.routers.size === 0) return { endpoints: [], json: [] };
    for (const file of files) this.collectRoutes(file);
    return this.emit();
  }

  private collectRouters(file: PyFile): void {
    const re =
      /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:[A-Za-z_]\w*\.)?(Flask|Blueprint|FastAPI|APIRouter)[ \t]*\(/gm;
    for (const m of file.code.matchAll(re)) {
      const ctor = CONSTRUCTORS[m[2] ?? ""];
      if (ctor === undefined) continue;
      const call = callArgs(file.file.text, file.code, m.index + m[0].length - 1);
      const prefixArg = keyword(call, ctor.framework === "flask" ? "url_prefix" : "prefix");
      const key = `${file.file.path}#${m[1] ?? ""}`;
      if (this.routers.has(key)) continue;
      this.routers.set(key, {
        key,
        framework: ctor.framework,
        kind: ctor.kind,
        ownPrefix: prefixArg === undefined ? null : pathOf(prefixArg.value, file, this.constants),
        routes: [],
        mounts: [],
        mounted: false,
      });
    }
  }

  /** The router a receiver expression (`bp`, `api.router`, `items.router`) denotes. */
  private routerFor(file: PyFile, ref: string): PyRouter | undefined {
    const parts = ref.split(".");
    if (parts.length === 1) {
      const local = this.routers.get(`${file.file.path}#${ref}`);
      if (local !== undefined) return local;
      const imported = this.program.resolveImported(file, ref);
      if (imported?.kind === "name") {
        return this.routers.get(`${imported.file.file.path}#${imported.name}`);
      }
      return undefined;
    }
    if (parts.length !== 2) return undefined;
    const imported = this.program.resolveImported(file, parts[0] ?? "");
    if (imported?.kind !== "module") return undefined;
    return this.routers.get(`${imported.file.file.path}#${parts[1] ?? ""}`);
  }

  private collectRoutes(file: PyFile): void {
    const { code } = file;
    const text = file.file.text;
    const decoRe =
      /^[ \t]*@([A-Za-z_][\w.]*)\.(route|api_route|get|post|put|patch|delete|head|options)[ \t]*\(/gm;
    for (const m of code.matchAll(decoRe)) {
      const router = this.routerFor(file, m[1] ?? "");
      if (router === undefined) continue;
      const call = callArgs(text, code, m.index + m[0].length - 1);
      const kind = m[2] ?? "";
      const fn = functionAfter(code, call.end);
      const methods = this.decoratorMethods(kind, call, router.framework);
      const path = pathOf(
        (positional(call, 0) ?? keyword(call, "path") ?? keyword(call, "rule"))?.value,
        file,
        this.constants,
      );
      const handler = fn === null ? null : { file, start: fn.offset, end: fn.bodyEnd };
      const html = /HTMLResponse|PlainTextResponse/.test(
        keyword(call, "response_class")?.value ?? "",
      );
      const line = lineOf(file.file, m.index + m[0].indexOf("@"));
      for (const method of methods) {
        router.routes.push({ method, path, file, line, handler, htmlResponse: html });
      }
    }
    const callRe =
      /(?:^|[^\w.])([A-Za-z_][\w.]*)\.(add_url_rule|add_api_route|register_blueprint|include_router|mount)[ \t]*\(/gm;
    for (const m of code.matchAll(callRe)) {
      const receiver = m[1] ?? "";
      const parent = this.routerFor(file, receiver);
      if (parent === undefined) continue;
      const call = callArgs(text, code, m.index + m[0].length - 1);
      const line = lineOf(file.file, m.index + m[0].indexOf(receiver));
      const what = m[2] ?? "";
      if (what === "register_blueprint" || what === "include_router" || what === "mount") {
        // mount(path, app) puts a whole FastAPI (Starlette) application under a path.
        const childArg =
          what === "mount" ? (keyword(call, "app") ?? positional(call, 1)) : positional(call, 0);
        const child = childArg === undefined ? undefined : this.routerFor(file, childArg.value);
        if (child === undefined || child === parent) continue;
        const prefixArg =
          what === "mount"
            ? (positional(call, 0) ?? keyword(call, "path"))
            : keyword(call, what === "register_blueprint" ? "url_prefix" : "prefix");
        child.mounted = true;
        parent.mounts.push({
          prefix: prefixArg === undefined ? null : pathOf(prefixArg.value, file, this.constants),
          child: child.key,
        });
      } else {
        this.addRule(file, parent, call, what, line);
      }
    }
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
    for (const method of methods) {
      router.routes.push({ method, path, file, line, handler, htmlResponse: false });
    }
  }

  private emit(): PyRouteResult {
    const result: PyRouteResult = { endpoints: [], json: [] };
    const walk = (router: PyRouter, base: PyPath, stack: Set<string>): void => {
      if (stack.has(router.key)) return;
      stack.add(router.key);
      for (const route of router.routes) {
        const path = join(router.framework, base, route.path);
        result.endpoints.push({
          method: route.method,
          path: path.text === "" ? "/" : path.text,
          framework: router.framework,
          file: route.file.file.path,
          line: route.line,
          resolved: path.resolved,
        });
        result.json.push(...this.jsonEvidence(router.framework, route));
      }
      for (const mount of router.mounts) {
        const child = this.routers.get(mount.child);
        if (child === undefined) continue;
        const childPrefix =
          router.framework === "flask"
            ? (mount.prefix ?? child.ownPrefix ?? { text: "", resolved: true })
            : join(
                "fastapi",
                mount.prefix ?? { text: "", resolved: true },
                child.ownPrefix ?? { text: "", resolved: true },
              );
        walk(child, join(router.framework, base, childPrefix), stack);
      }
      stack.delete(router.key);
    };
    for (const router of this.routers.values()) {
      if (router.mounted) continue;
      const own = router.ownPrefix ?? { text: "", resolved: true };
      if (router.kind === "app") walk(router, own, new Set());
      // A blueprint or router nobody registers: its own prefix is known, the rest is not.
      else walk(router, { text: own.text, resolved: false }, new Set());
    }
    return result;
  }

  private jsonEvidence(framework: PyWebFramework, route: PyRoute): Evidence[] {
    if (route.handler === null) return [];
    const { file, start, end } = route.handler;
    const code = file.code.slice(start, end);
    if (route.htmlResponse || HTML_MARKERS.test(code)) return [];
    if (framework === "fastapi") {
      return [{ file: file.file.path, line: route.line, note: "FastAPI handler returns JSON" }];
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
