/**
 * Django endpoints from URLconfs: `urlpatterns` lists of path()/re_path()/url() entries, followed
 * through include() (module strings such as "blog.urls", imported url modules, DRF router.urls)
 * from the ROOT_URLCONF, so each view gets its full path. Class-based views answer the HTTP
 * methods they define or inherit (DRF generics, Django generic views); function views the methods
 * their decorators allow (@api_view, @require_http_methods, ...), else any method ("ANY").
 *
 * Paths keep Django's syntax ("/api/articles/<slug:slug>/"); regex routes read the same way where
 * they can ("^articles/(?P<pk>[0-9]+)/$" becomes "/articles/<pk>/", see django-regex-path.ts);
 * DRF router routes use "{pk}" (or the ViewSet's lookup field). Django admin (admin.site.urls)
 * and third-party URLconfs are not the application's own endpoints.
 * The DefaultRouter's generated API root view is left out for the same reason.
 *
 * Route names are collected too (`name="post-detail"` under the namespaces of `app_name` and
 * include(namespace=…), a DRF router's `<basename>-list`/`-detail`/`-<url_name>`), so that tests
 * calling `reverse("blog:post-detail")` can be matched against the paths they reach.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { regexRouteAsPath } from "./django-regex-path.js";
import { viewSetRoutes } from "./drf-viewsets.js";
import { PyConstants } from "./py-constants.js";
import { PyDefinitions } from "./py-definitions.js";
import type { PyRouterGraph } from "./py-router-graph.js";
import type { Located } from "./py-definitions.js";
import type { PyFile, PyProgram } from "./py-modules.js";
import {
  callArgs,
  classAttribute,
  keyword,
  lineOf,
  positional,
  stringList,
  stringValue,
} from "./py-source.js";
import type { PyArg, PyClass } from "./py-source.js";

interface PyPath {
  readonly text: string;
  readonly resolved: boolean;
}

type UrlTarget =
  | { readonly kind: "module"; readonly file: PyFile; readonly namespace?: string }
  | { readonly kind: "router"; readonly key: string; readonly namespace?: string }
  /** a Django Ninja API served by the URLconf (`path("api/", api.urls)`) */
  | { readonly kind: "ninja"; readonly key: string }
  | { readonly kind: "class"; readonly ref: string; readonly actions: readonly string[] | null }
  | { readonly kind: "function"; readonly ref: string }
  /** include([...]) of an inline list or a list variable of the same module */
  | {
      readonly kind: "list";
      readonly entries: readonly UrlEntry[];
      readonly namespace?: string;
    };

interface UrlEntry {
  readonly route: PyPath;
  readonly target: UrlTarget;
  readonly line: number;
  /** the route's `name=` */
  readonly name: string | null;
}

interface DrfRouter {
  readonly trailingSlash: string;
  readonly registrations: {
    prefix: PyPath;
    viewset: string;
    line: number;
    basename: string | null;
  }[];
  readonly file: PyFile;
}

export interface DjangoResult {
  readonly endpoints: Endpoint[];
  readonly json: Evidence[];
  /** route name with its namespaces ("blog:post-detail") → full path, for resolved paths */
  readonly names: Map<string, string>;
}

const DRF_BASES = new Set([
  "APIView",
  "GenericAPIView",
  "ViewSet",
  "GenericViewSet",
  "ModelViewSet",
  "ReadOnlyModelViewSet",
  "ListAPIView",
  "CreateAPIView",
  "RetrieveAPIView",
  "DestroyAPIView",
  "UpdateAPIView",
  "ListCreateAPIView",
  "RetrieveUpdateAPIView",
  "RetrieveDestroyAPIView",
  "RetrieveUpdateDestroyAPIView",
]);

/** Methods a library base class answers without the subclass defining them. */
const BASE_METHODS: Readonly<Record<string, readonly HttpMethod[]>> = {
  ListAPIView: ["GET"],
  CreateAPIView: ["POST"],
  RetrieveAPIView: ["GET"],
  DestroyAPIView: ["DELETE"],
  UpdateAPIView: ["PUT", "PATCH"],
  ListCreateAPIView: ["GET", "POST"],
  RetrieveUpdateAPIView: ["GET", "PUT", "PATCH"],
  RetrieveDestroyAPIView: ["GET", "DELETE"],
  RetrieveUpdateDestroyAPIView: ["GET", "PUT", "PATCH", "DELETE"],
  // Views that libraries ship ready to route: DRF's and Simple JWT's token views take the
  // credentials by POST; drf-spectacular's schema and documentation pages are read by GET.
  ObtainAuthToken: ["POST"],
  TokenObtainPairView: ["POST"],
  TokenRefreshView: ["POST"],
  TokenVerifyView: ["POST"],
  TokenBlacklistView: ["POST"],
  TokenObtainSlidingView: ["POST"],
  TokenRefreshSlidingView: ["POST"],
  SpectacularAPIView: ["GET"],
  SpectacularJSONAPIView: ["GET"],
  SpectacularYAMLAPIView: ["GET"],
  SpectacularSwaggerView: ["GET"],
  SpectacularRedocView: ["GET"],
  TemplateView: ["GET"],
  ListView: ["GET"],
  DetailView: ["GET"],
  ArchiveIndexView: ["GET"],
  FormView: ["GET", "POST"],
  CreateView: ["GET", "POST"],
  UpdateView: ["GET", "POST"],
  DeleteView: ["GET", "POST"],
};

/**
 * Function views that libraries ship ready to route, by the module they are imported from: DRF's
 * `obtain_auth_token` and djangorestframework-jwt's token views take the credentials by POST.
 */
const LIBRARY_FUNCTION_VIEWS: Readonly<Record<string, Readonly<Record<string, HttpMethod>>>> = {
  "rest_framework.authtoken.views": { obtain_auth_token: "POST" },
  "rest_framework_jwt.views": {
    obtain_jwt_token: "POST",
    refresh_jwt_token: "POST",
    verify_jwt_token: "POST",
  },
};

const VIEWSET_ACTION_METHODS = new Set([
  "ViewSet",
  "GenericViewSet",
  "ModelViewSet",
  "ReadOnlyModelViewSet",
  "ViewSetMixin",
]);

function concat(a: PyPath, b: PyPath): PyPath {
  return { text: a.text + b.text, resolved: a.resolved && b.resolved };
}

function sortedMethods(list: Iterable<HttpMethod>): HttpMethod[] {
  return [...new Set(list)];
}

export class DjangoRoutes {
  private readonly defs: PyDefinitions;
  private readonly constants: PyConstants;
  private readonly entriesCache = new Map<string, UrlEntry[]>();
  private readonly routers = new Map<string, DrfRouter>();
  private readonly result: DjangoResult = { endpoints: [], json: [], names: new Map() };

  /** Ninja APIs the URLconf serves, so the ones it does not are listed apart. */
  private readonly servedNinja = new Set<string>();

  constructor(
    private readonly program: PyProgram,
    private readonly ninja?: PyRouterGraph,
  ) {
    this.defs = new PyDefinitions(program);
    this.constants = new PyConstants(program);
  }

  build(): DjangoResult {
    const urlModules: PyFile[] = [];
    const routerClasses = this.routerClasses();
    for (const source of this.program.sources) {
      if (source.text.includes("Router(")) {
        this.collectRouters(this.program.file(source), routerClasses);
      }
      if (source.text.includes("urlpatterns")) urlModules.push(this.program.file(source));
    }
    if (urlModules.length === 0) return this.withUnservedNinja();
    const included = new Set<string>();
    for (const file of urlModules) {
      for (const entry of this.entries(file)) {
        if (entry.target.kind === "module") included.add(entry.target.file.file.path);
      }
    }
    const root = this.rootUrlconf();
    const visited = new Set<string>();
    if (root !== undefined) this.walk(root, { text: "", resolved: true }, visited, new Set(), "");
    for (const file of urlModules) {
      if (visited.has(file.file.path) || included.has(file.file.path)) continue;
      // Without a ROOT_URLCONF, a URLconf nobody includes is taken as the root.
      this.walk(file, { text: "", resolved: root === undefined }, visited, new Set(), "");
    }
    for (const file of urlModules) {
      if (!visited.has(file.file.path))
        this.walk(file, { text: "", resolved: false }, visited, new Set(), "");
    }
    return this.withUnservedNinja();
  }

  /** A Ninja API no URLconf serves: its routes are known, the place it is served at is not. */
  private withUnservedNinja(): DjangoResult {
    for (const key of this.ninja?.ninjaRoots() ?? []) {
      if (!this.servedNinja.has(key)) this.emitNinja(key, { text: "", resolved: false });
    }
    return this.result;
  }

  private rootUrlconf(): PyFile | undefined {
    for (const source of this.program.sources) {
      if (!source.text.includes("ROOT_URLCONF")) continue;
      const m = /^ROOT_URLCONF\s*=\s*["']([\w.]+)["']/m.exec(source.text);
      if (m?.[1] === undefined) continue;
      const file = this.program.resolveModule(m[1], false, source);
      if (file !== undefined) return file;
    }
    return undefined;
  }

  /**
   * DRF's routers and the project's own subclasses of them (`class ApiRouter(DefaultRouter)`,
   * which large projects use to add bulk routes), which register viewsets the same way.
   */
  private routerClasses(): ReadonlySet<string> {
    const names = new Set(["DefaultRouter", "SimpleRouter"]);
    const declared: [string, string][] = [];
    for (const source of this.program.sources) {
      if (!source.text.includes("Router")) continue;
      const code = this.program.file(source).code;
      for (const m of code.matchAll(
        /^class[ \t]+(\w+)[ \t]*\([ \t]*(?:[\w.]*\.)?(\w+)[ \t]*[,)]/gm,
      )) {
        declared.push([m[1] ?? "", m[2] ?? ""]);
      }
    }
    // Subclasses of subclasses: repeat until no new name is added.
    for (let grew = true; grew;) {
      grew = false;
      for (const [name, base] of declared) {
        if (names.has(base) && !names.has(name)) {
          names.add(name);
          grew = true;
        }
      }
    }
    return names;
  }

  /** A route string as written (a literal, a module constant or an f-string of them). */
  private routeOf(file: PyFile, value: string | undefined, regex: boolean): PyPath {
    if (value === undefined) return { text: "", resolved: true };
    const literal = this.constants.value(file, value);
    if (literal === null) return { text: "${" + value + "}", resolved: false };
    return {
      text: regex ? regexRouteAsPath(literal) : literal,
      resolved: true,
    };
  }

  private collectRouters(file: PyFile, routerClasses: ReadonlySet<string>): void {
    const re = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[\w.]*\.)?([A-Za-z_]\w*)[ \t]*\(/gm;
    for (const m of file.code.matchAll(re)) {
      if (!routerClasses.has(m[2] ?? "")) continue;
      const call = callArgs(file.file.text, file.code, m.index + m[0].length - 1);
      const trailing = keyword(call, "trailing_slash")?.value === "False" ? "" : "/";
      const router: DrfRouter = { trailingSlash: trailing, registrations: [], file };
      this.routers.set(`${file.file.path}#${m[1] ?? ""}`, router);
      const regRe = new RegExp(`(?:^|[^\\w.])${m[1] ?? ""}\\.register[ \\t]*\\(`, "gm");
      for (const r of file.code.matchAll(regRe)) {
        const args = callArgs(file.file.text, file.code, r.index + r[0].length - 1);
        const prefix = this.routeOf(
          file,
          (positional(args, 0) ?? keyword(args, "prefix"))?.value,
          true,
        );
        const viewset = (positional(args, 1) ?? keyword(args, "viewset"))?.value;
        if (viewset === undefined) continue;
        const line = lineOf(file.file, r.index + r[0].indexOf(m[1] ?? ""));
        // `base_name` is the spelling of DRF before 3.9
        const named =
          positional(args, 2) ?? keyword(args, "basename") ?? keyword(args, "base_name");
        const basename = named === undefined ? null : stringValue(named.value);
        router.registrations.push({ prefix, viewset, line, basename });
      }
    }
  }

  private routerKey(file: PyFile, name: string): string | null {
    const local = `${file.file.path}#${name}`;
    if (this.routers.has(local)) return local;
    const imported = this.program.resolveImported(file, name);
    if (imported?.kind === "name") {
      const key = `${imported.file.file.path}#${imported.name}`;
      if (this.routers.has(key)) return key;
    }
    return null;
  }

  private entries(file: PyFile): UrlEntry[] {
    const cached = this.entriesCache.get(file.file.path);
    if (cached !== undefined) return cached;
    const out: UrlEntry[] = [];
    this.entriesCache.set(file.file.path, out);
    const { code } = file;
    for (const m of code.matchAll(/^urlpatterns[ \t]*\+?=[ \t]*/gm)) {
      let at = m.index + m[0].length;
      if (code.startsWith("[", at)) {
        const list = this.listEntries(file, at);
        out.push(...list.entries);
        at = list.end;
      }
      const tail = /^\s*\+?\s*([A-Za-z_]\w*)\.urls\b/.exec(code.slice(at));
      if (tail?.[1] !== undefined) {
        const key = this.routerKey(file, tail[1]);
        if (key !== null) {
          out.push({
            route: { text: "", resolved: true },
            target: { kind: "router", key },
            line: lineOf(file.file, at),
            name: null,
          });
        }
      }
    }
    return out;
  }

  /** The path()/re_path() entries of the list literal whose "[" is at `open`. */
  private listEntries(file: PyFile, open: number): { entries: UrlEntry[]; end: number } {
    const list = callArgs(file.file.text, file.code, open);
    const entries: UrlEntry[] = [];
    for (const item of list.args) {
      const entry = this.entry(file, item.value, item.offset);
      if (entry !== null) entries.push(entry);
    }
    return { entries, end: list.end };
  }

  private entry(file: PyFile, value: string, offset: number): UrlEntry | null {
    const m = /^(path|re_path|url)\s*\(/.exec(value);
    if (m === null) return null;
    const open = offset + m[0].length - 1;
    const call = callArgs(file.file.text, file.code, open);
    const route = this.routeOf(file, positional(call, 0)?.value, m[1] !== "path");
    const view = positional(call, 1) ?? keyword(call, "view");
    if (view === undefined) return null;
    const target = this.target(file, view);
    if (target === null) return null;
    const name = keyword(call, "name");
    return {
      route,
      target,
      line: lineOf(file.file, offset),
      name: name === undefined ? null : stringValue(name.value),
    };
  }

  private include(file: PyFile, viewArg: PyArg): UrlTarget | null {
    const target = this.includeTarget(file, viewArg);
    if (target === null) return null;
    const open = viewArg.offset + viewArg.value.indexOf("(");
    const call = callArgs(file.file.text, file.code, open);
    let named = keyword(call, "namespace");
    const first = positional(call, 0);
    // include(("app.urls", "app_name")): the pair's second item names the namespace
    if (named === undefined && first?.value.startsWith("(") === true) {
      named = positional(callArgs(file.file.text, file.code, first.offset), 1);
    }
    const namespace = named === undefined ? null : stringValue(named.value);
    // Ninja names its operations itself; views are not include() targets.
    return namespace === null ||
      target.kind === "ninja" ||
      target.kind === "function" ||
      target.kind === "class"
      ? target
      : { ...target, namespace };
  }

  private includeTarget(file: PyFile, viewArg: PyArg): UrlTarget | null {
    const open = viewArg.offset + viewArg.value.indexOf("(");
    let arg = positional(callArgs(file.file.text, file.code, open), 0);
    // include(("app.urls", "namespace")) and include(([...], "namespace"))
    if (arg?.value.startsWith("(") === true) {
      arg = positional(callArgs(file.file.text, file.code, arg.offset), 0);
    }
    if (arg === undefined) return null;
    if (arg.value.startsWith("[")) {
      return { kind: "list", entries: this.listEntries(file, arg.offset).entries };
    }
    const module = stringValue(arg.value);
    if (module !== null) {
      const target = this.program.resolveModule(module, false, file.file);
      return target === undefined ? null : { kind: "module", file: target };
    }
    const routerRef = /^([A-Za-z_]\w*)\.urls$/.exec(arg.value);
    if (routerRef?.[1] !== undefined) {
      const key = this.routerKey(file, routerRef[1]);
      if (key !== null) return { kind: "router", key };
      const ninja = this.ninja?.ninjaRouter(file, routerRef[1]);
      return ninja === undefined ? null : { kind: "ninja", key: ninja };
    }
    if (/^[A-Za-z_]\w*$/.test(arg.value)) {
      const local = new RegExp(`^${arg.value}[ \\t]*=[ \\t]*\\[`, "m").exec(file.code);
      if (local !== null) {
        const at = local.index + local[0].length - 1;
        return { kind: "list", entries: this.listEntries(file, at).entries };
      }
    }
    const imported = this.program.resolveImported(file, arg.value);
    return imported?.kind === "module" ? { kind: "module", file: imported.file } : null;
  }

  private target(file: PyFile, viewArg: PyArg): UrlTarget | null {
    const view = viewArg.value;
    if (/^include\s*\(/.test(view)) return this.include(file, viewArg);
    if (/\.site\.urls$/.test(view)) return null;
    const ninjaRef = /^([A-Za-z_]\w*)\.urls$/.exec(view)?.[1];
    const ninja = ninjaRef === undefined ? undefined : this.ninja?.ninjaRouter(file, ninjaRef);
    if (ninja !== undefined) return { kind: "ninja", key: ninja };
    const asView = /^([A-Za-z_][\w.]*)\.as_view\s*\(([\s\S]*)\)$/.exec(view);
    if (asView?.[1] !== undefined) {
      const dict = /^\s*\{([\s\S]*)\}/.exec(asView[2] ?? "");
      const actions =
        dict === null
          ? null
          : [...(dict[1] ?? "").matchAll(/["'](\w+)["']\s*:/g)].map((a) => a[1] ?? "");
      return { kind: "class", ref: asView[1], actions };
    }
    if (/^[A-Za-z_][\w.]*$/.test(view)) return { kind: "function", ref: view };
    return null;
  }

  /** Walks a URLconf; `namespace` is the one its names are under ("" for none). */
  private walk(
    file: PyFile,
    base: PyPath,
    visited: Set<string>,
    stack: Set<string>,
    namespace: string,
  ): void {
    const key = file.file.path;
    if (stack.has(key)) return;
    stack.add(key);
    visited.add(key);
    this.walkEntries(file, this.entries(file), base, visited, stack, namespace);
    stack.delete(key);
  }

  private walkEntries(
    file: PyFile,
    entries: readonly UrlEntry[],
    base: PyPath,
    visited: Set<string>,
    stack: Set<string>,
    namespace: string,
  ): void {
    for (const entry of entries) {
      const full = concat(base, entry.route);
      const target = entry.target;
      switch (target.kind) {
        case "module": {
          // An included URLconf's own `app_name` names its namespace unless include() does.
          const inner = target.namespace ?? appName(target.file);
          this.walk(target.file, full, visited, stack, nestedNamespace(namespace, inner));
          break;
        }
        case "list":
          this.walkEntries(
            file,
            target.entries,
            full,
            visited,
            stack,
            nestedNamespace(namespace, target.namespace ?? null),
          );
          break;
        case "router":
          this.emitRouter(target.key, full, nestedNamespace(namespace, target.namespace ?? null));
          break;
        case "ninja":
          this.servedNinja.add(target.key);
          this.emitNinja(target.key, full);
          break;
        case "class":
          this.emitClassView(file, entry, target.ref, target.actions, full);
          this.name(namespace, entry.name, full);
          break;
        case "function":
          this.emitFunctionView(file, entry, target.ref, full);
          this.name(namespace, entry.name, full);
          break;
      }
    }
  }

  private name(namespace: string, name: string | null, path: PyPath): void {
    if (name === null || !path.resolved) return;
    const full = namespace === "" ? name : `${namespace}:${name}`;
    if (!this.result.names.has(full)) this.result.names.set(full, servedPath(path));
  }

  private push(method: HttpMethod, path: PyPath, drf: boolean, file: PyFile, line: number): void {
    this.result.endpoints.push({
      method,
      path: servedPath(path),
      framework: drf ? "djangorestframework" : "django",
      file: file.file.path,
      line,
      resolved: path.resolved,
    });
  }

  /** A DRF view: a known DRF base, or any base imported from rest_framework or its extensions. */
  private isDrf(lineage: readonly Located<PyClass>[]): boolean {
    for (const base of this.defs.baseNames(lineage)) if (DRF_BASES.has(base)) return true;
    for (const cls of lineage) {
      const imports = cls.file.imports();
      for (const base of cls.def.bases) {
        if (imports.get(base)?.module.startsWith("rest_framework") === true) return true;
      }
    }
    return false;
  }

  private emitNinja(key: string, base: PyPath): void {
    const routes = this.ninja?.ninjaRoutes(key);
    if (routes === undefined) return;
    for (const route of routes.routes) {
      // Ninja serves its routes without their leading "/" below the URLconf's prefix.
      const below = { text: route.path.text.replace(/^\/+/, ""), resolved: route.path.resolved };
      const path = concat(base, below);
      this.result.endpoints.push({
        method: route.method,
        path: `/${path.text.replace(/^\/+/, "")}`,
        framework: "django-ninja",
        file: route.file,
        line: route.line,
        resolved: path.resolved,
      });
    }
    this.result.json.push(...routes.json);
  }

  private emitRouter(key: string, base: PyPath, namespace: string): void {
    const router = this.routers.get(key);
    if (router === undefined) return;
    for (const reg of router.registrations) {
      const viewset = this.defs.findClass(router.file, reg.viewset);
      if (viewset === null) continue;
      const prefix = concat(base, reg.prefix);
      const basename = reg.basename ?? this.querysetModel(viewset);
      for (const route of viewSetRoutes(this.defs, viewset, router.trailingSlash)) {
        const path =
          route.suffix === ""
            ? { text: prefix.text + router.trailingSlash, resolved: prefix.resolved }
            : { text: `${prefix.text}/${route.suffix}`, resolved: prefix.resolved };
        this.push(route.method, path, true, router.file, reg.line);
        if (basename !== null) this.name(namespace, `${basename}-${route.name}`, path);
      }
      this.result.json.push({
        file: viewset.file.file.path,
        line: lineOf(viewset.file.file, viewset.def.offset),
        note: "DRF viewset",
      });
    }
  }

  /**
   * The basename a DRF router gives a viewset registered without one: the lower-cased model of
   * its `queryset` (`queryset = Post.objects.all()` → "post").
   */
  private querysetModel(viewset: Located<PyClass>): string | null {
    for (const cls of this.defs.lineage(viewset)) {
      const raw = classAttribute(cls.file.file.text, cls.file.code, cls.def, "queryset");
      const model = raw === null ? undefined : /^([A-Za-z_]\w*)\.objects\b/.exec(raw)?.[1];
      if (model !== undefined) return model.toLowerCase();
    }
    return null;
  }

  private emitClassView(
    file: PyFile,
    entry: UrlEntry,
    ref: string,
    actions: readonly string[] | null,
    path: PyPath,
  ): void {
    const cls = this.defs.findClass(file, ref);
    if (cls === null) {
      this.emitLibraryView(file, entry, ref, path);
      return;
    }
    const lineage = this.defs.lineage(cls);
    const bases = this.defs.baseNames(lineage);
    const drf = this.isDrf(lineage);
    let methods: HttpMethod[];
    if (actions !== null && [...bases].some((b) => VIEWSET_ACTION_METHODS.has(b))) {
      methods = sortedMethods(actions.flatMap((a) => httpVerb(a) ?? []));
    } else {
      const defined = this.defs.definedMethods(lineage);
      const list: HttpMethod[] = [];
      for (const base of bases) list.push(...(BASE_METHODS[base] ?? []));
      for (const name of defined.keys()) {
        // Django dispatches to handlers named by the lower-case verb only
        const method = httpVerb(name);
        if (method !== null && name === method.toLowerCase()) list.push(method);
      }
      methods = sortedMethods(list);
    }
    if (methods.length === 0) methods = ["ANY"];
    for (const method of methods) this.push(method, path, drf, file, entry.line);
    const evidenceAt = lineOf(cls.file.file, cls.def.offset);
    if (drf)
      this.result.json.push({ file: cls.file.file.path, line: evidenceAt, note: "DRF view" });
    else this.jsonResponses(cls.file, cls.def.offset, cls.def.bodyEnd);
  }

  /** A library's view routed as it is (`TokenObtainPairView.as_view()`): its known methods. */
  private emitLibraryView(file: PyFile, entry: UrlEntry, ref: string, path: PyPath): void {
    const name = ref.slice(ref.lastIndexOf(".") + 1);
    const module = file.imports().get(ref.split(".")[0] ?? "")?.module ?? "";
    const drf = module.startsWith("rest_framework");
    for (const method of BASE_METHODS[name] ?? ["ANY"]) {
      this.push(method, path, drf, file, entry.line);
    }
  }

  private emitFunctionView(file: PyFile, entry: UrlEntry, ref: string, path: PyPath): void {
    const fn = this.defs.findFunction(file, ref);
    if (fn === null) {
      const known = libraryFunctionView(file, ref);
      this.push(known ?? "ANY", path, known !== null, file, entry.line);
      return;
    }
    const decorators = decoratorsAbove(fn.file, fn.def.offset);
    let methods: HttpMethod[] = ["ANY"];
    let drf = false;
    for (const d of decorators) {
      const m =
        /^@(?:[\w.]*\.)?(api_view|require_http_methods|require_GET|require_POST|require_safe)\b(?:\s*\(([\s\S]*)\))?/.exec(
          d,
        );
      if (m === null) continue;
      const name = m[1] ?? "";
      if (name === "require_GET" || name === "require_safe") methods = ["GET"];
      else if (name === "require_POST") methods = ["POST"];
      else {
        const listed = stringList((m[2] ?? "").trim() === "" ? "['GET']" : (m[2] ?? "").trim()) ?? [
          "GET",
        ];
        methods = sortedMethods(listed.flatMap((v) => httpVerb(v) ?? []));
        if (name === "api_view") drf = true;
      }
    }
    for (const method of methods) this.push(method, path, drf, file, entry.line);
    if (drf) {
      this.result.json.push({
        file: fn.file.file.path,
        line: lineOf(fn.file.file, fn.def.offset),
        note: "DRF api_view",
      });
    } else this.jsonResponses(fn.file, fn.def.offset, fn.def.bodyEnd);
  }

  private jsonResponses(file: PyFile, start: number, end: number): void {
    const body = file.code.slice(start, end);
    for (const m of body.matchAll(/\bJsonResponse\s*\(/g)) {
      this.result.json.push({
        file: file.file.path,
        line: lineOf(file.file, start + m.index),
        note: "JsonResponse",
      });
    }
  }
}

/** The path a URLconf serves for a route, with one leading slash. */
function servedPath(path: PyPath): string {
  return `/${path.text.replace(/^\/+/, "")}`;
}

/** `app_name = "blog"` in a URLconf: the namespace of the names it declares. */
function appName(file: PyFile): string | null {
  const m = /^app_name[ \t]*=[ \t]*(["'])([\w.-]+)\1/m.exec(file.file.text);
  return m?.[2] ?? null;
}

function nestedNamespace(outer: string, inner: string | null): string {
  if (inner === null || inner === "") return outer;
  return outer === "" ? inner : `${outer}:${inner}`;
}

/** The decorator lines directly above a `def`, nearest last. */
function decoratorsAbove(file: PyFile, defOffset: number): string[] {
  const before = file.file.text.slice(0, defOffset).split("\n");
  before.pop();
  const out: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const line = (before[i] ?? "").trim();
    if (line.startsWith("@")) out.unshift(line);
    else if (line !== "") break;
  }
  return out;
}

/**
 * The method of a library's ready-made function view, or null: `obtain_jwt_token` imported from
 * its module, or `jwt_views.obtain_jwt_token` after `from rest_framework_jwt import views as jwt_views`.
 */
function libraryFunctionView(file: PyFile, ref: string): HttpMethod | null {
  const parts = ref.split(".");
  const imported = file.imports().get(parts[0] ?? "");
  if (imported === undefined || imported.relative || parts.length > 2) return null;
  const [module, name] =
    parts.length === 1
      ? [imported.module, imported.name ?? ""]
      : [
          imported.name === null ? imported.module : `${imported.module}.${imported.name}`,
          parts[1] ?? "",
        ];
  return LIBRARY_FUNCTION_VIEWS[module]?.[name] ?? null;
}
