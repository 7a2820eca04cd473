/**
 * Rails routing from config/routes.rb: resources/resource with only:/except:/param:/path:/
 * shallow:, nested resources, member and collection blocks, namespace and scope prefixes, verb
 * routes, match with via:, root, concerns, draw(:name) of config/routes/name.rb, Devise's
 * devise_for and Doorkeeper's use_doorkeeper. In an API-only app (`config.api_only = true`)
 * resources have no new/edit forms.
 * Ruby's own blocks (if/unless … end) nest without changing the prefix.
 *
 * Route names are collected as Rails gives them (`articles`, `new_article`, `api_v1_article`,
 * `article_comments`, `publish_article`, `as:`), and `controller#action` keys
 * (`api/v1/articles#create`), so that tests calling `articles_path` or a controller spec's
 * `post :create` can be matched against the paths they reach.
 */
import type { Endpoint, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { singular, underscore } from "../stack-text/inflection.js";
import { stringOrSymbol } from "../stack-text/string-literal.js";
import { joinUrlPath, unresolvedPiece } from "../stack-text/url-path.js";

type Action = "index" | "create" | "new" | "show" | "edit" | "update" | "destroy";
const PLURAL_ACTIONS: readonly Action[] = [
  "index",
  "create",
  "new",
  "show",
  "edit",
  "update",
  "destroy",
];
const SINGULAR_ACTIONS: readonly Action[] = ["create", "new", "show", "edit", "update", "destroy"];

interface Frame {
  /** prefix for routes declared directly in this block */
  readonly prefix: string;
  readonly resolved: boolean;
  /** set on resources/resource blocks: where member and collection routes go */
  readonly member?: string;
  readonly collection?: string;
  /** the prefix of the innermost namespace or scope: where shallow member routes hang */
  readonly scope: string;
  /** inside `resources …, shallow: true`: nested member routes drop their parents' path */
  readonly shallow?: boolean;
  /** a `member do` / `collection do` block, where canonical actions add no path segment */
  readonly methodScope?: boolean;
  /** what route names in this block start with: "api_v1_", "article_" */
  readonly names: string;
  /** the controller module of this block: "api/v1/" */
  readonly module: string;
  /** in a resources block: its controller ("api/v1/articles") and member and collection names */
  readonly controller?: string;
  readonly memberName?: string;
  readonly collectionName?: string;
  /** which one a `member do` / `collection do` block names its routes after */
  readonly scopeName?: string;
}

/** Records a route name (or a `controller#action` key) for the path it stands for. */
type NameRoute = (name: string, path: string) => void;

/** One route statement: its text (continued lines joined) and where it starts. */
interface Statement {
  readonly text: string;
  readonly line: number;
  readonly file: SourceFile;
}

export interface RailsRouteContext {
  /** an API-only app (`config.api_only = true`): resources have no new/edit forms */
  readonly apiOnly: boolean;
  /** the Devise modules a model declares (`devise :database_authenticatable, …`), or null */
  readonly deviseModules: (resource: string) => readonly string[] | null;
  /** `draw(:admin)`: the statements of config/routes/admin.rb, or null when it is not there */
  readonly drawn: (name: string) => readonly Statement[] | null;
  /** ActiveAdmin's default namespace (`config.default_namespace`, "admin" unless set), "" for none */
  readonly activeAdminNamespace: () => string;
}

/** Splits a routes file (comments masked) into statements, continued lines joined. */
export function routeStatements(file: SourceFile, masked: string): Statement[] {
  const out: Statement[] = [];
  const lines = masked.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let text = (lines[i] as string).trim();
    // Arguments continued on the next lines: `resources :posts,\n  only: [:index]`, or a hash
    // whose entries end without a comma before the closing `}, skip: [...]`.
    // An unbalanced bracket (in a regex constraint, say) must not swallow the rest of the file.
    const lastJoin = Math.min(lines.length - 1, i + MAX_JOINED_LINES);
    while ((/[,([{\\]$|=>$/.test(text) || openBrackets(text) > 0) && i < lastJoin) {
      text += ` ${(lines[++i] as string).trim()}`;
    }
    if (text === "") continue;
    // `collection { post :bulk_update }`: a one-line brace block reads like its do…end form.
    const braced = BRACE_BLOCK.exec(text);
    if (braced) {
      out.push({ text: `${(braced[1] as string).trim()} do`, line, file });
      for (const inner of (braced[2] as string).split(";")) {
        if (inner.trim() !== "") out.push({ text: inner.trim(), line, file });
      }
      out.push({ text: "end", line, file });
    } else out.push({ text, line, file });
  }
  return out;
}

const MAX_JOINED_LINES = 40;

/** Brackets opened and not yet closed in a statement, outside string literals. */
function openBrackets(text: string): number {
  let depth = 0;
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[([{]|[)\]}]/g)) {
    const token = m[0];
    if (token.length > 1) continue;
    depth += "([{".includes(token) ? 1 : -1;
  }
  return depth;
}

const BRACE_BLOCK =
  /^((?:member|collection|namespace|scope|resources|resource|constraints|concern|defaults)\b[^{]*?)\s*\{\s*(?:\|[^|]*\|)?\s*(\S[^{}]*?)\s*\}$/;

/** Ruby statements that open a block closed by `end` without `do`: not routing, but nesting. */
const RUBY_BLOCK = /^(?:if|unless|case|while|until|begin|for|def|class|module)\b/;

export function railsRoutes(
  statements: readonly Statement[],
  ctx: RailsRouteContext,
  names: Map<string, string> = new Map(),
): Endpoint[] {
  const out: Endpoint[] = [];
  const concerns = new Map<string, Statement[]>();
  const walk = (list: readonly Statement[], base: Frame, depth: number): void => {
    const stack: Frame[] = [base];
    for (let i = 0; i < list.length; i++) {
      const { text: stmt, line, file } = list[i] as Statement;
      const top = stack[stack.length - 1] as Frame;
      if (/^end\b/.test(stmt)) {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const opensBlock = /\bdo(\s*\|[^|]*\|)?$/.test(stmt);
      const body = stmt.replace(/\s*\bdo(\s*\|[^|]*\|)?$/, "");
      const head = /^(\w+)\b\s*\(?\s*([\s\S]*?)\)?$/.exec(body);
      const keyword = head ? (head[1] as string) : "";
      const args = head ? splitTopLevel(head[2] as string) : [];
      const emit = (method: HttpMethod, path: string, resolved = true, library?: string): void => {
        out.push({
          method,
          path,
          framework: "rails",
          file: file.path,
          line,
          resolved: resolved && top.resolved,
          ...(library === undefined ? {} : { library }),
        });
      };
      // Routes a gem adds: the app mounts them, the gem's own tests cover them.
      const emitOf =
        (library: string) =>
        (method: HttpMethod, path: string): void =>
          emit(method, path, true, library);
      const nameRoute: NameRoute = (key, path) => {
        if (top.resolved && !names.has(key)) names.set(key, path);
      };
      let frame: Frame | null = null;

      if (keyword === "concern" && opensBlock) {
        // A template for resources that name it in `concerns:`; it routes nothing by itself.
        const end = blockEnd(list, i);
        const name = stringOrSymbol(args[0] ?? "");
        if (name !== null) concerns.set(name, list.slice(i + 1, end));
        i = end;
        continue;
      }
      if (keyword === "namespace") {
        const space = stringOrSymbol(args[0] ?? "");
        const path = option(args, "path") ?? space;
        frame = {
          ...segmentFrame(top, path, args[0]),
          names: `${top.names}${option(args, "as") ?? space ?? ""}_`,
          module: `${top.module}${option(args, "module") ?? space ?? ""}/`,
        };
      } else if (keyword === "scope") {
        const first = args[0] !== undefined && !isOption(args[0]) ? stringOrSymbol(args[0]) : null;
        const path = first ?? option(args, "path");
        const as = option(args, "as");
        const module = option(args, "module");
        frame = {
          ...(path === null
            ? { prefix: top.prefix, resolved: top.resolved, scope: top.prefix }
            : segmentFrame(top, path, path)),
          names: as === null ? top.names : `${top.names}${as}_`,
          module: module === null ? top.module : `${top.module}${module}/`,
        };
      } else if (keyword === "resources" || keyword === "resource") {
        frame = resourceRoutes(keyword === "resources", args, top, ctx.apiOnly, emit, nameRoute);
        for (const name of listOption(args, "concerns")) {
          const template = concerns.get(name);
          if (template !== undefined && frame !== null && depth < 4)
            walk(template, frame, depth + 1);
        }
      } else if (keyword === "member" || keyword === "collection") {
        const path = keyword === "member" ? top.member : top.collection;
        frame = {
          ...top,
          prefix: path ?? top.prefix,
          methodScope: true,
          scopeName: keyword === "member" ? top.memberName : top.collectionName,
        };
      } else if (keyword === "root") {
        const path = top.prefix === "" ? "/" : top.prefix;
        emit("GET", path);
        nameRoute(`${top.names}root`, path);
        const to =
          option(args, "to") ??
          (args[0] !== undefined && !isOption(args[0]) ? stringOrSymbol(args[0]) : null);
        if (to?.includes("#") === true) nameRoute(`${top.module}${to}`, path);
      } else if (keyword === "devise_for") {
        deviseRoutes(args, top, ctx, emitOf("devise"), nameRoute);
      } else if (keyword === "mount_devise_token_auth_for") {
        deviseTokenAuthRoutes(args, top, ctx, emitOf("devise_token_auth"), nameRoute);
      } else if (keyword === "use_doorkeeper") {
        const end = opensBlock ? blockEnd(list, i) : i;
        doorkeeperRoutes(args, list.slice(i + 1, end), top, emitOf("doorkeeper"), nameRoute);
        i = end;
        continue;
      } else if (keyword === "draw") {
        const drawn = ctx.drawn(stringOrSymbol(args[0] ?? "") ?? "");
        if (drawn !== null && depth < 4) walk(drawn, top, depth + 1);
      } else if (httpVerb(keyword) !== null || keyword === "match") {
        verbRoute(keyword, args, top, emit, nameRoute);
      }
      if (opensBlock || RUBY_BLOCK.test(stmt)) stack.push(frame ?? top);
    }
  };
  walk(statements, { prefix: "", resolved: true, scope: "", names: "", module: "" }, 0);
  return out;
}

/** Index of the `end` that closes the block opened at `open` (or the last statement). */
function blockEnd(list: readonly Statement[], open: number): number {
  let depth = 0;
  for (let i = open; i < list.length; i++) {
    const text = (list[i] as Statement).text;
    if (/^end\b/.test(text)) {
      depth--;
      if (depth === 0) return i;
    } else if (/\bdo(\s*\|[^|]*\|)?$/.test(text) || RUBY_BLOCK.test(text)) depth++;
  }
  return list.length - 1;
}

/** resources / resource: the standard actions, and the frame their block nests into. */
function resourceRoutes(
  plural: boolean,
  args: readonly string[],
  top: Frame,
  apiOnly: boolean,
  emit: (m: HttpMethod, p: string) => void,
  name: NameRoute,
): Frame | null {
  const resources = positionalNames(args);
  const actions = selectActions(plural ? PLURAL_ACTIONS : SINGULAR_ACTIONS, args, apiOnly);
  const ownShallow = optionRaw(args, "shallow") === "true";
  const nested = top.member !== undefined;
  let frame: Frame | null = null;
  for (const resource of resources) {
    const seg = option(args, "path") ?? resource;
    const collection = joinUrlPath(top.prefix, seg);
    const param = option(args, "param") ?? "id";
    // Shallow nesting: member routes hang off the scope alone (/comments/:id), not the parent.
    const shallowHere = nested && (top.shallow === true || ownShallow);
    const memberBase = shallowHere ? joinUrlPath(top.scope, seg) : collection;
    const member = plural ? joinUrlPath(memberBase, `:${param}`) : memberBase;
    // Rails' helper names: articles, article, new_article, edit_article (resource: profile).
    const base = option(args, "as") ?? resource;
    const collectionName = `${top.names}${base}`;
    const memberName = plural ? `${top.names}${singular(base)}` : collectionName;
    const controller = `${top.module}${option(args, "controller") ?? (plural ? resource : pluralWord(resource))}`;
    for (const action of actions) {
      emitAction(action, collection, member, emit);
      const path = actionPath(action, collection, member);
      name(`${controller}#${action}`, path);
      const helper =
        action === "new" || action === "edit"
          ? `${action}_${memberName}`
          : action === "index" || action === "create"
            ? collectionName
            : memberName;
      name(helper, path);
    }
    const inner = plural ? joinUrlPath(collection, `:${singular(resource)}_${param}`) : collection;
    frame = {
      prefix: inner,
      resolved: top.resolved,
      member,
      collection,
      scope: top.scope,
      shallow: top.shallow === true || ownShallow,
      names: `${memberName}_`,
      module: top.module,
      controller,
      memberName,
      collectionName,
    };
  }
  return frame;
}

/** Devise's controllers, the module that turns each on, and the routes each adds. */
const DEVISE_ROUTES: readonly {
  readonly controller: string;
  readonly module: string;
  /** method, path template and, but for OmniAuth's, the route's name ({r}: the resource, singular) */
  readonly routes: readonly (readonly [HttpMethod, string, string?])[];
}[] = [
  {
    controller: "sessions",
    module: "database_authenticatable",
    routes: [
      ["GET", "{sign_in}", "new_{r}_session"],
      ["POST", "{sign_in}", "{r}_session"],
      ["DELETE", "{sign_out}", "destroy_{r}_session"],
    ],
  },
  {
    controller: "passwords",
    module: "recoverable",
    routes: [
      ["GET", "{password}/new", "new_{r}_password"],
      ["GET", "{password}/edit", "edit_{r}_password"],
      ["PATCH", "{password}", "{r}_password"],
      ["PUT", "{password}", "{r}_password"],
      ["POST", "{password}", "{r}_password"],
    ],
  },
  {
    controller: "registrations",
    module: "registerable",
    routes: [
      ["GET", "{registration}/{cancel}", "cancel_{r}_registration"],
      ["GET", "{registration}/{sign_up}", "new_{r}_registration"],
      ["GET", "{registration}/{edit}", "edit_{r}_registration"],
      ["PATCH", "{registration}", "{r}_registration"],
      ["PUT", "{registration}", "{r}_registration"],
      ["DELETE", "{registration}", "{r}_registration"],
      ["POST", "{registration}", "{r}_registration"],
    ],
  },
  {
    controller: "confirmations",
    module: "confirmable",
    routes: [
      ["GET", "{confirmation}/new", "new_{r}_confirmation"],
      ["GET", "{confirmation}", "{r}_confirmation"],
      ["POST", "{confirmation}", "{r}_confirmation"],
    ],
  },
  {
    controller: "unlocks",
    module: "lockable",
    routes: [
      ["GET", "{unlock}/new", "new_{r}_unlock"],
      ["GET", "{unlock}", "{r}_unlock"],
      ["POST", "{unlock}", "{r}_unlock"],
    ],
  },
  {
    controller: "omniauth_callbacks",
    module: "omniauthable",
    routes: [
      ["GET", "auth/:provider"],
      ["POST", "auth/:provider"],
      ["GET", "auth/:provider/callback"],
      ["POST", "auth/:provider/callback"],
    ],
  },
];

const DEVISE_PATH_NAMES: Readonly<Record<string, string>> = {
  sign_in: "sign_in",
  sign_out: "sign_out",
  password: "password",
  confirmation: "confirmation",
  unlock: "unlock",
  registration: "",
  sign_up: "sign_up",
  edit: "edit",
  cancel: "cancel",
};

/** Rails' generator default when the model cannot be read. */
const DEVISE_DEFAULT_MODULES = ["database_authenticatable", "registerable", "recoverable"];

/** What one devise_for mounts: the resources, their path and the controllers left out or kept. */
interface DeviseMount {
  readonly names: readonly string[];
  readonly path: string | null;
  readonly skip: ReadonlySet<string>;
  /** the controllers `only:` keeps, null without it (`only: []` keeps none) */
  readonly only: readonly string[] | null;
  readonly pathNames: Readonly<Record<string, string>>;
}

/**
 * `devise_for :users, path: "auth", path_names: { sign_in: "login" }, skip: [:passwords]`: the
 * routes of the modules the model turns on (app/models/user.rb's `devise :…` line).
 */
function deviseRoutes(
  args: readonly string[],
  top: Frame,
  ctx: RailsRouteContext,
  emit: (m: HttpMethod, p: string) => void,
  nameRoute: NameRoute,
): void {
  // `devise_for :admin_users, ActiveAdmin::Devise.config`: ActiveAdmin's own options, which put
  // the sign-in pages in its namespace as login and logout.
  const activeAdmin = args.some((a) => /^ActiveAdmin::Devise\.config\b/.test(a));
  const mount: DeviseMount = {
    names: positionalNames(args),
    path: activeAdmin ? ctx.activeAdminNamespace() : option(args, "path"),
    skip: new Set(listOption(args, "skip")),
    only: optionRaw(args, "only") === null ? null : listOption(args, "only"),
    pathNames: {
      ...DEVISE_PATH_NAMES,
      ...(activeAdmin ? ACTIVE_ADMIN_PATH_NAMES : hashOption(args, "path_names")),
    },
  };
  emitDeviseMount(mount, top, ctx, emit, nameRoute);
}

const ACTIVE_ADMIN_PATH_NAMES: Readonly<Record<string, string>> = {
  sign_in: "login",
  sign_out: "logout",
};

/**
 * devise_token_auth's `mount_devise_token_auth_for "User", at: "auth", skip: [:registrations]`:
 * Devise's routes for the model under `at`, without Devise's OmniAuth callbacks, and
 * `GET <at>/validate_token`. Its own OmniAuth routes exist only with OmniAuth installed, which
 * the routes file does not tell, so they are left out.
 */
function deviseTokenAuthRoutes(
  args: readonly string[],
  top: Frame,
  ctx: RailsRouteContext,
  emit: (m: HttpMethod, p: string) => void,
  nameRoute: NameRoute,
): void {
  const model = args[0] === undefined ? null : stringOrSymbol(args[0]);
  if (model === null) return;
  const at = option(args, "at") ?? "";
  const skip = listOption(args, "skip");
  const mount: DeviseMount = {
    names: [option(args, "as") ?? pluralWord(underscore(model).replace(/\//g, "_"))],
    path: at,
    skip: new Set([...skip, "omniauth_callbacks"]),
    only: null,
    pathNames: DEVISE_PATH_NAMES,
  };
  emitDeviseMount(mount, top, ctx, emit, nameRoute);
  if (!skip.includes("token_validations")) {
    emit("GET", joinUrlPath(joinUrlPath(top.prefix, at), "validate_token"));
  }
}

function emitDeviseMount(
  mount: DeviseMount,
  top: Frame,
  ctx: RailsRouteContext,
  emit: (m: HttpMethod, p: string) => void,
  nameRoute: NameRoute,
): void {
  // `devise_for :users, skip: :all` (or `only: []`) loads Devise's mappings (helpers,
  // current_user) and routes nothing: the app writes its own sign-in routes.
  if (mount.skip.has("all")) return;
  for (const name of mount.names) {
    const modules = new Set(ctx.deviseModules(name) ?? DEVISE_DEFAULT_MODULES);
    const base = joinUrlPath(top.prefix, mount.path ?? name);
    for (const { controller, module, routes } of DEVISE_ROUTES) {
      if (!modules.has(module) || mount.skip.has(controller)) continue;
      if (mount.only !== null && !mount.only.includes(controller)) continue;
      for (const [method, template, routeName] of routes) {
        const path = joinUrlPath(
          base,
          template.replace(/\{(\w+)\}/g, (_, key: string) => mount.pathNames[key] ?? key),
        );
        emit(method, path);
        if (routeName !== undefined) {
          nameRoute(routeName.replace("{r}", `${top.names}${singular(name)}`), path);
        }
      }
    }
  }
}

/** Doorkeeper's controllers and the routes each adds under its scope, with their names. */
const DOORKEEPER_ROUTES: readonly {
  readonly controller: string;
  readonly routes: readonly (readonly [HttpMethod, string, string])[];
}[] = [
  {
    controller: "authorizations",
    routes: [
      ["GET", "authorize/:code", "native_oauth_authorization"],
      ["GET", "authorize", "new_oauth_authorization"],
      ["POST", "authorize", "oauth_authorization"],
      ["DELETE", "authorize", "oauth_authorization"],
    ],
  },
  {
    controller: "tokens",
    routes: [
      ["POST", "token", "oauth_token"],
      ["POST", "revoke", "oauth_revoke"],
      ["POST", "introspect", "oauth_introspect"],
    ],
  },
  { controller: "token_info", routes: [["GET", "token/info", "oauth_token_info"]] },
  {
    controller: "applications",
    routes: [
      ["GET", "applications", "oauth_applications"],
      ["POST", "applications", "oauth_applications"],
      ["GET", "applications/new", "new_oauth_application"],
      ["GET", "applications/:id/edit", "edit_oauth_application"],
      ["GET", "applications/:id", "oauth_application"],
      ["PATCH", "applications/:id", "oauth_application"],
      ["PUT", "applications/:id", "oauth_application"],
      ["DELETE", "applications/:id", "oauth_application"],
    ],
  },
  {
    controller: "authorized_applications",
    routes: [
      ["GET", "authorized_applications", "oauth_authorized_applications"],
      ["DELETE", "authorized_applications/:id", "oauth_authorized_application"],
    ],
  },
];

/**
 * Doorkeeper's `use_doorkeeper(scope: "oauth") do skip_controllers :applications end`: the OAuth
 * provider's routes under its scope (`/oauth/token`, `/oauth/revoke` …), less the controllers the
 * block skips.
 */
function doorkeeperRoutes(
  args: readonly string[],
  block: readonly Statement[],
  top: Frame,
  emit: (m: HttpMethod, p: string) => void,
  nameRoute: NameRoute,
): void {
  const skipped = new Set<string>();
  for (const { text } of block) {
    const skip = /^skip_controllers\b\s*\(?([^)]*)/.exec(text);
    for (const m of skip?.[1]?.matchAll(/:(\w+)/g) ?? []) skipped.add(m[1] as string);
  }
  const base = joinUrlPath(top.prefix, option(args, "scope") ?? "oauth");
  for (const { controller, routes } of DOORKEEPER_ROUTES) {
    if (skipped.has(controller)) continue;
    for (const [method, template, name] of routes) {
      const path = joinUrlPath(base, template);
      emit(method, path);
      nameRoute(`${top.names}${name}`, path);
    }
  }
}

/** The regular English plurals Rails' inflector forms (`user` → `users`, `company` → `companies`). */
function pluralWord(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function verbRoute(
  keyword: string,
  args: readonly string[],
  top: Frame,
  emit: (m: HttpMethod, p: string, r?: boolean) => void,
  nameRoute: NameRoute,
): void {
  const first = args[0];
  if (first === undefined) return;
  // `get 'login' => 'sessions#new'` puts the path on the left of a hash rocket.
  const rocket = first.includes("=>") && !isOption(first);
  const target = rocket ? (first.split("=>")[0] as string).trim() : first;
  const path = isOption(target) ? null : stringOrSymbol(target);
  const on = option(args, "on");
  const base =
    on === "member"
      ? (top.member ?? top.prefix)
      : on === "collection"
        ? (top.collection ?? top.prefix)
        : top.prefix;
  const methods: HttpMethod[] =
    keyword === "match"
      ? [...(optionRaw(args, "via") ?? "").matchAll(/:(\w+)/g)]
          .map((m) => (m[1] === "all" ? "ANY" : httpVerb(m[1] as string)))
          .filter((v): v is HttpMethod => v !== null)
      : [httpVerb(keyword) as HttpMethod];
  // Rails routes `post :create, on: :collection` to the collection itself (users_path), as it
  // does every canonical action named in a member or collection scope.
  const canonical =
    path !== null &&
    (on === "member" || on === "collection" || top.methodScope === true) &&
    CANONICAL_ACTIONS.has(path);
  for (const method of methods) {
    if (path === null) emit(method, joinUrlPath(base, unresolvedPiece(target)), false);
    else emit(method, canonical ? base : joinUrlPath(base, path));
  }
  if (path === null) return;
  const served = canonical ? base : joinUrlPath(base, path);
  // Its name: `as:`, or what Rails derives from the path, after the member or collection it
  // hangs on (`post :publish` in a member block: publish_article).
  const scopeName =
    on === "member" ? top.memberName : on === "collection" ? top.collectionName : top.scopeName;
  const own = option(args, "as") ?? (/^[\w/]+$/.test(path) ? path.replace(/\//g, "_") : null);
  if (canonical) {
    // `post :create, on: :collection` is the collection's own route (users_path)
    if (scopeName !== undefined) nameRoute(scopeName, served);
  } else if (own !== null) {
    nameRoute(scopeName === undefined ? `${top.names}${own}` : `${own}_${scopeName}`, served);
  }
  // Its controller action: `to: "sessions#new"` (or after the rocket), or the action of that
  // name in the resource's own controller.
  const to =
    option(args, "to") ?? (rocket ? stringOrSymbol((first.split("=>")[1] ?? "").trim()) : null);
  if (to?.includes("#") === true) nameRoute(`${top.module}${to}`, served);
  else if (top.controller !== undefined && /^\w+$/.test(path)) {
    nameRoute(`${top.controller}#${path}`, served);
  }
}

const CANONICAL_ACTIONS = new Set(["index", "create", "new", "show", "update", "destroy"]);

/** The path of a resource's standard action. */
function actionPath(action: Action, collection: string, member: string): string {
  switch (action) {
    case "index":
    case "create":
      return collection;
    case "new":
      return joinUrlPath(collection, "new");
    case "edit":
      return joinUrlPath(member, "edit");
    case "show":
    case "update":
    case "destroy":
      return member;
  }
}

function emitAction(
  action: Action,
  collection: string,
  member: string,
  emit: (m: HttpMethod, p: string) => void,
): void {
  const path = actionPath(action, collection, member);
  for (const method of ACTION_METHODS[action]) emit(method, path);
}

/** The methods each resource action answers. */
const ACTION_METHODS: Readonly<Record<Action, readonly HttpMethod[]>> = {
  index: ["GET"],
  create: ["POST"],
  new: ["GET"],
  show: ["GET"],
  edit: ["GET"],
  update: ["PATCH", "PUT"],
  destroy: ["DELETE"],
};

function selectActions(
  all: readonly Action[],
  args: readonly string[],
  apiOnly: boolean,
): Action[] {
  const only = optionRaw(args, "only");
  const except = optionRaw(args, "except");
  const names = (raw: string): Set<string> =>
    new Set([...raw.matchAll(/:?(\w+)/g)].map((m) => m[1] as string));
  let actions = [...all];
  if (only !== null) actions = actions.filter((a) => names(only).has(a));
  if (except !== null) actions = actions.filter((a) => !names(except).has(a));
  // API-only applications generate no HTML form routes for resources.
  if (apiOnly) actions = actions.filter((a) => a !== "new" && a !== "edit");
  return actions;
}

function segmentFrame(top: Frame, path: string | null, raw: string | undefined): Frame {
  const prefix = joinUrlPath(top.prefix, path ?? unresolvedPiece(raw ?? "?"));
  return {
    prefix,
    resolved: path !== null && top.resolved,
    scope: prefix,
    names: top.names,
    module: top.module,
  };
}

/** `resources :posts, :tags, only: …`: the names before the options. */
function positionalNames(args: readonly string[]): string[] {
  return args
    .filter((a) => !isOption(a))
    .map((a) => stringOrSymbol(a))
    .filter((n): n is string => n !== null);
}

function isOption(arg: string): boolean {
  return /^\w+:\s|^:\w+\s*=>/.test(arg) || /^\w+:$/.test(arg);
}

/** `key: value` or `:key => value` as written. */
function optionRaw(args: readonly string[], key: string): string | null {
  for (const a of args) {
    const m = new RegExp(`^(?:${key}:|:${key}\\s*=>)\\s*([\\s\\S]+)$`).exec(a);
    if (m) return (m[1] as string).trim();
  }
  return null;
}

function option(args: readonly string[], key: string): string | null {
  const raw = optionRaw(args, key);
  return raw === null ? null : stringOrSymbol(raw);
}

/** `only: [:a, :b]`, `skip: :sessions`, `concerns: :commentable`: the names listed. */
function listOption(args: readonly string[], key: string): string[] {
  const raw = optionRaw(args, key);
  return raw === null ? [] : [...raw.matchAll(/:?["']?(\w+)/g)].map((m) => m[1] as string);
}

/** `path_names: { sign_in: "login", sign_out: :logout }` as a map. */
function hashOption(args: readonly string[], key: string): Record<string, string> {
  const raw = optionRaw(args, key);
  const out: Record<string, string> = {};
  if (raw === null) return out;
  for (const m of raw.matchAll(/:?(\w+)(?::|\s*=>)\s*:?["']?([\w-]*)["']?/g)) {
    out[m[1] as string] = m[2] as string;
  }
  return out;
}
