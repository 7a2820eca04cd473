/**
 * Reads the dependencies a Python project declares, with their lines and scope: pyproject.toml
 * (PEP 621 [project] dependencies and optional groups, PEP 735 [dependency-groups], Poetry tables
 * and groups, the development lists of PDM, uv, Rye and Hatch), Pipfile ([packages],
 * [dev-packages]), requirements files (any .txt with "requirements" in its path), setup.py
 * (install_requires, tests_require, extras_require) and setup.cfg ([options],
 * [options.extras_require]). The one reader of Python manifests: the stack detector and the
 * dependency index (dependency-index.ts) both use it. Only the parts that name dependencies are
 * read, line by line; no full TOML parser is needed.
 */
import { lineInFile } from "../../scan-context.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { normalizePythonName } from "./declared-dependency.js";
import type { DeclaredDependency, DependencyScope } from "./declared-dependency.js";

/**
 * The distribution name at the start of a PEP 508 requirement ("Django[argon2]>=5.0; ..."), when
 * what follows can follow a name: "git+https://…", "https://…" and "./pkg" name nothing.
 */
const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?=[\s<>=!~;@,([]|$)/;

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
    // Options (-r other.txt, -e ., --hash=...) name no distribution.
    if (text === "" || text.startsWith("#") || text.startsWith("-")) return;
    const dep = dependency(file, text, scope, index + 1);
    if (dep !== null) deps.push(dep);
  });
  return deps;
}

const QUOTED = /"([^"]*)"|'([^']*)'/g;
/** Inline tables in requirement lists ({ include-group = "test" }) hold no requirement. */
const INLINE_TABLE = /\{[^}]*\}/g;

/** Whether a line closes the array it is in: a "]" outside strings ("uvicorn[standard]" is not). */
function closesArray(line: string): boolean {
  return line.replace(QUOTED, "").includes("]");
}

function quotedRequirements(
  file: SourceFile,
  text: string,
  scope: DependencyScope,
  line: number,
): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  for (const m of text.replace(INLINE_TABLE, "").matchAll(QUOTED)) {
    const dep = dependency(file, m[1] ?? m[2] ?? "", scope, line);
    if (dep !== null) deps.push(dep);
  }
  return deps;
}

/** What a `key = value` line of a TOML table declares. */
type TomlEntry =
  /** the value is an array of requirement strings */
  | { readonly requirements: DependencyScope }
  /** the key is a package name (Poetry, Pipfile) */
  | { readonly package: DependencyScope }
  | null;

/** Optional-dependency groups named like tooling are dev; others (e.g. "postgres") are prod. */
function devExtra(key: string): DependencyScope {
  return /^(dev|test|tests|testing|lint|docs?|typing)$/i.test(key) ? "dev" : "prod";
}

/** Tables whose keys name packages: Poetry's and Pipfile's. */
function packageTableScope(table: string): DependencyScope | null {
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

function tomlEntry(table: string, key: string, isArray: boolean): TomlEntry {
  if (table === "project") {
    return key === "dependencies" && isArray ? { requirements: "prod" } : null;
  }
  if (table === "project.optional-dependencies") {
    return isArray ? { requirements: devExtra(key) } : null;
  }
  // PEP 735 groups are never installed with the package: development only.
  if (table === "dependency-groups") return isArray ? { requirements: "dev" } : null;
  const isPython = key.toLowerCase() === "python";
  const packageScope = packageTableScope(table);
  if (packageScope !== null) return isPython ? null : { package: packageScope };
  if (table.includes("dependencies")) {
    // e.g. [tool.pdm.dev-dependencies] groups, [tool.pixi.pypi-dependencies] keys
    const scope: DependencyScope = /\b(dev|test|tests|lint|docs?)\b/.test(table) ? "dev" : "prod";
    if (isArray) return { requirements: scope };
    return isPython ? null : { package: scope };
  }
  // uv's and Rye's dev-dependencies, Hatch environments' dependencies: tooling environments.
  return isArray && key.endsWith("dependencies") ? { requirements: "dev" } : null;
}

const TABLE_HEADER = /^\[\[?\s*([^\]]+?)\s*\]\]?$/;
const ASSIGNMENT = /^["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=\s*(.*)$/;

/** pyproject.toml and Pipfile: follows the [table] headers and reads what each table declares. */
export function parseTomlManifest(file: SourceFile): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  let table = "";
  /** inside a multi-line array: the scope of its requirements, or "skip" when it names none */
  let openArray: DependencyScope | "skip" | null = null;
  file.text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (openArray !== null) {
      if (openArray !== "skip") deps.push(...quotedRequirements(file, line, openArray, index + 1));
      if (closesArray(line)) openArray = null;
      return;
    }
    const header = TABLE_HEADER.exec(line);
    if (header?.[1] !== undefined) {
      table = header[1].replace(/["']/g, "");
      return;
    }
    const assignment = ASSIGNMENT.exec(line);
    if (assignment?.[1] === undefined) return;
    const [, key, value = ""] = assignment;
    const isArray = value.startsWith("[");
    const entry = tomlEntry(table, key, isArray);
    if (entry !== null && "requirements" in entry) {
      deps.push(...quotedRequirements(file, value, entry.requirements, index + 1));
      if (!closesArray(value)) openArray = entry.requirements;
      return;
    }
    if (entry !== null) {
      const dep = dependency(file, key, entry.package, index + 1);
      if (dep !== null) deps.push(dep);
    }
    // A Poetry multi-constraint array or an array that declares nothing: read past it.
    if (isArray && !closesArray(value)) openArray = "skip";
  });
  return deps;
}

/** Index of the first `close` at or after `from` that is not inside a string; the end if none. */
function closingIndex(text: string, from: number, close: string): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === close) {
      return i;
    }
  }
  return text.length;
}

/** The string literals of the Python list that starts at `from` (just after its "["). */
function listRequirements(
  file: SourceFile,
  from: number,
  scope: DependencyScope,
): DeclaredDependency[] {
  const body = file.text.slice(from, closingIndex(file.text, from, "]"));
  const deps: DeclaredDependency[] = [];
  for (const m of body.matchAll(QUOTED)) {
    const dep = dependency(file, m[1] ?? m[2] ?? "", scope, lineInFile(file, from + m.index));
    if (dep !== null) deps.push(dep);
  }
  return deps;
}

/** setup.py: the string literals of install_requires, tests_require and extras_require. */
export function parseSetupPy(file: SourceFile): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  for (const [keyword, scope] of [
    ["install_requires", "prod"],
    ["tests_require", "dev"],
  ] as const) {
    const start = new RegExp(`\\b${keyword}\\s*=\\s*\\[`).exec(file.text);
    if (start !== null) deps.push(...listRequirements(file, start.index + start[0].length, scope));
  }
  const extras = /\bextras_require\s*=\s*\{/.exec(file.text);
  if (extras !== null) {
    const from = extras.index + extras[0].length;
    const body = file.text.slice(from, closingIndex(file.text, from, "}"));
    for (const m of body.matchAll(/["']([^"']+)["']\s*:\s*\[/g)) {
      deps.push(...listRequirements(file, from + m.index + m[0].length, devExtra(m[1] ?? "")));
    }
  }
  return deps.sort((a, b) => a.line - b.line);
}

/**
 * setup.cfg: install_requires and tests_require under [options] and the groups of
 * [options.extras_require], each a value on the key's line or one requirement per indented line.
 */
export function parseSetupCfg(file: SourceFile): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  let section = "";
  /** the scope of the list whose indented lines follow, if any */
  let openList: DependencyScope | null = null;
  file.text.split("\n").forEach((raw, index) => {
    if (/^\s*[#;]/.test(raw)) return;
    const header = /^\[([^\]]+)\]\s*$/.exec(raw.trim());
    if (header?.[1] !== undefined) {
      section = header[1].trim();
      openList = null;
      return;
    }
    if (openList !== null && /^\s+\S/.test(raw)) {
      const dep = dependency(file, raw.trim(), openList, index + 1);
      if (dep !== null) deps.push(dep);
      return;
    }
    openList = null;
    const entry = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(raw);
    if (entry?.[1] === undefined) return;
    const [, key, value = ""] = entry;
    const scope: DependencyScope | null =
      section === "options.extras_require"
        ? devExtra(key)
        : section !== "options"
          ? null
          : key === "install_requires"
            ? "prod"
            : key === "tests_require"
              ? "dev"
              : null;
    if (scope === null) return;
    const dep = value.trim() === "" ? null : dependency(file, value.trim(), scope, index + 1);
    if (dep !== null) deps.push(dep);
    openList = scope;
  });
  return deps;
}

function isRequirementsFile(file: SourceFile): boolean {
  return file.ext === "txt" && file.path.toLowerCase().includes("requirements");
}

/** The dependencies one file declares, or null when it is not a Python manifest. */
export function pythonManifestDependencies(file: SourceFile): DeclaredDependency[] | null {
  if (file.name === "pyproject.toml" || file.name === "pipfile") return parseTomlManifest(file);
  if (file.name === "setup.py") return parseSetupPy(file);
  if (file.name === "setup.cfg") return parseSetupCfg(file);
  if (isRequirementsFile(file)) return parseRequirementsTxt(file);
  return null;
}

/** Every dependency declared by the application's Python manifests. */
export function readPythonDependencies(ctx: ScanContext): DeclaredDependency[] {
  const deps: DeclaredDependency[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app") continue;
    deps.push(...(pythonManifestDependencies(file) ?? []));
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
