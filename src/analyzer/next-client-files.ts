/**
 * Which files of a Next.js package run only in the browser, as Next.js itself decides it. A
 * component that hides a page by `session.user.role`, or a form that checks its fields with yup
 * or zod, protects nothing on the server: the route handlers, API routes, server actions and
 * middleware do, and only they are evidence of the backend's authorization and validation.
 *
 * Client entry points:
 * - a module whose first statement is the `"use client"` directive (before any import, as Next
 *   requires): it and what it imports are the client's;
 * - a Pages Router page (`pages/**` but `pages/api/**`, also under `src/`), a component rendered
 *   in the browser, unless it exports a data function (`getServerSideProps`, `getStaticProps`,
 *   `getStaticPaths`, `getInitialProps`) that runs on the server; `_document` renders on the
 *   server only and `_middleware` is Next 12's middleware;
 * - a module calling a hook React or Next.js gives client components only (`useState`,
 *   `useEffect`, `useRouter`, NextAuth's `useSession`…): React's server build has no such hooks.
 * Server entry points: the files that answer requests by their path (API routes, route handlers,
 * middleware, server/ folders: the caller says which), `"use server"` modules and components
 * with inline server actions, modules importing `server-only`, pages with a data function, and
 * the App Router's pages and layouts, server components unless they say "use client".
 * A module is the client's when a client entry point imports it (directly or further down) and
 * no server entry point does, a server component's imports stopping at a "use client" module.
 * A module nobody imports, or both sides do, keeps its place in the backend.
 */
import { parentDir } from "./repo-path.js";
import type { ScanContext, SourceFile } from "./scan-context.js";
import { inSlashComment } from "./detectors/stack-text/mask-comments.js";
import { ModulePaths } from "./detectors/stack-node/module-paths.js";
import { IMPORT_RE, typeOnly } from "./detectors/stack-node/node-frameworks.js";

/** Where a module runs, by what it says of itself and where it lies. */
type Side = "client" | "server" | "unknown";

const SCRIPT_EXTS = new Set(["js", "jsx", "ts", "tsx", "mjs", "mts"]);
/** A page of the Pages Router relative to its package, not an API route; group 1 is its name. */
const PAGES_PAGE = /^(?:src\/)?pages\/(?!api\/)(?:[^/]+\/)*([^/]+)\.[cm]?[jt]sx?$/;
/** Pages that are no browser component: the server-only document and Next 12's middleware. */
const SERVER_PAGE_NAMES = /^_(?:document|middleware)$/;
/** The App Router's files that render a route, server components unless they say otherwise. */
const APP_ROUTER_FILE =
  /^(?:src\/)?app\/(?:.+\/)?(?:page|layout|template|loading|not-found|default|forbidden|unauthorized)\.[jt]sx?$/;
/** A page's data function, exported by its declaration or in an export list. */
const DATA_FUNCTION =
  /\bexport\s+(?:async\s+)?(?:function\s*|const\s+|let\s+|var\s+)(?:getServerSideProps|getStaticProps|getStaticPaths)\b|\bexport\s*\{[^}]*\b(?:getServerSideProps|getStaticProps|getStaticPaths)\b|\.getInitialProps\s*=|\bstatic\s+(?:async\s+)?getInitialProps\b/;
const DATA_FUNCTION_WORDS = [
  "getServerSideProps",
  "getStaticProps",
  "getStaticPaths",
  "getInitialProps",
];
/** Hooks of client components only: React's state and effects, Next's navigation, NextAuth's session, form state. */
const CLIENT_HOOK =
  /\b(?:useState|useReducer|useEffect|useLayoutEffect|useRef|useContext|useRouter|usePathname|useSearchParams|useSession|useForm|useFormik)\s*(?:<[^>\n]{0,120}>\s*)?\(/g;
const SERVER_ONLY = /\bimport\s+['"]server-only['"]/;

/** A script of one Next.js package that handles requests, with its path inside the package. */
export interface NextModule {
  readonly file: SourceFile;
  readonly relative: string;
  /** the file answers requests by its path (API route, route handler, middleware…) */
  readonly servesByPath: boolean;
}

/**
 * The paths of the given Next.js modules that run only in the browser; `packages` are the names
 * of the packages the repository declares, whose imports need no resolving.
 */
export function nextClientModules(
  ctx: ScanContext,
  modules: readonly NextModule[],
  packages: ReadonlySet<string>,
): Set<string> {
  const sides = new Map<string, Side>();
  for (const m of modules) {
    if (SCRIPT_EXTS.has(m.file.ext) && !m.file.name.endsWith(".d.ts"))
      sides.set(m.file.path, m.servesByPath ? "server" : sideOf(m.file, m.relative));
  }
  const clientRoots = [...sides].filter(([, side]) => side === "client").map(([path]) => path);
  const out = new Set(clientRoots);
  if (clientRoots.length === 0) return out;
  const graph = new ImportGraph(ctx, sides, packages);
  const serverRoots = [...sides].filter(([, side]) => side === "server").map(([path]) => path);
  // A server component's imports stop at a client module: it is the client's entry point.
  const server = graph.reach(serverRoots, (path) => sides.get(path) !== "client");
  const client = graph.reach(clientRoots, (path) => sides.get(path) !== "server");
  for (const path of client) if (!server.has(path)) out.add(path);
  return out;
}

/** Where a module runs by itself: a client or server entry point, or either as imported. */
function sideOf(file: SourceFile, relative: string): Side {
  const directives = leadingDirectives(file.text);
  if (directives.includes("use server")) return "server";
  if (directives.includes("use client")) return "client";
  const { text } = file;
  if (text.includes("use server") && /['"]use server['"]/.test(text)) return "server";
  if (text.includes("server-only") && SERVER_ONLY.test(text)) return "server";
  if (DATA_FUNCTION_WORDS.some((w) => text.includes(w)) && DATA_FUNCTION.test(text))
    return "server";
  const page = PAGES_PAGE.exec(relative);
  if (page !== null) return SERVER_PAGE_NAMES.test(page[1] ?? "") ? "server" : "client";
  // Before the App Router's files: an app/ folder of a Pages Router app (Next 12 and older)
  // holds plain components, and a hook there says which.
  if (callsClientHook(text)) return "client";
  return APP_ROUTER_FILE.test(relative) ? "server" : "unknown";
}

function callsClientHook(text: string): boolean {
  if (!text.includes("use")) return false;
  CLIENT_HOOK.lastIndex = 0;
  for (let m = CLIENT_HOOK.exec(text); m !== null; m = CLIENT_HOOK.exec(text)) {
    if (!inSlashComment(text, m.index)) return true;
  }
  return false;
}

/** The package's own modules each module imports, resolved once, on demand. */
class ImportGraph {
  private readonly paths: ModulePaths;
  private readonly edges = new Map<string, readonly string[]>();
  /** folder and specifier → the module they name (null: none of the package's), as many files share both */
  private readonly resolved = new Map<string, string | null>();

  constructor(
    private readonly ctx: ScanContext,
    private readonly sides: ReadonlyMap<string, Side>,
    private readonly packages: ReadonlySet<string>,
  ) {
    this.paths = new ModulePaths(ctx);
  }

  /** The modules reachable from `roots` through imports, entering only modules `enter` allows. */
  reach(roots: readonly string[], enter: (path: string) => boolean): Set<string> {
    const seen = new Set(roots);
    const queue = [...roots];
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      for (const next of this.importsOf(path)) {
        if (seen.has(next) || !enter(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  }

  private importsOf(path: string): readonly string[] {
    let found = this.edges.get(path);
    if (found === undefined) {
      found = this.resolveImports(path);
      this.edges.set(path, found);
    }
    return found;
  }

  private resolveImports(path: string): string[] {
    const file = this.ctx.byPath.get(path);
    if (file === undefined) return [];
    const out: string[] = [];
    const dir = parentDir(file.path);
    for (const match of file.text.matchAll(IMPORT_RE)) {
      const specifier = match[1] ?? "";
      // Declared packages (react, next/link, @prisma/client) and Node's own modules are never
      // the project's files; aliases (@/lib, ~/server, tsconfig paths) and relative paths may be.
      if (specifier.startsWith("node:") || this.packages.has(packageOf(specifier))) continue;
      if (typeOnly(file.text, match.index) || inSlashComment(file.text, match.index)) continue;
      const key = `${dir}\n${specifier}`;
      let target = this.resolved.get(key);
      if (target === undefined) {
        const module = this.paths.resolveFile(specifier, file)?.path;
        target = module !== undefined && this.sides.has(module) ? module : null;
        this.resolved.set(key, target);
      }
      if (target !== null) out.push(target);
    }
    return out;
  }
}

/** The package a bare specifier names: "@scope/name" or "name", without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/**
 * The directives of a module's prologue (`"use client"`, `'use strict'`), read up to the first
 * statement that is not one: comments, blank space and a byte-order mark may come before them.
 */
export function leadingDirectives(text: string): string[] {
  const found: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && found.length < 4) {
    const c = text.charAt(i);
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      if (end === -1) break;
      i = end + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) break;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      const body = text.slice(i + 1, close);
      if (body.includes("\n") || body.includes("\\")) break;
      // A directive is a statement of its own: `"use client".length` is an expression.
      let j = close + 1;
      while (text.charAt(j) === " " || text.charAt(j) === "\t") j++;
      const next = text.charAt(j);
      if (next !== "" && next !== ";" && next !== "\n" && next !== "\r" && next !== "/") break;
      found.push(body);
      i = next === ";" ? j + 1 : j;
    } else {
      break;
    }
  }
  return found;
}
