/**
 * JAX-RS resources (Jersey, RESTEasy, Quarkus, CXF): class @Path + method @GET/@POST/… with an
 * optional method @Path, under the application's @ApplicationPath. MicroProfile REST client
 * interfaces (@RegisterRestClient) use the same annotations to call services and are skipped.
 * Retrofit's `@GET("users")` takes an argument, JAX-RS's `@GET` never does, which tells them apart.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { annotationPaths } from "./annotation-paths.js";
import type { Annotation, ClassDecl, Declarations, MemberDecl } from "./java-declarations.js";
import { annotationArgs } from "./java-declarations.js";
import type { ConstantTable, ResolvedString } from "./jvm-constants.js";

const VERBS: Record<string, HttpMethod> = {
  GET: "GET",
  POST: "POST",
  PUT: "PUT",
  PATCH: "PATCH",
  DELETE: "DELETE",
  HEAD: "HEAD",
  OPTIONS: "OPTIONS",
};

export interface JaxRsFileResult {
  readonly endpoints: Endpoint[];
  readonly json: Evidence[];
}

export function jaxRsEndpoints(
  file: SourceFile,
  decls: Declarations,
  constants: ConstantTable,
  applicationPath: ResolvedString,
  subclasses: ReadonlyMap<string, readonly ClassDecl[]> = new Map(),
  locators: SubResourceLocators = new Map(),
): JaxRsFileResult {
  const endpoints: Endpoint[] = [];
  const json: Evidence[] = [];
  for (const member of decls.members) {
    const verb = member.annotations.find((a) => a.name in VERBS && a.args === null);
    if (!verb) continue;
    const owner = member.owner;
    if (!owner || owner.annotations.some((a) => a.name === "RegisterRestClient")) continue;
    const methodPath = pathOf(member.annotations, constants);
    const located = owner.annotations.some((a) => a.name === "Path")
      ? []
      : subResourcePaths(owner.name, locators, constants);
    const mounts =
      located.length > 0
        ? located
        : resourcesServing(owner, subclasses).map((r) => pathOf(r.annotations, constants));
    for (const classPath of mounts) {
      const resolved = applicationPath.resolved && classPath.resolved && methodPath.resolved;
      endpoints.push({
        method: VERBS[verb.name] as HttpMethod,
        path: joinUrlPath(applicationPath.value, classPath.value, methodPath.value),
        framework: "jax-rs",
        file: file.path,
        line: evidence(file, verb.start).line,
        resolved,
      });
    }
    const produces =
      member.annotations.find((a) => a.name === "Produces") ??
      owner.annotations.find((a) => a.name === "Produces");
    // Without @Produces the runtime picks JSON for entities; only an explicit page type says otherwise.
    if (
      !produces ||
      !/TEXT_HTML|text\/html|TEXT_PLAIN|text\/plain/.test(produces.args ?? "") ||
      /JSON|json/.test(produces.args ?? "")
    ) {
      json.push(evidence(file, verb.start, "returns a response body"));
    }
  }
  return { endpoints, json };
}

/** Sub-resource locators by the class they return: methods with @Path and no HTTP verb. */
export type SubResourceLocators = ReadonlyMap<string, readonly MemberDecl[]>;

/**
 * The locators of some JAX-RS sources: `@Path("{id}") public TaskResource task() { … }` hands
 * the request to TaskResource, whose methods then serve under the locator's path.
 */
export function subResourceLocators(decls: readonly Declarations[]): Map<string, MemberDecl[]> {
  const out = new Map<string, MemberDecl[]>();
  for (const { members } of decls) {
    for (const member of members) {
      if (!member.owner || !member.annotations.some((a) => a.name === "Path")) continue;
      if (member.annotations.some((a) => a.name in VERBS)) continue;
      const returned = locatedClass(member.signature);
      if (returned === null) continue;
      const list = out.get(returned) ?? [];
      list.push(member);
      out.set(returned, list);
    }
  }
  return out;
}

/** The class a locator returns: `TaskResource task(…)`, `Class<TaskResource> task(…)`, `fun task(): TaskResource`. */
function locatedClass(signature: string): string | null {
  const paren = signature.indexOf("(");
  if (paren === -1) return null;
  const kotlin = /\)\s*:\s*(?:[\w.]*\.)?(\w+)/.exec(signature.slice(paren));
  if (/\bfun\b/.test(signature)) return kotlin ? (kotlin[1] as string) : null;
  const head = /(?:[\w.]*\.)?(\w+)(?:\s*<\s*(?:[\w.]*\.)?(\w+)\s*>)?\s+\w+\s*$/.exec(
    signature.slice(0, paren),
  );
  if (!head) return null;
  return (head[1] === "Class" ? head[2] : head[1]) ?? null;
}

/**
 * The paths a sub-resource class is reached at: each locator's class path plus its own @Path,
 * followed up through locators of locators (a few levels, against cycles).
 */
function subResourcePaths(
  className: string,
  locators: SubResourceLocators,
  constants: ConstantTable,
  depth = 0,
): ResolvedString[] {
  const out: ResolvedString[] = [];
  for (const locator of locators.get(className) ?? []) {
    const owner = locator.owner as ClassDecl;
    const own = pathOf(locator.annotations, constants);
    const parents = owner.annotations.some((a) => a.name === "Path")
      ? [pathOf(owner.annotations, constants)]
      : depth < 4
        ? subResourcePaths(owner.name, locators, constants, depth + 1)
        : [];
    for (const parent of parents) {
      out.push({
        value: joinUrlPath(parent.value, own.value),
        resolved: parent.resolved && own.resolved,
      });
    }
  }
  return out;
}

/**
 * The root resources a method's class serves in: itself, or, for a base class without @Path that
 * @Path subclasses extend, each of those subclasses (the method is inherited at their paths).
 */
function resourcesServing(
  owner: ClassDecl,
  subclasses: ReadonlyMap<string, readonly ClassDecl[]>,
): readonly ClassDecl[] {
  if (owner.annotations.some((a) => a.name === "Path")) return [owner];
  const heirs = (subclasses.get(owner.name) ?? []).filter((c) =>
    c.annotations.some((a) => a.name === "Path"),
  );
  return heirs.length > 0 ? heirs : [owner];
}

function pathOf(list: readonly Annotation[], constants: ConstantTable): ResolvedString {
  const path = list.find((a) => a.name === "Path");
  if (!path) return { value: "", resolved: true };
  const args = annotationArgs(path.args, splitTopLevel);
  return annotationPaths(args.get("value"), constants)[0] ?? { value: "", resolved: true };
}

/** `@ApplicationPath("/api")` of an application class. */
export function applicationPathIn(masked: string, constants: ConstantTable): ResolvedString | null {
  const m = /@(?:[\w.]+\.)?ApplicationPath\s*\(([^)]*)\)/.exec(masked);
  if (!m) return null;
  const args = annotationArgs(m[1] as string, splitTopLevel);
  return annotationPaths(args.get("value"), constants)[0] ?? null;
}

/** Quarkus' keys for the JAX-RS application path, newest first. */
export const QUARKUS_REST_PATH_KEYS = [
  "quarkus.rest.path",
  "quarkus.resteasy-reactive.path",
  "quarkus.resteasy.path",
];

/**
 * The path JAX-RS resources are served under: Quarkus' `quarkus.http.root-path`, then the
 * `@ApplicationPath` of the application or, without one, Quarkus' `quarkus.rest.path` (or the
 * older `quarkus.resteasy-reactive.path` / `quarkus.resteasy.path`), as the module's
 * application.properties or application.yaml sets them.
 */
export function jaxRsBasePath(
  applicationClass: ResolvedString | null,
  property: (key: string) => string | undefined,
): ResolvedString {
  const root = configPath(property("quarkus.http.root-path"));
  const rest =
    applicationClass ??
    configPath(QUARKUS_REST_PATH_KEYS.map(property).find((v) => v !== undefined));
  return { value: joinUrlPath(root.value, rest.value), resolved: root.resolved && rest.resolved };
}

/** A configured path; `${VAR:/api}` comes from the environment, its default if it has one. */
function configPath(value: string | undefined): ResolvedString {
  if (value === undefined) return { value: "", resolved: true };
  const placeholder = /^\$\{[^:}]+(?::([^}]*))?\}$/.exec(value.trim());
  if (!placeholder) return { value: value.trim(), resolved: true };
  return placeholder[1] === undefined
    ? { value: "", resolved: false }
    : { value: placeholder[1], resolved: true };
}
