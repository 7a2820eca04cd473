/**
 * Dependencies named by the manifests of the ecosystems that have no reader of their own here
 * yet: Composer, Maven and Gradle (with version catalogues and plugins), Go modules, Bundler and
 * NuGet. Each declaration comes as its ecosystem-qualified key (see dependency-index.ts) and line.
 */
import { lineInFile, type SourceFile } from "../../scan-context.js";

export interface KeyedDeclaration {
  /** e.g. "maven:org.postgresql:postgresql", "go:github.com/golang-jwt/jwt" */
  readonly key: string;
  /** 1-based line of the declaration */
  readonly line: number;
}

type Add = (key: string, offset: number) => void;
type Parse = (text: string, add: Add) => void;

/** The declarations of one file, or null when it is not a manifest of these ecosystems. */
export function otherEcosystemDependencies(file: SourceFile): KeyedDeclaration[] | null {
  const parse = parserFor(file);
  if (parse === undefined) return null;
  const found: KeyedDeclaration[] = [];
  parse(file.text, (key, offset) => found.push({ key, line: lineInFile(file, offset) }));
  return found;
}

function parserFor(file: SourceFile): Parse | undefined {
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
    return parseNuget;
  }
  return undefined;
}

function parseComposerJson(text: string, add: Add): void {
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
  for (const section of ["require", "require-dev"]) {
    const deps = record[section];
    if (typeof deps !== "object" || deps === null) continue;
    const sectionAt = Math.max(0, text.indexOf(`"${section}"`));
    for (const dep of Object.keys(deps)) {
      const at = text.indexOf(`"${dep}"`, sectionAt);
      add(`composer:${dep}`, at === -1 ? sectionAt : at);
    }
  }
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
      // m[0] may start with the newline before the name; the evidence points at the name.
      if (m[1]) add(`gradle-plugin:${m[1]}`, base + m.index + m[0].indexOf(m[1]));
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
