/**
 * The routes a Django REST framework router generates for a registered ViewSet: list and create
 * on `{prefix}/`, retrieve/update/partial_update/destroy on `{prefix}/{lookup}/` — only the
 * actions the ViewSet really has (ModelViewSet all six, ReadOnlyModelViewSet list and retrieve,
 * the mixins by their names, methods the class defines) — plus its `@action` extra routes.
 */
import type { HttpMethod } from "../../report.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { regexRouteAsPath } from "./django-regex-path.js";
import type { Located, PyDefinitions } from "./py-definitions.js";
import {
  callArgs,
  classAttribute,
  functionAfter,
  keyword,
  stringList,
  stringValue,
} from "./py-source.js";
import type { PyClass } from "./py-source.js";

export interface ViewSetRoute {
  readonly method: HttpMethod;
  /** relative to the router prefix, e.g. "" (list), "{pk}/" (detail), "{pk}/publish/" */
  readonly suffix: string;
  /** what the router names the route after the basename: "list", "detail" or the action's url_name */
  readonly name: string;
}

const STANDARD_ACTIONS: readonly (readonly [string, HttpMethod, "list" | "detail"])[] = [
  ["list", "GET", "list"],
  ["create", "POST", "list"],
  ["retrieve", "GET", "detail"],
  ["update", "PUT", "detail"],
  ["partial_update", "PATCH", "detail"],
  ["destroy", "DELETE", "detail"],
];

const ACTIONS_OF_BASE: Readonly<Record<string, readonly string[]>> = {
  ModelViewSet: ["list", "create", "retrieve", "update", "partial_update", "destroy"],
  ReadOnlyModelViewSet: ["list", "retrieve"],
  ListModelMixin: ["list"],
  CreateModelMixin: ["create"],
  RetrieveModelMixin: ["retrieve"],
  UpdateModelMixin: ["update", "partial_update"],
  DestroyModelMixin: ["destroy"],
};

export function viewSetRoutes(
  defs: PyDefinitions,
  viewset: Located<PyClass>,
  trailingSlash: string,
): ViewSetRoute[] {
  const lineage = defs.lineage(viewset);
  const bases = defs.baseNames(lineage);
  const defined = defs.definedMethods(lineage);
  const actions = new Set<string>();
  for (const base of bases) for (const a of ACTIONS_OF_BASE[base] ?? []) actions.add(a);
  for (const [name] of STANDARD_ACTIONS) if (defined.has(name)) actions.add(name);

  let lookup = "pk";
  for (const cls of lineage) {
    const raw =
      classAttribute(cls.file.file.text, cls.file.code, cls.def, "lookup_url_kwarg") ??
      classAttribute(cls.file.file.text, cls.file.code, cls.def, "lookup_field");
    const value = raw === null ? null : stringValue(raw);
    if (value !== null) {
      lookup = value;
      break;
    }
  }

  const routes: ViewSetRoute[] = [];
  for (const [name, method, kind] of STANDARD_ACTIONS) {
    if (!actions.has(name)) continue;
    routes.push({
      method,
      suffix: kind === "list" ? "" : `{${lookup}}${trailingSlash}`,
      name: kind,
    });
  }
  for (const cls of lineage) {
    const { code } = cls.file;
    const text = cls.file.file.text;
    const body = code.slice(cls.def.bodyStart, cls.def.bodyEnd);
    for (const m of body.matchAll(/^[ \t]*@action[ \t]*\(/gm)) {
      const open = cls.def.bodyStart + m.index + m[0].length - 1;
      const call = callArgs(text, code, open);
      const fn = functionAfter(code, call.end);
      if (fn === null) continue;
      const detail = (keyword(call, "detail")?.value ?? "False") === "True";
      const methodsArg = keyword(call, "methods");
      const methods =
        methodsArg === undefined ? ["get"] : (stringList(methodsArg.value) ?? ["get"]);
      const urlPathArg = keyword(call, "url_path");
      const written = (urlPathArg === undefined ? null : stringValue(urlPathArg.value)) ?? fn.name;
      // DRF reads url_path as a regex: `attachments/(?P<attachment_id>[^/.]+)` is the path
      // attachments/{attachment_id}, written as the router writes its lookup.
      const urlPath = written.includes("(?P<")
        ? regexRouteAsPath(written).replace(/<(\w+)>/g, "{$1}")
        : written;
      const prefix = detail ? `{${lookup}}/` : "";
      const urlNameArg = keyword(call, "url_name");
      const name =
        (urlNameArg === undefined ? null : stringValue(urlNameArg.value)) ??
        fn.name.replace(/_/g, "-");
      for (const method of methods) {
        const http = httpVerb(method);
        if (http !== null)
          routes.push({ method: http, suffix: `${prefix}${urlPath}${trailingSlash}`, name });
      }
    }
  }
  return routes;
}
