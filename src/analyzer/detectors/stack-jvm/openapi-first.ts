/**
 * API-first Spring apps: the build runs openapi-generator on a spec in the repository and the
 * app's controllers implement the generated interfaces (`class OwnerController implements
 * OwnersApi`). The mappings live in generated code that is not committed, so the endpoints are
 * read from the spec's operations and placed at the controller method that implements each one
 * (named by its operationId).
 *
 * The generator names an interface after an operation's first tag (`useTags`) or the first path
 * segment, camel-cased with an `Api` suffix: tag `pet-types` gives `PetTypesApi`.
 *
 * Helidon's server generator (`java-helidon-server`) writes JAX-RS interfaces named with a
 * `Service` suffix (`OwnerService`) whose @Path starts with the path of the spec's first server
 * URL, so its operations are served there, outside any Spring prefix.
 *
 * Quarkus' server generator (the quarkus-openapi-generator-server extension) reads every spec in
 * the module's `src/main/resources/openapi/` and writes JAX-RS interfaces whose names depend on
 * the code generator it is set to use; an operation is placed at the method named by its
 * operationId in a class of that module implementing an interface the repository does not hold,
 * and served under the module's JAX-RS application path (`quarkus.rest.path`).
 */
import { joinRepoPath } from "../../repo-path.js";
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { lineAt } from "../../scan-context.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { yamlParser } from "./yaml-parser.js";

/** A build that generates server interfaces (not a client) from a spec. */
const GENERATOR = /openapi-generator|org\.openapi\.generator/;
const SERVER_GENERATOR =
  /generatorName\b[^\n]*?\b(spring|kotlin-spring|jaxrs-spec|jaxrs-[\w-]+|java-helidon-server)\b/;
/** The Quarkus extension, which generates from the module's `src/main/resources/openapi/`. */
const QUARKUS_SERVER_GENERATOR =
  /<artifactId>quarkus-openapi-generator-server<\/artifactId>|["':]quarkus-openapi-generator-server\b/;
const HELIDON_GENERATOR = /generatorName\b[^\n]*?\bjava-helidon-server\b/;
const INPUT_SPEC =
  /<inputSpec>\s*([^<\s]+)\s*<\/inputSpec>|inputSpec\s*(?:=|\.set\s*\()\s*(?:file\s*\(\s*)?["']([^"']+)["']/g;
/** `class X … implements A, B {` (Java) or `class X(…) : A, B {` (Kotlin). */
const IMPLEMENTER =
  /\bclass\s+(\w+)\b[^{;]*?(?:\bimplements\b|\)\s*:|^\s*:)\s*([\w\s,.<>]+?)\s*\{/gm;

interface Operation {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string | null;
  /**
   * the generated interface that declares the operation (`BooksApi`, `OwnerService`), or null
   * when any generated interface of the module `root` may (matched by operationId)
   */
  readonly iface: string | null;
  readonly root: string;
  /** set for generators whose interfaces carry their own full JAX-RS path */
  readonly framework: "jax-rs" | null;
  /** Quarkus' generator: served under the module's JAX-RS application path */
  readonly quarkus: boolean;
}

/** How one generator names its interfaces and where their paths start. */
interface GeneratorStyle {
  readonly suffix: string;
  readonly basePath: string;
  readonly framework: "jax-rs" | null;
}

export interface ApiFirstSource {
  readonly file: SourceFile;
  readonly masked: string;
}

export interface ApiFirstResult {
  readonly endpoints: Endpoint[];
  readonly json: Evidence[];
}

/**
 * Endpoints of controllers that implement interfaces generated from the repository's spec.
 * `prefixOf` gives the servlet prefix plus the class-level @RequestMapping of a controller.
 */
export function apiFirstEndpoints(
  ctx: ScanContext,
  sources: readonly ApiFirstSource[],
  declared: ReadonlySet<string>,
  prefixOf: (source: ApiFirstSource, className: string) => { path: string; resolved: boolean },
  framework: string,
  jaxRsBaseOf: (source: ApiFirstSource) => { value: string; resolved: boolean } = () => ({
    value: "",
    resolved: true,
  }),
): ApiFirstResult {
  const operations = generatedOperations(ctx);
  if (operations.length === 0) return { endpoints: [], json: [] };
  const interfaces = new Set(operations.map((op) => op.iface));
  const byOperationId = operations.filter((op) => op.iface === null);
  const endpoints: Endpoint[] = [];
  const json: Evidence[] = [];
  for (const source of sources) {
    for (const m of source.masked.matchAll(IMPLEMENTER)) {
      const className = m[1] as string;
      const generated = (m[2] as string)
        .split(",")
        .map((t) =>
          t
            .trim()
            .replace(/<[\s\S]*$/, "")
            .replace(/^[\w.]*\./, ""),
        )
        .filter(
          (t) =>
            (interfaces.has(t) ||
              byOperationId.some((op) => source.file.path.startsWith(op.root))) &&
            !declared.has(t),
        );
      if (generated.length === 0) continue;
      const prefix = prefixOf(source, className);
      const classLine = lineAt(source.masked, m.index);
      let served = 0;
      for (const op of operations) {
        if (
          op.iface === null ? !source.file.path.startsWith(op.root) : !generated.includes(op.iface)
        )
          continue;
        const at = op.operationId
          ? new RegExp(`\\b${op.operationId}\\s*\\(`).exec(source.masked.slice(m.index))
          : null;
        if (op.iface === null && at === null) continue;
        const jaxRs = op.framework === "jax-rs";
        const base = op.quarkus ? jaxRsBaseOf(source) : { value: "", resolved: true };
        endpoints.push({
          method: op.method,
          path: jaxRs ? joinUrlPath(base.value, op.path) : joinUrlPath(prefix.path, op.path),
          framework: op.framework ?? framework,
          file: source.file.path,
          line: at ? lineAt(source.masked, m.index + at.index) : classLine,
          resolved: jaxRs ? base.resolved : prefix.resolved,
        });
        served++;
      }
      if (served > 0)
        json.push({ file: source.file.path, line: classLine, note: "implements a generated API" });
    }
  }
  return { endpoints, json };
}

/** The generated interface an operation belongs to. */
function interfaceOf(tag: string | null, path: string, suffix: string): string {
  const basis = tag ?? path.split("/").find((s) => s.length > 0 && !s.startsWith("{")) ?? "default";
  const camel = basis
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return `${camel}${suffix}`;
}

/** Operations of every spec that a server generator in a build file of the repository reads. */
function generatedOperations(ctx: ScanContext): Operation[] {
  const out: Operation[] = [];
  for (const build of ctx.files) {
    if (build.role !== "app") continue;
    if (
      build.name !== "pom.xml" &&
      build.name !== "build.gradle" &&
      build.name !== "build.gradle.kts"
    )
      continue;
    const dir = build.path.slice(0, build.path.lastIndexOf("/") + 1);
    if (QUARKUS_SERVER_GENERATOR.test(build.text)) {
      const specDir = `${dir}src/main/resources/openapi/`;
      for (const spec of ctx.files) {
        if (spec.path.startsWith(specDir) && /^(?:json|ya?ml)$/.test(spec.ext))
          out.push(...specOperations(spec.text, "quarkus", dir));
      }
      continue;
    }
    if (!GENERATOR.test(build.text) || !SERVER_GENERATOR.test(build.text)) continue;
    const helidon = HELIDON_GENERATOR.test(build.text);
    for (const m of build.text.matchAll(INPUT_SPEC)) {
      const raw = (m[1] ?? m[2] ?? "").replace(
        /^(?:\$\{project\.basedir\}|\$\{basedir\}|\$projectDir|\$\{projectDir\}|\$rootDir|\$\{rootDir\})\/?/,
        "",
      );
      const at = joinRepoPath(dir, raw);
      const spec = at === null ? undefined : ctx.byPath.get(at);
      if (spec) out.push(...specOperations(spec.text, helidon ? "helidon" : "spring", dir));
    }
  }
  return out;
}

function specOperations(
  text: string,
  generator: "spring" | "helidon" | "quarkus",
  root: string,
): Operation[] {
  const { isMap, isScalar, isSeq, parseDocument } = yamlParser();
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const paths = doc.get("paths");
  if (!isMap(paths)) return [];
  const servers = doc.get("servers");
  const firstServer = isSeq(servers) && isMap(servers.items[0]) ? servers.items[0] : undefined;
  const serverUrl = firstServer?.get("url");
  const style: GeneratorStyle =
    generator === "helidon"
      ? {
          suffix: "Service",
          basePath: typeof serverUrl === "string" ? urlPath(serverUrl) : "",
          framework: "jax-rs",
        }
      : generator === "quarkus"
        ? { suffix: "", basePath: "", framework: "jax-rs" }
        : { suffix: "Api", basePath: "", framework: null };
  const out: Operation[] = [];
  for (const pathItem of paths.items) {
    if (!isScalar(pathItem.key) || !isMap(pathItem.value)) continue;
    const path = String(pathItem.key.value);
    for (const opItem of pathItem.value.items) {
      const method = isScalar(opItem.key) ? httpVerb(String(opItem.key.value)) : null;
      if (method === null || !isMap(opItem.value)) continue;
      const id = opItem.value.get("operationId");
      const tags = opItem.value.get("tags");
      const firstTag = isSeq(tags) ? tags.items[0] : undefined;
      out.push({
        method,
        path: joinUrlPath(style.basePath, path),
        operationId: typeof id === "string" && /^\w+$/.test(id) ? id : null,
        iface:
          generator === "quarkus"
            ? null
            : interfaceOf(isScalar(firstTag) ? String(firstTag.value) : null, path, style.suffix),
        root,
        framework: style.framework,
        quarkus: generator === "quarkus",
      });
    }
  }
  return out;
}

/** The path of a server URL: `http://localhost:8080/petclinic/api` gives `/petclinic/api`. */
function urlPath(url: string): string {
  const m = /^(?:[a-z][\w+.-]*:)?\/\/[^/]*(\/[^?#]*)?/i.exec(url);
  if (m) return m[1] ?? "";
  return url.startsWith("/") ? url.replace(/[?#].*$/, "") : "";
}
