/**
 * The servlet prefixes Spring Boot puts in front of every mapping: `server.servlet.context-path`,
 * `spring.mvc.servlet.path` and, for WebFlux, `spring.webflux.base-path`, read from the default
 * (profile-less) application.properties / application.yml of each module. Profile-specific files
 * are ignored: the report describes the application as it runs without extra configuration.
 * Servlet filters (Spring Security's logout and login URLs) match the path after the context path,
 * so the DispatcherServlet's own `spring.mvc.servlet.path` is not in front of theirs.
 */
import type { ScanContext, SourceFile } from "../../scan-context.js";
import { joinUrlPath } from "../stack-text/url-path.js";
import { yamlParser } from "./yaml-parser.js";

const CONFIG_NAME = /^application\.(properties|ya?ml)$/;
const PREFIX_KEYS = [
  "server.servlet.context-path",
  "spring.mvc.servlet.path",
  "spring.webflux.base-path",
];

export interface ServletPrefix {
  readonly path: string;
  readonly resolved: boolean;
}

interface ModuleConfig {
  readonly moduleRoot: string;
  readonly standardLayout: boolean;
  readonly properties: boolean;
  readonly prefix: ServletPrefix;
  /** the prefix without the DispatcherServlet's path, for URLs a filter serves */
  readonly filterPrefix: ServletPrefix;
  /** every property of the default config, by its dotted key */
  readonly values: ReadonlyMap<string, string>;
}

export class SpringPrefixes {
  private readonly configs: ModuleConfig[];

  constructor(ctx: ScanContext) {
    this.configs = ctx.files
      .filter((f) => f.role === "app" && CONFIG_NAME.test(f.name))
      .map((f) => ({
        moduleRoot: moduleRoot(f.path),
        standardLayout: f.path.includes("src/main/"),
        properties: f.ext === "properties",
        ...readPrefixes(f),
      }));
  }

  /** The prefix for a controller file: the config of the module that holds it. */
  forFile(path: string): ServletPrefix {
    return this.configFor(path)?.prefix ?? { path: "", resolved: true };
  }

  /** The prefix for a URL a servlet filter of the file's module serves. */
  forFilters(path: string): ServletPrefix {
    return this.configFor(path)?.filterPrefix ?? { path: "", resolved: true };
  }

  /** The value of a property (`jwt.route.path`) in the config of the file's module. */
  property(path: string, key: string): string | undefined {
    const root = this.configFor(path)?.moduleRoot;
    if (root === undefined) return undefined;
    // application.properties and application.yml of one module are merged, .properties first.
    const own = this.configs.filter((c) => c.moduleRoot === root);
    const ordered = [...own.filter((c) => c.properties), ...own.filter((c) => !c.properties)];
    for (const c of ordered) {
      const value = c.values.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Whether the file's module has a default config of its own. */
  hasConfig(path: string): boolean {
    return this.configFor(path) !== null;
  }

  /** The roots of the modules whose default config sets one of the keys. */
  modulesSetting(keys: readonly string[]): string[] {
    const roots = this.configs
      .filter((c) => keys.some((key) => c.values.has(key)))
      .map((c) => c.moduleRoot);
    return [...new Set(roots)];
  }

  private configFor(path: string): ModuleConfig | null {
    let best: ModuleConfig | null = null;
    for (const c of this.configs) {
      if (path.startsWith(c.moduleRoot) && (!best || c.moduleRoot.length > best.moduleRoot.length))
        best = c;
    }
    // A lone config outside the Maven/Gradle layout is taken to serve the whole repository.
    const only = this.configs.length === 1 ? (this.configs[0] as ModuleConfig) : null;
    if (!best && only && !only.standardLayout) best = only;
    return best;
  }
}

function moduleRoot(path: string): string {
  const at = path.indexOf("src/main/");
  if (at !== -1) return path.slice(0, at);
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash + 1);
}

function readPrefixes(file: SourceFile): Pick<ModuleConfig, "prefix" | "filterPrefix" | "values"> {
  const values = file.ext === "properties" ? readProperties(file.text) : readYaml(file.text);
  return {
    values,
    prefix: joinPrefix(values, PREFIX_KEYS),
    filterPrefix: joinPrefix(
      values,
      PREFIX_KEYS.filter((key) => key !== "spring.mvc.servlet.path"),
    ),
  };
}

function joinPrefix(values: ReadonlyMap<string, string>, keys: readonly string[]): ServletPrefix {
  const parts: string[] = [];
  let resolved = true;
  for (const key of keys) {
    const v = values.get(key);
    if (v === undefined || v === "") continue;
    // `${CONTEXT_PATH:/api}` comes from the environment: take the default if there is one.
    const placeholder = /^\$\{[^:}]+(?::([^}]*))?\}$/.exec(v);
    if (placeholder) {
      if (placeholder[1] === undefined) resolved = false;
      else parts.push(placeholder[1]);
      continue;
    }
    parts.push(v);
  }
  return { path: parts.length > 0 ? joinUrlPath(...parts) : "", resolved };
}

function readProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^\s*([\w.-]+)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (m) out.set(m[1] as string, m[2] as string);
  }
  return out;
}

function readYaml(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of yamlParser().parseAllDocuments(text)) {
    if (doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    if (!isRecord(value) || isProfileDocument(value)) continue;
    flatten(value, "", out);
  }
  return out;
}

/** `{ server: { servlet: { context-path: /api } } }` → `server.servlet.context-path` = `/api`. */
function flatten(node: Record<string, unknown>, prefix: string, out: Map<string, string>): void {
  for (const [key, v] of Object.entries(node)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (isRecord(v)) flatten(v, path, out);
    else if (typeof v === "string") out.set(path, v.trim());
    else if (typeof v === "number" || typeof v === "boolean") out.set(path, String(v));
  }
}

function isProfileDocument(doc: Record<string, unknown>): boolean {
  return (
    lookup(doc, ["spring", "config", "activate", "on-profile"]) !== undefined ||
    // The legacy `spring.profiles: dev` marks a profile document; `spring.profiles.active` does not.
    typeof lookup(doc, ["spring", "profiles"]) === "string"
  );
}

/** Reads `a.b.c` from nested maps, also when some levels are written as dotted keys. */
function lookup(node: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return node;
  if (!isRecord(node)) return undefined;
  for (let take = path.length; take >= 1; take--) {
    const key = path.slice(0, take).join(".");
    if (key in node) {
      const found = lookup(node[key], path.slice(take));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
