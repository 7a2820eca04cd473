/**
 * Non-relative imports that name the project's own files, as TypeScript and editors resolve them
 * from the nearest tsconfig.json or jsconfig.json: `compilerOptions.paths` patterns
 * (`"@routes/*": ["src/routes/*"]`) and `baseUrl` (`import x from "routes/users"` with baseUrl
 * "src"). A config's `extends` of a relative file is followed (paths often sit in a base config).
 * The config text is parsed with TypeScript's own JSONC reader; nothing is executed.
 */
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";
import { joinRepoPath, parentDir } from "../../repo-path.js";
import type { ScanContext } from "../../scan-context.js";

// Loaded when a config is first read: whoever only resolves relative paths never pays for it.
const require = createRequire(import.meta.url);

const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];
const MAX_EXTENDS = 3;

interface AliasConfig {
  /** repository folder that `paths` targets and bare specifiers are resolved against */
  readonly baseDir: string;
  /** true when baseUrl is set, so any bare specifier may name a file under baseDir */
  readonly hasBaseUrl: boolean;
  readonly paths: readonly (readonly [pattern: string, targets: readonly string[]])[];
}

export class PathAliases {
  private readonly byDir = new Map<string, AliasConfig | null>();

  constructor(private readonly ctx: ScanContext) {}

  /**
   * Repository paths (without extension resolution) that `specifier`, imported from a file in
   * `fromDir`, may stand for, most specific first; empty when no config maps it.
   */
  candidates(specifier: string, fromDir: string): string[] {
    const config = this.configFor(fromDir);
    if (config === null) return [];
    const out: string[] = [];
    for (const [pattern, targets] of config.paths) {
      const star = pattern.indexOf("*");
      let matched: string | null = null;
      if (star === -1) matched = pattern === specifier ? "" : null;
      else {
        const head = pattern.slice(0, star);
        const tail = pattern.slice(star + 1);
        if (
          specifier.length >= head.length + tail.length &&
          specifier.startsWith(head) &&
          specifier.endsWith(tail)
        ) {
          matched = specifier.slice(head.length, specifier.length - tail.length);
        }
      }
      if (matched === null) continue;
      for (const target of targets) {
        const joined = joinRepoPath(config.baseDir, target.replace("*", matched));
        if (joined !== null) out.push(joined);
      }
    }
    if (config.hasBaseUrl) {
      const joined = joinRepoPath(config.baseDir, specifier);
      if (joined !== null) out.push(joined);
    }
    return out;
  }

  /** The config of the nearest folder (from `dir` up to the root) that has one. */
  private configFor(dir: string): AliasConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: AliasConfig | null = null;
    const own = CONFIG_NAMES.map((name) => (dir === "" ? name : `${dir}/${name}`)).find((p) =>
      this.ctx.byPath.has(p),
    );
    if (own !== undefined) found = this.readConfig(own, 0);
    else if (dir !== "") found = this.configFor(parentDir(dir));
    this.byDir.set(dir, found);
    return found;
  }

  private readConfig(path: string, depth: number): AliasConfig | null {
    const file = this.ctx.byPath.get(path);
    if (file === undefined) return null;
    const config = (configJson(path, file.text) ?? {}) as {
      extends?: unknown;
      compilerOptions?: { baseUrl?: unknown; paths?: unknown };
    };
    const dir = parentDir(path);
    const base =
      typeof config.extends === "string" && config.extends.startsWith(".") && depth < MAX_EXTENDS
        ? this.readExtended(dir, config.extends, depth)
        : null;
    const options = config.compilerOptions ?? {};
    const baseUrl = typeof options.baseUrl === "string" ? joinRepoPath(dir, options.baseUrl) : null;
    const paths = pathsOf(options.paths);
    if (baseUrl === null && paths === null) return base;
    return {
      // TypeScript resolves `paths` against baseUrl when set, else against the config's folder.
      baseDir: baseUrl ?? (paths !== null ? dir : (base?.baseDir ?? dir)),
      hasBaseUrl: baseUrl !== null || (base?.hasBaseUrl ?? false),
      paths: paths ?? base?.paths ?? [],
    };
  }

  private readExtended(dir: string, extended: string, depth: number): AliasConfig | null {
    const target = joinRepoPath(dir, extended);
    if (target === null) return null;
    const path = target.endsWith(".json") ? target : `${target}.json`;
    return this.readConfig(path, depth + 1);
  }
}

/**
 * A config's content. Most configs are plain JSON (create-next-app's, Vite's): JSON.parse reads
 * them without loading TypeScript, whose JSONC reader (comments, trailing commas) is needed only
 * when that fails, and costs a few hundred milliseconds to load.
 */
function configJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // not plain JSON: read it as TypeScript does
  }
  const ts = require("typescript") as typeof TypeScript;
  return (ts.parseConfigFileTextToJson(path, text) as { config?: unknown }).config;
}

function pathsOf(value: unknown): [string, string[]][] | null {
  if (value === null || typeof value !== "object") return null;
  const out: [string, string[]][] = [];
  for (const [pattern, targets] of Object.entries(value)) {
    if (!Array.isArray(targets)) continue;
    out.push([pattern, targets.filter((t): t is string => typeof t === "string")]);
  }
  // Longest prefix before the "*" first, as TypeScript picks the most specific pattern.
  return out.sort((a, b) => prefixLength(b[0]) - prefixLength(a[0]));
}

function prefixLength(pattern: string): number {
  const star = pattern.indexOf("*");
  return star === -1 ? pattern.length + 1 : star;
}
