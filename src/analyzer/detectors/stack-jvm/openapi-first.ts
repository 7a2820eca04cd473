/**
 * API-first Spring apps: the build runs openapi-generator on a spec in the repository and the
 * app's controllers implement the generated interfaces (`class OwnerController implements
 * OwnersApi`). The mappings live in generated code that is not committed, so the endpoints are
 * read from the spec's operations and placed at the controller method that implements each one
 * (named by its operationId).
 *
 * The generator names an interface after an operation's first tag (`useTags`) or the first path
 * segment, camel-cased with an `Api` suffix: tag `pet-types` gives `PetTypesApi`.
 */
import type { Endpoint, Evidence, HttpMethod } from "../../report.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { lineAt } from "../../scan-context.js";
import { httpVerb } from "../stack-text/endpoint-list.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { yamlParser } from "./yaml-parser.js";

/** A build that generates server interfaces (not a client) from a spec. */
const GENERATOR = /openapi-generator|org\.openapi\.generator/;
const SERVER_GENERATOR = /generatorName\b[^\n]*?\b(spring|kotlin-spring|jaxrs-spec|jaxrs-[\w-]+)\b/;
const INPUT_SPEC =
  /<inputSpec>\s*([^<\s]+)\s*<\/inputSpec>|inputSpec\s*(?:=|\.set\s*\()\s*(?:file\s*\(\s*)?["']([^"']+)["']/g;
/** `class X … implements A, B {` (Java) or `class X(…) : A, B {` (Kotlin). */
const IMPLEMENTER =
  /\bclass\s+(\w+)\b[^{;]*?(?:\bimplements\b|\)\s*:|^\s*:)\s*([\w\s,.<>]+?)\s*\{/gm;

interface Operation {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string | null;
  readonly tag: string | null;
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
): ApiFirstResult {
  const operations = generatedOperations(ctx);
  if (operations.length === 0) return { endpoints: [], json: [] };
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
        .filter((t) => t.endsWith("Api") && !declared.has(t));
      if (generated.length === 0) continue;
      const prefix = prefixOf(source, className);
      const classLine = lineAt(source.masked, m.index);
      let served = 0;
      for (const op of operations) {
        if (!generated.includes(interfaceOf(op))) continue;
        const at = op.operationId
          ? new RegExp(`\\b${op.operationId}\\s*\\(`).exec(source.masked.slice(m.index))
          : null;
        endpoints.push({
          method: op.method,
          path: joinUrlPath(prefix.path, op.path),
          framework,
          file: source.file.path,
          line: at ? lineAt(source.masked, m.index + at.index) : classLine,
          resolved: prefix.resolved,
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
function interfaceOf(op: Operation): string {
  const basis =
    op.tag ?? op.path.split("/").find((s) => s.length > 0 && !s.startsWith("{")) ?? "default";
  const camel = basis
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return `${camel}Api`;
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
    if (!GENERATOR.test(build.text) || !SERVER_GENERATOR.test(build.text)) continue;
    const dir = build.path.slice(0, build.path.lastIndexOf("/") + 1);
    for (const m of build.text.matchAll(INPUT_SPEC)) {
      const raw = (m[1] ?? m[2] ?? "").replace(
        /^(?:\$\{project\.basedir\}|\$\{basedir\}|\$projectDir|\$\{projectDir\}|\$rootDir|\$\{rootDir\})\/?/,
        "",
      );
      const spec = ctx.byPath.get(normalise(dir + raw));
      if (spec) out.push(...specOperations(spec.text));
    }
  }
  return out;
}

function specOperations(text: string): Operation[] {
  const { isMap, isScalar, isSeq, parseDocument } = yamlParser();
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const paths = doc.get("paths");
  if (!isMap(paths)) return [];
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
        path,
        operationId: typeof id === "string" && /^\w+$/.test(id) ? id : null,
        tag: isScalar(firstTag) ? String(firstTag.value) : null,
      });
    }
  }
  return out;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}
