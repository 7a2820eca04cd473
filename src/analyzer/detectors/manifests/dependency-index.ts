/**
 * Dependencies declared in the application's manifests, across ecosystems, with the line that
 * declares them. Keys are ecosystem-qualified and lower-case so that two ecosystems' packages of
 * the same name never collide: "npm:pg", "pypi:psycopg2-binary", "maven:org.postgresql:postgresql"
 * (and "maven:postgresql" for the artifact alone), "go:github.com/golang-jwt/jwt" (major-version
 * suffix dropped), "gem:pg", "composer:laravel/socialite", "nuget:npgsql", "gradle-plugin:<id>",
 * "msbuild-sdk:microsoft.net.sdk.web", "dotnet-framework:microsoft.aspnetcore.app".
 * Built once per ScanContext and shared by all signal detectors, from the same readers the stack
 * detectors use (package-json.ts, python-manifests.ts, other-ecosystems.ts), so both see the same
 * declarations. A second index holds only what runs with the application (not devDependencies,
 * Maven test scope, Gradle test configurations…), for signals a test-only library must not make.
 */
import type { Evidence } from "../../report.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { DependencyScope } from "./declared-dependency.js";
import { catalogScopes } from "./gradle-catalog-scopes.js";
import { otherEcosystemDependencies, type KeyedDeclaration } from "./other-ecosystems.js";
import { parsePackageJson } from "./package-json.js";
import { pythonManifestDependencies } from "./python-manifests.js";

type KeyIndex = Map<string, Evidence[]>;

interface DependencyIndex {
  readonly all: KeyIndex;
  /** declarations in the run-time scope only */
  readonly prod: KeyIndex;
}

/** Enough places for a reader to check a declaration; more only lengthen the report. */
const MAX_EVIDENCE_PER_KEY = 3;

const cache = new WeakMap<ScanContext, DependencyIndex>();

export function dependencyIndex(ctx: ScanContext): DependencyIndex {
  let index = cache.get(ctx);
  if (!index) {
    index = buildIndex(ctx);
    cache.set(ctx, index);
  }
  return index;
}

/**
 * Declaration evidence for any of the keys, in key order; with scope "prod", only declarations
 * the application runs with.
 */
export function dependencyEvidence(
  ctx: ScanContext,
  keys: readonly string[],
  scope?: "prod",
): Evidence[] {
  if (keys.length === 0) return [];
  const index = dependencyIndex(ctx)[scope ?? "all"];
  return keys.flatMap((key) => index.get(key.toLowerCase()) ?? []);
}

/** What one file declares, keyed, or null when it is no manifest. */
function declarations(file: SourceFile): readonly KeyedDeclaration[] | null {
  if (file.name === "package.json") {
    const manifest = parsePackageJson(file);
    return (manifest?.dependencies ?? []).map((d) => ({
      key: `npm:${d.name}`,
      line: d.line,
      scope: d.scope,
    }));
  }
  const python = pythonManifestDependencies(file);
  if (python !== null) {
    return python.map((d) => ({ key: `pypi:${d.name}`, line: d.line, scope: d.scope }));
  }
  return otherEcosystemDependencies(file);
}

function buildIndex(ctx: ScanContext): DependencyIndex {
  const index: DependencyIndex = { all: new Map(), prod: new Map() };
  let catalogued: Map<string, DependencyScope> | undefined;
  for (const file of ctx.files) {
    // Manifests of examples and test fixtures describe other projects, not this one.
    if (file.role !== "app") continue;
    for (const declaration of declarations(file) ?? []) {
      const { key, line, catalogAccessor } = declaration;
      let { scope } = declaration;
      if (catalogAccessor !== undefined) {
        catalogued ??= catalogScopes(ctx);
        scope = catalogued.get(catalogAccessor) ?? scope;
      }
      const found = { file: file.path, line, note: `declares ${key.slice(key.indexOf(":") + 1)}` };
      addTo(index.all, key, found);
      if (scope === "prod") addTo(index.prod, key, found);
    }
  }
  return index;
}

function addTo(index: KeyIndex, key: string, found: Evidence): void {
  const k = key.toLowerCase();
  const list = index.get(k) ?? [];
  if (list.length < MAX_EVIDENCE_PER_KEY) list.push(found);
  index.set(k, list);
}
