/**
 * Reads every package.json of the application (the root and each workspace package), with the
 * line of each declared dependency. Manifests under examples/, docs/ or test folders are left out:
 * an example's dependencies say nothing about what the repository itself is built with.
 */
import { lineAt } from "../../scan-context.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { DeclaredDependency, DependencyScope } from "./declared-dependency.js";

export interface PackageManifest {
  readonly file: SourceFile;
  readonly name: string | null;
  readonly dependencies: readonly DeclaredDependency[];
  /** workspace globs (npm/yarn "workspaces" array or object, pnpm-workspace.yaml is read apart) */
  readonly workspaces: readonly string[];
}

const SECTIONS: readonly (readonly [string, DependencyScope])[] = [
  ["dependencies", "prod"],
  ["peerDependencies", "prod"],
  ["optionalDependencies", "prod"],
  ["devDependencies", "dev"],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Line of `"name":` inside the given section of the raw text (JSON.parse keeps no positions). */
function dependencyLine(text: string, section: string, name: string): number {
  const sectionAt = text.indexOf(`"${section}"`);
  const from = sectionAt === -1 ? 0 : sectionAt;
  const at = text.indexOf(`"${name}"`, from);
  return at === -1 ? lineAt(text, Math.max(sectionAt, 0)) : lineAt(text, at);
}

function workspaceGlobs(pkg: Record<string, unknown>): string[] {
  const ws = pkg["workspaces"];
  const list = Array.isArray(ws) ? ws : isRecord(ws) ? ws["packages"] : undefined;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === "string") : [];
}

/**
 * Parses one package.json. A file that is not valid JSON returns null: npm itself refuses such a
 * package, so it declares nothing, and the caller simply has no manifest facts from it.
 */
export function parsePackageJson(file: SourceFile): PackageManifest | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (!isRecord(parsed)) return null;
  const dependencies: DeclaredDependency[] = [];
  for (const [section, scope] of SECTIONS) {
    const deps = parsed[section];
    if (!isRecord(deps)) continue;
    for (const name of Object.keys(deps)) {
      dependencies.push({ name, scope, file, line: dependencyLine(file.text, section, name) });
    }
  }
  const name = typeof parsed["name"] === "string" ? parsed["name"] : null;
  return { file, name, dependencies, workspaces: workspaceGlobs(parsed) };
}

/** Every application package.json in the repository, root first. */
export function readPackageManifests(ctx: ScanContext): PackageManifest[] {
  const manifests: PackageManifest[] = [];
  for (const file of ctx.files) {
    if (file.name !== "package.json" || file.role !== "app") continue;
    const manifest = parsePackageJson(file);
    if (manifest !== null) manifests.push(manifest);
  }
  return manifests.sort((a, b) => depth(a.file.path) - depth(b.file.path) || cmp(a, b));
}

function depth(path: string): number {
  return path.split("/").length;
}

function cmp(a: PackageManifest, b: PackageManifest): number {
  return a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0;
}
