/**
 * Rails routing from config/routes.rb: resources/resource with only:/except:/param:/path:, nested
 * resources, member and collection blocks, namespace and scope prefixes, verb routes, match with
 * via:, and root. In an API-only app (`config.api_only = true`) resources have no new/edit forms.
 */
import type { Endpoint, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
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
}

export function railsRoutes(file: SourceFile, masked: string, apiOnly: boolean): Endpoint[] {
  const out: Endpoint[] = [];
  const stack: Frame[] = [{ prefix: "", resolved: true }];
  const lines = masked.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let stmt = (lines[i] as string).trim();
    // Arguments continued on the next lines: `resources :posts,\n  only: [:index]`.
    while (/[,([\\]$/.test(stmt) && i + 1 < lines.length)
      stmt += ` ${(lines[++i] as string).trim()}`;
    if (stmt === "") continue;
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
    const emit = (method: HttpMethod, path: string, resolved = true): void => {
      out.push({
        method,
        path,
        framework: "rails",
        file: file.path,
        line: lineNo,
        resolved: resolved && top.resolved,
      });
    };
    let frame: Frame | null = null;

    if (keyword === "namespace") {
      const name = stringOrSymbol(args[0] ?? "");
      const path = option(args, "path") ?? name;
      frame = segmentFrame(top, path, args[0]);
    } else if (keyword === "scope") {
      const first = args[0] !== undefined && !isOption(args[0]) ? stringOrSymbol(args[0]) : null;
      const path = first ?? option(args, "path");
      frame =
        path === null
          ? { ...top, member: undefined, collection: undefined }
          : segmentFrame(top, path, path);
    } else if (keyword === "resources" || keyword === "resource") {
      const plural = keyword === "resources";
      const names = args
        .filter((a) => !isOption(a))
        .map((a) => stringOrSymbol(a))
        .filter((n): n is string => n !== null);
      const actions = selectActions(plural ? PLURAL_ACTIONS : SINGULAR_ACTIONS, args, apiOnly);
      for (const name of names) {
        const seg = option(args, "path") ?? name;
        const collection = joinUrlPath(top.prefix, seg);
        const param = option(args, "param") ?? "id";
        const member = plural ? joinUrlPath(collection, `:${param}`) : collection;
        for (const action of actions) emitAction(action, collection, member, emit);
        const nested = plural ? joinUrlPath(collection, `:${singular(name)}_${param}`) : collection;
        frame = { prefix: nested, resolved: top.resolved, member, collection };
      }
    } else if (keyword === "member" || keyword === "collection") {
      const path = keyword === "member" ? top.member : top.collection;
      frame = { prefix: path ?? top.prefix, resolved: top.resolved };
    } else if (keyword === "root") {
      emit("GET", top.prefix === "" ? "/" : top.prefix);
    } else if (httpVerb(keyword) !== null || keyword === "match") {
      verbRoute(keyword, args, top, emit);
    }
    if (opensBlock) stack.push(frame ?? top);
  }
  return out;
}

function verbRoute(
  keyword: string,
  args: readonly string[],
  top: Frame,
  emit: (m: HttpMethod, p: string, r?: boolean) => void,
): void {
  const first = args[0];
  if (first === undefined) return;
  // `get 'login' => 'sessions#new'` puts the path on the left of a hash rocket.
  const target =
    first.includes("=>") && !isOption(first) ? (first.split("=>")[0] as string).trim() : first;
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
  for (const method of methods) {
    if (path === null) emit(method, joinUrlPath(base, unresolvedPiece(target)), false);
    else emit(method, joinUrlPath(base, path));
  }
}

function emitAction(
  action: Action,
  collection: string,
  member: string,
  emit: (m: HttpMethod, p: string) => void,
): void {
  switch (action) {
    case "index":
      return emit("GET", collection);
    case "create":
      return emit("POST", collection);
    case "new":
      return emit("GET", joinUrlPath(collection, "new"));
    case "show":
      return emit("GET", member);
    case "edit":
      return emit("GET", joinUrlPath(member, "edit"));
    case "update":
      emit("PATCH", member);
      return emit("PUT", member);
    case "destroy":
      return emit("DELETE", member);
  }
}

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
  if (path === null) {
    return { prefix: joinUrlPath(top.prefix, unresolvedPiece(raw ?? "?")), resolved: false };
  }
  return { prefix: joinUrlPath(top.prefix, path), resolved: top.resolved };
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

/** Rails' inflection for the common cases: articles → article, categories → category. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1);
  return word;
}
