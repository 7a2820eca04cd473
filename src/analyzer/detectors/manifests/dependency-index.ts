/**
 * Dependencies declared in the application's manifests, across ecosystems, with the line that
 * declares them. Keys are ecosystem-qualified and lower-case so that two ecosystems' packages of
 * the same name never collide: "npm:pg", "pypi:psycopg2-binary", "maven:org.postgresql:postgresql"
 * (and "maven:postgresql" for the artifact alone), "go:github.com/golang-jwt/jwt" (major-version
 * suffix dropped), "gem:pg", "composer:laravel/socialite", "nuget:npgsql", "gradle-plugin:<id>",
 * "msbuild-sdk:microsoft.net.sdk.web", "dotnet-framework:microsoft.aspnetcore.app".
 * Built once per ScanContext and shared by all signal detectors, from the same readers the stack
 * detectors use (package-json.ts, python-manifests.ts, other-ecosystems.ts), so both see the same
 * declarations.
 */
import type { Evidence } from "../../report.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { otherEcosystemDependencies, type KeyedDeclaration } from "./other-ecosystems.js";
import { parsePackageJson } from "./package-json.js";
import { pythonManifestDependencies } from "./python-manifests.js";

type DependencyIndex = ReadonlyMap<string, readonly Evidence[]>;

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

/** Declaration evidence for any of the keys, in key order. */
export function dependencyEvidence(ctx: ScanContext, keys: readonly string[]): Evidence[] {
  if (keys.length === 0) return [];
  const index = dependencyIndex(ctx);
  return keys.flatMap((key) => index.get(key.toLowerCase()) ?? []);
}

/** What one file declares, keyed, or null when it is no manifest. */
function declarations(file: SourceFile): readonly KeyedDeclaration[] | null {
  if (file.name === "package.json") {
    const manifest = parsePackageJson(file);
    return (manifest?.dependencies ?? []).map((d) => ({ key: `npm:${d.name}`, line: d.line }));
  }
  const python = pythonManifestDependencies(file);
  if (python !== null) return python.map((d) => ({ key: `pypi:${d.name}`, line: d.line }));
  return otherEcosystemDependencies(file);
}

function buildIndex(ctx: ScanContext): DependencyIndex {
  const index = new Map<string, Evidence[]>();
  for (const file of ctx.files) {
    // Manifests of examples and test fixtures describe other projects, not this one.
    if (file.role !== "app") continue;
    for (const { key, line } of declarations(file) ?? []) {
      const k = key.toLowerCase();
      const list = index.get(k) ?? [];
      if (list.length < MAX_EVIDENCE_PER_KEY) {
        list.push({ file: file.path, line, note: `declares ${key.slice(key.indexOf(":") + 1)}` });
      }
      index.set(k, list);
    }
  }
  return index;
}
