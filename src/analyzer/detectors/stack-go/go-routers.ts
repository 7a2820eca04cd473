/**
 * Go HTTP routers and their routes: net/http ServeMux (with Go 1.22 "METHOD /path" patterns),
 * Gin, Echo, Chi, Fiber and gorilla/mux. Routers are followed through variables, groups, Chi's
 * Route/Group closures and Mount, http.StripPrefix, struct fields, functions that take a router
 * parameter, and functions that build and return one, across all files of the repository.
 * Only calls on a known router count, so an HTTP client (`http.Get`, `client.Get`) is never a route.
 */
import type { HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { lineAt } from "../../scan-context.js";
import { matchBracket, splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import type { RouterNode } from "../stack-text/prefix-graph.js";
import { PrefixGraph } from "../stack-text/prefix-graph.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import { joinGoPrefix } from "./go-path-join.js";
import { unresolvedPiece } from "../stack-text/url-path.js";

export interface GoSource {
  readonly file: SourceFile;
  readonly masked: string;
  /**
   * The file's imports by the name it uses for them: the repository folder of a package of this
   * module, or null for a package from elsewhere (the standard library, a dependency).
   */
  readonly imports: ReadonlyMap<string, string | null>;
}

export interface GoRoute {
  readonly node: RouterNode;
  readonly method: HttpMethod;
  readonly path: string;
  readonly resolved: boolean;
  readonly file: SourceFile;
  readonly line: number;
}

interface FuncInfo {
  readonly name: string;
  /** the receiver's type for a method (`usersResource` in `func (rs usersResource) Routes()`) */
  readonly receiverType: string | null;
  /** the receiver's variable (`rs` there) */
  readonly receiverName: string | null;
  readonly source: GoSource;
  readonly params: ReadonlyMap<string, RouterNode>;
  readonly returned: RouterNode | null;
  /** the first result's type name without `*` or package (`Resource` for `(*auth.Resource, error)`) */
  readonly returnType: { readonly name: string; readonly pkg: string | null } | null;
  readonly paramOrder: readonly (RouterNode | null)[];
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** Parameter and field types that are routers, with the framework and whether they are a root. */
const ROUTER_TYPES: readonly [RegExp, string, boolean][] = [
  [/^\*gin\.Engine$/, "gin", true],
  [/^(\*gin\.RouterGroup|gin\.IRouter|gin\.IRoutes)$/, "gin", false],
  [/^\*echo\.Echo$/, "echo", true],
  [/^\*echo\.Group$/, "echo", false],
  [/^(chi\.Router|\*chi\.Mux)$/, "chi", false],
  [/^\*fiber\.App$/, "fiber", true],
  [/^(fiber\.Router|\*fiber\.Group)$/, "fiber", false],
  [/^\*http\.ServeMux$/, "net-http", false],
  [/^\*mux\.Router$/, "gorilla-mux", false],
  [/^\*routing\.Router$/, "ozzo-routing", true],
  [/^\*routing\.RouteGroup$/, "ozzo-routing", false],
];
/** ozzo-routing's package is named `routing`, as others are: its types count where it is imported. */
const OZZO_IMPORT = "go-ozzo/ozzo-routing";
const RETURNS_ROUTER =
  /^\s*\(?\s*(\*gin\.Engine|\*gin\.RouterGroup|\*echo\.Echo|chi\.Router|\*chi\.Mux|\*fiber\.App|fiber\.Router|http\.Handler|\*http\.ServeMux|\*mux\.Router)\b/;
const CONSTRUCTORS: readonly [RegExp, string][] = [
  [/^gin\.(?:Default|New)\(\s*\)$/, "gin"],
  [/^echo\.New\(\s*\)$/, "echo"],
  [/^chi\.(?:NewRouter|NewMux)\(\s*\)$/, "chi"],
  // Fiber takes its configuration in the constructor: fiber.New(fiber.Config{…}).
  [/^fiber\.New\([\s\S]*\)$/, "fiber"],
  [/^http\.NewServeMux\(\s*\)$/, "net-http"],
  [/^mux\.NewRouter\(\s*\)$/, "gorilla-mux"],
  [/^routing\.New\(\s*\)$/, "ozzo-routing"],
];
const FUNC_DECL =
  /^func\s*(?:\(\s*(?:(\w+)\s+)?\*?\s*([\w.]+)(?:\[[^\]]*\])?\s*\)\s*)?(\w+)\s*(?:\[[^\]]*\]\s*)?\(/gm;
const UPPER_VERBS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
const TITLE_VERBS = new Set(["Get", "Post", "Put", "Patch", "Delete", "Head", "Options"]);
/** a call `recv.Name(` or `Name(`, a `return x`, or an assignment `x := …` / `s.f = …` */
const CALL =
  /(&?[A-Za-z_][\w.]*(?:\{[^{}\n]*\})?)\.(\w+)\s*\(|(?<![\w.])()(\w+)\s*\(|\b(?:return)\s+([A-Za-z_][\w.]*)\s*$|(?:^|[^\w.])([A-Za-z_][\w.]*)\s*:?=\s*(?!=)|[{,]\s*(\w+):\s*(?=[A-Za-z_][\w.]*(\()?)/gm;
const CLOSURE =
  /([A-Za-z_][\w.]*)\.(Route|Group)\(\s*(?:("[^"\n]*"|`[^`]*`)\s*,\s*)?func\s*\(\s*(\w+)\s+[\w.*]+\s*\)\s*\{/y;
const STRUCT_FIELD = /^[ \t]+(\w+)[ \t]+(\*?[\w.]+)[ \t]*(?:`[^`]*`)?[ \t]*$/gm;
/** `x := pkg.Make(`, `x, err := Make(`, `x := &pkg.Type{`: a variable and what made it. */
const VAR_FROM =
  /^[ \t]*([A-Za-z_]\w*)(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*[ \t]*:?=[ \t]*&?(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)[ \t]*([({])/gm;

interface VarType {
  readonly name: string;
  /** the package folder the type is declared in; null when it is not known */
  readonly dir: string | null;
}

/** A router field of one struct type, and whether a composite literal of that type sets it. */
interface TypedField {
  readonly node: RouterNode;
  readonly field: string;
  assigned: boolean;
}

/** `pkgdir|apiUserRoute.Group`: a field of a type, the type named within its package folder. */
function typedFieldKey(dir: string, type: string, field: string): string {
  return `${dir}|${type}.${field}`;
}

export class GoRouterScan {
  private readonly graph = new PrefixGraph(joinGoPrefix);
  private readonly funcs = new Map<string, FuncInfo[]>();
  private readonly fields = new Map<string, RouterNode>();
  private readonly defaultMux = this.graph.node("constructed", "net-http");
  private readonly routes: GoRoute[] = [];

  constructor(private readonly sources: readonly GoSource[]) {}

  /** the file whose code is being walked: its imports decide what `pkg.Func()` calls reach */
  private current: GoSource | null = null;
  /** types of the current function's variables made by constructors or literals */
  private varTypes = new Map<string, VarType>();
  /** struct field name -> the types fields of that name have across the repository */
  private readonly fieldTypes = new Map<string, VarType[]>();
  /** the function whose body (closures included) is being walked */
  private currentFn: FuncInfo | null = null;
  /**
   * Router fields of one struct type (`apiUserRoute.Group`), for a router a constructor stores
   * in the struct it returns (`&apiUserRoute{Group: g}`): each type's methods then see the prefix
   * of the router passed to its own constructor, not those of every struct with a field so named.
   */
  private readonly typedFields = new Map<string, TypedField>();

  /** `Accounts *AccountResource` in a struct: `a.Accounts.router()` calls that type's method. */
  private noteFieldType(source: GoSource, field: string, rawType: string): void {
    const t = /^\*?(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(rawType);
    if (t?.[2] === undefined) return;
    const dir = t[1] === undefined ? dirOf(source) : (source.imports.get(t[1]) ?? null);
    const list = this.fieldTypes.get(field) ?? [];
    if (!list.some((v) => v.name === t[2] && v.dir === dir)) list.push({ name: t[2], dir });
    this.fieldTypes.set(field, list);
  }

  run(): { routes: GoRoute[]; graph: PrefixGraph } {
    for (const source of this.sources) this.collectFunctions(source);
    for (const f of [...this.funcs.values()].flat()) {
      const env = new Map(f.params);
      this.current = f.source;
      this.currentFn = f;
      this.varTypes = this.variableTypes(f);
      this.scope(f.source, f.bodyStart, f.bodyEnd, env, f);
    }
    // A struct's field no composite literal sets is whatever `x.field = …` set anywhere.
    for (const typed of this.typedFields.values()) {
      const global = this.fields.get(typed.field);
      if (!typed.assigned && global) this.graph.link(global, typed.node);
    }
    return { routes: this.routes, graph: this.graph };
  }

  private collectFunctions(source: GoSource): void {
    const { masked } = source;
    // Struct fields typed as routers, so `s.router.GET(...)` in a method is known to be a route.
    // One-line structs too: `type API struct{ Items *ItemResource }`.
    for (const m of masked.matchAll(/\bstruct\s*\{([^{}\n]+)\}/g)) {
      for (const field of (m[1] as string).split(";")) {
        const f = /^\s*(\w+)\s+(\*?[\w.]+)\s*$/.exec(field);
        if (f) this.noteFieldType(source, f[1] as string, f[2] as string);
      }
    }
    for (const m of masked.matchAll(STRUCT_FIELD)) {
      this.noteFieldType(source, m[1] as string, m[2] as string);
      const type = routerType(m[2] as string, source);
      if (type && !this.fields.has(m[1] as string)) {
        this.fields.set(
          m[1] as string,
          this.graph.node(type.root ? "constructed" : "bound", type.framework),
        );
      }
    }
    for (const m of masked.matchAll(FUNC_DECL)) {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(masked, open);
      if (close === -1) continue;
      const bodyOpen = masked.indexOf("{\n", close);
      if (bodyOpen === -1) continue;
      const bodyClose = matchBracket(masked, bodyOpen);
      if (bodyClose === -1) continue;
      const params = new Map<string, RouterNode>();
      const order: (RouterNode | null)[] = [];
      for (const param of splitTopLevel(masked.slice(open + 1, close))) {
        const pm = /^(\w+)\s+(.+)$/.exec(param);
        const type = pm ? routerType((pm[2] as string).trim(), source) : null;
        const node = type
          ? this.graph.node(type.root ? "constructed" : "bound", type.framework)
          : null;
        if (pm && node) params.set(pm[1] as string, node);
        order.push(node);
      }
      const results = masked.slice(close + 1, bodyOpen);
      const returns = RETURNS_ROUTER.test(results);
      const first = /^\s*\(?\s*\*?\s*(?:(\w+)\.)?([A-Za-z_]\w*)/.exec(results);
      const name = m[3] as string;
      const list = this.funcs.get(name) ?? [];
      this.funcs.set(name, list);
      list.push({
        name,
        receiverType: m[2] ?? null,
        receiverName: m[1] ?? null,
        source,
        params,
        paramOrder: order,
        returned: returns ? this.graph.node("returned") : null,
        returnType: first?.[2] === undefined ? null : { name: first[2], pkg: first[1] ?? null },
        bodyStart: bodyOpen + 1,
        bodyEnd: bodyClose,
      });
    }
  }

  /** Walks one function body or closure body in order; closures nested in it get their own scope. */
  private scope(
    source: GoSource,
    start: number,
    end: number,
    env: Map<string, RouterNode>,
    fn: FuncInfo | null,
  ): void {
    const masked = source.masked;
    const text = masked.slice(start, end);
    let skipUntil = -1;
    for (const m of text.matchAll(CALL)) {
      if (m.index < skipUntil) continue;
      const at = start + m.index;
      if (m[2] === "Route" || m[2] === "Group") {
        CLOSURE.lastIndex = m.index;
        const c = CLOSURE.exec(text);
        if (c) {
          const braceAt = start + c.index + c[0].length - 1;
          const braceEnd = matchBracket(masked, braceAt);
          if (braceEnd === -1) continue;
          skipUntil = braceEnd - start;
          const parent = this.lookup(c[1] as string, env);
          if (!parent) continue;
          const child = this.graph.node("bound");
          const path = c[3] === undefined ? { value: "", resolved: true } : pathValue(c[3]);
          this.graph.link(parent, child, path.value, path.resolved);
          const inner = new Map(env);
          inner.set(c[4] as string, child);
          this.scope(source, braceAt + 1, braceEnd, inner, null);
          continue;
        }
      }
      if (m[5] !== undefined) {
        const node = this.lookup(m[5], env);
        if (node && fn?.returned) this.graph.link(fn.returned, node);
      } else if (m[6] !== undefined) {
        const rhs = statementFrom(text, m.index + m[0].length);
        const node = this.exprNode(rhs, env);
        if (node) this.assign(m[6], node, env);
      } else if (m[7] !== undefined) {
        // A field set in a composite literal: &server{router: gin.Default()}, &route{Group: g}.
        const node = this.exprNode(
          statementFrom(text, m.index + m[0].length).replace(/,\s*$/, ""),
          env,
        );
        const type = node ? this.literalType(source, start + m.index) : null;
        if (node && type !== null) {
          const typed = this.typedField(type.dir, type.name, m[7]);
          typed.assigned = true;
          this.graph.link(node, typed.node);
        }
        if (node && m[8] !== undefined) this.assign(`.${m[7]}`, node, env);
      } else {
        const open = start + m.index + m[0].length - 1;
        const close = matchBracket(masked, open);
        if (close === -1) continue;
        const receiver = m[1] ?? m[3] ?? "";
        const name = (m[2] ?? m[4]) as string;
        const argText = masked.slice(open + 1, close);
        this.call(source, receiver, name, argText, close, at, env);
        if (receiver !== "")
          this.chainedCalls(source, `${receiver}.${name}(${argText})`, close, env);
      }
    }
  }

  private call(
    source: GoSource,
    receiver: string,
    name: string,
    argText: string,
    close: number,
    at: number,
    env: Map<string, RouterNode>,
  ): void {
    const args = splitTopLevel(argText);
    const node =
      receiver === "http" ? this.defaultMux : receiver === "" ? null : this.lookup(receiver, env);
    if (node && this.registration(source, node, name, args, close, at, env)) return;
    // A function or method that takes a router: the argument's prefixes flow into the parameter.
    const { callees, certain } = this.callees(receiver, name, env);
    for (const callee of callees) {
      callee.paramOrder.forEach((param, i) => {
        const arg = args[i];
        if (!param || arg === undefined) return;
        const from = this.exprNode(arg, env);
        if (from) this.graph.link(from, param, "", certain);
      });
    }
  }

  /**
   * A route, a StripPrefix handler or a Mount registered by calling `name` on a router; false
   * when the call registers nothing.
   */
  private registration(
    source: GoSource,
    node: RouterNode,
    name: string,
    args: readonly string[],
    close: number,
    at: number,
    env: Map<string, RouterNode>,
  ): boolean {
    const framework = this.graph.framework(node);
    const route = routeOf(framework, name, args, source.masked.slice(close + 1, close + 200));
    if (route) {
      for (const method of route.methods) {
        this.routes.push({
          node,
          method,
          path: route.path,
          resolved: route.resolved,
          file: source.file,
          line: lineAt(source.masked, at),
        });
      }
      // `mux.Handle(prefix, http.StripPrefix(prefix, sub))` mounts `sub`, whatever the prefix's
      // expression (`fmt.Sprintf("/%s/", apiPrefix)` too): it is not an endpoint of its own.
      const handler = (args[1] ?? "").trim();
      const strip =
        name === "Handle" &&
        handler.startsWith("http.StripPrefix(") &&
        matchBracket(handler, "http.StripPrefix".length) === handler.length - 1
          ? splitTopLevel(handler.slice("http.StripPrefix(".length, -1))
          : null;
      if (strip?.length === 2) {
        const child = this.exprNode(strip[1] as string, env);
        const path = pathValue(strip[0] as string);
        if (child) this.graph.link(node, child, path.value, path.resolved);
        this.routes.pop();
      }
      return true;
    }
    if (name === "Mount" && args.length === 2) {
      const child = this.exprNode(args[1] as string, env);
      const path = pathValue(args[0] as string);
      if (child) this.graph.link(node, child, path.value, path.resolved);
      return true;
    }
    return false;
  }

  /**
   * Calls chained onto the call that ends at `close`: Chi's `r.With(mw).Post(…)` and Gin's
   * `g.Group("/user").Use(mw).POST(…)` register on the router the expression before them
   * evaluates to. The CALL pattern never sees them, as no name stands right before their dot.
   */
  private chainedCalls(
    source: GoSource,
    head: string,
    close: number,
    env: Map<string, RouterNode>,
  ): void {
    const masked = source.masked;
    let expr = head;
    let end = close;
    for (;;) {
      const next = /^\.\s*(\w+)\s*\(/.exec(masked.slice(end + 1, end + 120));
      if (!next) return;
      const open = end + next[0].length;
      const callClose = matchBracket(masked, open);
      if (callClose === -1) return;
      const argText = masked.slice(open + 1, callClose);
      const node = this.exprNode(expr, env);
      if (node) {
        const args = splitTopLevel(argText);
        const at = end + 1 + next[0].indexOf(next[1] as string);
        this.registration(source, node, next[1] as string, args, callClose, at, env);
      }
      expr = `${expr}.${next[1] as string}(${argText})`;
      end = callClose;
    }
  }

  /**
   * The functions a call may reach. `T{}.Routes()` names its type; a plain `Setup(r)` or
   * `routes.Setup(r)` is a function; `h.Routes()` on an unknown variable is every method of
   * that name, and then not certain (two handlers both with Routes() must not swap prefixes).
   */
  private callees(
    receiver: string,
    name: string,
    env: ReadonlyMap<string, RouterNode>,
  ): { callees: FuncInfo[]; certain: boolean } {
    const all = this.funcs.get(name) ?? [];
    const literalType = /^&?([A-Za-z_]\w*)\{/.exec(receiver);
    if (literalType)
      return { callees: all.filter((f) => f.receiverType === literalType[1]), certain: true };
    // `transport.NewHTTP(…)`: the function of that name in the imported package's folder, and
    // nothing at all for a package from outside the module (`validator.New()`).
    const imported = env.has(receiver) ? undefined : this.current?.imports.get(receiver);
    if (imported !== undefined) {
      const there = all.filter((f) => f.receiverType === null && dirOf(f.source) === imported);
      return { callees: there, certain: there.length === 1 };
    }
    // `res.Router()` where `res, err := auth.NewResource(…)` or `res := &Resource{}`: the method
    // of that type, in that package.
    const typed = receiver.includes(".") ? this.fieldType(receiver) : this.varTypes.get(receiver);
    if (typed !== undefined) {
      const there = all.filter(
        (f) =>
          f.receiverType === typed.name && (typed.dir === null || dirOf(f.source) === typed.dir),
      );
      if (there.length > 0) return { callees: there, certain: there.length === 1 };
    }
    const everywhere = all.filter((f) => f.receiverType === null);
    // A plain `Setup(r)` calls its own package's function when that package has one.
    const local =
      receiver === "" && this.current !== null
        ? everywhere.filter((f) => dirOf(f.source) === dirOf(this.current as GoSource))
        : [];
    const functions = local.length > 0 ? local : everywhere;
    if (
      receiver === "" ||
      (!env.has(receiver) && !receiver.includes(".") && functions.length > 0)
    ) {
      return { callees: functions, certain: functions.length === 1 };
    }
    const methods = all.filter((f) => f.receiverType !== null);
    return { callees: methods, certain: methods.length === 1 };
  }

  /**
   * The type of `x.Field`: the one type struct fields of that name have, or, when packages
   * differ, the one declared in the calling file's own package.
   */
  private fieldType(receiver: string): VarType | undefined {
    const parts = receiver.split(".");
    if (parts.length !== 2) return undefined;
    const types = this.fieldTypes.get(parts[1] as string) ?? [];
    if (types.length === 1) return types[0];
    const own = this.current === null ? null : dirOf(this.current);
    const here = types.filter((t) => t.dir === own);
    return here.length === 1 ? here[0] : undefined;
  }

  /**
   * The types a function's variables get from `x := pkg.NewThing(…)`, `x, err := NewThing(…)`
   * (the constructor's declared result) or `x := &pkg.Thing{…}`: what `x.Router()` is called on.
   */
  private variableTypes(fn: FuncInfo): Map<string, VarType> {
    const out = new Map<string, VarType>();
    const body = fn.source.masked.slice(fn.bodyStart, fn.bodyEnd);
    const own = dirOf(fn.source);
    const dirFor = (pkg: string | null): string | null =>
      pkg === null ? own : (fn.source.imports.get(pkg) ?? null);
    for (const m of body.matchAll(VAR_FROM)) {
      const name = m[1] as string;
      const pkg = m[2] ?? null;
      const callee = m[3] as string;
      if (m[4] === "{") {
        out.set(name, { name: callee, dir: dirFor(pkg) });
        continue;
      }
      const dir = pkg === null ? own : fn.source.imports.get(pkg);
      if (dir === undefined || dir === null) continue;
      const maker = (this.funcs.get(callee) ?? []).find(
        (f) => f.receiverType === null && dirOf(f.source) === dir,
      );
      const type = maker?.returnType;
      if (maker === undefined || type === null || type === undefined) continue;
      out.set(name, {
        name: type.name,
        dir: type.pkg === null ? dirOf(maker.source) : (maker.source.imports.get(type.pkg) ?? null),
      });
    }
    return out;
  }

  private assign(name: string, node: RouterNode, env: Map<string, RouterNode>): void {
    if (name.includes(".")) {
      const field = name.slice(name.lastIndexOf(".") + 1);
      const existing = this.fields.get(field);
      if (existing) this.graph.link(node, existing);
      else this.fields.set(field, node);
    } else {
      env.set(name, node);
    }
  }

  private lookup(name: string, env: ReadonlyMap<string, RouterNode>): RouterNode | null {
    const local = env.get(name);
    if (local) return local;
    if (!name.includes(".")) return null;
    const field = name.slice(name.lastIndexOf(".") + 1);
    // `r.Group` in a method of r's type: that type's own field.
    const fn = this.currentFn;
    const type = fn?.receiverType ?? null;
    if (
      fn !== null &&
      type !== null &&
      name === `${fn.receiverName ?? ""}.${field}` &&
      (this.fields.has(field) || this.typedFields.has(typedFieldKey(dirOf(fn.source), type, field)))
    ) {
      return this.typedField(dirOf(fn.source), type, field).node;
    }
    return this.fields.get(field) ?? null;
  }

  private typedField(dir: string, type: string, field: string): TypedField {
    const key = typedFieldKey(dir, type, field);
    let typed = this.typedFields.get(key);
    if (!typed) {
      typed = { node: this.graph.node("bound"), field, assigned: false };
      this.typedFields.set(key, typed);
    }
    // The field's router type (declared, or set by `x.field = …` so far) gives the framework
    // before the edges added at the end of the walk reach the node.
    const global = this.fields.get(field);
    if (typed.node.framework === null && global)
      typed.node.framework = this.graph.framework(global);
    return typed;
  }

  /**
   * The struct type of the composite literal a field at `at` belongs to (`apiUserRoute` in
   * `&apiUserRoute{\n\tGroup: g,`), found by walking back to the literal's unclosed brace;
   * null for a type from outside the module or when no type names the brace.
   */
  private literalType(source: GoSource, at: number): { name: string; dir: string } | null {
    const text = source.masked;
    let depth = 0;
    for (let i = at; i >= Math.max(0, at - 2000); i--) {
      const c = text[i];
      if (c === "}" || c === ")" || c === "]") depth++;
      else if ((c === "{" || c === "(" || c === "[") && depth > 0) depth--;
      else if (c === "(" || c === "[") return null;
      else if (c === "{") {
        const t = /(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)\s*$/.exec(
          text.slice(Math.max(0, i - 80), i),
        );
        if (t?.[2] === undefined) return null;
        const dir = t[1] === undefined ? dirOf(source) : source.imports.get(t[1]);
        return dir === undefined || dir === null ? null : { name: t[2], dir };
      }
    }
    return null;
  }

  /** The router an expression evaluates to, or null when it is not (known to be) a router. */
  private exprNode(raw: string, env: Map<string, RouterNode>): RouterNode | null {
    // Gin's `rg.Group("api").Use(auth)` is still that group: middleware does not move routes.
    // A prefix in parentheses of its own, `r.Group(("/tasks"))`, is the same string.
    const expr = withoutTrailingUse(raw.trim().replace(/^&/, "")).replace(
      /\(\s*\(\s*("[^"\n]*"|`[^`]*`)\s*\)/g,
      "($1",
    );
    for (const [pattern, framework] of CONSTRUCTORS) {
      if (!pattern.test(expr)) continue;
      if (framework === "ozzo-routing" && this.current?.file.text.includes(OZZO_IMPORT) !== true)
        continue;
      return this.graph.node("constructed", framework);
    }
    const group = /^([A-Za-z_][\w.]*)\.Group\(\s*("[^"]*"|`[^`]*`|[^,)]+)\s*(?:,[\s\S]*)?\)$/.exec(
      expr,
    );
    const prefix = /^([A-Za-z_][\w.]*)\.PathPrefix\(\s*("[^"]*"|[^)]+)\)\.Subrouter\(\s*\)$/.exec(
      expr,
    );
    const sub = group ?? prefix;
    if (sub) {
      const parent = this.lookup(sub[1] as string, env);
      if (!parent) return null;
      const child = this.graph.node("bound");
      // chi's `r.Group(nil)` is an inline group for middleware: chi's Group takes a function,
      // never a prefix, and nil adds nothing to the path.
      const path =
        sub[2] === "nil"
          ? { value: "", resolved: true }
          : pathValue(sub[2] as string, this.graph.framework(parent));
      this.graph.link(parent, child, path.value, path.resolved);
      return child;
    }
    const with_ = /^([A-Za-z_][\w.]*)\.With\(/.exec(expr);
    if (with_) return this.lookup(with_[1] as string, env);
    const call = /^(?:(&?[A-Za-z_][\w.]*(?:\{[^{}]*\})?)\.)?(\w+)\([\s\S]*\)$/.exec(expr);
    if (call) {
      const { callees, certain } = this.callees(call[1] ?? "", call[2] as string, env);
      const returned = callees.map((f) => f.returned).filter((n): n is RouterNode => n !== null);
      if (returned.length === 1 && certain) return returned[0] as RouterNode;
      if (returned.length === 0) return null;
      const joint = this.graph.node("bound");
      for (const r of returned) this.graph.link(joint, r, "", false);
      return joint;
    }
    return /^[A-Za-z_][\w.]*$/.test(expr) ? this.lookup(expr, env) : null;
  }
}

/** The folder of a source file: its Go package. */
function dirOf(source: GoSource): string {
  const path = source.file.path;
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

/** `x.Group("a").Use(m1).Use(m2)` without its trailing `.Use(…)` calls. */
export function withoutTrailingUse(expr: string): string {
  let out = expr;
  for (;;) {
    if (!out.endsWith(")")) return out;
    let depth = 0;
    let open = -1;
    for (let i = out.length - 1; i >= 0; i--) {
      const ch = out[i];
      if (ch === ")") depth++;
      else if (ch === "(" && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open === -1 || !out.slice(0, open).endsWith(".Use")) return out;
    out = out.slice(0, open - ".Use".length).trimEnd();
  }
}

function routerType(type: string, source: GoSource): { framework: string; root: boolean } | null {
  for (const [pattern, framework, root] of ROUTER_TYPES) {
    if (!pattern.test(type)) continue;
    if (framework === "ozzo-routing" && !source.file.text.includes(OZZO_IMPORT)) return null;
    return { framework, root };
  }
  return null;
}

/** The rest of the statement that starts at `from` (to the line end, or a balanced call). */
function statementFrom(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "{" || c === "[") depth++;
    else if (c === ")" || c === "}" || c === "]") depth--;
    else if (c === "\n" && depth <= 0) return text.slice(from, i);
    if (depth < 0) return text.slice(from, i);
  }
  return text.slice(from);
}

function pathValue(
  expr: string,
  framework: string | null = null,
): { value: string; resolved: boolean } {
  const literal = stringLiteral(expr);
  if (literal === null) return { value: unresolvedPiece(expr), resolved: false };
  // ozzo-routing's parameters, `<id>` or `<id:\d+>`, written `:id` as Gin's are: `<…>` marks a
  // piece that could not be read.
  const value = framework === "ozzo-routing" ? literal.replace(OZZO_PARAM, ":$1") : literal;
  return { value, resolved: true };
}

const OZZO_PARAM = /<(\w+)(?::[^<>]{0,100})?>/g;

interface RouteCall {
  readonly methods: HttpMethod[];
  readonly path: string;
  readonly resolved: boolean;
}

/** Reads one route registration, by the router's framework and the method called on it. */
function routeOf(
  framework: string | null,
  name: string,
  args: readonly string[],
  after: string,
): RouteCall | null {
  const withPath = (methods: HttpMethod[], expr: string | undefined): RouteCall | null => {
    if (expr === undefined) return null;
    const p = pathValue(expr, framework);
    return { methods, path: p.value, resolved: p.resolved };
  };
  const literalMethods = (expr: string | undefined): HttpMethod[] =>
    [...(expr ?? "").matchAll(/"([A-Za-z]+)"|http\.Method([A-Z][a-z]+)/g)]
      .map((m) => httpVerb((m[1] ?? m[2]) as string))
      .filter((v): v is HttpMethod => v !== null);

  if ((framework === "gin" || framework === "echo") && UPPER_VERBS.has(name))
    return withPath([name as HttpMethod], args[0]);
  if ((framework === "gin" || framework === "echo") && name === "Any")
    return withPath(["ANY"], args[0]);
  if (framework === "gin" && name === "Handle") return withPath(literalMethods(args[0]), args[1]);
  if ((framework === "gin" || framework === "echo") && name === "Match")
    return withPath(literalMethods(args[0]), args[1]);
  if (framework === "echo" && name === "Add") return withPath(literalMethods(args[0]), args[1]);
  if ((framework === "chi" || framework === "fiber") && TITLE_VERBS.has(name))
    return withPath([name.toUpperCase() as HttpMethod], args[0]);
  if (framework === "fiber" && name === "All") return withPath(["ANY"], args[0]);
  if (framework === "fiber" && name === "Add") return withPath(literalMethods(args[0]), args[1]);
  if (framework === "chi" && (name === "Method" || name === "MethodFunc"))
    return withPath(literalMethods(args[0]), args[1]);
  if (framework === "ozzo-routing") {
    // r.Get("/albums/<id>", h), r.Any(…), r.To("GET,HEAD", "/healthcheck", h)
    if (TITLE_VERBS.has(name)) return withPath([name.toUpperCase() as HttpMethod], args[0]);
    if (name === "Any") return withPath(["ANY"], args[0]);
    if (name !== "To") return null;
    const list = (stringLiteral(args[0] ?? "") ?? "")
      .split(",")
      .map((m) => httpVerb(m.trim()))
      .filter((v): v is HttpMethod => v !== null);
    return list.length === 0 ? null : withPath(list, args[1]);
  }
  if (name !== "HandleFunc" && name !== "Handle") return null;
  if (framework === "chi") return withPath(["ANY"], args[0]);
  if (framework === "gorilla-mux") {
    const methods = /^\s*\.Methods\(([^)]*)\)/.exec(after);
    const list = methods ? literalMethods(methods[1]) : [];
    return withPath(list.length > 0 ? list : ["ANY"], args[0]);
  }
  // net/http: Go 1.22 patterns are "[METHOD ][HOST]/path".
  const literal = args[0] === undefined ? null : stringLiteral(args[0]);
  if (literal === null) return withPath(["ANY"], args[0]);
  const pattern = /^(?:([A-Z]+)\s+)?[^/\s]*(\/.*)$/.exec(literal.trim());
  if (!pattern) return withPath(["ANY"], args[0]);
  const verb = pattern[1] === undefined ? "ANY" : httpVerb(pattern[1]);
  return verb === null ? null : { methods: [verb], path: pattern[2] as string, resolved: true };
}
