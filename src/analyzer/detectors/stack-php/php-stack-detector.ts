/**
 * The PHP stack detector: Laravel (declared in composer.json, used through routes/ and
 * Illuminate imports), its routes with full paths, and whether it serves JSON. Every routes/*.php
 * file is read (apps split routes into api.base.php, admin.php, …) except console and channel
 * files and the files another routes file includes. Routes in routes/api*.php, or loaded with the
 * `api` middleware group, are JSON by Laravel's convention (the `api` group, `/api` prefix);
 * elsewhere `response()->json(…)` or API resources (JsonResource) show it. An app whose routes only
 * return `view(…)` serves pages.
 */
import { joinRepoPath } from "../../repo-path.js";
import type { Endpoint, Evidence } from "../../report.js";
import type { Detector, Findings, ScanContext, SourceFile } from "../../scan-context.js";
import { evidence, lineAt } from "../../scan-context.js";
import { hasKey, manifestEntries } from "../manifests/other-ecosystems.js";
import { sortEndpoints } from "../stack-text/endpoint-list.js";
import { FrameworkSightings } from "../stack-text/framework-finding.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { stringLiteral } from "../stack-text/string-literal.js";
import type { PhpRouteFile } from "./laravel-routes.js";
import { laravelRoutes } from "./laravel-routes.js";

const ILLUMINATE = /^use\s+Illuminate\\/m;
const JSON_RESPONSE =
  /response\(\)\s*->\s*json\s*\(|\bextends\s+(?:JsonResource|ResourceCollection)\b|->\s*toJson\s*\(/;
const MAX_JSON_EVIDENCE = 5;
/** Route files that declare console commands and broadcast channels, not HTTP routes. */
const NOT_HTTP = new Set(["routes/console.php", "routes/channels.php"]);
/**
 * Where a file is loaded from: `__DIR__ . '/x.php'` or a bare `include 'api/v1/x.php'` (both
 * relative: PHP falls back to the including file's folder), or `base_path('routes/x.php')`.
 */
const FILE_REFERENCE =
  /__DIR__\s*\.\s*['"]([^'"]+\.php)['"]|base_path\s*\(\s*['"]([^'"]+\.php)['"]|\b(?:require|include)(?:_once)?\s*\(?\s*['"]([^'"]+\.php)['"]/g;
/**
 * Files that wire routes up: bootstrap/app.php (Laravel 11+) and service providers, in
 * app/Providers or wherever a custom layout keeps them (src/Support/Providers).
 */
const LOADER = /^bootstrap\/app\.php$|(?:^|\/)Providers\/[^/]+\.php$/;

export const phpStackDetector: Detector = {
  id: "stack-php",
  detect(ctx: ScanContext): Findings {
    const sightings = new FrameworkSightings();
    const json: Evidence[] = [];
    const endpoints: Endpoint[] = [];
    const masked = new Map<string, PhpRouteFile>();
    const load = (file: SourceFile): PhpRouteFile => {
      let entry = masked.get(file.path);
      if (!entry) {
        entry = { file, masked: maskComments(file.text, "php") };
        masked.set(file.path, entry);
      }
      return entry;
    };

    for (const file of ctx.files) {
      if (file.role !== "app") continue;
      if (file.name === "composer.json") {
        // require and require-dev alike: a Laravel package develops against the framework too.
        const laravel = manifestEntries(file)?.find((e) => hasKey(e, "composer:laravel/framework"));
        if (laravel)
          sightings.declared("laravel", {
            file: file.path,
            line: laravel.line,
            note: laravel.name,
          });
        continue;
      }
      if (file.ext !== "php") continue;
      const illuminate = ILLUMINATE.exec(file.text);
      if (illuminate) sightings.used("laravel", evidence(file, illuminate.index, "Illuminate"));
      if (file.text.includes("json") || file.text.includes("Resource")) {
        const m = JSON_RESPONSE.exec(load(file).masked);
        if (m) json.push(evidence(file, m.index, m[0].trim()));
      }
    }

    const apiPrefix = readApiPrefix(ctx);
    const routeFiles = ctx.files.filter(
      (f) =>
        f.role === "app" &&
        f.ext === "php" &&
        f.path.startsWith("routes/") &&
        !NOT_HTTP.has(f.path),
    );
    const loaders = ctx.files.filter((f) => f.role === "app" && LOADER.test(f.path));
    // A file another routes file pulls in is walked from there, with its includer's prefix.
    const included = new Set<string>();
    for (const file of routeFiles) {
      for (const ref of fileReferences(load(file).masked, file.path)) included.add(ref.path);
    }
    const routeNames = new Map<string, string>();
    for (const file of routeFiles) {
      if (included.has(file.path)) continue;
      const path = file.path;
      const dir = path.slice(0, path.lastIndexOf("/") + 1);
      const resolveRequire = (rel: string, fromRoot: boolean): PhpRouteFile | null => {
        const at = joinRepoPath(fromRoot ? "" : dir, rel);
        const target = at === null ? undefined : ctx.byPath.get(at);
        return target ? load(target) : null;
      };
      const loadedAs = loadingStatement(path, loaders, load);
      const isApi =
        /^routes\/api\b/.test(path) || /middleware\s*\(\s*['"]api['"]|\bapi\s*:/.test(loadedAs);
      const prefix =
        path === "routes/api.php"
          ? apiPrefix
          : (/prefix\s*\(\s*['"]([^'"]*)['"]/.exec(loadedAs)?.[1] ?? "");
      const found = laravelRoutes(load(file), prefix, resolveRequire, routeNames);
      if (found.length > 0) sightings.used("laravel", { file: path, line: found[0]?.line ?? 0 });
      if (isApi && found.length > 0)
        // The routes file is the strongest evidence, so it leads the list.
        json.unshift({ file: path, line: found[0]?.line ?? 0, note: "API routes file" });
      endpoints.push(...found);
    }
    const health = healthRoute(ctx, load);
    if (health !== null) endpoints.push(health);

    return {
      frameworks: sightings.findings(() => "backend"),
      endpoints: sortEndpoints(endpoints),
      routeNames,
      signals: {
        rest_api:
          json.length > 0 && endpoints.length > 0
            ? { value: true, evidence: json.slice(0, MAX_JSON_EVIDENCE) }
            : { value: false, evidence: [] },
      },
    };
  },
};

/** `apiPrefix:` in Laravel 11's bootstrap/app.php, or the prefix a RouteServiceProvider gives api.php. */
function readApiPrefix(ctx: ScanContext): string {
  const bootstrap = ctx.byPath.get("bootstrap/app.php");
  const p11 = bootstrap ? /apiPrefix\s*:\s*['"]([^'"]*)['"]/.exec(bootstrap.text) : null;
  if (p11) return p11[1] as string;
  const provider =
    ctx.byPath.get("app/Providers/RouteServiceProvider.php") ??
    ctx.files.find(
      (f) => f.role === "app" && f.path.endsWith("Providers/RouteServiceProvider.php"),
    );
  const p10 = provider
    ? /prefix\(\s*['"]([^'"]*)['"]\s*\)[^;]*?routes\/api\.php/.exec(provider.text)
    : null;
  return p10 ? (p10[1] as string) : "api";
}

/**
 * Laravel 11+ answers the health check that `withRouting(health: '/up')` in bootstrap/app.php
 * names (every new app has it); no routes file declares it.
 */
function healthRoute(ctx: ScanContext, load: (file: SourceFile) => PhpRouteFile): Endpoint | null {
  const bootstrap = ctx.byPath.get("bootstrap/app.php");
  if (bootstrap?.text.includes("health") !== true) return null;
  const masked = load(bootstrap).masked;
  const m = /\bwithRouting\s*\([^;]*?\bhealth\s*:\s*(['"][^'"]+['"])/.exec(masked);
  const path = m?.[1] === undefined ? null : stringLiteral(m[1]);
  if (m === null || path === null) return null;
  return {
    method: "GET",
    path: `/${path.replace(/^\//, "")}`,
    framework: "laravel",
    file: bootstrap.path,
    line: lineAt(masked, m.index + m[0].lastIndexOf("health")),
    resolved: true,
  };
}

/** The route files a PHP file loads, as repository paths. */
function fileReferences(masked: string, from: string): { path: string; at: number }[] {
  const dir = from.slice(0, from.lastIndexOf("/") + 1);
  const out: { path: string; at: number }[] = [];
  for (const m of masked.matchAll(FILE_REFERENCE)) {
    const relative = m[1] ?? m[3];
    const path =
      relative !== undefined ? joinRepoPath(dir, relative) : joinRepoPath("", m[2] ?? "");
    if (path !== null) out.push({ path, at: m.index });
  }
  return out;
}

/**
 * The statement of bootstrap/app.php or a provider that loads a routes file, e.g.
 * `Route::middleware('api')->prefix('v1')->group(base_path('routes/partner.php'))` or the
 * argument name in `withRouting(api: …)`, or "" when nothing names it (Laravel's own web.php and api.php are loaded by convention).
 */
function loadingStatement(
  path: string,
  loaders: readonly SourceFile[],
  load: (file: SourceFile) => PhpRouteFile,
): string {
  for (const loader of loaders) {
    if (!loader.text.includes(path.slice(path.lastIndexOf("/") + 1))) continue;
    const masked = load(loader).masked;
    for (const ref of fileReferences(masked, loader.path)) {
      if (ref.path !== path) continue;
      const start = Math.max(masked.lastIndexOf(";", ref.at), masked.lastIndexOf("{", ref.at)) + 1;
      const before = masked.slice(start, ref.at);
      // withRouting(web: …, api: …): only the argument's own name speaks for this file.
      const named = /(\w+)\s*:\s*$/.exec(before);
      return named ? `${named[1] as string}:` : before;
    }
  }
  return "";
}
