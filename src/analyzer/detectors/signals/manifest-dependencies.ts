/**
 * Dependencies declared in the application's manifests, across ecosystems, with the line that
 * declares them. Keys are ecosystem-qualified and lower-case so that two ecosystems' packages of
 * the same name never collide: "npm:pg", "pypi:psycopg2-binary", "maven:org.postgresql:postgresql"
 * (and "maven:postgresql" for the artifact alone), "go:github.com/golang-jwt/jwt" (major-version
 * suffix dropped), "gem:pg", "composer:laravel/socialite", "nuget:npgsql", "gradle-plugin:<id>".
 * Built once per ScanContext and shared by all signal detectors.
 */
import type { Evidence } from "../../report.js";
import { lineInFile, type ScanContext, type SourceFile } from "../../scan-context.js";

type DependencyIndex = ReadonlyMap<string, readonly Evidence[]>;

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

export function isDeclared(ctx: ScanContext, key: string): boolean {
  return dependencyIndex(ctx).has(key.toLowerCase());
}

export function normalizePypi(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

type Add = (key: string, offset: number) => void;

function buildIndex(ctx: ScanContext): DependencyIndex {
  const index = new Map<string, Evidence[]>();
  for (const file of ctx.files) {
    // Manifests of examples and test fixtures describe other projects, not this one.
    if (file.role !== "app") continue;
    const parse = parserFor(file);
    if (!parse) continue;
    const add: Add = (key, offset) => {
      const k = key.toLowerCase();
      const list = index.get(k) ?? [];
      if (list.length < 3)
        list.push({
          file: file.path,
          line: lineInFile(file, offset),
          note: `declares ${key.slice(key.indexOf(":") + 1)}`,
        });
      index.set(k, list);
    };
    parse(file.text, add);
  }
  return index;
}

function parserFor(file: SourceFile): ((text: string, add: Add) => void) | undefined {
  const { name, ext } = file;
  if (name === "package.json") return parsePackageJson;
  if (name === "composer.json") return parseComposerJson;
  if (name === "pyproject.toml") return parsePyproject;
  if (name === "pipfile") return parsePipfile;
  if (ext === "txt" && /requirements/.test(file.path.toLowerCase())) return parseRequirements;
  if (name === "setup.py" || name === "setup.cfg") return parseSetupPy;
  if (name === "pom.xml") return parsePom;
  if (name === "build.gradle" || name === "build.gradle.kts") return parseGradle;
  if (name === "libs.versions.toml") return parseVersionCatalog;
  if (name === "go.mod") return parseGoMod;
  if (name === "gemfile" || ext === "gemspec") return parseGemfile;
  if (
    ext === "csproj" ||
    ext === "fsproj" ||
    ext === "vbproj" ||
    name === "directory.packages.props" ||
    name === "packages.config"
  ) {
    return parseNuget;
  }
  return undefined;
}

const NPM_SECTIONS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
];

function parseJsonSections(
  text: string,
  sections: readonly string[],
  prefix: string,
  add: Add,
): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A manifest that is not valid JSON declares nothing we can trust; the stack detectors
    // report it. Its dependencies are simply not counted here.
    return;
  }
  if (typeof json !== "object" || json === null) return;
  const record = json as Record<string, unknown>;
  for (const section of sections) {
    const deps = record[section];
    if (typeof deps !== "object" || deps === null) continue;
    const sectionAt = Math.max(0, text.indexOf(`"${section}"`));
    for (const dep of Object.keys(deps)) {
      const at = text.indexOf(`"${dep}"`, sectionAt);
      add(`${prefix}:${dep}`, at === -1 ? sectionAt : at);
    }
  }
}

function parsePackageJson(text: string, add: Add): void {
  parseJsonSections(text, NPM_SECTIONS, "npm", add);
}

function parseComposerJson(text: string, add: Add): void {
  parseJsonSections(text, ["require", "require-dev"], "composer", add);
}

function eachLine(text: string, visit: (line: string, offset: number) => void): void {
  let offset = 0;
  for (const line of text.split("\n")) {
    visit(line, offset);
    offset += line.length + 1;
  }
}

const PY_REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;@ ,]|$)/;

function parseRequirements(text: string, add: Add): void {
  eachLine(text, (line, offset) => {
    const m = PY_REQUIREMENT.exec(line);
    if (m?.[1] && !line.trimStart().startsWith("-")) add(`pypi:${normalizePypi(m[1])}`, offset);
  });
}

const QUOTED_REQUIREMENT =
  /["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?=[<>=!~;@ ,"']|$)/g;
const TOML_KEY = /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=/;

function parsePyproject(text: string, add: Add): void {
  let depTable = false;
  let inArray = false;
  eachLine(text, (line, offset) => {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header?.[1] !== undefined && !inArray) {
      depTable = /dependencies|dependency-groups/.test(header[1]);
      return;
    }
    if (!inArray && /^\s*[\w-]*dependencies\s*=\s*\[/.test(line)) inArray = true;
    else if (!inArray && depTable && /^\s*[\w.-]+\s*=\s*\[/.test(line)) inArray = true;
    if (inArray) {
      const body = line.includes("[") ? line.slice(line.indexOf("[")) : line;
      for (const m of body.matchAll(QUOTED_REQUIREMENT)) {
        if (m[1]) add(`pypi:${normalizePypi(m[1])}`, offset);
      }
      if (line.includes("]")) inArray = false;
      return;
    }
    if (depTable) {
      const key = TOML_KEY.exec(line);
      if (key?.[1] && key[1] !== "python") add(`pypi:${normalizePypi(key[1])}`, offset);
    }
  });
}

function parsePipfile(text: string, add: Add): void {
  let depTable = false;
  eachLine(text, (line, offset) => {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header?.[1] !== undefined) {
      depTable = header[1] === "packages" || header[1] === "dev-packages";
      return;
    }
    const key = depTable ? TOML_KEY.exec(line) : null;
    if (key?.[1]) add(`pypi:${normalizePypi(key[1])}`, offset);
  });
}

function parseSetupPy(text: string, add: Add): void {
  const start = text.search(/install_requires|tests_require|extras_require/);
  if (start === -1) return;
  eachLine(text.slice(start), (line, offset) => {
    for (const m of line.matchAll(QUOTED_REQUIREMENT)) {
      if (m[1] && !/^(install_requires|tests_require|extras_require)$/.test(m[1]))
        add(`pypi:${normalizePypi(m[1])}`, start + offset);
    }
  });
}

function addMaven(group: string | undefined, artifact: string, offset: number, add: Add): void {
  add(`maven:${artifact}`, offset);
  if (group) add(`maven:${group}:${artifact}`, offset);
}

function parsePom(text: string, add: Add): void {
  for (const m of text.matchAll(/<(dependency|plugin)>([\s\S]*?)<\/\1>/g)) {
    const block = m[2] ?? "";
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(block);
    if (!artifact?.[1]) continue;
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(block)?.[1];
    addMaven(group, artifact[1], (m.index ?? 0) + m[0].indexOf(artifact[1]), add);
  }
}

const GRADLE_COORD = /['"]([\w.-]+):([\w.-]+)(?::[^'"]*)?['"]/g;
const GRADLE_PLUGIN = /\bid\s*\(?\s*['"]([\w.-]+)['"]/g;

function parseGradle(text: string, add: Add): void {
  for (const m of text.matchAll(GRADLE_COORD)) {
    if (m[1] && m[2]) addMaven(m[1], m[2], m.index ?? 0, add);
  }
  for (const m of text.matchAll(GRADLE_PLUGIN)) {
    if (m[1]) add(`gradle-plugin:${m[1]}`, m.index ?? 0);
  }
  // Bare plugin names in the plugins block, e.g. `checkstyle` or `pmd` on a line of their own.
  const plugins = /plugins\s*\{([^}]*)\}/.exec(text);
  if (plugins?.[1] !== undefined) {
    const base = (plugins.index ?? 0) + plugins[0].indexOf("{") + 1;
    for (const m of plugins[1].matchAll(/^\s*([a-z][\w-]*)\s*$/gm)) {
      if (m[1]) add(`gradle-plugin:${m[1]}`, base + (m.index ?? 0));
    }
  }
}

function parseVersionCatalog(text: string, add: Add): void {
  for (const m of text.matchAll(/module\s*=\s*"([\w.-]+):([\w.-]+)"/g)) {
    if (m[1] && m[2]) addMaven(m[1], m[2], m.index ?? 0, add);
  }
  for (const m of text.matchAll(/group\s*=\s*"([\w.-]+)"\s*,\s*name\s*=\s*"([\w.-]+)"/g)) {
    if (m[1] && m[2]) addMaven(m[1], m[2], m.index ?? 0, add);
  }
  for (const m of text.matchAll(/\bid\s*=\s*"([\w.-]+)"/g)) {
    if (m[1]) add(`gradle-plugin:${m[1]}`, m.index ?? 0);
  }
}

function parseGoMod(text: string, add: Add): void {
  for (const m of text.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]{2,}\/[^\s]+)\s+v\d/gm)) {
    if (m[1]) add(`go:${m[1].replace(/\/v\d+$/, "")}`, (m.index ?? 0) + m[0].indexOf(m[1]));
  }
}

function parseGemfile(text: string, add: Add): void {
  for (const m of text.matchAll(
    /^\s*(?:gem|spec\.add_(?:development_|runtime_)?dependency)\s*\(?\s*['"]([^'"]+)['"]/gm,
  )) {
    if (m[1]) add(`gem:${m[1]}`, (m.index ?? 0) + m[0].indexOf(m[1]));
  }
}

function parseNuget(text: string, add: Add): void {
  for (const m of text.matchAll(
    /<(?:PackageReference|PackageVersion)\s+(?:Include|Update)\s*=\s*"([^"]+)"|<package\s+id="([^"]+)"/g,
  )) {
    const name = m[1] ?? m[2];
    if (name) add(`nuget:${name}`, m.index ?? 0);
  }
}
