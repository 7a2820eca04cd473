/**
 * The one reader of the manifests of the ecosystems beyond npm and Python: Composer, Maven and
 * Gradle (jvm-builds.ts), Go modules, Bundler and .NET (msbuild-projects.ts). The stack
 * detectors read a file's entries to see whether a framework is declared; the dependency index
 * (dependency-index.ts) files the same entries under ecosystem-qualified keys.
 */
import { lineInFile, type SourceFile } from "../../scan-context.js";
import type { DependencyScope } from "./declared-dependency.js";
import { parseGradle, parsePom, parseVersionCatalog } from "./jvm-builds.js";
import type { AddEntry, ManifestEntry, ManifestParser } from "./manifest-entry.js";
import { parseMsbuild } from "./msbuild-projects.js";

export interface KeyedDeclaration {
  /** e.g. "maven:org.postgresql:postgresql", "go:github.com/golang-jwt/jwt" */
  readonly key: string;
  /** 1-based line of the declaration */
  readonly line: number;
  readonly scope: DependencyScope;
  /** see ManifestEntry.catalogAccessor */
  readonly catalogAccessor?: string;
}

/** What one file declares, in the order of the text, or null when it is no such manifest. */
export function manifestEntries(file: SourceFile): ManifestEntry[] | null {
  const parse = parserFor(file);
  if (parse === undefined) return null;
  const found: { entry: ManifestEntry; offset: number }[] = [];
  parse(file.text, (namespace, name, offset, group = null, scope = "prod", catalogAccessor) =>
    found.push({
      entry: {
        namespace,
        name,
        group,
        line: lineInFile(file, offset),
        scope,
        ...(catalogAccessor !== undefined && { catalogAccessor }),
      },
      offset,
    }),
  );
  // Each parser makes a pass per kind of declaration; a reader wants them as the file has them.
  return found.sort((a, b) => a.offset - b.offset).map((f) => f.entry);
}

/**
 * The dependency-index keys of an entry, as written: "maven:postgresql" and, with a group,
 * "maven:org.postgresql:postgresql"; Go module paths without their major-version suffix, so
 * "go:github.com/labstack/echo" for every major version; the rest "<namespace>:<name>".
 */
export function entryKeys(entry: ManifestEntry): string[] {
  const { namespace, name, group } = entry;
  if (namespace === "maven") {
    return group ? [`maven:${name}`, `maven:${group}:${name}`] : [`maven:${name}`];
  }
  if (namespace === "go") return [`go:${name.replace(/\/v\d+$/, "")}`];
  return [`${namespace}:${name}`];
}

/** Whether an entry is filed under the key, compared as the index does: in any case. */
export function hasKey(entry: ManifestEntry, key: string): boolean {
  const wanted = key.toLowerCase();
  return entryKeys(entry).some((k) => k.toLowerCase() === wanted);
}

/** The declarations of one file as keys, or null when it is not a manifest of these ecosystems. */
export function otherEcosystemDependencies(file: SourceFile): KeyedDeclaration[] | null {
  return (
    manifestEntries(file)?.flatMap((entry) =>
      entryKeys(entry).map((key) => ({
        key,
        line: entry.line,
        scope: entry.scope,
        ...(entry.catalogAccessor !== undefined && { catalogAccessor: entry.catalogAccessor }),
      })),
    ) ?? null
  );
}

function parserFor(file: SourceFile): ManifestParser | undefined {
  const { name, ext } = file;
  if (name === "composer.json") return parseComposerJson;
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
    return parseMsbuild;
  }
  return undefined;
}

function parseComposerJson(text: string, add: AddEntry): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Composer refuses a composer.json that is not valid JSON, so it declares nothing.
    return;
  }
  if (typeof json !== "object" || json === null) return;
  const record = json as Record<string, unknown>;
  for (const section of ["require", "require-dev"]) {
    const deps = record[section];
    if (typeof deps !== "object" || deps === null) continue;
    const sectionAt = Math.max(0, text.indexOf(`"${section}"`));
    for (const dep of Object.keys(deps)) {
      const at = text.indexOf(`"${dep}"`, sectionAt);
      const scope = section === "require-dev" ? "dev" : "prod";
      add("composer", dep, at === -1 ? sectionAt : at + 1, null, scope);
    }
  }
}

function parseGoMod(text: string, add: AddEntry): void {
  // `// indirect` marks a module only other modules import (Go 1.17+ lists them all): the
  // project's own code does not use it, so it declares neither a framework nor a library.
  for (const m of text.matchAll(
    /^[ \t]*(?:require[ \t]+)?([a-z0-9.-]+\.[a-z]{2,}\/[^\s]+)[ \t]+v\d[^\n]*/gm,
  )) {
    if (m[1] && !/\/\/\s*indirect\b/.test(m[0])) add("go", m[1], m.index + m[0].indexOf(m[1]));
  }
}

const GEM = /^\s*(?:gem|spec\.add_(development_|runtime_)?dependency)\s*\(?\s*['"]([^'"]+)['"]/;
/** `group :development, :test do`: the group names of a block. */
const GROUP_BLOCK = /^\s*group\s*\(?\s*([^)]*?)\)?\s*do\b/;
/** `group: :test`, `groups: [:development, :test]`, `:group => :test` on a gem line. */
const GROUP_OPTION = /(?:\bgroups?:|:groups?\s*=>)\s*(\[[^\]]*\]|:\w+|["']\w+["'])/;
/** A line that opens a block closed by `end`: `… do`, `… do |x|`, or a leading if/unless/case. */
const BLOCK_OPEN = /\bdo\s*(?:\|[^|]*\|)?\s*$|^\s*(?:if|unless|case|begin)\b/;
const DEV_GROUPS = new Set(["development", "test"]);

/** True when every Bundler group named in `list` (`:development, :test`) is a dev group. */
function devGroups(list: string): boolean {
  const names = [...list.matchAll(/:?["']?(\w+)["']?/g)].map((m) => m[1] ?? "");
  return names.length > 0 && names.every((name) => DEV_GROUPS.has(name));
}

/**
 * Gems and gemspec dependencies. Bundler groups set the scope: a gem only the development or test
 * group loads (inside `group :development, :test do … end`, or with `group: :test`) is dev, as is
 * a gemspec's development dependency.
 */
function parseGemfile(text: string, add: AddEntry): void {
  // One entry per open block: whether it is a development/test group.
  const blocks: boolean[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    // Comments dropped: a whole-line one, and a trailing one holding no quote (`do # dev tools`).
    const code = line.replace(/^\s*#.*/, "").replace(/\s+#[^'"]*$/, "");
    const gem = GEM.exec(code);
    if (gem?.[2]) {
      const option = GROUP_OPTION.exec(code);
      const dev =
        gem[1] === "development_" ||
        blocks.includes(true) ||
        (option?.[1] !== undefined && devGroups(option[1]));
      add("gem", gem[2], offset + gem.index + gem[0].indexOf(gem[2]), null, dev ? "dev" : "prod");
    } else if (/^\s*end\b/.test(code)) {
      blocks.pop();
    } else if (BLOCK_OPEN.test(code)) {
      const group = GROUP_BLOCK.exec(code);
      blocks.push(group?.[1] !== undefined && devGroups(group[1]));
    }
    offset += line.length + 1;
  }
}
