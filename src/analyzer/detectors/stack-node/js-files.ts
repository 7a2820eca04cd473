/**
 * Which files the Node stack detector reads, decided from names and a cheap text test only, so
 * that repositories without candidates never load the TypeScript parser.
 */
import { nearestDir, parentDir } from "../../repo-path.js";
import type { ScanContext, SourceFile } from "../../scan-context.js";
import type { PackageManifest } from "../manifests/package-json.js";

export const JS_EXTENSIONS: ReadonlySet<string> = new Set([
  "js",
  "jsx",
  "mjs",
  "cjs",
  "ts",
  "tsx",
  "mts",
  "cts",
]);

/**
 * A cheap text test for files worth parsing at all: a mention of a server framework, a mount or
 * registration call, or a route call whose first argument is a literal path. `cache.get(key)`
 * and `map.get("id")` do not make a file a candidate, which keeps most files unparsed.
 */
export const ROUTE_CALL_HINT =
  /["'](?:express|fastify|fastify-plugin|koa|@koa\/router|koa-router|hono|@hono\/[\w-]+)["']|\.(?:use|register|route|openapi)\s*\(|\.(?:get|post|put|patch|delete|del|all|head|options|on)\s*\(\s*(?:["'`]\/|\[)/;

/** NestJS files are read for decorators; other app files only when they look like routing. */
export function isNestCandidate(file: SourceFile): boolean {
  return file.text.includes("@nestjs/");
}

/**
 * Files read for controller decorators: NestJS's, and routing-controllers' (whose files may also
 * register plain Express or Koa routes, so they are read for both).
 */
export function isDecoratorCandidate(file: SourceFile): boolean {
  return isNestCandidate(file) || file.text.includes("routing-controllers");
}

export function isRouteCandidate(file: SourceFile): boolean {
  return (
    file.role === "app" &&
    JS_EXTENSIONS.has(file.ext) &&
    !file.name.endsWith(".d.ts") &&
    (isDecoratorCandidate(file) || ROUTE_CALL_HINT.test(file.text))
  );
}

/** tRPC files worth parsing: in a package that depends on @trpc/server, mentioning "trpc". */
export function trpcCandidates(
  ctx: ScanContext,
  manifests: readonly PackageManifest[],
): SourceFile[] {
  const packageDirs = new Set(manifests.map((m) => parentDir(m.file.path)));
  const serverDirs = new Set(
    manifests
      .filter((m) => m.dependencies.some((d) => d.name === "@trpc/server"))
      .map((m) => parentDir(m.file.path)),
  );
  if (serverDirs.size === 0) return [];
  return ctx.files.filter((file) => {
    if (file.role !== "app" || !JS_EXTENSIONS.has(file.ext) || file.name.endsWith(".d.ts")) {
      return false;
    }
    if (!file.text.includes("trpc") && !file.text.includes("TRPC")) return false;
    const pkgDir = nearestDir(parentDir(file.path), packageDirs);
    return pkgDir !== undefined && serverDirs.has(pkgDir);
  });
}
