/**
 * Spring MVC / WebFlux annotated controllers: class-level @RequestMapping prefixes, method-level
 * @GetMapping…@DeleteMapping and @RequestMapping(method = …), paths from constants, and the
 * servlet prefix of the module. Declarative HTTP clients (@FeignClient, @HttpExchange) use the
 * same annotations and are skipped: they call endpoints, they do not serve them.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { evidence } from "../../scan-context.js";
import { splitTopLevel } from "../stack-text/brackets.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { annotationPaths } from "./annotation-paths.js";
import type { PropertyLookup } from "./annotation-paths.js";
import type { Annotation, ClassDecl, Declarations, MemberDecl } from "./java-declarations.js";
import { annotationArgs } from "./java-declarations.js";
import type { ConstantTable } from "./jvm-constants.js";
import type { ServletPrefix } from "./spring-config.js";

const MAPPINGS: Record<string, HttpMethod | null> = {
  GetMapping: "GET",
  PostMapping: "POST",
  PutMapping: "PUT",
  PatchMapping: "PATCH",
  DeleteMapping: "DELETE",
  RequestMapping: null,
};
const CLIENT_MARKERS = new Set(["FeignClient", "HttpExchange", "RegisterRestClient"]);
/** Return types that a @Controller method uses for a page rather than a body. */
const VIEW_RETURN = /(?:^|[\s:])(?:String|ModelAndView|View|void|Unit|Rendering|Mono<String>)\s*$/;

export interface SpringFileResult {
  readonly endpoints: Endpoint[];
  /** where the file serves a JSON body (a @RestController, a @ResponseBody method …) */
  readonly json: Evidence[];
  /** how many handlers render a view (a template name, ModelAndView) instead of a body */
  readonly pages: number;
}

export function springEndpoints(
  file: SourceFile,
  decls: Declarations,
  constants: ConstantTable,
  servlet: ServletPrefix,
  framework: string,
  subclasses: ReadonlyMap<string, readonly ClassDecl[]> = new Map(),
  property?: PropertyLookup,
): SpringFileResult {
  const endpoints: Endpoint[] = [];
  const json: Evidence[] = [];
  let pages = 0;
  for (const member of decls.members) {
    const mapping = member.annotations.find((a) => a.name in MAPPINGS);
    if (!mapping) continue;
    const owner = member.owner;
    if (owner && owner.annotations.some((a) => CLIENT_MARKERS.has(a.name))) continue;
    const args = annotationArgs(mapping.args, splitTopLevel);
    const paths = annotationPaths(args.get("value") ?? args.get("path"), constants, property);
    const methods = mappingMethods(mapping, args);
    for (const controller of controllersServing(owner, subclasses)) {
      for (const prefix of annotationPaths(classMappingPath(controller), constants, property)) {
        for (const path of paths) {
          for (const method of methods) {
            endpoints.push({
              method,
              path: joinUrlPath(servlet.path, prefix.value, path.value),
              framework,
              file: file.path,
              line: evidence(file, mapping.start).line,
              resolved: servlet.resolved && prefix.resolved && path.resolved,
            });
          }
        }
      }
      if (servesBody(controller, member))
        json.push(evidence(file, mapping.start, "returns a response body"));
      else pages++;
    }
  }
  return { endpoints, json, pages };
}

const CONTROLLER_MARKERS = new Set(["RestController", "Controller", "RequestMapping"]);

/**
 * The controllers a handler method serves in: its own class, or, for a base class that is no
 * controller itself, each controller that extends it (inheriting the method under its prefix).
 */
function controllersServing(
  owner: ClassDecl | null,
  subclasses: ReadonlyMap<string, readonly ClassDecl[]>,
): readonly (ClassDecl | null)[] {
  if (!owner || owner.annotations.some((a) => CONTROLLER_MARKERS.has(a.name))) return [owner];
  const heirs = (subclasses.get(owner.name) ?? []).filter((c) =>
    c.annotations.some((a) => CONTROLLER_MARKERS.has(a.name)),
  );
  return heirs.length > 0 ? heirs : [owner];
}

function classMappingPath(owner: ClassDecl | null): string | undefined {
  const mapping = owner?.annotations.find((a) => a.name === "RequestMapping");
  if (!mapping) return undefined;
  const args = annotationArgs(mapping.args, splitTopLevel);
  return args.get("value") ?? args.get("path");
}

function mappingMethods(mapping: Annotation, args: ReadonlyMap<string, string>): HttpMethod[] {
  const fixed = MAPPINGS[mapping.name];
  if (fixed) return [fixed];
  const declared = args.get("method");
  if (declared === undefined) return ["ANY"];
  const verbs = [...declared.matchAll(/\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)]
    .map((m) => httpVerb(m[1] as string))
    .filter((v): v is HttpMethod => v !== null);
  return verbs.length > 0 ? [...new Set(verbs)] : ["ANY"];
}

/** JSON (or another body) rather than a rendered view. */
function servesBody(owner: ClassDecl | null, member: MemberDecl): boolean {
  const has = (list: readonly Annotation[], name: string): boolean =>
    list.some((a) => a.name === name);
  if (member.annotations.some((a) => a.name === "ResponseBody")) return true;
  if (!owner) return false;
  if (has(owner.annotations, "RestController") || has(owner.annotations, "ResponseBody"))
    return true;
  if (owner.kind === "interface") return true;
  const returnType = returnTypeOf(member.signature);
  if (/ResponseEntity|HttpEntity|Flux</.test(returnType)) return true;
  return has(owner.annotations, "Controller") ? !VIEW_RETURN.test(returnType) : false;
}

/** The declared return type: Java puts it before the name, Kotlin after the parameter list. */
function returnTypeOf(signature: string): string {
  const paren = signature.indexOf("(");
  const kotlin = /\bfun\b/.test(signature);
  if (kotlin) {
    const after = /\)\s*:\s*([\s\S]+)$/.exec(signature);
    return after ? (after[1] as string).trim() : "Unit";
  }
  const head = signature.slice(0, paren === -1 ? signature.length : paren).trim();
  return head.replace(/\s*[A-Za-z_]\w*$/, "");
}
