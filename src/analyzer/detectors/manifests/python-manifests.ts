/**
 * Reads the dependencies a Python project declares, with their lines: pyproject.toml
 * ([project] dependencies, [tool.poetry.dependencies] and poetry groups), requirements*.txt (also
 * under a requirements/ folder), Pipfile ([packages], [dev-packages]) and setup.py install_requires.
 * Only the parts that name dependencies are read, line by line; no full TOML parser is needed.
 */
import { lineInFile } from "../../scan-context.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { normalizePythonName } from "./declared-dependency.js";
import type { DeclaredDependency, DependencyScope } from "./declared-dependency.js";

/** The distribution name at the start of a PEP 508 requirement ("Django[argon2]>=5.0; ..."). */
const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;

function dependency(
  file: SourceFile,
  requirement: string,
  scope: DependencyScope,
  line: number,
): DeclaredDependency | null {
  const match = REQUIREMENT_NAME.exec(requirement);
  if (match?.[1] === undefined) return null;
  return { name: normalizePythonName(match[1]), scope, file, line };
}

function isDevRequirementsFile(path: string): boolean {
  return /(^|[/_.-])(dev|test|tests|testing|lint|docs?|ci)([/_.-]|\.txt$)/i.test(path);
}

export function parseRequirementsTxt(file: SourceFile): DeclaredDependency[] {
  const scope: DependencyScope = isDevRequirementsFile(file.path) ? "dev" : "prod";
  const deps: DeclaredDependency[] = [];
  file.text.split("\n").forEach((raw, index) => {
    const text = raw.replace(/\s#.*$/, "").trim();
    // Options (-r other.txt, -e ., --index-url) and URLs are not distribution names.
    if (text === "" || text.startsWith("#") || text.startsWith("-") || text.includes("://")) return;
    const dep = dependency(file, text, scope, index + 1);
    if (dep !== null) deps.push(dep);
  });
  return deps;
}

const QUOTED = /"([^"]*)"|'([^']*)'/g;

/**
 * pyproject.toml and Pipfile: follows the [table] headers and reads
 * `dependencies = [ "a>=1", ... ]` arrays (PEP 621) and `name = "..."` keys (Poetry, Pipfile).
 */
export function parseTomlManifest(file: SourceFile): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  const lines = file.text.split("\n");
  let table = "";
  let inArray: DependencyScope | null = null;
  lines.forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (inArray !== null) {
      for (const m of line.matchAll(QUOTED)) {
        const dep = dependency(file, m[1] ?? m[2] ?? "", inArray, index + 1);
        if (dep !== null) deps.push(dep);
      }
      if (line.includes("]")) inArray = null;
      return;
    }
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header?.[1] !== undefined) {
      table = header[1].replace(/["']/g, "");
      return;
    }
    const scope = tableScope(table);
    if (table === "project" || table === "project.optional-dependencies") {
      const arrayStart = /^([A-Za-z0-9_-]+)\s*=\s*\[(.*)$/.exec(line);
      if (arrayStart === null) return;
      const key = arrayStart[1] ?? "";
      if (table === "project" && key !== "dependencies") return;
      const arrayScope: DependencyScope = table === "project" ? "prod" : devExtra(key);
      const rest = arrayStart[2] ?? "";
      for (const m of rest.matchAll(QUOTED)) {
        const dep = dependency(file, m[1] ?? m[2] ?? "", arrayScope, index + 1);
        if (dep !== null) deps.push(dep);
      }
      if (!rest.includes("]")) inArray = arrayScope;
      return;
    }
    if (scope === null) return;
    const key = /^["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=/.exec(line);
    if (key?.[1] === undefined || key[1].toLowerCase() === "python") return;
    const dep = dependency(file, key[1], scope, index + 1);
    if (dep !== null) deps.push(dep);
  });
  return deps;
}

/** Optional-dependency groups named like tooling are dev; others (e.g. "postgres") are prod. */
function devExtra(key: string): DependencyScope {
  return /^(dev|test|tests|testing|lint|docs?|typing)$/i.test(key) ? "dev" : "prod";
}

function tableScope(table: string): DependencyScope | null {
  if (table === "tool.poetry.dependencies" || table === "packages") return "prod";
  if (
    table === "tool.poetry.dev-dependencies" ||
    table === "dev-packages" ||
    /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(table)
  ) {
    return "dev";
  }
  return null;
}

/** setup.py: the string literals inside install_requires=[...]. */
export function parseSetupPy(file: SourceFile): DeclaredDependency[] {
  const start = /install_requires\s*=\s*\[/.exec(file.text);
  if (start === null) return [];
  const from = start.index + start[0].length;
  const end = file.text.indexOf("]", from);
  const body = file.text.slice(from, end === -1 ? undefined : end);
  const deps: DeclaredDependency[] = [];
  for (const m of body.matchAll(QUOTED)) {
    const dep = dependency(file, m[1] ?? m[2] ?? "", "prod", lineInFile(file, from + m.index));
    if (dep !== null) deps.push(dep);
  }
  return deps;
}

function isRequirementsFile(file: SourceFile): boolean {
  return (
    file.ext === "txt" &&
    (/^requirements.*\.txt$/.test(file.name) || /(^|\/)requirements\/[^/]+\.txt$/.test(file.path))
  );
}

/** Every dependency declared by the application's Python manifests. */
export function readPythonDependencies(ctx: ScanContext): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app") continue;
    if (file.name === "pyproject.toml" || file.name === "pipfile") {
      deps.push(...parseTomlManifest(file));
    } else if (file.name === "setup.py") {
      deps.push(...parseSetupPy(file));
    } else if (isRequirementsFile(file)) {
      deps.push(...parseRequirementsTxt(file));
    }
  }
  return deps;
}

/**
 * Names the application's Python projects publish (pyproject [project] or [tool.poetry] name,
 * setup.py name=), normalised: a repository that publishes "flask" is Flask's own source.
 */
export function pythonProjectNames(ctx: ScanContext): Set<string> {
  const names = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app") continue;
    if (file.name === "pyproject.toml") {
      let table = "";
      for (const raw of file.text.split("\n")) {
        const line = raw.trim();
        const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
        if (header?.[1] !== undefined) table = header[1];
        const name = /^name\s*=\s*["']([^"']+)["']/.exec(line);
        if (name?.[1] !== undefined && (table === "project" || table === "tool.poetry")) {
          names.add(normalizePythonName(name[1]));
        }
      }
    } else if (file.name === "setup.py") {
      const name = /\bname\s*=\s*["']([^"']+)["']/.exec(file.text);
      if (name?.[1] !== undefined) names.add(normalizePythonName(name[1]));
    }
  }
  return names;
}
