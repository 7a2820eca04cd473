/**
 * Which files of a repository are front-end code, the web client's. Facts about a backend (input
 * validation, configuration from the environment, logging, auth…) are about the code that serves
 * requests: a React form's validation or a Playwright config reading process.env says nothing of
 * it, and cited as evidence it misleads the reader. Decided once per repository, from the
 * manifests the inventory already holds:
 * - a single-file component (.vue, .svelte) is browser code wherever it lies (Nuxt and SvelteKit
 *   keep their server code in .ts and .js files);
 * - a browser-test config (playwright.config.*, cypress.config.*) configures a browser run;
 * - a web-client package: every file whose nearest project manifest is a package.json that
 *   declares a UI library and no Node server framework the analyzer recognises (a frontend/ folder
 *   beside a backend/);
 * - a .jsx or .tsx file of a package that declares a UI library beside a server framework (an
 *   Express app with React for its pages): the components are the client's, the server's .ts and
 *   .js files stay backend. Hono renders JSX on the server, so its packages keep their .tsx.
 * - a full-stack framework's package (Next.js, Nuxt, SvelteKit, Remix, Astro…) that handles no
 *   request itself: no API route or route handler, no server action, loader or middleware, only
 *   pages that call someone else's API. It is a web client like any other.
 * - in a Next.js package that handles requests, the files Next.js runs only in the browser:
 *   "use client" modules, Pages Router pages without a data function, modules calling client-only
 *   hooks (see next-client-files.ts). Its API routes, route handlers, server actions, middleware
 *   and server components stay backend.
 * Never front-end: files of a server language (.py, .go, .java…), and, but for components,
 * browser-test configs and Next.js's client modules, the files of a full-stack framework's
 * package that handles requests, whose API routes, loaders and server components sit among its
 * pages and cannot be told apart by path alone.
 */
import { parentDir } from "./repo-path.js";
import { isServerManifest } from "./detectors/manifests/project-manifests.js";
import { parsePackageJson } from "./detectors/manifests/package-json.js";
import { NODE_SERVER_PACKAGES } from "./detectors/stack-node/node-frameworks.js";
import type { ScanContext } from "./scan-context.js";
import { nextClientModules, type NextModule } from "./next-client-files.js";

/** Libraries that render a user interface; one declared makes a package a web client's. */
const UI_PACKAGES = new Set([
  "react",
  "react-dom",
  "preact",
  "vue",
  "@angular/core",
  "svelte",
  "solid-js",
  "lit",
]);

/** Frameworks whose packages hold server code beside the pages. */
const FULL_STACK_PACKAGES = new Set([
  "next",
  "nuxt",
  "@sveltejs/kit",
  "@remix-run/node",
  "@remix-run/cloudflare",
  "@remix-run/deno",
  "@react-router/node",
  "@react-router/dev",
  "astro",
  "@builder.io/qwik-city",
  "@solidjs/start",
  "@tanstack/react-start",
  "@analogjs/platform",
]);

const SERVER_PACKAGES = new Set(NODE_SERVER_PACKAGES);

/** Server frameworks that render JSX themselves: their .tsx files are server code. */
const JSX_SERVER_PACKAGES = new Set(["hono"]);

/** Source of languages that do not run in a browser. */
const SERVER_LANGUAGE_EXTS = new Set([
  ...["py", "go", "java", "kt", "scala", "groovy", "rb", "erb", "rake", "php", "cs", "rs"],
  ...["ex", "exs"],
]);

/**
 * Where full-stack frameworks put the code that answers requests: API routes (pages/api/,
 * routes/api/), Next's route.ts handlers, server/ folders (Nuxt, Analog, SvelteKit's lib/server),
 * SvelteKit's +server.ts and *.server.ts (also Remix's), and request middleware.
 */
const SERVER_ENTRY_PATH =
  /(?:^|\/)(?:pages|routes)\/api\/|(?:^|\/)app\/(?:.+\/)?route\.[cm]?[jt]s$|(?:^|\/)server\/|(?:^|\/)(?:\+server|[^/]+\.server|middleware)\.[cm]?[jt]sx?$/;
/**
 * Code that answers requests, by what it says: server actions, HTTP-method handlers (Astro
 * endpoints, route handlers), Remix loaders and actions, TanStack Start's and Qwik City's server
 * functions. Props loaders such as getServerSideProps render a page and are not among them.
 */
const SERVER_ENTRY_CODE =
  /['"]use server['"]|\bexport\s+(?:async\s+)?(?:function|const)\s+(?:GET|POST|PUT|PATCH|DELETE|loader|action)\b|\b(?:createServerFn|createAPIFileRoute|createServerFileRoute|routeLoader\$|routeAction\$|server\$)\s*\(/;
const SERVER_ENTRY_WORDS = [
  "use server",
  "export",
  "createServerFn",
  "createAPIFileRoute",
  "createServerFileRoute",
  "$(",
];

const COMPONENT_EXTS = new Set(["vue", "svelte"]);
const JSX_EXTS = new Set(["jsx", "tsx"]);
const BROWSER_TEST_CONFIG = /^(?:playwright|cypress)\.config\.[cm]?[jt]s$/;

/** What a package.json declares, as far as front-end code is concerned. */
interface PackageKind {
  readonly ui: boolean;
  readonly server: boolean;
  readonly fullStack: boolean;
  /** declares Next.js, whose directives and Pages Router tell client modules apart */
  readonly next: boolean;
  readonly jsxServer: boolean;
}

interface Folder {
  /** what the nearest package.json at or above the folder declares */
  readonly pkg: PackageKind | undefined;
  /** the folder of that package.json */
  readonly pkgDir: string | undefined;
  /** a server manifest lies at or above the folder, below or beside that package.json */
  readonly serverFirst: boolean;
}

const cache = new WeakMap<ScanContext, ReadonlySet<string>>();

/** The repository-relative paths of the application's front-end files, computed once. */
export function frontEndFiles(ctx: ScanContext): ReadonlySet<string> {
  let found = cache.get(ctx);
  if (!found) {
    found = findFrontEndFiles(ctx);
    cache.set(ctx, found);
  }
  return found;
}

function findFrontEndFiles(ctx: ScanContext): Set<string> {
  const packages = new Map<string, PackageKind>();
  const serverManifestDirs = new Set<string>();
  const declared = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app") continue;
    if (isServerManifest(file)) serverManifestDirs.add(parentDir(file.path));
    if (file.name !== "package.json") continue;
    const deps = parsePackageJson(file)?.dependencies ?? [];
    const names = new Set(deps.map((d) => d.name));
    for (const name of names) declared.add(name);
    const any = (set: ReadonlySet<string>): boolean => [...set].some((n) => names.has(n));
    // A server framework among devDependencies runs a mock API or a dev proxy, not the package.
    const runtime = new Set(deps.filter((d) => d.scope === "prod").map((d) => d.name));
    packages.set(parentDir(file.path), {
      ui: any(UI_PACKAGES),
      server: [...SERVER_PACKAGES].some((n) => runtime.has(n)),
      fullStack: any(FULL_STACK_PACKAGES),
      next: names.has("next"),
      jsxServer: any(JSX_SERVER_PACKAGES),
    });
  }
  // The nearest package.json of each folder, and whether a server manifest (pyproject.toml,
  // go.mod…) comes first or sits beside it: then the folder is a server's, not a web client's.
  // Resolved once per folder; without a UI library declared anywhere there is nothing to resolve.
  const folders = new Map<string, Folder>();
  const folder = (dir: string): Folder => {
    let known = folders.get(dir);
    if (known === undefined) {
      const pkg = packages.get(dir);
      const above = pkg === undefined && dir !== "" ? folder(parentDir(dir)) : undefined;
      known = {
        pkg: pkg ?? above?.pkg,
        pkgDir: pkg === undefined ? above?.pkgDir : dir,
        serverFirst: serverManifestDirs.has(dir) || (above?.serverFirst ?? false),
      };
      folders.set(dir, known);
    }
    return known;
  };
  const handling = [...packages.values()].some((p) => p.fullStack)
    ? packagesHandlingRequests(ctx, folder)
    : new Set<string>();
  // Next.js packages that handle requests still hold client modules.
  const anyUi = [...packages.entries()].some(
    ([dir, p]) => p.ui && (p.next || !p.fullStack || !handling.has(dir)),
  );
  const out = new Set<string>();
  const nextModules: NextModule[] = [];
  for (const file of ctx.files) {
    if (file.role !== "app" || SERVER_LANGUAGE_EXTS.has(file.ext)) continue;
    if (COMPONENT_EXTS.has(file.ext) || BROWSER_TEST_CONFIG.test(file.name)) {
      out.add(file.path);
      continue;
    }
    if (!anyUi) continue;
    const { pkg, pkgDir, serverFirst } = folder(parentDir(file.path));
    if (pkg === undefined || !pkg.ui) continue;
    if (pkg.fullStack && (pkgDir === undefined || handling.has(pkgDir))) {
      if (pkg.next && pkgDir !== undefined) {
        const relative = pkgDir === "" ? file.path : file.path.slice(pkgDir.length + 1);
        nextModules.push({ file, relative, servesByPath: SERVER_ENTRY_PATH.test(relative) });
      }
      continue;
    }
    if ((!pkg.server && !serverFirst) || (JSX_EXTS.has(file.ext) && !pkg.jsxServer))
      out.add(file.path);
  }
  if (nextModules.length > 0)
    for (const path of nextClientModules(ctx, nextModules, declared)) out.add(path);
  return out;
}

/** The folders of full-stack framework packages with a file that answers requests. */
function packagesHandlingRequests(ctx: ScanContext, folder: (dir: string) => Folder): Set<string> {
  const out = new Set<string>();
  for (const file of ctx.files) {
    if (file.role !== "app" || SERVER_LANGUAGE_EXTS.has(file.ext)) continue;
    const { pkg, pkgDir } = folder(parentDir(file.path));
    if (pkg?.fullStack !== true || pkgDir === undefined || out.has(pkgDir)) continue;
    const relative = pkgDir === "" ? file.path : file.path.slice(pkgDir.length + 1);
    if (SERVER_ENTRY_PATH.test(relative)) out.add(pkgDir);
    else if (
      SERVER_ENTRY_WORDS.some((w) => file.text.includes(w)) &&
      SERVER_ENTRY_CODE.test(file.text)
    )
      out.add(pkgDir);
  }
  return out;
}
