/**
 * Maven and Gradle builds: the dependencies, plugins and parent POM of a pom.xml; the coordinates
 * ("group:artifact:version" strings and `group: …, name: …` maps) and plugin ids of a
 * build.gradle(.kts); the libraries, bundles and plugins of a Gradle version catalogue. Only declarations
 * count: a pom's own <artifactId> or an `exclude module: …` names nothing the build uses.
 * Dependencies only tests use (Maven's test scope, Gradle's test configurations) are "dev".
 */
import type { DependencyScope } from "./declared-dependency.js";
import type { AddEntry } from "./manifest-entry.js";

export function parsePom(text: string, add: AddEntry): void {
  for (const m of text.matchAll(/<(dependency|plugin|parent)>([\s\S]*?)<\/\1>/g)) {
    const block = m[2] ?? "";
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(block);
    if (!artifact?.[1]) continue;
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(block)?.[1] ?? null;
    const scope = /<scope>\s*test\s*<\/scope>/.test(block) ? "dev" : "prod";
    add("maven", artifact[1], m.index + m[0].indexOf(artifact[1]), group, scope);
  }
}

const GRADLE_COORD = /['"]([\w.-]+):([\w.-]+)(?::[^'"]*)?['"]/g;
/** Map notation: `group: 'g', name: 'a'` (Groovy) or `group = "g", name = "a"` (Kotlin). */
const GRADLE_MAP = /\bgroup\s*[:=]\s*['"]([\w.-]+)['"]\s*,\s*name\s*[:=]\s*['"]([\w.-]+)['"]/g;
const GRADLE_PLUGIN = /\bid\s*\(?\s*['"]([\w.-]+)['"]/g;

/**
 * The scope of a Gradle declaration from the configuration that starts its line:
 * testImplementation, testRuntimeOnly, androidTestImplementation, integrationTestImplementation…
 */
export function gradleScope(text: string, offset: number): DependencyScope {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const configuration = /^\s*(\w+)/.exec(text.slice(lineStart, offset))?.[1] ?? "";
  return /test/i.test(configuration) ? "dev" : "prod";
}

export function parseGradle(text: string, add: AddEntry): void {
  for (const m of text.matchAll(GRADLE_COORD)) {
    if (m[1] && m[2]) add("maven", m[2], m.index, m[1], gradleScope(text, m.index));
  }
  for (const m of text.matchAll(GRADLE_MAP)) {
    if (!m[1] || !m[2]) continue;
    add("maven", m[2], m.index + m[0].lastIndexOf(m[2]), m[1], gradleScope(text, m.index));
  }
  for (const m of text.matchAll(GRADLE_PLUGIN)) {
    if (m[1]) add("gradle-plugin", m[1], m.index);
  }
  // Bare plugin names in the plugins block, e.g. `checkstyle` or `pmd` on a line of their own.
  const plugins = /plugins\s*\{([^}]*)\}/.exec(text);
  if (plugins?.[1] !== undefined) {
    const base = plugins.index + plugins[0].indexOf("{") + 1;
    for (const m of plugins[1].matchAll(/^\s*([a-z][\w-]*)\s*$/gm)) {
      // m[0] may start with the newline before the name; the evidence points at the name.
      if (m[1]) add("gradle-plugin", m[1], base + m.index + m[0].indexOf(m[1]));
    }
  }
}

/**
 * A Gradle version catalogue (gradle/libs.versions.toml): each library of [libraries], in its
 * three notations (`"group:artifact:version"`, `{ module = "group:artifact" }`,
 * `{ group = "…", name = "…" }`), with the accessor build files name it by; plugin ids of
 * [plugins]. Where a library is used decides its scope (see gradle-catalog-scopes.ts).
 */
export function parseVersionCatalog(text: string, add: AddEntry): void {
  for (const { section, start, body } of tomlSections(text)) {
    if (section === "libraries") {
      for (const m of body.matchAll(/^[ \t]*([\w.-]+)[ \t]*=[ \t]*(.*)$/gm)) {
        const [, alias = "", value = ""] = m;
        const coordinate =
          /^"([\w.-]+):([\w.-]+)(?::[^"]*)?"/.exec(value) ??
          /\bmodule\s*=\s*"([\w.-]+):([\w.-]+)"/.exec(value) ??
          /\bgroup\s*=\s*"([\w.-]+)"\s*,\s*name\s*=\s*"([\w.-]+)"/.exec(value);
        const [, group, artifact] = coordinate ?? [];
        if (group === undefined || artifact === undefined) continue;
        const valueAt = start + (m.index ?? 0) + m[0].length - value.length;
        const offset = valueAt + value.indexOf(artifact, value.indexOf(group) + group.length);
        add("maven", artifact, offset, group, "prod", catalogAccessor(alias));
      }
    } else if (section === "plugins") {
      for (const m of body.matchAll(/\bid\s*=\s*"([\w.-]+)"/g)) {
        if (m[1]) add("gradle-plugin", m[1], start + (m.index ?? 0));
      }
    }
  }
}

/** How a build names a catalogue alias: separators become dots (spring-boot_web → spring.boot.web). */
export function catalogAccessor(alias: string): string {
  return alias.replace(/[-_.]+/g, ".").toLowerCase();
}

/** The [bundles] of a catalogue: each bundle's accessor with its libraries' accessors. */
export function catalogBundles(text: string): Map<string, string[]> {
  const bundles = new Map<string, string[]>();
  for (const { section, body } of tomlSections(text)) {
    if (section !== "bundles") continue;
    for (const m of body.matchAll(/^[ \t]*([\w.-]+)[ \t]*=[ \t]*\[([^\]]*)\]/gm)) {
      const members = [...(m[2] ?? "").matchAll(/"([\w.-]+)"/g)].map((x) => x[1] ?? "");
      bundles.set(catalogAccessor(m[1] ?? ""), members.map(catalogAccessor));
    }
  }
  return bundles;
}

/** The `[name]` sections of a TOML file, each with the offset where its body starts. */
function tomlSections(text: string): { section: string; start: number; body: string }[] {
  const headers = [...text.matchAll(/^[ \t]*\[([\w.-]+)\][ \t]*(?:#.*)?$/gm)];
  return headers.map((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = headers[i + 1]?.index ?? text.length;
    return { section: h[1] ?? "", start, body: text.slice(start, end) };
  });
}
